package org.ferrogen.genai.backend;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The exponential in float lanes, for the softmax of attention and of the output head and for the
 * SiLU of the feed-forward block: a scalar {@code Math.exp} per value took 6 % of a scoring profile
 * in the SiLU alone, and JDK 17's {@code VectorOperators.EXP} is an intrinsic only where the JDK
 * ships Intel's SVML stubs (elsewhere a scalar loop over the lanes). Hand-written for measured speed.
 *
 * <p>The method is Cephes' {@code expf} (S. L. Moshier, Cephes Mathematical Library, expf.c): e^x =
 * 2^n · e^r with n = round(x·log₂e), r = x − n·ln 2 (ln 2 split in two parts so that r is exact), and
 * e^r from a degree-7 polynomial on |r| ≤ ln 2 / 2; its stated relative error is about 1 float ulp
 * (tested against {@code Math.exp} in VectorMathTest). Inputs are clamped to [−87.3, 88]: below,
 * the result is the smallest normal float's order (1.2·10⁻³⁸) instead of a subnormal or zero, which no
 * softmax or sigmoid here can tell apart; above, e^88 ≈ 1.65·10³⁸ instead of overflow.
 */
public final class VectorMath {
  /**
   * 256-bit lanes, the shape of every genai kernel (see PanelMatrix.F for why one shape, and
   * WeightTensor.FW).
   */
  static final VectorSpecies<Float> F = FloatVector.SPECIES_256;

  private static final float LOG2E = 1.44269504088896341f;
  /** ln 2 = C1 + C2, C1 with few enough mantissa bits that n·C1 is exact. */
  private static final float C1 = 0.693359375f;
  private static final float C2 = -2.12194440e-4f;
  /** 1.5·2²³: adding it rounds a float of magnitude below 2²² to an integer held in the low mantissa bits. */
  private static final float ROUNDER = 12582912f;
  private static final int ROUNDER_BITS = 0x4B400000;
  private static final float LOW = -87.33654f;
  private static final float HIGH = 88f;
  /** Cephes' coefficients of (e^r − 1 − r)/r² ≈ P5 + P4·r + … + P0·r⁵. */
  private static final float P0 = 1.9875691500E-4f;
  private static final float P1 = 1.3981999507E-3f;
  private static final float P2 = 8.3334519073E-3f;
  private static final float P3 = 4.1665795894E-2f;
  private static final float P4 = 1.6666665459E-1f;
  private static final float P5 = 5.0000001201E-1f;

  private VectorMath() {}

  /** e^x for one value with the same method, for the tails of vector loops (same rounding as the lanes). */
  public static float exp(float x) {
    float v = Math.min(Math.max(x, LOW), HIGH);
    float t = Math.fma(v, LOG2E, ROUNDER);
    float n = t - ROUNDER;
    float r = v - n * C1 - n * C2;
    float z = r * r;
    float p = Math.fma(r, P0, P1);
    p = Math.fma(p, r, P2);
    p = Math.fma(p, r, P3);
    p = Math.fma(p, r, P4);
    p = Math.fma(p, r, P5);
    p = Math.fma(p, z, r) + 1f;
    return p * Float.intBitsToFloat((Float.floatToRawIntBits(t) - (ROUNDER_BITS - 127)) << 23);
  }

  /**
   * out[oo+i] ← e^(scale·x[xo+i] − shift) for i &lt; n (x and out may be the same array); returns
   * the sum of the new values (a softmax's denominator).
   *
   * <p>The only vector form of the exponential, on purpose: the polynomial is written out in this
   * loop because C2 did not inline a {@code FloatVector exp(FloatVector)} method into its callers
   * ("callee is too large", then "already compiled into a big method" in -XX:+PrintInlining), and
   * a vector passed to a method that is not inlined is an object on the heap, several times slower.
   */
  public static float exp(float[] x, int xo, float[] out, int oo, int n, float scale, float shift) {
    int i = 0;
    FloatVector sum = FloatVector.zero(F);
    for (; i <= n - F.length(); i += F.length()) {
      FloatVector v = FloatVector.fromArray(F, x, xo + i).mul(scale).sub(shift).max(LOW).min(HIGH);
      FloatVector t = v.fma(LOG2E, ROUNDER);
      FloatVector k = t.sub(ROUNDER);
      FloatVector r = v.sub(k.mul(C1)).sub(k.mul(C2));
      FloatVector z = r.mul(r);
      FloatVector p = r.fma(P0, P1);
      p = p.fma(r, FloatVector.broadcast(F, P2));
      p = p.fma(r, FloatVector.broadcast(F, P3));
      p = p.fma(r, FloatVector.broadcast(F, P4));
      p = p.fma(r, FloatVector.broadcast(F, P5));
      p = p.fma(z, r).add(1f);
      FloatVector pow2k = ((IntVector) t.reinterpretAsInts()).sub(ROUNDER_BITS - 127)
          .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
      FloatVector e = p.mul(pow2k);
      e.intoArray(out, oo + i);
      sum = sum.add(e);
    }
    float s = sum.reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) {
      float e = exp(scale * x[xo + i] - shift);
      out[oo + i] = e;
      s += e;
    }
    return s;
  }

  /** The largest of a[off .. off+n), n ≥ 1. */
  public static float max(float[] a, int off, int n) {
    int i = 0;
    float m = Float.NEGATIVE_INFINITY;
    if (n >= F.length()) {
      FloatVector mv = FloatVector.fromArray(F, a, off);
      for (i = F.length(); i <= n - F.length(); i += F.length()) {
        mv = mv.max(FloatVector.fromArray(F, a, off + i));
      }
      m = mv.reduceLanes(VectorOperators.MAX);
    }
    for (; i < n; i++) {
      m = Math.max(m, a[off + i]);
    }
    return m;
  }

  /**
   * gate[i] ← silu(gate[i])·up[i] = gate[i]·up[i] / (1 + e^(−gate[i])) for i &lt; n (the SwiGLU of
   * Llama's feed-forward block); {@code scratch} (n floats at least) receives the exponentials.
   */
  public static void swiglu(float[] gate, float[] up, float[] scratch, int n) {
    exp(gate, 0, scratch, 0, n, -1f, 0f);
    int i = 0;
    for (; i <= n - F.length(); i += F.length()) {
      FloatVector g = FloatVector.fromArray(F, gate, i);
      g.mul(FloatVector.fromArray(F, up, i)).div(FloatVector.fromArray(F, scratch, i).add(1f)).intoArray(gate, i);
    }
    for (; i < n; i++) {
      gate[i] = gate[i] * up[i] / (1f + scratch[i]);
    }
  }
}
