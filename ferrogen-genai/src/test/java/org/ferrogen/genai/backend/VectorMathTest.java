package org.ferrogen.genai.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The vectorised exponential (every length: vector lanes and scalar tails) and the kernels built on it against {@code Math.exp} in double precision. */
class VectorMathTest {

  /** Distance in float ulps of the correctly rounded value, measured in the ulp of the exact result. */
  private static double ulps(float got, double exact) {
    return Math.abs(got - exact) / Math.ulp((float) exact);
  }

  @Test
  void expIsWithinTwoUlpsOverTheNormalRange() {
    SplittableRandom r = new SplittableRandom(7);
    float[] xs = new float[200_003];
    for (int i = 0; i < xs.length; i++) {
      // A dense grid over the whole range plus random points near zero, where softmax inputs sit.
      xs[i] = i % 2 == 0 ? -87f + 175f * i / xs.length : (float) (r.nextGaussian() * 8);
    }
    xs[0] = 0f;
    xs[1] = -0f;
    xs[2] = 1f;
    xs[3] = -1e-30f;
    double worstVector = 0;
    double worstScalar = 0;
    float[] out = new float[xs.length];
    VectorMath.exp(xs, 0, out, 0, xs.length, 1f, 0f);
    for (int i = 0; i < xs.length; i++) {
      double exact = Math.exp(xs[i]);
      worstVector = Math.max(worstVector, ulps(out[i], exact));
      float scalar = VectorMath.exp(xs[i]);
      worstScalar = Math.max(worstScalar, ulps(scalar, exact));
      assertThat(scalar).as("scalar and lane agree at %s", xs[i]).isEqualTo(out[i]);
    }
    assertThat(worstVector).isLessThanOrEqualTo(2.0);
    assertThat(worstScalar).isLessThanOrEqualTo(2.0);
    assertThat(VectorMath.exp(0f)).isEqualTo(1f);
  }

  @Test
  void expClampsOutsideTheFloatRangeInsteadOfOverflowing() {
    assertThat(VectorMath.exp(Float.NEGATIVE_INFINITY)).isBetween(0f, 1.2e-38f);
    assertThat(VectorMath.exp(-1000f)).isBetween(0f, 1.2e-38f);
    assertThat(VectorMath.exp(1000f)).isFinite().isGreaterThan(1e38f);
    assertThat(VectorMath.exp(88f)).isCloseTo((float) Math.exp(88), within(2 * Math.ulp((float) Math.exp(88))));
  }

  /** Odd lengths exercise the scalar tails after the vector loops. */
  @ParameterizedTest
  @ValueSource(ints = {1, 7, 16, 37, 129, 2048})
  void softmaxPiecesAndSwigluMatchScalarReferences(int n) {
    SplittableRandom r = new SplittableRandom(n);
    float[] a = new float[n + 3];
    float[] gate = new float[n];
    float[] up = new float[n];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) (r.nextGaussian() * 5);
    }
    for (int i = 0; i < n; i++) {
      gate[i] = (float) (r.nextGaussian() * 6);
      up[i] = (float) r.nextGaussian();
    }
    float[] original = a.clone();
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 2; i < 2 + n; i++) {
      max = Math.max(max, a[i]);
    }
    assertThat(VectorMath.max(a, 2, n)).isEqualTo((float) max);

    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += Math.exp(original[i] - max);
    }
    float[] out = new float[n];
    assertThat((double) VectorMath.exp(a, 0, out, 0, n, 1f, (float) max)).isCloseTo(sum, within(1e-6 * sum));
    assertThat(a).containsExactly(original);

    float total = VectorMath.exp(a, 1, a, 1, n, 1f, (float) max);
    double want = 0;
    for (int i = 1; i < 1 + n; i++) {
      double e = Math.exp(original[i] - (float) max); // the argument rounded to float, as the kernel has it
      want += e;
      assertThat((double) a[i]).isCloseTo(e, within(3.0 * Math.ulp((float) e)));
    }
    assertThat((double) total).isCloseTo(want, within(1e-6 * want));
    assertThat(a[0]).isEqualTo(original[0]);
    assertThat(a[n + 1]).isEqualTo(original[n + 1]);

    float[] g = gate.clone();
    VectorMath.swiglu(g, up, new float[n], n);
    for (int i = 0; i < n; i++) {
      double silu = gate[i] / (1 + Math.exp(-gate[i]));
      double exact = silu * up[i];
      assertThat((double) g[i]).as("swiglu at %d", i).isCloseTo(exact, within(1e-6 * Math.abs(exact) + 1e-37));
    }
  }

}
