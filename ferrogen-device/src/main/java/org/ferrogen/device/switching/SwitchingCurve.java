package org.ferrogen.device.switching;

import java.util.random.RandomGenerator;
import org.hipparchus.special.Erf;

/**
 * A device's precomputed response to one rectangular pulse from a fresh (reset) state, on a grid of
 * amplitudes or widths: for every domain its switching probability p_i = 1 − exp(−(t/τ_i)^β), the
 * mean switched fraction, and the exact probability that more than half of the domains switch (a
 * Poisson-binomial distribution). For repeated identical pulses with a reset in between (a
 * stochastic-switching TRNG cell) trials are independent, so one uniform draw against {@link
 * #majorityProbability} replaces N domain updates; {@link #sampleSwitched} draws the full count.
 */
public final class SwitchingCurve {
  private final double[] grid; // swept variable: volts or seconds, ascending
  private final double[][] domainProbability; // [grid][domain]
  private final double[] meanFraction;
  private final double[] majority;

  private SwitchingCurve(double[] grid, double[][] p) {
    this.grid = grid;
    this.domainProbability = p;
    this.meanFraction = new double[grid.length];
    this.majority = new double[grid.length];
    for (int j = 0; j < grid.length; j++) {
      double s = 0;
      for (double q : p[j]) {
        s += q;
      }
      meanFraction[j] = s / p[j].length;
      majority[j] = majorityOf(p[j]);
    }
  }

  /** Response to pulses of width {@code widthS} and amplitudes vMin…vMax (linear grid). */
  public static SwitchingCurve overAmplitude(
      DomainEnsemble device, double thicknessM, double widthS, double kelvin,
      double vMin, double vMax, int points) {
    double[] grid = linear(vMin, vMax, points);
    double[][] p = new double[points][device.size()];
    for (int j = 0; j < points; j++) {
      for (int i = 0; i < device.size(); i++) {
        p[j][i] = device.pulseSwitchProbability(i, grid[j] / thicknessM, widthS, kelvin);
      }
    }
    return new SwitchingCurve(grid, p);
  }

  /** Response to pulses of amplitude {@code volts} and widths wMin…wMax (logarithmic grid). */
  public static SwitchingCurve overWidth(
      DomainEnsemble device, double thicknessM, double volts, double kelvin,
      double wMin, double wMax, int points) {
    if (!(wMin > 0) || !(wMax > wMin)) {
      throw new IllegalArgumentException("need 0 < wMin < wMax, got " + wMin + ", " + wMax);
    }
    double[] grid = linear(Math.log(wMin), Math.log(wMax), points);
    for (int j = 0; j < points; j++) {
      grid[j] = Math.exp(grid[j]);
    }
    double[][] p = new double[points][device.size()];
    for (int j = 0; j < points; j++) {
      for (int i = 0; i < device.size(); i++) {
        p[j][i] = device.pulseSwitchProbability(i, volts / thicknessM, grid[j], kelvin);
      }
    }
    return new SwitchingCurve(grid, p);
  }

  private static double[] linear(double lo, double hi, int points) {
    if (points < 2 || !(hi > lo)) {
      throw new IllegalArgumentException(
          "a curve needs at least 2 points over an increasing range, got " + points + " over ["
              + lo + ", " + hi + "]");
    }
    double[] g = new double[points];
    for (int j = 0; j < points; j++) {
      g[j] = lo + (hi - lo) * j / (points - 1);
    }
    return g;
  }

  /** Above this many domains the Poisson-binomial is replaced by its normal approximation. */
  static final int EXACT_LIMIT = 256;

  /**
   * P(more than N/2 of the domains switch); a tie at exactly N/2 counts one half. Exact up to
   * {@link #EXACT_LIMIT} domains; above, the normal approximation with continuity correction
   * (error O(1/√N) in the CDF, below 0.01 there).
   */
  static double majorityOf(double[] p) {
    int n = p.length;
    if (n > EXACT_LIMIT) {
      double mean = 0;
      double var = 0;
      for (double q : p) {
        mean += q;
        var += q * (1 - q);
      }
      double half = n / 2.0;
      if (var < 1e-12) {
        return mean > half ? 1 : mean < half ? 0 : 0.5;
      }
      // P(X > N/2) with the tie counted half ≈ P(Z > (N/2 − mean)/σ) for both parities.
      double z = (half - mean) / Math.sqrt(var);
      return 0.5 * Erf.erfc(z / Math.sqrt(2));
    }
    double[] dist = new double[n + 1]; // Poisson-binomial by dynamic programming
    dist[0] = 1;
    for (int i = 0; i < n; i++) {
      double q = p[i];
      for (int k = i + 1; k >= 1; k--) {
        dist[k] = dist[k] * (1 - q) + dist[k - 1] * q;
      }
      dist[0] *= 1 - q;
    }
    double above = 0;
    for (int k = n / 2 + 1; k <= n; k++) {
      above += dist[k];
    }
    if (n % 2 == 0) {
      above += 0.5 * dist[n / 2];
    }
    return Math.min(1, above);
  }

  public int points() {
    return grid.length;
  }

  /** The swept variable (volts or seconds) at grid index j. */
  public double gridValue(int j) {
    return grid[j];
  }

  /** Mean switched fraction at grid index j. */
  public double meanFraction(int j) {
    return meanFraction[j];
  }

  /** P(majority switched) at grid index j. */
  public double majorityProbability(int j) {
    return majority[j];
  }

  /** Mean switched fraction at x, linearly interpolated (clamped to the grid). */
  public double meanFractionAt(double x) {
    return interpolate(meanFraction, x);
  }

  /** P(majority switched) at x, linearly interpolated (clamped to the grid). */
  public double majorityProbabilityAt(double x) {
    return interpolate(majority, x);
  }

  /**
   * The swept value at which the majority probability first reaches {@code probability}
   * (interpolated); NaN when the grid never reaches it.
   */
  public double valueForMajorityProbability(double probability) {
    for (int j = 1; j < grid.length; j++) {
      if (majority[j] >= probability && majority[j - 1] < probability) {
        double f = (probability - majority[j - 1]) / (majority[j] - majority[j - 1]);
        return grid[j - 1] + f * (grid[j] - grid[j - 1]);
      }
    }
    return majority[0] >= probability ? grid[0] : Double.NaN;
  }

  /** Number of domains that switch in one trial at grid index j. */
  public int sampleSwitched(int j, RandomGenerator rng) {
    int count = 0;
    for (double q : domainProbability[j]) {
      if (rng.nextDouble() < q) {
        count++;
      }
    }
    return count;
  }

  private double interpolate(double[] y, double x) {
    if (x <= grid[0]) {
      return y[0];
    }
    int last = grid.length - 1;
    if (x >= grid[last]) {
      return y[last];
    }
    int lo = 0;
    int hi = last;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (grid[mid] <= x) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double f = (x - grid[lo]) / (grid[hi] - grid[lo]);
    return y[lo] + f * (y[hi] - y[lo]);
  }
}
