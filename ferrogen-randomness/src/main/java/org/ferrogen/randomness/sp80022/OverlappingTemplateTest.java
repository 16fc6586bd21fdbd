package org.ferrogen.randomness.sp80022;

import org.ferrogen.randomness.bits.BitSequence;

/**
 * SP 800-22 §2.8: overlapping template matching with the template of m ones, N = n/M blocks and
 * K = 5 degrees of freedom. The class probabilities are computed as STS 2.1.2 computes them (its
 * {@code Pr(u, eta)} with eta = (M−m+1)/2^m/2, giving 0.367879, 0.183940, ... for the defaults);
 * they are the values SP 800-22 rev1a's Appendix B and §2.8.8 were produced with, not the
 * corrected ones (0.364091, ...) that §3.8 tabulates.
 */
public final class OverlappingTemplateTest {

  static final int K = 5;

  private OverlappingTemplateTest() {}

  static TestResult run(BitSequence s, int m, int blockLength) {
    if (s.length() / blockLength < 1 || blockLength < m) {
      return TestResult.tooShort(Sp80022Test.OVERLAPPING_TEMPLATE, TestResult.SINGLE_VARIANT,
          "needs at least one block of M=" + blockLength + " bits (and M >= m=" + m + "), got " + s.length());
    }
    return TestResult.single(Sp80022Test.OVERLAPPING_TEMPLATE, pValue(s, m, blockLength));
  }

  /** The STS class probabilities π_0..π_K for template length m and block length M. */
  public static double[] classProbabilities(int m, int blockLength) {
    double lambda = (blockLength - m + 1) / Math.pow(2, m);
    double eta = lambda / 2.0;
    double[] pi = new double[K + 1];
    double sum = 0.0;
    for (int u = 0; u < K; u++) {
      pi[u] = probability(u, eta);
      sum += pi[u];
    }
    pi[K] = 1 - sum;
    return pi;
  }

  private static double probability(int u, double eta) {
    if (u == 0) {
      return Math.exp(-eta);
    }
    double sum = 0.0;
    for (int l = 1; l <= u; l++) {
      sum += Math.exp(-eta - u * Math.log(2) + l * Math.log(eta) - SpecialFunctions.lnGamma(l + 1)
          + SpecialFunctions.lnGamma(u) - SpecialFunctions.lnGamma(l) - SpecialFunctions.lnGamma(u - l + 1));
    }
    return sum;
  }

  public static double pValue(BitSequence s, int m, int blockLength) {
    int blocks = s.length() / blockLength;
    int[] nu = new int[K + 1];
    for (int b = 0; b < blocks; b++) {
      nu[Math.min(K, countRunsOfOnes(s, b * blockLength, blockLength - m + 1, m))]++;
    }
    double[] pi = classProbabilities(m, blockLength);
    double chiSquared = 0.0;
    for (int i = 0; i <= K; i++) {
      double expected = blocks * pi[i];
      chiSquared += (nu[i] - expected) * (nu[i] - expected) / expected;
    }
    return SpecialFunctions.igamc(K / 2.0, chiSquared / 2.0);
  }

  /** Number of windows of m ones starting at positions from..from+count-1 (overlaps counted). */
  static int countRunsOfOnes(BitSequence s, int from, int count, int m) {
    // The all-ones window count: positions p where bits p..p+m-1 are all one. AND-ing the word
    // with itself shifted 1..m-1 places marks exactly those start positions.
    int hits = 0;
    int end = from + count; // exclusive end of start positions
    for (int pos = from; pos < end; pos += 64 - (m - 1)) {
      int starts = Math.min(64 - (m - 1), end - pos);
      int len = Math.min(64, starts + m - 1);
      long x = s.bits(pos, len) << (64 - len);
      long run = x;
      for (int k = 1; k < m; k++) {
        run &= x << k;
      }
      run &= -1L << (64 - starts);
      hits += Long.bitCount(run);
    }
    return hits;
  }
}
