package org.ferrogen.genai.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SentencePiece-style BPE as llama.cpp runs it for {@code tokenizer.ggml.model = llama}: spaces
 * become ▁ (U+2581), a ▁ is put in front of the text, the text starts as one symbol per character,
 * and the adjacent pair whose concatenation is a vocabulary token with the highest score is merged
 * (leftmost on ties) until none is; characters not in the vocabulary fall back to their UTF-8 bytes
 * as {@code <0xXX>} tokens. As in SentencePiece itself, a literal ▁ in the input is
 * indistinguishable from a space and decodes as one.
 */
public final class SentencePieceTokenizer implements Tokenizer {
  static final char SPACE = '\u2581';
  private final String[] tokens;
  private final float[] scores;
  private final int[] types;
  private final Map<String, Integer> ids = new HashMap<>();
  private final int[] byteTokens = new int[256];
  private final int unk;
  private final int bos;
  private final int eos;
  private final boolean addBos;
  private final boolean addSpacePrefix;

  public SentencePieceTokenizer(List<String> tokens, float[] scores, int[] types, int unk, int bos, int eos,
      boolean addBos, boolean addSpacePrefix) {
    this.tokens = tokens.toArray(new String[0]);
    this.scores = scores != null ? scores.clone() : new float[this.tokens.length];
    this.types = types != null ? types.clone() : new int[this.tokens.length];
    if (types == null) {
      java.util.Arrays.fill(this.types, TYPE_NORMAL);
    }
    if (this.scores.length != this.tokens.length || this.types.length != this.tokens.length) {
      throw new IllegalArgumentException(this.tokens.length + " tokens but " + this.scores.length
          + " scores and " + this.types.length + " token types");
    }
    java.util.Arrays.fill(byteTokens, -1);
    for (int i = 0; i < this.tokens.length; i++) {
      String t = this.tokens[i];
      if (this.types[i] == TYPE_BYTE) {
        if (t.length() != 6 || !t.startsWith("<0x") || !t.endsWith(">")) {
          throw new IllegalArgumentException("byte token #" + i + " '" + t + "' is not of the form <0xXX>");
        }
        byteTokens[Integer.parseInt(t.substring(3, 5), 16)] = i;
      } else if (this.types[i] == TYPE_NORMAL || this.types[i] == TYPE_USER_DEFINED) {
        ids.putIfAbsent(t, i);
      }
    }
    this.unk = unk;
    this.bos = bos;
    this.eos = eos;
    this.addBos = addBos && bos >= 0;
    this.addSpacePrefix = addSpacePrefix;
  }

  @Override
  public int vocabSize() {
    return tokens.length;
  }

  @Override
  public int[] encode(String text) {
    if (text.isEmpty()) {
      return new int[0];
    }
    String s = (addSpacePrefix ? " " + text : text).replace(' ', SPACE);
    List<String> symbols = new ArrayList<>();
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      symbols.add(s.substring(i, i + n));
      i += n;
    }
    while (symbols.size() > 1) {
      int best = -1;
      float bestScore = Float.NEGATIVE_INFINITY;
      for (int i = 0; i + 1 < symbols.size(); i++) {
        Integer id = ids.get(symbols.get(i) + symbols.get(i + 1));
        if (id != null && (best < 0 || scores[id] > bestScore)) {
          bestScore = scores[id];
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      symbols.set(best, symbols.get(best) + symbols.get(best + 1));
      symbols.remove(best + 1);
    }
    int[] buf = new int[s.length() * 4];
    int n = 0;
    for (String sym : symbols) {
      Integer id = ids.get(sym);
      if (id != null) {
        buf[n++] = id;
        continue;
      }
      for (byte b : sym.getBytes(StandardCharsets.UTF_8)) {
        int bt = byteTokens[b & 0xff];
        if (bt < 0 && unk < 0) {
          throw new IllegalArgumentException("cannot encode '" + sym + "': no byte token <0x"
              + String.format("%02X", b & 0xff) + "> and no unknown token");
        }
        buf[n++] = bt >= 0 ? bt : unk;
      }
    }
    return java.util.Arrays.copyOf(buf, n);
  }

  @Override
  public byte[] tokenBytes(int id) {
    if (id < 0 || id >= tokens.length) {
      throw new IllegalArgumentException("token id " + id + " outside the vocabulary of " + tokens.length);
    }
    return switch (types[id]) {
      case TYPE_BYTE -> new byte[] {(byte) Integer.parseInt(tokens[id].substring(3, 5), 16)};
      case TYPE_CONTROL, TYPE_UNUSED -> new byte[0];
      case TYPE_UNKNOWN -> "\u2047".getBytes(StandardCharsets.UTF_8);
      default -> tokens[id].replace(SPACE, ' ').getBytes(StandardCharsets.UTF_8);
    };
  }

  @Override
  public String decode(int[] ids) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int id : ids) {
      out.writeBytes(tokenBytes(id));
    }
    String s = out.toString(StandardCharsets.UTF_8);
    return addSpacePrefix && s.startsWith(" ") ? s.substring(1) : s;
  }

  @Override
  public String token(int id) {
    return tokens[id];
  }

  @Override
  public int bosId() {
    return bos;
  }

  @Override
  public int eosId() {
    return eos;
  }

  @Override
  public boolean addBos() {
    return addBos;
  }
}
