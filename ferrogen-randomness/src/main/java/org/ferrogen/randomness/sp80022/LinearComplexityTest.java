package org.ferrogen.randomness.sp80022;

import org.ferrogen.randomness.bits.BitSequence;

/**
 * SP 800-22 §2.10: linear complexity test, N = n/M blocks, K = 6. The class probabilities are the
 * STS 2.1.2 ones, including its π_0 = 0.01047 where the exact value is 1/96 = 0.010417; this is
 * how SP 800-22 §2.10.8 (0.845406) and Appendix B were produced.
 */
public final class LinearComplexityTest {

  private static final double[] PI = {0.01047, 0.03125, 0.12500, 0.50000, 0.25000, 0.06250, 0.020833};

  private LinearComplexityTest() {}

  static TestResult run(BitSequence s, int blockLength) {
    if (s.length() / blockLength < 1) {
      return TestResult.tooShort(Sp80022Test.LINEAR_COMPLEXITY, TestResult.SINGLE_VARIANT,
          "needs at least one block of M=" + blockLength + " bits, got " + s.length());
    }
    return TestResult.single(Sp80022Test.LINEAR_COMPLEXITY, pValue(s, blockLength));
  }

  public static double pValue(BitSequence s, int blockLength) {
    int blocks = s.length() / blockLength;
    int m = blockLength;
    double sign = (m + 1) % 2 == 0 ? -1 : 1;
    double mean = m / 2.0 + (9.0 + sign) / 36.0 - 1.0 / Math.pow(2, m) * (m / 3.0 + 2.0 / 9.0);
    double tSign = m % 2 == 0 ? 1 : -1;
    int[] nu = new int[7];
    BerlekampMassey.Workspace workspace = new BerlekampMassey.Workspace(m);
    for (int i = 0; i < blocks; i++) {
      int l = workspace.linearComplexity(s, i * m);
      double t = tSign * (l - mean) + 2.0 / 9.0;
      int cls;
      if (t <= -2.5) {
        cls = 0;
      } else if (t <= -1.5) {
        cls = 1;
      } else if (t <= -0.5) {
        cls = 2;
      } else if (t <= 0.5) {
        cls = 3;
      } else if (t <= 1.5) {
        cls = 4;
      } else if (t <= 2.5) {
        cls = 5;
      } else {
        cls = 6;
      }
      nu[cls]++;
    }
    double chiSquared = 0.0;
    for (int i = 0; i < 7; i++) {
      double expected = blocks * PI[i];
      chiSquared += (nu[i] - expected) * (nu[i] - expected) / expected;
    }
    return SpecialFunctions.igamc(3.0, chiSquared / 2.0);
  }
}
