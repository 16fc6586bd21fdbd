package org.ferrogen.randomness.sp80022;

import org.ferrogen.randomness.bits.BitSequence;

/**
 * SP 800-22 §2.4: longest run of ones in a block. Block length and class probabilities follow the
 * STS 2.1.2 table: M=8 for n &lt; 6272, M=128 for n &lt; 750000, otherwise M=10000; the number of
 * blocks is N = floor(n/M) (so N = 100 at n = 10^6, as the STS computes, not the document's 75).
 */
public final class LongestRunTest {

  private static final double[] PI_8 = {0.21484375, 0.3671875, 0.23046875, 0.1875};
  private static final double[] PI_128 = {
    0.1174035788, 0.242955959, 0.249363483, 0.17517706, 0.102701071, 0.112398847
  };
  private static final double[] PI_10000 = {0.0882, 0.2092, 0.2483, 0.1933, 0.1208, 0.0675, 0.0727};

  private LongestRunTest() {}

  static TestResult run(BitSequence s, int blockLength) {
    if (s.length() < 128) {
      return TestResult.tooShort(Sp80022Test.LONGEST_RUN, TestResult.SINGLE_VARIANT,
          "needs at least 128 bits, got " + s.length());
    }
    int m = blockLength != 0 ? blockLength : defaultBlockLength(s.length());
    if (s.length() / m < 1) {
      return TestResult.tooShort(Sp80022Test.LONGEST_RUN, TestResult.SINGLE_VARIANT,
          "needs at least one block of M=" + m + " bits, got " + s.length());
    }
    return TestResult.single(Sp80022Test.LONGEST_RUN, pValue(s, m));
  }

  /** The STS choice of M for a sequence of n bits (n ≥ 128). */
  public static int defaultBlockLength(int n) {
    return n < 6272 ? 8 : n < 750000 ? 128 : 10000;
  }

  /** P-value with block length M (8, 128 or 10000). */
  public static double pValue(BitSequence s, int m) {
    double[] pi;
    int lowest; // runs of this length or shorter fall into class 0
    switch (m) {
      case 8 -> { pi = PI_8; lowest = 1; }
      case 128 -> { pi = PI_128; lowest = 4; }
      case 10000 -> { pi = PI_10000; lowest = 10; }
      default -> throw new IllegalArgumentException("longest-run block length must be 8, 128 or 10000, got " + m);
    }
    int k = pi.length - 1;
    int blocks = s.length() / m;
    int[] nu = new int[k + 1];
    for (int i = 0; i < blocks; i++) {
      int run = Words.longestRunOfOnes(s, i * m, (i + 1) * m);
      nu[Math.max(0, Math.min(k, run - lowest))]++;
    }
    double chiSquared = 0.0;
    for (int i = 0; i <= k; i++) {
      double expected = blocks * pi[i];
      chiSquared += (nu[i] - expected) * (nu[i] - expected) / expected;
    }
    return SpecialFunctions.igamc(k / 2.0, chiSquared / 2.0);
  }
}
