package org.ferrogen.genai.model;

import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.gguf.GgufFormatException;
import org.ferrogen.genai.gguf.GgufTensor;

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

  public LlamaConfig {
    if (dim <= 0 || layers <= 0 || ffnDim <= 0 || heads <= 0 || kvHeads <= 0 || vocabSize <= 0 || contextLength <= 0) {
      throw new IllegalArgumentException("model " + name + ": sizes must be positive (context " + contextLength
          + ", dim " + dim + ", layers " + layers + ", ffn " + ffnDim + ", heads " + heads + "/" + kvHeads
          + ", vocab " + vocabSize + ")");
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

  /** Reads the configuration, rejecting anything but {@code general.architecture = llama}. */
  public static LlamaConfig from(GgufFile f) {
    String arch = f.requireString("general.architecture");
    if (!arch.equals("llama")) {
      throw new GgufFormatException(f.path() + ": unsupported architecture '" + arch + "' (supported: llama)");
    }
    GgufTensor embd = f.requireTensor("token_embd.weight");
    int heads = intKey(f, "llama.attention.head_count", -1);
    String name = f.get("general.name") != null ? f.requireString("general.name") : String.valueOf(f.path().getFileName());
    try {
      return new LlamaConfig(
          name,
          intKey(f, "llama.context_length", -1),
          intKey(f, "llama.embedding_length", -1),
          intKey(f, "llama.block_count", -1),
          intKey(f, "llama.feed_forward_length", -1),
          heads,
          intKey(f, "llama.attention.head_count_kv", heads),
          (int) embd.dimension(1),
          (float) f.getDouble("llama.rope.freq_base", 10000.0),
          (float) f.getDouble("llama.attention.layer_norm_rms_epsilon", 1e-5));
    } catch (IllegalArgumentException e) {
      throw new GgufFormatException(f.path() + ": " + e.getMessage());
    }
  }

  private static int intKey(GgufFile f, String key, int fallback) {
    long v = fallback < 0 ? f.requireLong(key) : f.getLong(key, fallback);
    if (v <= 0 || v > Integer.MAX_VALUE) {
      throw new GgufFormatException(f.path() + ": metadata " + key + " = " + v + " is out of range");
    }
    return (int) v;
  }

  /** Number of weights in the linear layers, embedding and norms (tied output counted once). */
  public long parameterCount(boolean tiedOutput) {
    long perLayer = (long) dim * dim * 2 + (long) dim * kvDim() * 2 + 3L * dim * ffnDim + 2L * dim;
    return perLayer * layers + (long) vocabSize * dim * (tiedOutput ? 1 : 2) + dim;
  }
}
