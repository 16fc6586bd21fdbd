package org.ferrogen.cim;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels. {@link #productBlock} computes a block of column sums for a batch of input
 * vectors in the register-blocked "broadcast one input, load a row of outputs" form of a matrix
 * product (two inputs × four vectors of outputs per pass, no horizontal reductions). The exact column
 * noise path runs it twice per block: Σ g·u for the column sums and Σ v·u² (v = the per-cell
 * read-noise variance) for their variances. The dot-product kernels serve plain float products.
 */
public final class MvmKernels {

  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  private MvmKernels() {}

  /**
   * Dot products of {@code g[gOff, gOff+len)} with {@code count} (1..4) input vectors starting at
   * {@code u[uOff + k·stride]}; results into {@code out[0..count)}.
   */
  public static void dot(float[] g, int gOff, float[] u, int uOff, int stride, int count, int len, float[] out) {
    if (count == 4) {
      dot4(g, gOff, u, uOff, stride, len, out, 0);
    } else {
      for (int k = 0; k < count; k++) {
        out[k] = dot1(g, gOff, u, uOff + k * stride, len);
      }
    }
  }

  /**
   * Dot products of {@code g[gOff, gOff+len)} with {@code batch} input vectors starting at
   * {@code u[uOff + b·stride]}; results into {@code out[0..batch)}. Four vectors share each load of
   * {@code g}.
   */
  public static void dotBatch(float[] g, int gOff, float[] u, int uOff, int stride, int batch, int len, float[] out) {
    int b = 0;
    for (; b + 4 <= batch; b += 4) {
      dot4(g, gOff, u, uOff + b * stride, stride, len, out, b);
    }
    for (; b < batch; b++) {
      out[b] = dot1(g, gOff, u, uOff + b * stride, len);
    }
  }

  /** Outputs per block that take the fast path of {@link #productBlock}: four vectors. */
  public static int blockWidth() {
    return 4 * SPECIES.length();
  }

  /**
   * {@code out[b·(o1−o0) + (o − o0)] = Σ_i g[i·nOut + o] · u[uOff + b·uStride + i]} for outputs
   * {@code o0 ≤ o < o1}, inputs {@code 0 ≤ i < len} and {@code 0 ≤ b < batch}; {@code g} is stored
   * input-major (one row of {@code nOut} outputs per input).
   */
  public static void productBlock(
      float[] g, int nOut, int o0, int o1, float[] u, int uOff, int uStride, int len, int batch, float[] out) {
    int width = o1 - o0;
    int vl = SPECIES.length();
    if (width == 4 * vl) {
      int b = 0;
      for (; b + 2 <= batch; b += 2) {
        block2x4(g, nOut, o0, u, uOff + b * uStride, uOff + (b + 1) * uStride, len, out, b * width, (b + 1) * width);
      }
      if (b < batch) {
        block1x4(g, nOut, o0, u, uOff + b * uStride, len, out, b * width);
      }
      return;
    }
    for (int b = 0; b < batch; b++) {
      int ub = uOff + b * uStride;
      int ob = b * width;
      int o = o0;
      for (; o + vl <= o1; o += vl) {
        FloatVector acc = FloatVector.zero(SPECIES);
        for (int i = 0; i < len; i++) {
          acc = FloatVector.fromArray(SPECIES, g, i * nOut + o).fma(FloatVector.broadcast(SPECIES, u[ub + i]), acc);
        }
        acc.intoArray(out, ob + o - o0);
      }
      for (; o < o1; o++) {
        float sum = 0;
        for (int i = 0; i < len; i++) {
          sum += g[i * nOut + o] * u[ub + i];
        }
        out[ob + o - o0] = sum;
      }
    }
  }

  private static void block2x4(
      float[] g, int nOut, int o0, float[] u, int ua, int ub, int len, float[] out, int oa, int ob) {
    int vl = SPECIES.length();
    FloatVector a0 = FloatVector.zero(SPECIES);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    FloatVector b0 = a0;
    FloatVector b1 = a0;
    FloatVector b2 = a0;
    FloatVector b3 = a0;
    for (int i = 0; i < len; i++) {
      int row = i * nOut + o0;
      FloatVector g0 = FloatVector.fromArray(SPECIES, g, row);
      FloatVector g1 = FloatVector.fromArray(SPECIES, g, row + vl);
      FloatVector g2 = FloatVector.fromArray(SPECIES, g, row + 2 * vl);
      FloatVector g3 = FloatVector.fromArray(SPECIES, g, row + 3 * vl);
      FloatVector x = FloatVector.broadcast(SPECIES, u[ua + i]);
      FloatVector y = FloatVector.broadcast(SPECIES, u[ub + i]);
      a0 = g0.fma(x, a0);
      a1 = g1.fma(x, a1);
      a2 = g2.fma(x, a2);
      a3 = g3.fma(x, a3);
      b0 = g0.fma(y, b0);
      b1 = g1.fma(y, b1);
      b2 = g2.fma(y, b2);
      b3 = g3.fma(y, b3);
    }
    a0.intoArray(out, oa);
    a1.intoArray(out, oa + vl);
    a2.intoArray(out, oa + 2 * vl);
    a3.intoArray(out, oa + 3 * vl);
    b0.intoArray(out, ob);
    b1.intoArray(out, ob + vl);
    b2.intoArray(out, ob + 2 * vl);
    b3.intoArray(out, ob + 3 * vl);
  }

  private static void block1x4(float[] g, int nOut, int o0, float[] u, int ua, int len, float[] out, int oa) {
    int vl = SPECIES.length();
    FloatVector a0 = FloatVector.zero(SPECIES);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    for (int i = 0; i < len; i++) {
      int row = i * nOut + o0;
      FloatVector x = FloatVector.broadcast(SPECIES, u[ua + i]);
      a0 = FloatVector.fromArray(SPECIES, g, row).fma(x, a0);
      a1 = FloatVector.fromArray(SPECIES, g, row + vl).fma(x, a1);
      a2 = FloatVector.fromArray(SPECIES, g, row + 2 * vl).fma(x, a2);
      a3 = FloatVector.fromArray(SPECIES, g, row + 3 * vl).fma(x, a3);
    }
    a0.intoArray(out, oa);
    a1.intoArray(out, oa + vl);
    a2.intoArray(out, oa + 2 * vl);
    a3.intoArray(out, oa + 3 * vl);
  }

  static float dot1(float[] g, int gOff, float[] u, int uOff, int len) {
    FloatVector acc = FloatVector.zero(SPECIES);
    int i = 0;
    int bound = SPECIES.loopBound(len);
    for (; i < bound; i += SPECIES.length()) {
      acc = FloatVector.fromArray(SPECIES, g, gOff + i).fma(FloatVector.fromArray(SPECIES, u, uOff + i), acc);
    }
    float s = acc.reduceLanes(VectorOperators.ADD);
    for (; i < len; i++) {
      s += g[gOff + i] * u[uOff + i];
    }
    return s;
  }

  static void dot4(float[] g, int gOff, float[] u, int uOff, int stride, int len, float[] out, int outOff) {
    FloatVector a0 = FloatVector.zero(SPECIES);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    int u1 = uOff + stride;
    int u2 = u1 + stride;
    int u3 = u2 + stride;
    int i = 0;
    int bound = SPECIES.loopBound(len);
    for (; i < bound; i += SPECIES.length()) {
      FloatVector gv = FloatVector.fromArray(SPECIES, g, gOff + i);
      a0 = gv.fma(FloatVector.fromArray(SPECIES, u, uOff + i), a0);
      a1 = gv.fma(FloatVector.fromArray(SPECIES, u, u1 + i), a1);
      a2 = gv.fma(FloatVector.fromArray(SPECIES, u, u2 + i), a2);
      a3 = gv.fma(FloatVector.fromArray(SPECIES, u, u3 + i), a3);
    }
    float s0 = a0.reduceLanes(VectorOperators.ADD);
    float s1 = a1.reduceLanes(VectorOperators.ADD);
    float s2 = a2.reduceLanes(VectorOperators.ADD);
    float s3 = a3.reduceLanes(VectorOperators.ADD);
    for (; i < len; i++) {
      float gi = g[gOff + i];
      s0 += gi * u[uOff + i];
      s1 += gi * u[u1 + i];
      s2 += gi * u[u2 + i];
      s3 += gi * u[u3 + i];
    }
    out[outOff] = s0;
    out[outOff + 1] = s1;
    out[outOff + 2] = s2;
    out[outOff + 3] = s3;
  }
}
