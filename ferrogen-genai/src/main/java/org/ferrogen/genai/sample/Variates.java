package org.ferrogen.genai.sample;

import java.util.random.RandomGenerator;

/**
 * Continuous variates drawn from any {@link RandomGenerator}, so that a generative workload can take
 * its noise from the chip's TRNG as easily as from a PRNG.
 *
 * <ul>
 *   <li>Uniform: {@link RandomGenerator#nextDouble()} (53 full-precision bits of one 64-bit word).
 *   <li>Gaussian: {@link RandomGenerator#nextGaussian()}, the JDK's exact modified ziggurat
 *       (McFarland, J. Stat. Comput. Simul. 86, 2016), which every generator inherits.
 *   <li>Gamma and Beta (for Thompson sampling), written here because the JDK has none; Hipparchus'
 *       samplers take only its own generator interface. The algorithms are exact.
 * </ul>
 */
public final class Variates {
  private Variates() {}

  /**
   * Gamma(shape, 1) by Marsaglia and Tsang, "A simple method for generating gamma variables", ACM
   * TOMS 26(3), 2000: a squeeze-accelerated rejection from a transformed normal, exact for
   * shape ≥ 1; shape &lt; 1 uses their boost Gamma(a) = Gamma(a + 1)·U^(1/a).
   */
  public static double gamma(RandomGenerator random, double shape) {
    if (!(shape > 0) || Double.isInfinite(shape)) {
      throw new IllegalArgumentException("gamma shape must be finite and > 0, got " + shape);
    }
    if (shape < 1) {
      return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = random.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      double x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }

  /** Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b) (exact). */
  public static double beta(RandomGenerator random, double a, double b) {
    double x = gamma(random, a);
    double y = gamma(random, b);
    return x / (x + y);
  }
}
