package org.ferrogen.cim;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels for one bit line's dot products against up to four input vectors at once. The
 * fused kernel computes, in the same pass over memory, the noiseless column sum Σ g·u and the
 * column's read-noise variance Σ v·u² (v = per-cell noise variance), which is all the exact
 * column-level noise path needs.
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
   * Fused: {@code out[k] = Σ g·u_k} and {@code out[4 + k] = Σ v·q_k} for {@code count} (1..4) vectors,
   * where {@code q} holds the squares of {@code u} at the same offsets.
   */
  public static void dotAndVariance(
      float[] g, float[] v, int gOff, float[] u, float[] q, int uOff, int stride, int count, int len, float[] out) {
    if (count == 4) {
      fused4(g, v, gOff, u, q, uOff, stride, len, out);
    } else {
      for (int k = 0; k < count; k++) {
        out[k] = dot1(g, gOff, u, uOff + k * stride, len);
        out[4 + k] = dot1(v, gOff, q, uOff + k * stride, len);
      }
    }
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

  static void fused4(
      float[] g, float[] v, int gOff, float[] u, float[] q, int uOff, int stride, int len, float[] out) {
    FloatVector a0 = FloatVector.zero(SPECIES);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    FloatVector b0 = a0;
    FloatVector b1 = a0;
    FloatVector b2 = a0;
    FloatVector b3 = a0;
    int u1 = uOff + stride;
    int u2 = u1 + stride;
    int u3 = u2 + stride;
    int i = 0;
    int bound = SPECIES.loopBound(len);
    for (; i < bound; i += SPECIES.length()) {
      FloatVector gv = FloatVector.fromArray(SPECIES, g, gOff + i);
      FloatVector vv = FloatVector.fromArray(SPECIES, v, gOff + i);
      a0 = gv.fma(FloatVector.fromArray(SPECIES, u, uOff + i), a0);
      b0 = vv.fma(FloatVector.fromArray(SPECIES, q, uOff + i), b0);
      a1 = gv.fma(FloatVector.fromArray(SPECIES, u, u1 + i), a1);
      b1 = vv.fma(FloatVector.fromArray(SPECIES, q, u1 + i), b1);
      a2 = gv.fma(FloatVector.fromArray(SPECIES, u, u2 + i), a2);
      b2 = vv.fma(FloatVector.fromArray(SPECIES, q, u2 + i), b2);
      a3 = gv.fma(FloatVector.fromArray(SPECIES, u, u3 + i), a3);
      b3 = vv.fma(FloatVector.fromArray(SPECIES, q, u3 + i), b3);
    }
    float s0 = a0.reduceLanes(VectorOperators.ADD);
    float s1 = a1.reduceLanes(VectorOperators.ADD);
    float s2 = a2.reduceLanes(VectorOperators.ADD);
    float s3 = a3.reduceLanes(VectorOperators.ADD);
    float t0 = b0.reduceLanes(VectorOperators.ADD);
    float t1 = b1.reduceLanes(VectorOperators.ADD);
    float t2 = b2.reduceLanes(VectorOperators.ADD);
    float t3 = b3.reduceLanes(VectorOperators.ADD);
    for (; i < len; i++) {
      float gi = g[gOff + i];
      float vi = v[gOff + i];
      s0 += gi * u[uOff + i];
      s1 += gi * u[u1 + i];
      s2 += gi * u[u2 + i];
      s3 += gi * u[u3 + i];
      t0 += vi * q[uOff + i];
      t1 += vi * q[u1 + i];
      t2 += vi * q[u2 + i];
      t3 += vi * q[u3 + i];
    }
    out[0] = s0;
    out[1] = s1;
    out[2] = s2;
    out[3] = s3;
    out[4] = t0;
    out[5] = t1;
    out[6] = t2;
    out[7] = t3;
  }
}
