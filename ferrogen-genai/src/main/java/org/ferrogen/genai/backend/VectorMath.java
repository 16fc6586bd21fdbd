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
  /** The species of these kernels: the machine's widest (512 bits with AVX-512). */
  static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

  private static final float LOG2E = 1.44269504088896341f;
  /** ln 2 = C1 + C2, C1 with few enough mantissa bits that n·C1 is exact. */
  private static final float C1 = 0.693359375f;
  private static final float C2 = -2.12194440e-4f;
  /** 1.5·2²³: adding it rounds a float of magnitude below 2²² to an integer held in the low mantissa bits. */
  private static final float ROUNDER = 12582912f;
  private static final int ROUNDER_BITS = 0x4B400000;
  private static final float LOW = -87.33654f;
  private static final float HIGH = 88f;

  private VectorMath() {}

  /** e^x in every lane (see the class comment for the accuracy and the clamped range). */
  public static FloatVector exp(FloatVector x) {
    FloatVector v = x.max(LOW).min(HIGH);
    FloatVector t = v.fma(LOG2E, ROUNDER);
    FloatVector n = t.sub(ROUNDER);
    FloatVector r = v.sub(n.mul(C1)).sub(n.mul(C2));
    FloatVector z = r.mul(r);
    FloatVector p = r.fma(1.9875691500E-4f, 1.3981999507E-3f);
    p = p.fma(r, FloatVector.broadcast(x.species(), 8.3334519073E-3f));
    p = p.fma(r, FloatVector.broadcast(x.species(), 4.1665795894E-2f));
    p = p.fma(r, FloatVector.broadcast(x.species(), 1.6666665459E-1f));
    p = p.fma(r, FloatVector.broadcast(x.species(), 5.0000001201E-1f));
    p = p.fma(z, r).add(1f);
    IntVector bits = (IntVector) t.reinterpretAsInts();
    FloatVector pow2n = bits.sub(ROUNDER_BITS - 127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    return p.mul(pow2n);
  }

  /** e^x for one value with the same method, for the tails of vector loops (same rounding as the lanes). */
  public static float exp(float x) {
    float v = Math.min(Math.max(x, LOW), HIGH);
    float t = Math.fma(v, LOG2E, ROUNDER);
    float n = t - ROUNDER;
    float r = v - n * C1 - n * C2;
    float z = r * r;
    float p = Math.fma(r, 1.9875691500E-4f, 1.3981999507E-3f);
    p = Math.fma(p, r, 8.3334519073E-3f);
    p = Math.fma(p, r, 4.1665795894E-2f);
    p = Math.fma(p, r, 1.6666665459E-1f);
    p = Math.fma(p, r, 5.0000001201E-1f);
    p = Math.fma(p, z, r) + 1f;
    return p * Float.intBitsToFloat((Float.floatToRawIntBits(t) - (ROUNDER_BITS - 127)) << 23);
  }

  /** a[off+i] ← e^(a[off+i] − shift) for i &lt; n; returns the sum of the new values (a softmax's denominator). */
  public static float expShiftedInPlace(float[] a, int off, int n, float shift) {
    int i = 0;
    FloatVector sum = FloatVector.zero(F);
    for (; i <= n - F.length(); i += F.length()) {
      FloatVector e = exp(FloatVector.fromArray(F, a, off + i).sub(shift));
      e.intoArray(a, off + i);
      sum = sum.add(e);
    }
    float s = sum.reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) {
      float e = exp(a[off + i] - shift);
      a[off + i] = e;
      s += e;
    }
    return s;
  }

  /** Σ e^(a[i] − shift) for i &lt; n, leaving a unchanged. */
  public static float sumExpShifted(float[] a, int n, float shift) {
    int i = 0;
    FloatVector sum = FloatVector.zero(F);
    for (; i <= n - F.length(); i += F.length()) {
      sum = sum.add(exp(FloatVector.fromArray(F, a, i).sub(shift)));
    }
    float s = sum.reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) {
      s += exp(a[i] - shift);
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

  /** gate[i] ← silu(gate[i])·up[i] = gate[i]·up[i] / (1 + e^(−gate[i])) for i &lt; n (the SwiGLU of Llama's feed-forward block). */
  public static void swiglu(float[] gate, float[] up, int n) {
    int i = 0;
    for (; i <= n - F.length(); i += F.length()) {
      FloatVector g = FloatVector.fromArray(F, gate, i);
      FloatVector e = exp(g.neg());
      g.mul(FloatVector.fromArray(F, up, i)).div(e.add(1f)).intoArray(gate, i);
    }
    for (; i < n; i++) {
      float g = gate[i];
      gate[i] = g * up[i] / (1f + exp(-g));
    }
  }
}
