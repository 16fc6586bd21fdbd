package org.ferrogen.device.switching;

import java.util.random.RandomGenerator;

/** Fast binomial draws for counting how many of n independent domains switch. */
public final class Binomial {
  private Binomial() {}

  /**
   * One draw of Binomial(n, p): exact inversion when the expected count of the rarer outcome is
   * below 20, otherwise the normal approximation with continuity correction, clamped to [0, n]
   * (its error in the count's distribution is O(1/√(np(1−p))), under 0.1 of a domain there).
   */
  public static int sample(int n, double p, RandomGenerator rng) {
    if (n <= 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    if (p > 0.5) {
      return n - sample(n, 1 - p, rng);
    }
    double mean = n * p;
    if (mean < 20) {
      double q = 1 - p;
      double ratio = p / q;
      double pmf = Math.exp(n * Math.log1p(-p));
      double u = rng.nextDouble();
      int k = 0;
      double cdf = pmf;
      while (u > cdf && k < n) {
        pmf *= ratio * (n - k) / (k + 1);
        k++;
        cdf += pmf;
        if (pmf < 1e-300 && k > mean) {
          break;
        }
      }
      return k;
    }
    double sd = Math.sqrt(mean * (1 - p));
    long k = Math.round(mean + sd * rng.nextGaussian());
    return (int) Math.max(0, Math.min(n, k));
  }
}
