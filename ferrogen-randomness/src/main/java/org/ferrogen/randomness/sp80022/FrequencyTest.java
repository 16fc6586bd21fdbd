package org.ferrogen.randomness.sp80022;

import org.ferrogen.randomness.bits.BitSequence;

/** SP 800-22 §2.1: frequency (monobit) test. */
public final class FrequencyTest {

  private FrequencyTest() {}

  static TestResult run(BitSequence s) {
    if (s.length() < 1) {
      return TestResult.tooShort(Sp80022Test.FREQUENCY, TestResult.SINGLE_VARIANT, "needs at least 1 bit");
    }
    return TestResult.single(Sp80022Test.FREQUENCY, pValue(s));
  }

  /** P-value = erfc(|S_n| / sqrt(2n)), S_n the sum of ±1. */
  public static double pValue(BitSequence s) {
    int n = s.length();
    long sum = 2L * s.countOnes() - n;
    double sObs = Math.abs(sum) / Math.sqrt(n);
    return SpecialFunctions.erfc(sObs / Math.sqrt(2.0));
  }
}
