package org.ferrogen.genai.backend;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float micro-kernel of a matrix-matrix product Y = W·X over a batch of input vectors (the
 * positions of a prompt or a perplexity window) for a matrix that has no {@link PanelMatrix} (one
 * beyond the float backend's budget, read in place and decoded a row pair per batch): two decoded
 * weight rows against four input vectors
 * at a time, eight accumulators in registers. Each weight vector loaded is used four times and each
 * input vector twice, so the product runs at the FMA units' rate instead of one load (and, for a
 * quantised or 16-bit row, one decode) per multiply-accumulate as token-at-a-time products do.
 * Hand-written for measured speed: no library offers a Vector API GEMM for JDK 17.
 */
final class BatchProduct {
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;

  private BatchProduct() {}

  /**
   * ys[t][r] = w[o0..o0+cols)·xs[t] and ys[t][r+1] = w[o1..o1+cols)·xs[t] for t &lt; n.
   */
  static void twoRows(float[] w, int o0, int o1, int cols, float[][] xs, float[][] ys, int n, int r) {
    int bound = F.loopBound(cols);
    int t = 0;
    for (; t + 4 <= n; t += 4) {
      float[] x0 = xs[t];
      float[] x1 = xs[t + 1];
      float[] x2 = xs[t + 2];
      float[] x3 = xs[t + 3];
      FloatVector a00 = FloatVector.zero(F);
      FloatVector a01 = FloatVector.zero(F);
      FloatVector a02 = FloatVector.zero(F);
      FloatVector a03 = FloatVector.zero(F);
      FloatVector a10 = FloatVector.zero(F);
      FloatVector a11 = FloatVector.zero(F);
      FloatVector a12 = FloatVector.zero(F);
      FloatVector a13 = FloatVector.zero(F);
      for (int i = 0; i < bound; i += F.length()) {
        FloatVector w0 = FloatVector.fromArray(F, w, o0 + i);
        FloatVector w1 = FloatVector.fromArray(F, w, o1 + i);
        FloatVector v = FloatVector.fromArray(F, x0, i);
        a00 = w0.fma(v, a00);
        a10 = w1.fma(v, a10);
        v = FloatVector.fromArray(F, x1, i);
        a01 = w0.fma(v, a01);
        a11 = w1.fma(v, a11);
        v = FloatVector.fromArray(F, x2, i);
        a02 = w0.fma(v, a02);
        a12 = w1.fma(v, a12);
        v = FloatVector.fromArray(F, x3, i);
        a03 = w0.fma(v, a03);
        a13 = w1.fma(v, a13);
      }
      ys[t][r] = a00.reduceLanes(VectorOperators.ADD) + tail(w, o0, x0, bound, cols);
      ys[t + 1][r] = a01.reduceLanes(VectorOperators.ADD) + tail(w, o0, x1, bound, cols);
      ys[t + 2][r] = a02.reduceLanes(VectorOperators.ADD) + tail(w, o0, x2, bound, cols);
      ys[t + 3][r] = a03.reduceLanes(VectorOperators.ADD) + tail(w, o0, x3, bound, cols);
      ys[t][r + 1] = a10.reduceLanes(VectorOperators.ADD) + tail(w, o1, x0, bound, cols);
      ys[t + 1][r + 1] = a11.reduceLanes(VectorOperators.ADD) + tail(w, o1, x1, bound, cols);
      ys[t + 2][r + 1] = a12.reduceLanes(VectorOperators.ADD) + tail(w, o1, x2, bound, cols);
      ys[t + 3][r + 1] = a13.reduceLanes(VectorOperators.ADD) + tail(w, o1, x3, bound, cols);
    }
    for (; t < n; t++) {
      ys[t][r] = dot(w, o0, xs[t], cols);
      ys[t][r + 1] = dot(w, o1, xs[t], cols);
    }
  }

  /** ys[t][r] = w[o..o+cols)·xs[t] for t &lt; n (the odd row of a range). */
  static void oneRow(float[] w, int o, int cols, float[][] xs, float[][] ys, int n, int r) {
    for (int t = 0; t < n; t++) {
      ys[t][r] = dot(w, o, xs[t], cols);
    }
  }

  private static float dot(float[] w, int o, float[] x, int cols) {
    int bound = F.loopBound(cols);
    FloatVector acc = FloatVector.zero(F);
    for (int i = 0; i < bound; i += F.length()) {
      acc = FloatVector.fromArray(F, w, o + i).fma(FloatVector.fromArray(F, x, i), acc);
    }
    return acc.reduceLanes(VectorOperators.ADD) + tail(w, o, x, bound, cols);
  }

  private static float tail(float[] w, int o, float[] x, int from, int cols) {
    float s = 0;
    for (int i = from; i < cols; i++) {
      s += w[o + i] * x[i];
    }
    return s;
  }
}
