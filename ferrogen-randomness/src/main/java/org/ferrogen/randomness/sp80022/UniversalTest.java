package org.ferrogen.randomness.sp80022;

import org.ferrogen.randomness.bits.BitSequence;

/**
 * SP 800-22 §2.9: Maurer's "universal statistical" test. L is chosen from n with the STS 2.1.2
 * table (L = 6 from n = 387,840 up to L = 16), Q = 10·2^L and K = floor(n/L) − Q; like the STS,
 * the test does not apply for L &lt; 6, i.e. n &lt; 387,840 with the automatic choice.
 */
public final class UniversalTest {

  /** Smallest n for L = 6, 7, ..., 16 (STS 2.1.2 universal.c). */
  private static final long[] MIN_N = {
    387840L, 904960L, 2068480L, 4654080L, 10342400L, 22753280L, 50033280L, 108725760L,
    234758400L, 504279040L, 1075200000L
  };
  private static final double[] EXPECTED = {
    0, 0, 0, 0, 0, 0, 5.2177052, 6.1962507, 7.1836656, 8.1764248, 9.1723243, 10.170032,
    11.168765, 12.168070, 13.167693, 14.167488, 15.167379
  };
  private static final double[] VARIANCE = {
    0, 0, 0, 0, 0, 0, 2.954, 3.125, 3.238, 3.311, 3.356, 3.384, 3.401, 3.410, 3.416, 3.419, 3.421
  };

  private UniversalTest() {}

  /** The STS choice of L for n bits, or 5 (not applicable) below 387,840 bits. */
  public static int defaultBlockLength(int n) {
    int l = 5;
    for (int i = 0; i < MIN_N.length; i++) {
      if (n >= MIN_N[i]) {
        l = 6 + i;
      }
    }
    return l;
  }

  static TestResult run(BitSequence s, int blockLength, int initBlocks) {
    int n = s.length();
    int l = blockLength != 0 ? blockLength : defaultBlockLength(n);
    if (l < 6) {
      return TestResult.tooShort(Sp80022Test.UNIVERSAL, TestResult.SINGLE_VARIANT,
          "needs at least 387840 bits for L=6, got " + n);
    }
    int q = initBlocks != 0 ? initBlocks : 10 * (1 << l);
    if (q < 10 * (1 << l)) {
      throw new IllegalArgumentException("universal test: Q=" + q + " is less than 10*2^L=" + 10 * (1 << l));
    }
    long k = n / l - (long) q;
    if (k <= 0) {
      return TestResult.tooShort(Sp80022Test.UNIVERSAL, TestResult.SINGLE_VARIANT,
          "needs more than (Q=" + q + ")*(L=" + l + ") bits, got " + n);
    }
    return TestResult.single(Sp80022Test.UNIVERSAL, pValue(s, l, q));
  }

  /** P-value with block length L (6..16) and Q initialisation blocks. */
  public static double pValue(BitSequence s, int l, int q) {
    int n = s.length();
    int k = n / l - q;
    int[] lastSeen = new int[1 << l];
    for (int i = 1; i <= q; i++) {
      lastSeen[(int) s.bits((i - 1) * l, l)] = i;
    }
    double log2 = Math.log(2);
    double sum = 0.0;
    for (int i = q + 1; i <= q + k; i++) {
      int block = (int) s.bits((i - 1) * l, l);
      sum += Math.log(i - lastSeen[block]) / log2;
      lastSeen[block] = i;
    }
    double phi = sum / k;
    double c = 0.7 - 0.8 / l + (4 + 32.0 / l) * Math.pow(k, -3.0 / l) / 15;
    double sigma = c * Math.sqrt(VARIANCE[l] / k);
    double arg = Math.abs(phi - EXPECTED[l]) / (Math.sqrt(2) * sigma);
    return SpecialFunctions.erfc(arg);
  }
}
