package org.ferrogen.genai.model;

import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.gguf.GgufFormatException;
import org.ferrogen.genai.gguf.GgufTensor;
import org.ferrogen.genai.gguf.GgufValue;

/**
 * Hyper-parameters of a Llama-architecture model, from the {@code llama.*} metadata of a GGUF file
 * (the keys llama.cpp writes and reads).
 *
 * @param name general.name (or the file name when absent)
 * @param contextLength llama.context_length
 * @param dim llama.embedding_length
 * @param layers llama.block_count
 * @param ffnDim llama.feed_forward_length
 * @param heads llama.attention.head_count
 * @param kvHeads llama.attention.head_count_kv (defaults to heads)
 * @param vocabSize rows of token_embd.weight
 * @param ropeBase llama.rope.freq_base (default 10000)
 * @param rmsEps llama.attention.layer_norm_rms_epsilon (default 1e-5)
 */
public record LlamaConfig(
    String name,
    int contextLength,
    int dim,
    int layers,
    int ffnDim,
    int heads,
    int kvHeads,
    int vocabSize,
    float ropeBase,
    float rmsEps) {

  /**
   * Largest context length accepted (2^20 positions): above the longest-context models in use
   * (10^6 positions), and a bound on the KV cache a file can make FerroGen allocate.
   */
  public static final int MAX_CONTEXT = 1 << 20;
  /** Largest embedding length, feed-forward length, layer and head counts accepted (resource bounds). */
  public static final int MAX_DIM = 1 << 16;
  public static final int MAX_FFN = 1 << 20;
  public static final int MAX_LAYERS = 1024;

  public LlamaConfig {
    if (dim <= 0 || layers <= 0 || ffnDim <= 0 || heads <= 0 || kvHeads <= 0 || vocabSize <= 0 || contextLength <= 0) {
      throw new IllegalArgumentException("model " + name + ": sizes must be positive (context " + contextLength
          + ", dim " + dim + ", layers " + layers + ", ffn " + ffnDim + ", heads " + heads + "/" + kvHeads
          + ", vocab " + vocabSize + ")");
    }
    if (contextLength > MAX_CONTEXT || dim > MAX_DIM || ffnDim > MAX_FFN || layers > MAX_LAYERS || heads > dim) {
      throw new IllegalArgumentException("model " + name + ": sizes out of range (context " + contextLength + " of at most "
          + MAX_CONTEXT + ", dim " + dim + " of " + MAX_DIM + ", ffn " + ffnDim + " of " + MAX_FFN + ", layers " + layers
          + " of " + MAX_LAYERS + ", heads " + heads + " of at most dim)");
    }
    if (!(Float.isFinite(ropeBase) && ropeBase > 0)) {
      throw new IllegalArgumentException("model " + name + ": RoPE base " + ropeBase + " must be finite and positive");
    }
    if (!(Float.isFinite(rmsEps) && rmsEps > 0 && rmsEps < 1)) {
      throw new IllegalArgumentException("model " + name + ": RMSNorm epsilon " + rmsEps + " must be in (0, 1)");
    }
    if (dim % heads != 0) {
      throw new IllegalArgumentException("model " + name + ": embedding length " + dim
          + " is not a multiple of the head count " + heads);
    }
    if (heads % kvHeads != 0) {
      throw new IllegalArgumentException("model " + name + ": head count " + heads
          + " is not a multiple of the KV head count " + kvHeads);
    }
    if ((dim / heads) % 2 != 0) {
      throw new IllegalArgumentException("model " + name + ": head dimension " + dim / heads + " is odd (RoPE needs pairs)");
    }
  }

  public int headDim() {
    return dim / heads;
  }

  public int kvDim() {
    return kvHeads * headDim();
  }

  /**
   * Reads the configuration, rejecting anything but {@code general.architecture = llama}, and checks
   * it semantically against the file: every size bounded, RoPE base and RMSNorm epsilon finite and
   * positive, {@code llama.vocab_size} and the tokenizer's token count equal to the rows of {@code
   * token_embd.weight}, {@code llama.rope.dimension_count} equal to the head dimension (FerroGen
   * rotates whole heads). Each problem is one message naming the key or tensor.
   */
  public static LlamaConfig from(GgufFile f) {
    String arch = f.requireString("general.architecture");
    if (!arch.equals("llama")) {
      throw new GgufFormatException(f.path() + ": unsupported architecture '" + arch + "' (supported: llama)");
    }
    GgufTensor embd = f.requireTensor("token_embd.weight");
    if (embd.dimensions().length != 2) {
      throw new GgufFormatException(f.path() + ": tensor token_embd.weight has dimensions "
          + java.util.Arrays.toString(embd.dimensions()) + "; it must be [embedding_length, vocabulary]");
    }
    long vocab = embd.dimension(1);
    int contextLength = intKey(f, "llama.context_length", -1, MAX_CONTEXT);
    int dim = intKey(f, "llama.embedding_length", -1, MAX_DIM);
    int layers = intKey(f, "llama.block_count", -1, MAX_LAYERS);
    int ffn = intKey(f, "llama.feed_forward_length", -1, MAX_FFN);
    int heads = intKey(f, "llama.attention.head_count", -1, dim);
    int kvHeads = intKey(f, "llama.attention.head_count_kv", heads, heads);
    if (embd.dimension(0) != dim) {
      throw new GgufFormatException(f.path() + ": tensor token_embd.weight has rows of " + embd.dimension(0)
          + " values but llama.embedding_length = " + dim);
    }
    if (vocab > Integer.MAX_VALUE - 8) {
      throw new GgufFormatException(f.path() + ": tensor token_embd.weight has " + vocab + " rows (too many tokens)");
    }
    long declaredVocab = f.getLong("llama.vocab_size", vocab);
    if (declaredVocab != vocab) {
      throw new GgufFormatException(f.path() + ": llama.vocab_size = " + declaredVocab
          + " but tensor token_embd.weight has " + vocab + " rows");
    }
    GgufValue tokens = f.get("tokenizer.ggml.tokens");
    if (tokens != null && tokens.value() instanceof Object[] list && list.length != vocab) {
      throw new GgufFormatException(f.path() + ": the tokenizer has " + list.length
          + " tokens (tokenizer.ggml.tokens) but tensor token_embd.weight has " + vocab + " rows");
    }
    if (heads > 0 && dim % heads == 0 && f.get("llama.rope.dimension_count") != null) {
      long ropeDims = f.requireLong("llama.rope.dimension_count");
      if (ropeDims != dim / heads) {
        throw new GgufFormatException(f.path() + ": llama.rope.dimension_count = " + ropeDims
            + " but the head dimension is " + dim / heads + " (partial RoPE is not supported)");
      }
    }
    float ropeBase = positiveFloat(f, "llama.rope.freq_base", 10000.0, Double.MAX_VALUE);
    float rmsEps = positiveFloat(f, "llama.attention.layer_norm_rms_epsilon", 1e-5, 1.0);
    String name = f.get("general.name") != null ? f.requireString("general.name") : String.valueOf(f.path().getFileName());
    try {
      return new LlamaConfig(name, contextLength, dim, layers, ffn, heads, kvHeads, (int) vocab, ropeBase, rmsEps);
    } catch (IllegalArgumentException e) {
      throw new GgufFormatException(f.path() + ": " + e.getMessage());
    }
  }

  private static int intKey(GgufFile f, String key, int fallback, int max) {
    long v = fallback < 0 ? f.requireLong(key) : f.getLong(key, fallback);
    if (v <= 0 || v > max) {
      throw new GgufFormatException(f.path() + ": metadata " + key + " = " + v + " is out of range (1 to " + max + ")");
    }
    return (int) v;
  }

  /** A float key that must be finite, positive and below {@code below} (as a float, too). */
  private static float positiveFloat(GgufFile f, String key, double fallback, double below) {
    double v = f.getDouble(key, fallback);
    float fv = (float) v;
    if (!(Double.isFinite(v) && v > 0 && v < below && Float.isFinite(fv) && fv > 0)) {
      throw new GgufFormatException(f.path() + ": metadata " + key + " = " + v + " must be finite, positive"
          + (below < Double.MAX_VALUE ? " and below " + below : ""));
    }
    return fv;
  }

  /** Number of weights in the linear layers, embedding and norms (tied output counted once). */
  public long parameterCount(boolean tiedOutput) {
    long perLayer = (long) dim * dim * 2 + (long) dim * kvDim() * 2 + 3L * dim * ffnDim + 2L * dim;
    return perLayer * layers + (long) vocabSize * dim * (tiedOutput ? 1 : 2) + dim;
  }
}
