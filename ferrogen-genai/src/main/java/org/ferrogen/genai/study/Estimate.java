package org.ferrogen.genai.study;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * A mean with its 95 % confidence half-width (Student's t over independent repeats), or NaN
 * half-width when fewer than two repeats finished.
 *
 * @param count the repeats the mean is over
 */
public record Estimate(double mean, double halfWidth95, int count) {

  public static Estimate of(double[] values) {
    int n = values.length;
    if (n == 0) {
      return new Estimate(Double.NaN, Double.NaN, 0);
    }
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= n;
    if (n < 2) {
      return new Estimate(mean, Double.NaN, 1);
    }
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    double standardError = Math.sqrt(ss / (n - 1) / n);
    double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
    return new Estimate(mean, t * standardError, n);
  }
}
