package org.ferrogen.randomness.sp80022;

import java.util.List;
import org.ferrogen.randomness.bits.BitSequence;

/**
 * SP 800-22 §2.11: serial test (two P-values). One pass counts the cyclic m-bit windows; the
 * (m−1)- and (m−2)-bit counts are marginals of it.
 */
public final class SerialTest {

  static final List<String> VARIANTS = List.of("1", "2");

  private SerialTest() {}

  static TestResult run(BitSequence s, int m) {
    if (s.length() < m) {
      return TestResult.tooShort(Sp80022Test.SERIAL, VARIANTS,
          "needs at least m=" + m + " bits, got " + s.length());
    }
    return TestResult.of(Sp80022Test.SERIAL, VARIANTS, pValues(s, m));
  }

  /** {P-value 1, P-value 2}. */
  public static double[] pValues(BitSequence s, int m) {
    int n = s.length();
    int[] counts = Words.cyclicWindowHistogram(s, m);
    double psiM = psiSquared(counts, m, n);
    counts = Words.dropLastBit(counts);
    double psiM1 = psiSquared(counts, m - 1, n);
    double psiM2 = m - 2 > 0 ? psiSquared(Words.dropLastBit(counts), m - 2, n) : 0.0;
    double del1 = psiM - psiM1;
    double del2 = psiM - 2.0 * psiM1 + psiM2;
    return new double[] {
      SpecialFunctions.igamc(Math.pow(2, m - 1) / 2, del1 / 2.0),
      SpecialFunctions.igamc(Math.pow(2, m - 2) / 2, del2 / 2.0)
    };
  }

  private static double psiSquared(int[] counts, int m, int n) {
    double sum = 0.0;
    for (int c : counts) {
      sum += (double) c * c;
    }
    return sum * Math.pow(2, m) / n - n;
  }
}
