package org.ferrogen.randomness.sp80022;

import org.ferrogen.randomness.bits.BitSequence;

/**
 * SP 800-22 §2.12: approximate entropy test. One pass counts all (m+1)-bit windows of the cyclic
 * sequence; the m-bit counts follow by dropping the last bit, since every cyclic m-window extends
 * to exactly one (m+1)-window at the same start.
 */
public final class ApproximateEntropyTest {

  private ApproximateEntropyTest() {}

  static TestResult run(BitSequence s, int m) {
    if (s.length() < m + 1) {
      return TestResult.tooShort(Sp80022Test.APPROXIMATE_ENTROPY, TestResult.SINGLE_VARIANT,
          "needs at least m+1=" + (m + 1) + " bits, got " + s.length());
    }
    return TestResult.single(Sp80022Test.APPROXIMATE_ENTROPY, pValue(s, m));
  }

  public static double pValue(BitSequence s, int m) {
    int n = s.length();
    int[] longer = Words.cyclicWindowHistogram(s, m + 1);
    int[] shorter = Words.dropLastBit(longer);
    double apEn = phi(shorter, n) - phi(longer, n);
    double chiSquared = 2.0 * n * (Math.log(2) - apEn);
    return SpecialFunctions.igamc(Math.pow(2, m - 1), chiSquared / 2.0);
  }

  private static double phi(int[] counts, int n) {
    double sum = 0.0;
    for (int c : counts) {
      if (c > 0) {
        sum += c * Math.log(c / (double) n);
      }
    }
    return sum / n;
  }
}
