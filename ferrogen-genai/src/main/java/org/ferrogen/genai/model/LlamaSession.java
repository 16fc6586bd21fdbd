package org.ferrogen.genai.model;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.ferrogen.genai.backend.VectorMath;
import org.ferrogen.learn.llama.LlamaConfig;

/**
 * One sequence being run through a {@link LlamaModel}: the KV cache, the RoPE tables and scratch
 * buffers, all allocated once. Feed tokens one at a time with {@link #forward(int)} (decoding) or
 * many at once with {@link #forward(int[], int, int, int, LogitsSink)} (a prompt or a perplexity
 * window: every linear layer then runs as one matrix-matrix product over up to {@link #BATCH}
 * positions). Both give the same logits up to float rounding. Not thread-safe.
 */
public final class LlamaSession {
  /**
   * Positions per batched pass. 32 amortises decoding each weight row over many products (the
   * batched kernel takes four positions per register block) while the activations of a pass stay
   * in the L2 cache for the 192-wide shipped model and in a few MB for a 768-wide one.
   */
  public static final int BATCH = 32;

  /** Receives the next-token logits of position {@code index} of a batched pass. */
  @FunctionalInterface
  public interface LogitsSink {
    /** {@code logits} is a session buffer, valid only during the call. */
    void accept(int index, float[] logits);
  }

  /** 256-bit lanes, the shape of every genai kernel (see PanelMatrix.F). */
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
  private static final int L = F.length();

  private final LlamaModel model;
  private final LlamaConfig c;
  private final int capacity;
  /**
   * Keys per layer, transposed: entry (i, pos) at {@code i·keyStride + pos} for i &lt; kvDim, so that
   * the scores of one query against consecutive positions are whole vectors (a broadcast query
   * value times a vector of keys per head dimension) instead of one dot product and horizontal
   * reduction per position.
   */
  private final float[][] keyCache;
  /** Positions per row of {@link #keyCache}: the capacity rounded up to two vectors. */
  private final int keyStride;
  /** Values per layer, position-major: entry (pos, i) at {@code pos·kvDim + i}. */
  private final float[][] valueCache;
  private final float[] x;
  private final float[] xb;
  private final float[] q;
  private final float[] k;
  private final float[] v;
  private final float[] att;
  private final float[] proj;
  private final float[] gate;
  private final float[] up;
  private final float[] logits;
  /** The output head's input at the last position whose logits were computed. */
  private final float[] headInput;
  private final float[] scores;
  /** The exponentials of a SwiGLU. */
  private final float[] expScratch;
  /** cos and sin of pos·base^(−2j/d), row pos, column j: computed once per session (llama3.java does the same). */
  private final float[] ropeCos;
  private final float[] ropeSin;
  private Batch batch;
  private int position;

  /** The buffers of a batched pass, allocated on its first use (decode-only sessions never need them). */
  private static final class Batch {
    final float[][] x;
    final float[][] xb;
    final float[][] q;
    final float[][] k;
    final float[][] v;
    final float[][] att;
    final float[][] proj;
    final float[][] gate;
    final float[][] up;
    final float[][] logits;

    Batch(LlamaConfig c, int n) {
      x = new float[n][c.dim()];
      xb = new float[n][c.dim()];
      q = new float[n][c.dim()];
      k = new float[n][c.kvDim()];
      v = new float[n][c.kvDim()];
      att = new float[n][c.dim()];
      proj = new float[n][c.dim()];
      gate = new float[n][c.ffnDim()];
      up = new float[n][c.ffnDim()];
      logits = new float[n][c.vocabSize()];
    }
  }

  LlamaSession(LlamaModel model, int capacity) {
    this.model = model;
    this.c = model.config();
    this.capacity = capacity;
    keyStride = (capacity + 2 * L - 1) / (2 * L) * (2 * L);
    keyCache = new float[c.layers()][Math.toIntExact((long) keyStride * c.kvDim())];
    valueCache = new float[c.layers()][Math.toIntExact((long) capacity * c.kvDim())];
    x = new float[c.dim()];
    xb = new float[c.dim()];
    q = new float[c.dim()];
    k = new float[c.kvDim()];
    v = new float[c.kvDim()];
    att = new float[c.dim()];
    proj = new float[c.dim()];
    gate = new float[c.ffnDim()];
    up = new float[c.ffnDim()];
    logits = new float[c.vocabSize()];
    headInput = new float[c.dim()];
    scores = new float[keyStride];
    expScratch = new float[c.ffnDim()];
    int half = c.headDim() / 2;
    ropeCos = new float[capacity * half];
    ropeSin = new float[capacity * half];
    for (int j = 0; j < half; j++) {
      float invFreq = (float) Math.pow(c.ropeBase(), -2.0 * j / c.headDim());
      for (int pos = 0; pos < capacity; pos++) {
        double theta = pos * (double) invFreq;
        ropeCos[pos * half + j] = (float) Math.cos(theta);
        ropeSin[pos * half + j] = (float) Math.sin(theta);
      }
    }
  }

  /** Tokens processed so far (the position the next token gets). */
  public int position() {
    return position;
  }

  /** Most positions this session holds. */
  public int capacity() {
    return capacity;
  }

  /** Forgets all positions. */
  /**
   * The output head's input (the final RMS-normed hidden state) at the last position whose logits
   * were computed: a session buffer, overwritten by the next forward pass. Multiplying it by the head
   * again gives fresh reads of the same logits (noise-native sampling).
   */
  public float[] headInput() {
    return headInput;
  }

  public void reset() {
    position = 0;
  }

  /**
   * Runs {@code token} at the next position and returns the next-token logits: a session buffer,
   * overwritten by the next call (copy it to keep it).
   */
  public float[] forward(int token) {
    if (position >= capacity) {
      throw new IllegalStateException("context full: " + capacity + " positions");
    }
    model.embed(token, x);
    for (int l = 0; l < c.layers(); l++) {
      tokenLayer(l, position);
    }
    rmsNorm(x, model.outputNorm, xb);
    System.arraycopy(xb, 0, headInput, 0, xb.length);
    model.output.multiply(xb, logits);
    position++;
    return logits;
  }

  /** One block at position {@code pos} (a method of its own for the JIT, as {@link #layer}). */
  private void tokenLayer(int l, int pos) {
    LlamaModel.Block b = model.blocks[l];
    rmsNorm(x, b.attnNorm(), xb);
    b.q().multiply(xb, q);
    b.k().multiply(xb, k);
    b.v().multiply(xb, v);
    rope(q, pos);
    rope(k, pos);
    store(l, pos, k, v);
    attend(l, pos, q, att);
    b.o().multiply(att, proj);
    add(x, proj);
    rmsNorm(x, b.ffnNorm(), xb);
    b.gate().multiply(xb, gate);
    b.up().multiply(xb, up);
    swiglu(gate, up);
    b.down().multiply(gate, proj);
    add(x, proj);
  }

  /**
   * Runs {@code tokens[from..to)} at the next {@code to − from} positions, {@link #BATCH} at a
   * time, and hands {@code sink} the next-token logits of every index i in {@code logitsFrom..to−1}
   * (in order); the output head runs only for those. A prompt asks for the last index only, a
   * perplexity window for the positions it scores.
   */
  public void forward(int[] tokens, int from, int to, int logitsFrom, LogitsSink sink) {
    if (from < 0 || to > tokens.length || from > to) {
      throw new IllegalArgumentException("token range " + from + ".." + to + " outside 0.." + tokens.length);
    }
    if (position + (to - from) > capacity) {
      throw new IllegalStateException("context full: " + capacity + " positions, " + position + " used, "
          + (to - from) + " more asked");
    }
    if (batch == null) {
      batch = new Batch(c, Math.min(BATCH, capacity));
    }
    Batch bt = batch;
    int size = bt.x.length;
    for (int start = from; start < to; start += size) {
      int n = Math.min(size, to - start);
      embedAll(tokens, start, bt, n);
      for (int l = 0; l < c.layers(); l++) {
        layer(l, bt, n, position);
      }
      position += n;
      int first = Math.max(start, logitsFrom) - start;
      if (first < n) {
        head(bt, first, n, start, sink);
      }
    }
  }

  private void embedAll(int[] tokens, int start, Batch bt, int n) {
    for (int t = 0; t < n; t++) {
      model.embed(tokens[start + t], bt.x[t]);
    }
  }

  /** The output head over positions first..n−1 of a batch starting at token index {@code start}. */
  private void head(Batch bt, int first, int n, int start, LogitsSink sink) {
    int m = n - first;
    for (int j = 0; j < m; j++) {
      rmsNorm(bt.x[first + j], model.outputNorm, bt.xb[j]);
    }
    System.arraycopy(bt.xb[m - 1], 0, headInput, 0, headInput.length);
    model.output.multiply(bt.xb, bt.logits, m);
    for (int j = 0; j < m; j++) {
      sink.accept(start + first + j, bt.logits[j]);
    }
  }

  /**
   * One block over the {@code n} positions of a batch starting at {@code pos0}. Kept out of {@link
   * #forward(int[], int, int, int, LogitsSink)}, and its per-position loops (like that method's own:
   * embedding and output head) in small methods of their own, so that the JIT compiles small units once instead of recompiling (on-stack replacement at
   * each loop level) one method with every kernel inlined: in a JFR recording of a cold 16 k-token
   * perplexity run, C2 compiled the whole pass six times, each taking 0.24-0.95 s (wall time on a
   * loaded machine).
   */
  private void layer(int l, Batch bt, int n, int pos0) {
    LlamaModel.Block b = model.blocks[l];
    rmsNormAll(bt.x, b.attnNorm(), bt.xb, n);
    b.q().multiply(bt.xb, bt.q, n);
    b.k().multiply(bt.xb, bt.k, n);
    b.v().multiply(bt.xb, bt.v, n);
    ropeAndStore(l, bt, n, pos0);
    attendAll(l, bt, n, pos0);
    b.o().multiply(bt.att, bt.proj, n);
    addAndNorm(bt, b.ffnNorm(), n);
    b.gate().multiply(bt.xb, bt.gate, n);
    b.up().multiply(bt.xb, bt.up, n);
    swigluAll(bt, n);
    b.down().multiply(bt.gate, bt.proj, n);
    addAll(bt.x, bt.proj, n);
  }

  private void rmsNormAll(float[][] in, float[] weight, float[][] out, int n) {
    for (int t = 0; t < n; t++) {
      rmsNorm(in[t], weight, out[t]);
    }
  }

  private void ropeAndStore(int l, Batch bt, int n, int pos0) {
    for (int t = 0; t < n; t++) {
      rope(bt.q[t], pos0 + t);
      rope(bt.k[t], pos0 + t);
      store(l, pos0 + t, bt.k[t], bt.v[t]);
    }
  }

  private void attendAll(int l, Batch bt, int n, int pos0) {
    for (int t = 0; t < n; t++) {
      attend(l, pos0 + t, bt.q[t], bt.att[t]);
    }
  }

  private void addAndNorm(Batch bt, float[] weight, int n) {
    for (int t = 0; t < n; t++) {
      add(bt.x[t], bt.proj[t]);
      rmsNorm(bt.x[t], weight, bt.xb[t]);
    }
  }

  private void swigluAll(Batch bt, int n) {
    for (int t = 0; t < n; t++) {
      swiglu(bt.gate[t], bt.up[t]);
    }
  }

  private static void addAll(float[][] acc, float[][] delta, int n) {
    for (int t = 0; t < n; t++) {
      add(acc[t], delta[t]);
    }
  }

  private void store(int layer, int pos, float[] key, float[] value) {
    float[] kc = keyCache[layer];
    for (int i = 0; i < key.length; i++) {
      kc[i * keyStride + pos] = key[i];
    }
    System.arraycopy(value, 0, valueCache[layer], pos * c.kvDim(), c.kvDim());
  }

  /** Causal grouped-query attention of {@code query} (at {@code pos}) over the cached positions 0..pos. */
  private void attend(int layer, int pos, float[] query, float[] out) {
    int hd = c.headDim();
    int group = c.heads() / c.kvHeads();
    float scale = (float) (1.0 / Math.sqrt(hd));
    int len = pos + 1;
    for (int h = 0; h < c.heads(); h++) {
      int qo = h * hd;
      int kvo = (h / group) * hd;
      scores(keyCache[layer], kvo, query, qo, len, scale);
      float max = VectorMath.max(scores, 0, len);
      float sum = VectorMath.exp(scores, 0, scores, 0, len, 1f, max);
      weightedValues(valueCache[layer], kvo, len, 1f / sum, out, qo);
    }
  }

  /**
   * scores[t] = scale · Σ_d query[qo+d]·key_t[kvo+d] for t &lt; len (and, as a by-product, for the
   * positions up to the next multiple of two vectors, which the caller ignores). Two vectors of
   * positions at a time, even and odd head dimensions in separate accumulators: four independent
   * chains of fused multiply-adds. The head dimension is even (RoPE rotates pairs).
   */
  private void scores(float[] kc, int kvo, float[] query, int qo, int len, float scale) {
    int hd = c.headDim();
    for (int j = 0; j < len; j += 2 * L) {
      FloatVector e0 = FloatVector.zero(F);
      FloatVector e1 = FloatVector.zero(F);
      FloatVector o0 = FloatVector.zero(F);
      FloatVector o1 = FloatVector.zero(F);
      int row = kvo * keyStride + j;
      for (int d = 0; d < hd; d += 2, row += 2 * keyStride) {
        FloatVector qe = FloatVector.broadcast(F, query[qo + d]);
        FloatVector qd = FloatVector.broadcast(F, query[qo + d + 1]);
        e0 = FloatVector.fromArray(F, kc, row).fma(qe, e0);
        e1 = FloatVector.fromArray(F, kc, row + L).fma(qe, e1);
        o0 = FloatVector.fromArray(F, kc, row + keyStride).fma(qd, o0);
        o1 = FloatVector.fromArray(F, kc, row + keyStride + L).fma(qd, o1);
      }
      e0.add(o0).mul(scale).intoArray(scores, j);
      e1.add(o1).mul(scale).intoArray(scores, j + L);
    }
  }

  /**
   * out[qo+i] = inv · Σ_t scores[t]·value_t[kvo+i] for i &lt; headDim, t &lt; len: a vector of
   * head dimensions per accumulator, four positions in flight.
   */
  private void weightedValues(float[] vc, int kvo, int len, float inv, float[] out, int qo) {
    int hd = c.headDim();
    int kvDim = c.kvDim();
    int i = 0;
    for (; i + L <= hd; i += L) {
      FloatVector a0 = FloatVector.zero(F);
      FloatVector a1 = FloatVector.zero(F);
      FloatVector a2 = FloatVector.zero(F);
      FloatVector a3 = FloatVector.zero(F);
      int t = 0;
      int o = kvo + i;
      for (; t + 4 <= len; t += 4, o += 4 * kvDim) {
        a0 = FloatVector.fromArray(F, vc, o).fma(FloatVector.broadcast(F, scores[t]), a0);
        a1 = FloatVector.fromArray(F, vc, o + kvDim).fma(FloatVector.broadcast(F, scores[t + 1]), a1);
        a2 = FloatVector.fromArray(F, vc, o + 2 * kvDim).fma(FloatVector.broadcast(F, scores[t + 2]), a2);
        a3 = FloatVector.fromArray(F, vc, o + 3 * kvDim).fma(FloatVector.broadcast(F, scores[t + 3]), a3);
      }
      for (; t < len; t++, o += kvDim) {
        a0 = FloatVector.fromArray(F, vc, o).fma(FloatVector.broadcast(F, scores[t]), a0);
      }
      a0.add(a1).add(a2.add(a3)).mul(inv).intoArray(out, qo + i);
    }
    for (; i < hd; i++) {
      float s = 0;
      for (int t = 0; t < len; t++) {
        s += scores[t] * vc[t * kvDim + kvo + i];
      }
      out[qo + i] = s * inv;
    }
  }

  private static void add(float[] acc, float[] delta) {
    for (int i = 0; i < acc.length; i++) {
      acc[i] += delta[i];
    }
  }

  /** gate ← silu(gate) ⊙ up. */
  private void swiglu(float[] gate, float[] up) {
    VectorMath.swiglu(gate, up, expScratch, gate.length);
  }

  private void rmsNorm(float[] in, float[] weight, float[] out) {
    double ss = 0;
    for (float f : in) {
      ss += f * f;
    }
    float inv = (float) (1.0 / Math.sqrt(ss / in.length + c.rmsEps()));
    for (int i = 0; i < in.length; i++) {
      out[i] = in[i] * inv * weight[i];
    }
  }

  /** llama.cpp's normal (LLAMA) rope: adjacent pairs (2j, 2j+1) of each head rotated by pos·base^(-2j/d). */
  private void rope(float[] vec, int pos) {
    int hd = c.headDim();
    int half = hd / 2;
    int row = pos * half;
    for (int h = 0; h < vec.length / hd; h++) {
      for (int j = 0; j < half; j++) {
        float cos = ropeCos[row + j];
        float sin = ropeSin[row + j];
        int i = h * hd + 2 * j;
        float a = vec[i];
        float bb = vec[i + 1];
        vec[i] = a * cos - bb * sin;
        vec[i + 1] = a * sin + bb * cos;
      }
    }
  }
}
