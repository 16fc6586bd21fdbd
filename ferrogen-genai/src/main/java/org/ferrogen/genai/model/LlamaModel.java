package org.ferrogen.genai.model;

import java.util.ArrayList;
import java.util.List;
import org.ferrogen.genai.backend.LinearBackend;
import org.ferrogen.genai.backend.LinearLayer;
import org.ferrogen.genai.backend.WeightMatrix;
import org.ferrogen.genai.gguf.GgmlType;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.gguf.GgufFormatException;
import org.ferrogen.genai.gguf.GgufTensor;
import org.ferrogen.learn.llama.LlamaConfig;

/**
 * A Llama-architecture model whose linear layers have been programmed into a {@link LinearBackend}:
 * token embedding, per block RMSNorm → grouped-query attention with RoPE → residual, RMSNorm →
 * SwiGLU feed-forward → residual; final RMSNorm and output head (tied to the embedding when
 * {@code output.weight} is absent). Conventions are llama.cpp's; see docs/genai.md.
 *
 * <p>Immutable once loaded; each {@link #newSession} has its own KV cache.
 */
public final class LlamaModel {
  private final LlamaConfig config;
  private final LinearBackend backend;
  private final WeightMatrix embedding;
  final Block[] blocks;
  final float[] outputNorm;
  final LinearLayer output;
  private final WeightMatrix outputWeights;
  private final long weightBytes;

  record Block(
      float[] attnNorm, LinearLayer q, LinearLayer k, LinearLayer v, LinearLayer o,
      float[] ffnNorm, LinearLayer gate, LinearLayer up, LinearLayer down) {}

  private LlamaModel(LlamaConfig config, LinearBackend backend, WeightMatrix embedding, Block[] blocks,
      float[] outputNorm, LinearLayer output, WeightMatrix outputWeights, long weightBytes) {
    this.config = config;
    this.backend = backend;
    this.embedding = embedding;
    this.blocks = blocks;
    this.outputNorm = outputNorm;
    this.output = output;
    this.outputWeights = outputWeights;
    this.weightBytes = weightBytes;
  }

  /** Reads the configuration and weights from {@code gguf} and programs every matrix into {@code backend}. */
  public static LlamaModel load(GgufFile gguf, LinearBackend backend) {
    LlamaConfig c = LlamaGguf.config(gguf);
    int dim = c.dim();
    WeightMatrix embd = matrix(gguf, "token_embd.weight", c.vocabSize(), dim);
    long[] bytes = {0};
    List<Block> blocks = new ArrayList<>();
    for (int l = 0; l < c.layers(); l++) {
      String p = "blk." + l + ".";
      blocks.add(new Block(
          vector(gguf, p + "attn_norm.weight", dim),
          program(backend, matrix(gguf, p + "attn_q.weight", dim, dim), bytes),
          program(backend, matrix(gguf, p + "attn_k.weight", c.kvDim(), dim), bytes),
          program(backend, matrix(gguf, p + "attn_v.weight", c.kvDim(), dim), bytes),
          program(backend, matrix(gguf, p + "attn_output.weight", dim, dim), bytes),
          vector(gguf, p + "ffn_norm.weight", dim),
          program(backend, matrix(gguf, p + "ffn_gate.weight", c.ffnDim(), dim), bytes),
          program(backend, matrix(gguf, p + "ffn_up.weight", c.ffnDim(), dim), bytes),
          program(backend, matrix(gguf, p + "ffn_down.weight", dim, c.ffnDim()), bytes)));
    }
    WeightMatrix out = outputMatrix(gguf, c, embd);
    LinearLayer outLayer = program(backend, out, bytes);
    return new LlamaModel(c, backend, embd, blocks.toArray(new Block[0]),
        vector(gguf, "output_norm.weight", dim), outLayer, out, bytes[0]);
  }

  /** The output head's weights: {@code output.weight}, or the token embedding when the model ties them. */
  private static WeightMatrix outputMatrix(GgufFile gguf, LlamaConfig c, WeightMatrix embd) {
    return gguf.tensors().containsKey("output.weight")
        ? matrix(gguf, "output.weight", c.vocabSize(), c.dim())
        : new WeightMatrix("output.weight (tied to token_embd.weight)", embd.rows(), embd.cols(), embd.type(), embd.data());
  }

  /** The output head's stored weights (to place the head alone on a chip: noise-native sampling). */
  public WeightMatrix outputWeights() {
    return outputWeights;
  }

  /** The output head as programmed into the backend (its input is {@link LlamaSession#headInput()}). */
  public LinearLayer outputLayer() {
    return output;
  }

  private static LinearLayer program(LinearBackend backend, WeightMatrix w, long[] bytes) {
    bytes[0] += w.byteSize();
    return backend.program(w);
  }

  private static WeightMatrix matrix(GgufFile f, String name, int rows, int cols) {
    GgufTensor t = f.requireTensor(name);
    long[] ne = t.dimensions();
    if (ne.length != 2 || ne[0] != cols || ne[1] != rows) {
      throw new GgufFormatException(f.path() + ": tensor " + name + " has dimensions "
          + java.util.Arrays.toString(ne) + " but the metadata implies [" + cols + ", " + rows + "]");
    }
    if (!t.type().runnable()) {
      throw new GgufFormatException(f.path() + ": tensor " + name + " has type " + t.type()
          + ", which this build cannot run (supported: " + GgmlType.runnableNames() + ")");
    }
    return WeightMatrix.of(t);
  }

  private static float[] vector(GgufFile f, String name, int n) {
    GgufTensor t = f.requireTensor(name);
    if (t.elementCount() != n) {
      throw new GgufFormatException(f.path() + ": tensor " + name + " has " + t.elementCount()
          + " elements but the metadata implies " + n);
    }
    if (!t.type().runnable()) {
      throw new GgufFormatException(f.path() + ": tensor " + name + " has type " + t.type()
          + ", which this build cannot run (supported: " + GgmlType.runnableNames() + ")");
    }
    float[] v = t.toFloats();
    for (int i = 0; i < v.length; i++) {
      if (!Float.isFinite(v[i])) {
        throw new GgufFormatException(f.path() + ": tensor " + name + " holds a non-finite value (" + v[i]
            + ") at element " + i);
      }
    }
    return v;
  }

  public LlamaConfig config() {
    return config;
  }

  public LinearBackend backend() {
    return backend;
  }

  /** Bytes of stored weights read by the linear layers for one token (embedding row excluded). */
  public long weightBytesPerToken() {
    return weightBytes;
  }

  void embed(int token, float[] x) {
    if (token < 0 || token >= config.vocabSize()) {
      throw new IllegalArgumentException("token id " + token + " outside the vocabulary of " + config.vocabSize());
    }
    embedding.decodeRow(token, x, 0);
  }

  /** What {@link #warmUp} did: its rounds and their CPU time (of the calling thread). */
  public record WarmUp(int rounds, double cpuSeconds) {}

  /**
   * Runs throwaway passes through the model so that the JIT compiles its kernels before a timed
   * run, as llama.cpp's tools run an empty decode at load ("warming up the model with an empty
   * run"). On a cold JVM the Vector API kernels run as plain Java objects, tens of times slower,
   * until C2 has compiled them; without this the first prompt and decoded tokens of a command carry
   * that cost. A round is one batched pass over {@value #WARM_BATCH} positions and {@value
   * #WARM_DECODE} one-token passes on a session of its own (the caller's sessions, samplers and
   * random streams are untouched), each one-token pass's logits handed to {@code onLogits} (e.g. a
   * throwaway sampler, whose code is as cold). The work is real and counted: a command's CPU time
   * includes it.
   *
   * <p>When to stop: C2 compiles in the background, so a round's cost first falls steeply, stays
   * flat while the compilations queue, then falls again as they land (on the development machine,
   * from 0.5 s for the first round to a steady 6 ms after about 30). Rounds therefore run at least
   * {@value #WARM_MIN_ROUNDS} times and then until one is no faster than the mean of the four
   * before it, or until {@code maxCpuSeconds} of CPU time is spent.
   */
  public WarmUp warmUp(double maxCpuSeconds, java.util.function.Consumer<float[]> onLogits) {
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    int positions = Math.min(config.contextLength(), WARM_BATCH + WARM_DECODE);
    int batch = Math.min(WARM_BATCH, positions - 1);
    int[] tokens = new int[positions];
    for (int i = 0; i < positions; i++) {
      tokens[i] = i % config.vocabSize();
    }
    LlamaSession session = newSession(positions);
    long start = cpu.getCurrentThreadCpuTime();
    long[] recent = new long[4];
    int rounds = 0;
    while (true) {
      long t0 = cpu.getCurrentThreadCpuTime();
      session.reset();
      session.forward(tokens, 0, batch, batch - 1, (i, logits) -> {});
      for (int i = batch; i < positions; i++) {
        onLogits.accept(session.forward(tokens[i]));
      }
      long t1 = cpu.getCurrentThreadCpuTime();
      long cost = t1 - t0;
      double mean = (recent[0] + recent[1] + recent[2] + recent[3]) / 4.0;
      rounds++;
      if ((rounds > WARM_MIN_ROUNDS && cost >= mean) || (t1 - start) / 1e9 >= maxCpuSeconds) {
        return new WarmUp(rounds, (t1 - start) / 1e9);
      }
      recent[rounds % recent.length] = cost;
    }
  }

  private static final int WARM_BATCH = 16;
  private static final int WARM_DECODE = 8;
  private static final int WARM_MIN_ROUNDS = 16;

  /** A fresh inference session holding up to {@code maxTokens} positions (at most the context length). */
  public LlamaSession newSession(int maxTokens) {
    return new LlamaSession(this, Math.min(maxTokens, config.contextLength()));
  }

  /** A fresh inference session over the model's full context length. */
  public LlamaSession newSession() {
    return newSession(config.contextLength());
  }
}
