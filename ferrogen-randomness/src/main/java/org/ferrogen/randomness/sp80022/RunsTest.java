package org.ferrogen.randomness.sp80022;

import org.ferrogen.randomness.bits.BitSequence;

/** SP 800-22 §2.3: runs test. */
public final class RunsTest {

  private RunsTest() {}

  static TestResult run(BitSequence s) {
    if (s.length() < 2) {
      return TestResult.tooShort(Sp80022Test.RUNS, TestResult.SINGLE_VARIANT, "needs at least 2 bits");
    }
    return TestResult.single(Sp80022Test.RUNS, pValue(s));
  }

  /**
   * P-value of the runs test. When the frequency prerequisite |pi - 1/2| &gt; 2/sqrt(n) fails, the
   * STS reports P = 0.0 (the sequence fails) and so does this method.
   */
  public static double pValue(BitSequence s) {
    int n = s.length();
    double pi = (double) s.countOnes() / n;
    if (Math.abs(pi - 0.5) > 2.0 / Math.sqrt(n)) {
      return 0.0;
    }
    long runs = 1 + transitions(s);
    double q = pi * (1 - pi);
    double arg = Math.abs(runs - 2.0 * n * q) / (2.0 * q * Math.sqrt(2.0 * n));
    return SpecialFunctions.erfc(arg);
  }

  /** Number of k in [1, n) with bit k != bit k-1, a word at a time. */
  static long transitions(BitSequence s) {
    int n = s.length();
    int words = s.wordCount();
    long count = 0;
    for (int w = 0; w < words; w++) {
      long x = s.word(w);
      long next = w + 1 < words ? s.word(w + 1) : 0L;
      // bit j of diff compares sequence bits 64w+j and 64w+j+1
      long diff = x ^ ((x << 1) | (next >>> 63));
      int valid = (n - 1) - 64 * w; // pairs starting in this word that are inside the sequence
      if (valid < 64) {
        diff = valid <= 0 ? 0 : diff & (-1L << (64 - valid));
      }
      count += Long.bitCount(diff);
    }
    return count;
  }
}
