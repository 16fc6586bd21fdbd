package org.ferrogen.genai.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ferrogen.genai.backend.FloatBackend;
import org.ferrogen.genai.gguf.GgmlCodec;
import org.ferrogen.genai.gguf.GgmlType;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.tokenizer.BpeTrainer;
import org.ferrogen.genai.tokenizer.BpeVocabulary;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ferrogen.learn.llama.LlamaConfig;

/**
 * The model run on the float backend gives the logits of a plain scalar Llama written out below,
 * to 1e-4, for every weight type, with grouped-query attention and tied or separate output heads.
 */
class LlamaReferenceTest {
  @TempDir Path dir;

  static final int VOCAB = 300;

  static LlamaConfig config(int kvHeads, boolean tied) {
    // Token-at-a-time products stay below the float backend's parallel threshold (2^18
    // multiply-accumulates) and run inline; the batched passes (ffn 544 × dim 128 × 32 positions)
    // exceed 2^20, so with 2 threads they run on the team.
    return new LlamaConfig("tiny", 64, 128, 2, 544, 4, kvHeads, VOCAB, 10000f, 1e-5f, tied);
  }

  /** For the K-quants, rows of 256 so that every matrix is stored in the K-quant itself. */
  static LlamaConfig config(int kvHeads, GgmlType type, boolean tied) {
    return type.blockSize() == 256 ? new LlamaConfig("tiny", 64, 256, 2, 256, 4, kvHeads, VOCAB, 10000f, 1e-5f, tied)
        : config(kvHeads, tied);
  }

  static Map<String, float[]> randomTensors(LlamaConfig c, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Map<String, float[]> m = new HashMap<>();
    for (String n : LlamaGguf.tensorNames(c)) {
      long[] ne = LlamaGguf.shape(c, n);
      int size = (int) (ne.length == 1 ? ne[0] : ne[0] * ne[1]);
      float[] v = new float[size];
      for (int i = 0; i < size; i++) {
        v[i] = ne.length == 1 ? (float) (1 + 0.1 * r.nextGaussian()) : (float) (0.08 * r.nextGaussian());
      }
      m.put(n, v);
    }
    return m;
  }

  static BpeVocabulary vocabulary() {
    return BpeTrainer.train("in the beginning god created the heaven and the earth. and the earth was without form",
        VOCAB, List.of("<s>", "</s>"));
  }

  /** What the file holds after encoding: the reference must use the same (quantised) weights. */
  static float[] stored(float[] v, long[] ne, GgmlType type) {
    GgmlType t = ne.length == 1 ? GgmlType.F32 : type.forRowLength(ne[0]);
    float[] out = new float[v.length];
    GgmlCodec.decode(ByteBuffer.wrap(GgmlCodec.encode(v, t)), t, 0, v.length, out, 0);
    return out;
  }

  @ParameterizedTest
  @CsvSource({"F32,4,true,1", "F32,2,false,2", "F16,1,true,2", "BF16,2,true,1", "Q8_0,2,false,2", "Q4_0,4,true,2",
      "Q4_1,2,true,1", "Q5_0,4,false,2", "Q5_1,2,true,2", "Q4_K,2,true,1", "Q4_K,4,false,2", "Q6_K,2,false,2"})
  void floatBackendMatchesScalarReference(GgmlType type, int kvHeads, boolean tied, int threads) throws IOException {
    LlamaConfig c = config(kvHeads, type, tied);
    Map<String, float[]> tensors = randomTensors(c, 7);
    Path file = dir.resolve("tiny.gguf");
    try (OutputStream out = Files.newOutputStream(file)) {
      LlamaGguf.writer(c, tensors, type, vocabulary()).write(out);
    }
    Map<String, float[]> w = new HashMap<>();
    tensors.forEach((n, v) -> w.put(n, stored(v, LlamaGguf.shape(c, n), type)));
    Reference ref = new Reference(c, w, tied);
    try (FloatBackend backend = new FloatBackend(threads)) {
      LlamaModel model = LlamaModel.load(GgufFile.open(file), backend);
      assertThat(model.config()).isEqualTo(c);
      LlamaSession session = model.newSession();
      int[] tokens = {5, 120, 7, 7, 299, 0, 64, 33};
      for (int pos = 0; pos < tokens.length; pos++) {
        float[] got = session.forward(tokens[pos]);
        float[] want = ref.forward(tokens[pos], pos);
        for (int i = 0; i < VOCAB; i++) {
          assertThat((double) got[i]).as("logit %d at position %d", i, pos).isCloseTo(want[i],
              org.assertj.core.api.Assertions.within(1e-4));
        }
      }
      assertThat(backend.report().matrixVectorProducts()).isEqualTo(tokens.length * (7L * c.layers() + 1));
    }
  }

  /**
   * The batched pass (matrix-matrix products over up to {@link LlamaSession#BATCH} positions) gives
   * the reference's logits too: 45 tokens run as a pass of 32 and one of 13 after a token-at-a-time
   * start, logits asked from index 20 on, then decoding continues one token at a time.
   */
  @ParameterizedTest
  @CsvSource({"F32,4,true,1", "F16,1,false,2", "Q8_0,2,true,2", "Q4_0,2,false,1"})
  void batchedPassMatchesScalarReference(GgmlType type, int kvHeads, boolean tied, int threads) throws IOException {
    batchedThenDecodedMatchReference(config(kvHeads, tied), type, tied, threads);
  }

  /**
   * Head sizes that are not a multiple of the attention kernels' vector length (8, 24: the scalar
   * tail of the weighted values; 48 with GQA groups of 3, as the shipped model's 6 heads over 2).
   */
  @ParameterizedTest
  @CsvSource({"128,16,4", "96,4,2", "288,6,2"})
  void attentionMatchesScalarReferenceForOddHeadSizes(int dim, int heads, int kvHeads) throws IOException {
    batchedThenDecodedMatchReference(new LlamaConfig("tiny", 64, dim, 2, 160, heads, kvHeads, VOCAB, 10000f, 1e-5f,
        false), GgmlType.F32, false, 1);
  }

  private void batchedThenDecodedMatchReference(LlamaConfig c, GgmlType type, boolean tied, int threads)
      throws IOException {
    Map<String, float[]> tensors = randomTensors(c, 11);
    Path file = dir.resolve("tiny.gguf");
    try (OutputStream out = Files.newOutputStream(file)) {
      LlamaGguf.writer(c, tensors, type, vocabulary()).write(out);
    }
    Map<String, float[]> w = new HashMap<>();
    tensors.forEach((n, v) -> w.put(n, stored(v, LlamaGguf.shape(c, n), type)));
    Reference ref = new Reference(c, w, tied);
    SplittableRandom r = new SplittableRandom(3);
    int[] tokens = new int[48];
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = r.nextInt(VOCAB);
    }
    float[][] want = new float[tokens.length][];
    for (int pos = 0; pos < tokens.length; pos++) {
      want[pos] = ref.forward(tokens[pos], pos);
    }
    try (FloatBackend backend = new FloatBackend(threads)) {
      LlamaSession session = LlamaModel.load(GgufFile.open(file), backend).newSession();
      assertClose(session.forward(tokens[0]), want[0], 0);
      java.util.List<Integer> seen = new java.util.ArrayList<>();
      session.forward(tokens, 1, 46, 20, (i, logits) -> {
        seen.add(i);
        assertClose(logits, want[i], i);
      });
      assertThat(seen).containsExactlyElementsOf(java.util.stream.IntStream.range(20, 46).boxed().toList());
      assertThat(session.position()).isEqualTo(46);
      for (int pos = 46; pos < tokens.length; pos++) {
        assertClose(session.forward(tokens[pos]), want[pos], pos);
      }
    }
  }

  /**
   * The warm-up runs on a session of its own: a session's logits are the same with or without it.
   * Bit for bit on JDK 17, whose compiled Vector API float reductions add lanes in order, as the
   * interpreter does; on newer JDKs (JDK 25 checked) C2 reorders them, so the same code gives
   * last-bit differences once compiled, and the comparison allows for rounding (a session state the
   * warm-up had touched would change the logits by far more).
   */
  @org.junit.jupiter.api.Test
  void warmUpLeavesTheModelsResultsUnchanged() throws IOException {
    LlamaConfig c = config(2, false);
    Path file = dir.resolve("warm.gguf");
    try (OutputStream out = Files.newOutputStream(file)) {
      LlamaGguf.writer(c, randomTensors(c, 5), GgmlType.F16, vocabulary()).write(out);
    }
    try (FloatBackend backend = new FloatBackend(1)) {
      LlamaModel model = LlamaModel.load(GgufFile.open(file), backend);
      float[] before = model.newSession().forward(7).clone();
      int[] logitsSeen = {0};
      LlamaModel.WarmUp warm = model.warmUp(0.2, logits -> {
        assertThat(logits).hasSize(VOCAB);
        logitsSeen[0]++;
      });
      assertThat(warm.rounds()).isPositive();
      assertThat(warm.cpuSeconds()).isPositive();
      assertThat(logitsSeen[0]).isEqualTo(8 * warm.rounds());
      float[] after = model.newSession().forward(7);
      if (Runtime.version().feature() == 17) {
        assertThat(after).containsExactly(before);
      } else {
        assertThat(after).containsExactly(before, org.assertj.core.api.Assertions.within(1e-5f));
      }
    }
  }

  private static void assertClose(float[] got, float[] want, int pos) {
    for (int i = 0; i < VOCAB; i++) {
      assertThat((double) got[i]).as("logit %d at position %d", i, pos).isCloseTo(want[i],
          org.assertj.core.api.Assertions.within(1e-4));
    }
  }

  @org.junit.jupiter.api.Test
  void otherArchitecturesAreRejectedByName() throws IOException {
    Path file = dir.resolve("gpt2.gguf");
    try (OutputStream out = Files.newOutputStream(file)) {
      new org.ferrogen.genai.gguf.GgufWriter().putString("general.architecture", "gpt2").write(out);
    }
    GgufFile f = GgufFile.open(file);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LlamaModel.load(f, new FloatBackend(1)))
        .hasMessageContaining("unsupported architecture 'gpt2'");
  }

  /** A direct, unoptimised Llama forward pass in double precision. */
  static final class Reference {
    final LlamaConfig c;
    final Map<String, float[]> w;
    final boolean tied;
    final double[][][] keys;
    final double[][][] values;

    Reference(LlamaConfig c, Map<String, float[]> w, boolean tied) {
      this.c = c;
      this.w = w;
      this.tied = tied;
      keys = new double[c.layers()][c.contextLength()][];
      values = new double[c.layers()][c.contextLength()][];
    }

    double[] matvec(String name, double[] x, int rows) {
      float[] m = w.get(name);
      int cols = x.length;
      double[] y = new double[rows];
      for (int r = 0; r < rows; r++) {
        for (int i = 0; i < cols; i++) {
          y[r] += m[r * cols + i] * x[i];
        }
      }
      return y;
    }

    double[] rmsnorm(double[] x, String name) {
      float[] g = w.get(name);
      double ss = 0;
      for (double v : x) {
        ss += v * v;
      }
      double inv = 1 / Math.sqrt(ss / x.length + c.rmsEps());
      double[] y = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        y[i] = x[i] * inv * g[i];
      }
      return y;
    }

    void rope(double[] v, int pos) {
      int d = c.headDim();
      for (int h = 0; h < v.length / d; h++) {
        for (int j = 0; j < d / 2; j++) {
          double theta = pos * Math.pow(c.ropeBase(), -2.0 * j / d);
          double a = v[h * d + 2 * j];
          double b = v[h * d + 2 * j + 1];
          v[h * d + 2 * j] = a * Math.cos(theta) - b * Math.sin(theta);
          v[h * d + 2 * j + 1] = a * Math.sin(theta) + b * Math.cos(theta);
        }
      }
    }

    float[] forward(int token, int pos) {
      int dim = c.dim();
      int hd = c.headDim();
      double[] x = new double[dim];
      for (int i = 0; i < dim; i++) {
        x[i] = w.get("token_embd.weight")[token * dim + i];
      }
      for (int l = 0; l < c.layers(); l++) {
        String p = "blk." + l + ".";
        double[] h = rmsnorm(x, p + "attn_norm.weight");
        double[] q = matvec(p + "attn_q.weight", h, dim);
        double[] k = matvec(p + "attn_k.weight", h, c.kvDim());
        double[] v = matvec(p + "attn_v.weight", h, c.kvDim());
        rope(q, pos);
        rope(k, pos);
        keys[l][pos] = k;
        values[l][pos] = v;
        double[] att = new double[dim];
        for (int head = 0; head < c.heads(); head++) {
          int kvHead = head / (c.heads() / c.kvHeads());
          double[] s = new double[pos + 1];
          double max = Double.NEGATIVE_INFINITY;
          for (int t = 0; t <= pos; t++) {
            for (int i = 0; i < hd; i++) {
              s[t] += q[head * hd + i] * keys[l][t][kvHead * hd + i];
            }
            s[t] /= Math.sqrt(hd);
            max = Math.max(max, s[t]);
          }
          double sum = 0;
          for (int t = 0; t <= pos; t++) {
            s[t] = Math.exp(s[t] - max);
            sum += s[t];
          }
          for (int t = 0; t <= pos; t++) {
            for (int i = 0; i < hd; i++) {
              att[head * hd + i] += s[t] / sum * values[l][t][kvHead * hd + i];
            }
          }
        }
        double[] o = matvec(p + "attn_output.weight", att, dim);
        for (int i = 0; i < dim; i++) {
          x[i] += o[i];
        }
        h = rmsnorm(x, p + "ffn_norm.weight");
        double[] g = matvec(p + "ffn_gate.weight", h, c.ffnDim());
        double[] u = matvec(p + "ffn_up.weight", h, c.ffnDim());
        for (int i = 0; i < g.length; i++) {
          g[i] = g[i] / (1 + Math.exp(-g[i])) * u[i];
        }
        double[] d = matvec(p + "ffn_down.weight", g, dim);
        for (int i = 0; i < dim; i++) {
          x[i] += d[i];
        }
      }
      double[] h = rmsnorm(x, "output_norm.weight");
      double[] logits = matvec(tied ? "token_embd.weight" : "output.weight", h, c.vocabSize());
      float[] out = new float[logits.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = (float) logits[i];
      }
      return out;
    }
  }
}
