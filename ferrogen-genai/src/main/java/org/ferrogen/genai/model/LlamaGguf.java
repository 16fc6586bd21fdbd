package org.ferrogen.genai.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.ferrogen.genai.gguf.GgmlType;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.gguf.GgufFormatException;
import org.ferrogen.genai.gguf.GgufTensor;
import org.ferrogen.genai.gguf.GgufValue;
import org.ferrogen.genai.gguf.GgufWriter;
import org.ferrogen.genai.tokenizer.BpeVocabulary;
import org.ferrogen.genai.tokenizer.Tokenizer;
import org.ferrogen.genai.tokenizer.Tokenizers;
import org.ferrogen.learn.llama.LlamaConfig;

/**
 * Builds llama GGUF files (llama.cpp's tensor names and metadata keys; see docs/genai.md) from
 * float tensors and a byte-level BPE vocabulary.
 */
public final class LlamaGguf {
  private LlamaGguf() {}

  /**
   * Reads the configuration, rejecting anything but {@code general.architecture = llama}, and checks
   * it semantically against the file: every size bounded, RoPE base and RMSNorm epsilon finite and
   * positive, {@code llama.vocab_size} and the tokenizer's token count equal to the rows of {@code
   * token_embd.weight}, {@code llama.rope.dimension_count} equal to the head dimension (FerroGen
   * rotates whole heads); the output head is tied when {@code output.weight} is absent. Each problem
   * is one message naming the key or tensor.
   */
  public static LlamaConfig config(GgufFile f) {
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
    int contextLength = intKey(f, "llama.context_length", -1, LlamaConfig.MAX_CONTEXT);
    int dim = intKey(f, "llama.embedding_length", -1, LlamaConfig.MAX_DIM);
    int layers = intKey(f, "llama.block_count", -1, LlamaConfig.MAX_LAYERS);
    int ffn = intKey(f, "llama.feed_forward_length", -1, LlamaConfig.MAX_FFN);
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
      return new LlamaConfig(name, contextLength, dim, layers, ffn, heads, kvHeads, (int) vocab, ropeBase, rmsEps,
          !f.tensors().containsKey("output.weight"));
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

  /** Tensor names of a model, in the order they are written (output.weight only when untied). */
  public static List<String> tensorNames(LlamaConfig c) {
    List<String> names = new ArrayList<>();
    names.add("token_embd.weight");
    for (int l = 0; l < c.layers(); l++) {
      for (String s : new String[] {"attn_norm", "attn_q", "attn_k", "attn_v", "attn_output", "ffn_norm",
          "ffn_gate", "ffn_up", "ffn_down"}) {
        names.add("blk." + l + "." + s + ".weight");
      }
    }
    names.add("output_norm.weight");
    if (!c.tiedOutput()) {
      names.add("output.weight");
    }
    return names;
  }

  /** GGUF dimensions (ne) of a named tensor: [in, out] for matrices, [n] for norms. */
  public static long[] shape(LlamaConfig c, String name) {
    String s = name.substring(name.lastIndexOf('.', name.length() - 8) + 1, name.length() - 7);
    return switch (s) {
      case "token_embd", "output" -> new long[] {c.dim(), c.vocabSize()};
      case "attn_norm", "ffn_norm", "output_norm" -> new long[] {c.dim()};
      case "attn_q", "attn_output" -> new long[] {c.dim(), c.dim()};
      case "attn_k", "attn_v" -> new long[] {c.dim(), c.kvDim()};
      case "ffn_gate", "ffn_up" -> new long[] {c.dim(), c.ffnDim()};
      case "ffn_down" -> new long[] {c.ffnDim(), c.dim()};
      default -> throw new IllegalArgumentException("not a llama tensor name: " + name);
    };
  }

  /**
   * A writer holding a complete llama model. {@code tensors} maps every name of {@link
   * #tensorNames} to its row-major floats (a matrix with ne = [in, out] is out rows of in values);
   * {@code output.weight} is there exactly when the configuration's output head is untied. Matrices
   * are stored as {@code weightType}, norms as F32.
   */
  public static GgufWriter writer(LlamaConfig c, Map<String, float[]> tensors, GgmlType weightType,
      BpeVocabulary vocabulary) {
    for (String n : tensorNames(c)) {
      if (!tensors.containsKey(n)) {
        throw new IllegalArgumentException("tensor " + n + " is missing");
      }
    }
    if (c.tiedOutput() && tensors.containsKey("output.weight")) {
      throw new IllegalArgumentException("tensor output.weight is given but model " + c.name() + " has a tied output head");
    }
    return writer(c, tensors::get, weightType, vocabulary, true);
  }

  /**
   * As {@link #writer(LlamaConfig, Map, GgmlType, BpeVocabulary)} with tensors produced on demand;
   * {@code addBos} is stored as {@code tokenizer.ggml.add_bos_token} (false for a model trained on
   * plain token streams, so that inference feeds it what it was trained on).
   */
  public static GgufWriter writer(LlamaConfig c, Function<String, float[]> tensors,
      GgmlType weightType, BpeVocabulary vocabulary, boolean addBos) {
    if (vocabulary.tokens().size() != c.vocabSize()) {
      throw new IllegalArgumentException("vocabulary has " + vocabulary.tokens().size()
          + " tokens but the model's vocab size is " + c.vocabSize());
    }
    GgufWriter w = new GgufWriter();
    w.putString("general.architecture", "llama");
    w.putString("general.name", c.name());
    w.putUint32("general.alignment", 32);
    w.putUint32("general.file_type", fileType(weightType));
    w.putUint32("llama.context_length", c.contextLength());
    w.putUint32("llama.embedding_length", c.dim());
    w.putUint32("llama.block_count", c.layers());
    w.putUint32("llama.feed_forward_length", c.ffnDim());
    w.putUint32("llama.attention.head_count", c.heads());
    w.putUint32("llama.attention.head_count_kv", c.kvHeads());
    w.putUint32("llama.rope.dimension_count", c.headDim());
    w.putFloat32("llama.rope.freq_base", c.ropeBase());
    w.putFloat32("llama.attention.layer_norm_rms_epsilon", c.rmsEps());
    w.putUint32("llama.vocab_size", c.vocabSize());
    Tokenizers.writeBpe(w, vocabulary, addBos);
    for (String n : tensorNames(c)) {
      long[] ne = shape(c, n);
      w.addTensor(n, ne.length == 1 ? GgmlType.F32 : weightType.forRowLength(ne[0]), ne, () -> tensors.apply(n));
    }
    return w;
  }

  /** llama.cpp's llama_ftype for a model whose matrices are all of one type (K-quants: the _S variant). */
  public static int fileType(GgmlType t) {
    return switch (t) {
      case F32 -> 0;
      case F16 -> 1;
      case Q4_0 -> 2;
      case Q4_1 -> 3;
      case Q8_0 -> 7;
      case Q5_0 -> 8;
      case Q5_1 -> 9;
      case Q2_K -> 10;
      case Q3_K -> 11;
      case Q4_K -> 14;
      case Q5_K -> 16;
      case Q6_K -> 18;
      case BF16 -> 32;
      default -> throw new IllegalArgumentException("no llama.cpp file type for " + t + " matrices");
    };
  }

  /**
   * A writer holding {@code in} with every matrix (two-dimensional tensor) re-encoded as {@code
   * type}, or its llama.cpp fallback where rows are not a multiple of the type's block size ({@link
   * GgmlType#forRowLength}); one-dimensional tensors (norms) and all metadata are kept, with {@code
   * general.file_type} updated. Tensors are decoded one at a time while writing.
   */
  public static GgufWriter requantized(GgufFile in, GgmlType type) {
    GgufWriter w = new GgufWriter();
    for (Map.Entry<String, GgufValue> e : in.metadata().entrySet()) {
      w.put(e.getKey(), e.getValue());
    }
    w.putUint32("general.file_type", fileType(type));
    for (GgufTensor t : in.tensors().values()) {
      if (!t.type().runnable()) {
        throw new GgufFormatException(in.path() + ": tensor " + t.name() + " has type " + t.type()
            + ", which this build cannot decode (supported: " + GgmlType.runnableNames() + ")");
      }
      long[] ne = t.dimensions();
      GgmlType target = ne.length == 2 ? type.forRowLength(ne[0]) : t.type();
      w.addTensor(t.name(), target, ne, t::toFloats);
    }
    return w;
  }

  /**
   * A configuration of about {@code parameters} weights, GPT-shaped (head size 64, width 64 per
   * layer, feed-forward 8/3 of the width rounded to 32, full multi-head attention).
   */
  public static LlamaConfig sizedConfig(long parameters, int vocabSize, int contextLength) {
    LlamaConfig best = null;
    for (int layers = 1; layers <= 96; layers++) {
      int dim = 64 * layers;
      int ffn = (8 * dim / 3 + 31) / 32 * 32;
      LlamaConfig c = new LlamaConfig("random-llama", contextLength, dim, layers, ffn, dim / 64, dim / 64,
          vocabSize, 10000f, 1e-5f, true);
      if (best == null || Math.abs(c.parameterCount() - parameters) < Math.abs(best.parameterCount() - parameters)) {
        best = c;
      }
    }
    return best;
  }

  /**
   * A writer for a model with Gaussian random weights (σ = 0.02; norms 1) and a byte-level
   * vocabulary: the 256 byte tokens named by GPT-2's byte-to-character map (what llama.cpp's gpt2
   * tokenizer expects), then {@code <s>} (BOS, id 256) and {@code </s>} (EOS, id 257) as control
   * tokens, padded with unused tokens: a stand-in of realistic size for speed measurements that
   * other runtimes load without guessing its special tokens.
   */
  public static GgufWriter randomWriter(LlamaConfig c, GgmlType weightType, long seed) {
    if (c.vocabSize() < 258) {
      throw new IllegalArgumentException("vocab size must be at least 258 for the byte tokens, BOS and EOS");
    }
    List<String> tokens = new ArrayList<>();
    int[] types = new int[c.vocabSize()];
    for (int b = 0; b < 256; b++) {
      tokens.add(String.valueOf(org.ferrogen.genai.tokenizer.ByteUnicode.charOf(b)));
      types[b] = Tokenizer.TYPE_NORMAL;
    }
    tokens.add("<s>");
    types[256] = Tokenizer.TYPE_CONTROL;
    tokens.add("</s>");
    types[257] = Tokenizer.TYPE_CONTROL;
    for (int i = 258; i < c.vocabSize(); i++) {
      tokens.add("<unused" + (i - 258) + ">");
      types[i] = Tokenizer.TYPE_UNUSED;
    }
    BpeVocabulary vocab = new BpeVocabulary(tokens, types, List.of(), 256, 257);
    GgufWriter w = writer(c, name -> randomTensor(c, name, seed), weightType, vocab, true);
    w.put("general.description", GgufValue.ofString("random weights, seed " + seed));
    return w;
  }

  private static float[] randomTensor(LlamaConfig c, String name, long seed) {
    long[] ne = shape(c, name);
    long n = 1;
    for (long d : ne) {
      n *= d;
    }
    float[] v = new float[Math.toIntExact(n)];
    if (ne.length == 1) {
      java.util.Arrays.fill(v, 1f);
      return v;
    }
    SplittableRandom rng = new SplittableRandom(seed ^ name.hashCode() * 0x9E3779B97F4A7C15L);
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (0.02 * rng.nextGaussian());
    }
    return v;
  }
}
