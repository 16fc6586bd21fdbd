package org.ferrogen.randomness.sp80022;

import java.util.List;
import org.ferrogen.randomness.bits.BitSequence;

/**
 * SP 800-22 §2.14: random excursions test for the states x = −4..−1, +1..+4. Not applicable
 * (no P-values) when the walk has fewer than max(0.005·sqrt(n), 500) cycles, as in the STS.
 * Unlike the STS this implementation has no upper limit on the number of cycles (the STS stops with
 * an error above max(1000, n/100) cycles, a fixed-size buffer limit rather than a statistical rule).
 */
public final class RandomExcursionsTest {

  static final List<String> VARIANTS =
      List.of("x=-4", "x=-3", "x=-2", "x=-1", "x=+1", "x=+2", "x=+3", "x=+4");

  /** π_k(x) for k = 0..5 visits, |x| = 1..4 (STS 2.1.2 table). */
  private static final double[][] PI = {
    {0.0, 0.0, 0.0, 0.0, 0.0, 0.0},
    {0.5000000000, 0.25000000000, 0.12500000000, 0.06250000000, 0.03125000000, 0.0312500000},
    {0.7500000000, 0.06250000000, 0.04687500000, 0.03515625000, 0.02636718750, 0.0791015625},
    {0.8333333333, 0.02777777778, 0.02314814815, 0.01929012346, 0.01607510288, 0.0803755143},
    {0.8750000000, 0.01562500000, 0.01367187500, 0.01196289063, 0.01046752930, 0.0732727051}
  };

  private RandomExcursionsTest() {}

  /** Number of cycles J and the eight P-values (computed even when J is below the minimum). */
  public record Excursions(int cycles, double[] pValues) {}

  /** The minimum number of cycles for the test to apply. */
  public static double minimumCycles(int n) {
    return Math.max(0.005 * Math.sqrt(n), 500);
  }

  static TestResult run(BitSequence s) {
    if (s.length() < 1) {
      return TestResult.tooShort(Sp80022Test.RANDOM_EXCURSIONS, VARIANTS, "needs at least 1 bit");
    }
    Excursions e = analyze(s);
    if (e.cycles() < minimumCycles(s.length())) {
      return TestResult.without(Sp80022Test.RANDOM_EXCURSIONS, VARIANTS, TestResult.Status.NOT_APPLICABLE,
          "only " + e.cycles() + " cycles, needs " + (int) minimumCycles(s.length()));
    }
    return TestResult.of(Sp80022Test.RANDOM_EXCURSIONS, VARIANTS, e.pValues());
  }

  public static Excursions analyze(BitSequence s) {
    int n = s.length();
    // nu[k][state]: number of cycles visiting state (index 0..7 for -4..-1, +1..+4) exactly k times (k = 5: 5 or more)
    long[][] nu = new long[6][8];
    int[] visits = new int[9]; // index S+4 for S in -4..4
    int cycles = 0;
    int sum = 0;
    for (int w = 0, i = 0; w < s.wordCount(); w++) {
      long word = s.word(w);
      int end = Math.min(64, n - i);
      for (int b = 0; b < end; b++, i++) {
        sum += (word << b) < 0 ? 1 : -1;
        if (sum == 0) {
          cycles++;
          closeCycle(visits, nu);
        } else if (sum >= -4 && sum <= 4) {
          visits[sum + 4]++;
        }
      }
    }
    if (sum != 0) {
      cycles++;
      closeCycle(visits, nu);
    }
    double[] p = new double[8];
    for (int state = 0; state < 8; state++) {
      int x = Math.abs(state < 4 ? state - 4 : state - 3);
      double chiSquared = 0.0;
      for (int k = 0; k < 6; k++) {
        double expected = cycles * PI[x][k];
        chiSquared += (nu[k][state] - expected) * (nu[k][state] - expected) / expected;
      }
      p[state] = SpecialFunctions.igamc(2.5, chiSquared / 2.0);
    }
    return new Excursions(cycles, p);
  }

  private static void closeCycle(int[] visits, long[][] nu) {
    for (int state = 0; state < 8; state++) {
      int idx = state < 4 ? state : state + 1; // skip S = 0
      nu[Math.min(5, visits[idx])][state]++;
      visits[idx] = 0;
    }
  }
}
