package org.ferrogen.genai.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a byte-level BPE vocabulary (GPT-2 style) on a text: the text is pre-tokenized with GPT-2's
 * {@link PreTokenizer} (tokenizer.ggml.pre = gpt-2, the one written with the vocabulary), the vocabulary starts with the 256 byte tokens (in byte order), and the most
 * frequent adjacent pair of symbols (counted within pre-tokenized words) is merged repeatedly;
 * ties go to the pair whose merged string sorts first, so training is deterministic. Special tokens
 * (control type) are appended after the learned tokens.
 */
public final class BpeTrainer {
  private BpeTrainer() {}

  /**
   * @param text training text
   * @param vocabSize total vocabulary size including the 256 byte tokens and the special tokens; the
   *     result is smaller only when every pre-tokenized word of the text has become a single token
   * @param specialTokens e.g. {@code <s>}, {@code </s>}; the first is BOS and the second EOS when given
   */
  public static BpeVocabulary train(String text, int vocabSize, List<String> specialTokens) {
    int learned = vocabSize - 256 - specialTokens.size();
    if (learned < 0) {
      throw new IllegalArgumentException("vocabulary size " + vocabSize + " is smaller than the 256 byte tokens plus "
          + specialTokens.size() + " special tokens");
    }
    List<String> tokens = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (int b = 0; b < 256; b++) {
      String t = String.valueOf(ByteUnicode.charOf(b));
      index.put(t, tokens.size());
      tokens.add(t);
    }
    Map<String, Integer> wordCounts = new LinkedHashMap<>();
    for (String piece : PreTokenizer.forName("gpt-2").split(text)) {
      wordCounts.merge(piece, 1, Integer::sum);
    }
    int words = wordCounts.size();
    int[][] symbols = new int[words][];
    long[] counts = new long[words];
    int w = 0;
    for (Map.Entry<String, Integer> e : wordCounts.entrySet()) {
      byte[] bytes = e.getKey().getBytes(StandardCharsets.UTF_8);
      symbols[w] = new int[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        symbols[w][i] = bytes[i] & 0xff;
      }
      counts[w++] = e.getValue();
    }
    int[] lengths = new int[words];
    for (int i = 0; i < words; i++) {
      lengths[i] = symbols[i].length;
    }
    List<String> merges = new ArrayList<>();
    Map<Long, Long> pairCounts = new HashMap<>();
    while (tokens.size() < 256 + learned) {
      pairCounts.clear();
      for (int i = 0; i < words; i++) {
        int[] s = symbols[i];
        for (int j = 0; j + 1 < lengths[i]; j++) {
          pairCounts.merge(((long) s[j] << 32) | s[j + 1], counts[i], Long::sum);
        }
      }
      long bestPair = -1;
      long bestCount = 0;
      String bestString = null;
      for (Map.Entry<Long, Long> e : pairCounts.entrySet()) {
        long c = e.getValue();
        if (c < bestCount) {
          continue;
        }
        long p = e.getKey();
        String merged = tokens.get((int) (p >>> 32)) + tokens.get((int) p);
        if (c > bestCount || merged.compareTo(bestString) < 0) {
          bestCount = c;
          bestPair = p;
          bestString = merged;
        }
      }
      if (bestPair < 0) {
        break;
      }
      int left = (int) (bestPair >>> 32);
      int right = (int) bestPair;
      merges.add(tokens.get(left) + " " + tokens.get(right));
      Integer existing = index.get(bestString);
      int id;
      if (existing != null) {
        id = existing;
      } else {
        id = tokens.size();
        tokens.add(bestString);
        index.put(bestString, id);
      }
      for (int i = 0; i < words; i++) {
        int[] s = symbols[i];
        int out = 0;
        for (int j = 0; j < lengths[i]; j++) {
          if (j + 1 < lengths[i] && s[j] == left && s[j + 1] == right) {
            s[out++] = id;
            j++;
          } else {
            s[out++] = s[j];
          }
        }
        lengths[i] = out;
      }
    }
    int[] types = new int[tokens.size() + specialTokens.size()];
    Arrays.fill(types, Tokenizer.TYPE_NORMAL);
    int bos = -1;
    int eos = -1;
    for (int i = 0; i < specialTokens.size(); i++) {
      String st = specialTokens.get(i);
      if (index.containsKey(st) || specialTokens.subList(0, i).contains(st)) {
        throw new IllegalArgumentException("special token '" + st + "' duplicates another token");
      }
      types[tokens.size()] = Tokenizer.TYPE_CONTROL;
      if (i == 0) {
        bos = tokens.size();
      } else if (i == 1) {
        eos = tokens.size();
      }
      tokens.add(st);
    }
    return new BpeVocabulary(tokens, types, merges, bos, eos);
  }
}
