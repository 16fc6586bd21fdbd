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

/**
 * Builds llama GGUF files (llama.cpp's tensor names and metadata keys; see docs/genai.md) from
 * float tensors and a byte-level BPE vocabulary.
 */
public final class LlamaGguf {
  private LlamaGguf() {}

  /** Tensor names of a model, in the order they are written (output.weight only when untied). */
  public static List<String> tensorNames(LlamaConfig c, boolean tiedOutput) {
    List<String> names = new ArrayList<>();
    names.add("token_embd.weight");
    for (int l = 0; l < c.layers(); l++) {
      for (String s : new String[] {"attn_norm", "attn_q", "attn_k", "attn_v", "attn_output", "ffn_norm",
          "ffn_gate", "ffn_up", "ffn_down"}) {
        names.add("blk." + l + "." + s + ".weight");
      }
    }
    names.add("output_norm.weight");
    if (!tiedOutput) {
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
   * the output head is tied when {@code output.weight} is absent. Matrices are stored as {@code
   * weightType}, norms as F32.
   */
  public static GgufWriter writer(LlamaConfig c, Map<String, float[]> tensors, GgmlType weightType,
      BpeVocabulary vocabulary) {
    boolean tied = !tensors.containsKey("output.weight");
    for (String n : tensorNames(c, tied)) {
      if (!tensors.containsKey(n)) {
        throw new IllegalArgumentException("tensor " + n + " is missing");
      }
    }
    return writer(c, tied, tensors::get, weightType, vocabulary, true);
  }

  /**
   * As {@link #writer(LlamaConfig, Map, GgmlType, BpeVocabulary)} with tensors produced on demand;
   * {@code addBos} is stored as {@code tokenizer.ggml.add_bos_token} (false for a model trained on
   * plain token streams, so that inference feeds it what it was trained on).
   */
  public static GgufWriter writer(LlamaConfig c, boolean tiedOutput, Function<String, float[]> tensors,
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
    for (String n : tensorNames(c, tiedOutput)) {
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
          vocabSize, 10000f, 1e-5f);
      if (best == null || Math.abs(c.parameterCount(true) - parameters) < Math.abs(best.parameterCount(true) - parameters)) {
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
    GgufWriter w = writer(c, true, name -> randomTensor(c, name, seed), weightType, vocab, true);
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
