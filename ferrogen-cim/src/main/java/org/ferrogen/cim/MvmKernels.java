package org.ferrogen.cim;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels for one bit line's dot products against a batch of input vectors, four at a
 * time so that each load of the conductance row feeds four fused multiply-adds. The exact column
 * noise path runs the same kernel twice per bit line: Σ g·u for the column sum and Σ v·u² (v = the
 * per-cell read-noise variance) for its variance.
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
