package org.ferrogen.genai.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Byte-level BPE as in GPT-2 ({@code tokenizer.ggml.model = gpt2}): text is split by the
 * vocabulary's {@link PreTokenizer} ({@code tokenizer.ggml.pre}), each piece's UTF-8 bytes are mapped
 * through {@link ByteUnicode}, and adjacent symbols are merged by merge rank (lowest rank first,
 * leftmost first) until no ranked pair remains, as llama.cpp does. Vocabularies without all 256
 * byte tokens (Falcon, StarCoder, MPT) are accepted: a symbol that is not a token falls back, as in
 * llama.cpp, to the single-character tokens of its ASCII bytes, and non-ASCII bytes without a token
 * are dropped.
 */
public final class BpeTokenizer implements Tokenizer {
  private final String[] tokens;
  private final int[] types;
  private final Map<String, Integer> ids = new HashMap<>();
  private final Map<String, Integer> mergeRank = new HashMap<>();
  private final Map<String, int[]> cache = new ConcurrentHashMap<>();
  private final int bos;
  private final int eos;
  private final boolean addBos;
  private final PreTokenizer preTokenizer;

  /** As {@link #BpeTokenizer(List, int[], List, int, int, boolean, PreTokenizer)} with GPT-2's pre-tokenizer. */
  public BpeTokenizer(List<String> tokens, int[] types, List<String> merges, int bos, int eos, boolean addBos) {
    this(tokens, types, merges, bos, eos, addBos, PreTokenizer.forName("gpt-2"));
  }

  /**
   * @param tokens vocabulary in byte-unicode form
   * @param types token types (null: all normal)
   * @param merges merges in rank order, each "left right"
   * @param bos BOS id or -1
   * @param eos EOS id or -1
   * @param addBos whether prompts start with BOS
   * @param preTokenizer how text is split before the merges
   */
  public BpeTokenizer(List<String> tokens, int[] types, List<String> merges, int bos, int eos, boolean addBos,
      PreTokenizer preTokenizer) {
    this.preTokenizer = java.util.Objects.requireNonNull(preTokenizer, "preTokenizer");
    this.tokens = tokens.toArray(new String[0]);
    this.types = types != null ? types.clone() : new int[this.tokens.length];
    if (types == null) {
      java.util.Arrays.fill(this.types, TYPE_NORMAL);
    }
    if (this.types.length != this.tokens.length) {
      throw new IllegalArgumentException(this.tokens.length + " tokens but " + this.types.length + " token types");
    }
    for (int i = 0; i < this.tokens.length; i++) {
      ids.putIfAbsent(this.tokens[i], i);
    }
    for (int r = 0; r < merges.size(); r++) {
      String m = merges.get(r);
      int sp = m.indexOf(' ');
      if (sp <= 0 || sp == m.length() - 1 || m.indexOf(' ', sp + 1) >= 0) {
        throw new IllegalArgumentException("merge #" + r + " '" + m + "' is not two tokens separated by one space");
      }
      mergeRank.putIfAbsent(m, r);
    }
    this.bos = checkId(bos, "BOS");
    this.eos = checkId(eos, "EOS");
    this.addBos = addBos && bos >= 0;
  }

  private int checkId(int id, String what) {
    if (id >= tokens.length) {
      throw new IllegalArgumentException(what + " id " + id + " outside the vocabulary of " + tokens.length);
    }
    return id;
  }

  @Override
  public int vocabSize() {
    return tokens.length;
  }

  @Override
  public int[] encode(String text) {
    List<int[]> parts = new ArrayList<>();
    int total = 0;
    for (String piece : preTokenizer.split(text)) {
      int[] p = cache.computeIfAbsent(piece, this::encodePiece);
      parts.add(p);
      total += p.length;
    }
    int[] out = new int[total];
    int o = 0;
    for (int[] p : parts) {
      System.arraycopy(p, 0, out, o, p.length);
      o += p.length;
    }
    return out;
  }

  /** The pre-tokenizer in use. */
  public PreTokenizer preTokenizer() {
    return preTokenizer;
  }

  private int[] encodePiece(String piece) {
    String mapped = ByteUnicode.encode(piece.getBytes(StandardCharsets.UTF_8));
    Integer whole = preTokenizer.ignoreMerges() ? ids.get(mapped) : null;
    if (whole != null) {
      return new int[] {whole};
    }
    List<String> symbols = new ArrayList<>(mapped.length());
    for (int i = 0; i < mapped.length(); i++) {
      symbols.add(String.valueOf(mapped.charAt(i)));
    }
    while (symbols.size() > 1) {
      int best = -1;
      int bestRank = Integer.MAX_VALUE;
      for (int i = 0; i + 1 < symbols.size(); i++) {
        Integer r = mergeRank.get(symbols.get(i) + " " + symbols.get(i + 1));
        if (r != null && r < bestRank) {
          bestRank = r;
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      symbols.set(best, symbols.get(best) + symbols.get(best + 1));
      symbols.remove(best + 1);
    }
    List<Integer> out = new ArrayList<>(symbols.size());
    for (String sym : symbols) {
      Integer id = ids.get(sym);
      if (id != null) {
        out.add(id);
        continue;
      }
      // llama.cpp's fallback: the symbol's bytes (of its byte-unicode spelling) one at a time.
      for (byte b : sym.getBytes(StandardCharsets.UTF_8)) {
        Integer single = b >= 0 ? ids.get(String.valueOf((char) b)) : null;
        if (single != null) {
          out.add(single);
        }
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public byte[] tokenBytes(int id) {
    if (id < 0 || id >= tokens.length) {
      throw new IllegalArgumentException("token id " + id + " outside the vocabulary of " + tokens.length);
    }
    int type = types[id];
    if (type == TYPE_CONTROL || type == TYPE_UNUSED) {
      return new byte[0];
    }
    String t = tokens[id];
    if (type == TYPE_USER_DEFINED) {
      return t.getBytes(StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(t.length());
    for (int i = 0; i < t.length(); i++) {
      int b = ByteUnicode.byteOf(t.charAt(i));
      if (b < 0) {
        // Not a byte-unicode character: the token is literal text (e.g. an added special token).
        return t.getBytes(StandardCharsets.UTF_8);
      }
      out.write(b);
    }
    return out.toByteArray();
  }

  @Override
  public String decode(int[] ids) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int id : ids) {
      out.writeBytes(tokenBytes(id));
    }
    return out.toString(StandardCharsets.UTF_8);
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
