package org.ferrogen.genai.model;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * One sequence being run through a {@link LlamaModel}: the KV cache and scratch buffers. Feed
 * tokens one at a time with {@link #forward}; each call returns the logits for the next token.
 * Not thread-safe.
 */
public final class LlamaSession {
  private final LlamaModel model;
  private final LlamaConfig c;
  private final int capacity;
  private final float[][] keyCache;
  private final float[][] valueCache;
  private final float[] x;
  private final float[] xb;
  private final float[] q;
  private final float[] k;
  private final float[] v;
  private final float[] att;
  private final float[] attOut;
  private final float[] proj;
  private final float[] gate;
  private final float[] up;
  private final float[] scores;
  private final float[] ropeInvFreq;
  private int position;

  LlamaSession(LlamaModel model, int capacity) {
    this.model = model;
    this.c = model.config();
    this.capacity = capacity;
    keyCache = new float[c.layers()][(int) Math.min(Integer.MAX_VALUE - 8, (long) capacity * c.kvDim())];
    valueCache = new float[c.layers()][keyCache[0].length];
    x = new float[c.dim()];
    xb = new float[c.dim()];
    q = new float[c.dim()];
    k = new float[c.kvDim()];
    v = new float[c.kvDim()];
    att = new float[c.dim()];
    attOut = new float[c.dim()];
    proj = new float[c.dim()];
    gate = new float[c.ffnDim()];
    up = new float[c.ffnDim()];
    scores = new float[capacity];
    int half = c.headDim() / 2;
    ropeInvFreq = new float[half];
    for (int j = 0; j < half; j++) {
      ropeInvFreq[j] = (float) Math.pow(c.ropeBase(), -2.0 * j / c.headDim());
    }
  }

  private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;

  /** Σ a[ao+i]·b[bo+i] for i < n, eight lanes at a time (attention scores). */
  private static float dot(float[] a, int ao, float[] b, int bo, int n) {
    int i = 0;
    float s = 0;
    if (n >= F.length()) {
      FloatVector acc = FloatVector.zero(F);
      for (; i <= n - F.length(); i += F.length()) {
        acc = FloatVector.fromArray(F, a, ao + i).fma(FloatVector.fromArray(F, b, bo + i), acc);
      }
      s = acc.reduceLanes(VectorOperators.ADD);
    }
    for (; i < n; i++) {
      s += a[ao + i] * b[bo + i];
    }
    return s;
  }

  /** y[yo+i] += alpha·x[xo+i] for i < n (attention-weighted values). */
  private static void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
    int i = 0;
    FloatVector va = FloatVector.broadcast(F, alpha);
    for (; i <= n - F.length(); i += F.length()) {
      FloatVector.fromArray(F, x, xo + i).fma(va, FloatVector.fromArray(F, y, yo + i)).intoArray(y, yo + i);
    }
    for (; i < n; i++) {
      y[yo + i] += alpha * x[xo + i];
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
  public void reset() {
    position = 0;
  }

  /** Runs {@code token} at the next position and returns the next-token logits (a fresh array). */
  public float[] forward(int token) {
    if (position >= capacity) {
      throw new IllegalStateException("context full: " + capacity + " positions");
    }
    model.embed(token, x);
    int pos = position;
    int hd = c.headDim();
    int kvDim = c.kvDim();
    int group = c.heads() / c.kvHeads();
    float scale = (float) (1.0 / Math.sqrt(hd));
    for (int l = 0; l < c.layers(); l++) {
      LlamaModel.Block b = model.blocks[l];
      rmsNorm(x, b.attnNorm(), xb);
      b.q().multiply(xb, q);
      b.k().multiply(xb, k);
      b.v().multiply(xb, v);
      rope(q, pos);
      rope(k, pos);
      System.arraycopy(k, 0, keyCache[l], pos * kvDim, kvDim);
      System.arraycopy(v, 0, valueCache[l], pos * kvDim, kvDim);
      float[] kc = keyCache[l];
      float[] vc = valueCache[l];
      for (int h = 0; h < c.heads(); h++) {
        int qo = h * hd;
        int kvo = (h / group) * hd;
        float max = Float.NEGATIVE_INFINITY;
        for (int t = 0; t <= pos; t++) {
          int ko = t * kvDim + kvo;
          float s = dot(q, qo, kc, ko, hd) * scale;
          scores[t] = s;
          max = Math.max(max, s);
        }
        float sum = 0;
        for (int t = 0; t <= pos; t++) {
          scores[t] = (float) Math.exp(scores[t] - max);
          sum += scores[t];
        }
        java.util.Arrays.fill(att, qo, qo + hd, 0f);
        for (int t = 0; t <= pos; t++) {
          float a = scores[t] / sum;
          int vo = t * kvDim + kvo;
          axpy(a, vc, vo, att, qo, hd);
        }
      }
      b.o().multiply(att, attOut);
      for (int i = 0; i < x.length; i++) {
        x[i] += attOut[i];
      }
      rmsNorm(x, b.ffnNorm(), xb);
      b.gate().multiply(xb, gate);
      b.up().multiply(xb, up);
      for (int i = 0; i < gate.length; i++) {
        float g = gate[i];
        gate[i] = g / (1f + (float) Math.exp(-g)) * up[i];
      }
      b.down().multiply(gate, proj);
      for (int i = 0; i < x.length; i++) {
        x[i] += proj[i];
      }
    }
    rmsNorm(x, model.outputNorm, xb);
    float[] logits = new float[c.vocabSize()];
    model.output.multiply(xb, logits);
    position++;
    return logits;
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
    for (int h = 0; h < vec.length / hd; h++) {
      for (int j = 0; j < hd / 2; j++) {
        double theta = pos * (double) ropeInvFreq[j];
        float cos = (float) Math.cos(theta);
        float sin = (float) Math.sin(theta);
        int i = h * hd + 2 * j;
        float a = vec[i];
        float bb = vec[i + 1];
        vec[i] = a * cos - bb * sin;
        vec[i + 1] = a * sin + bb * cos;
      }
    }
  }
}
