package org.ferrogen.randomness.sp80022;

import org.ferrogen.randomness.bits.BitSequence;

/** SP 800-22 §2.2: frequency test within blocks of M bits (N = n/M blocks, the rest discarded). */
public final class BlockFrequencyTest {

  private BlockFrequencyTest() {}

  static TestResult run(BitSequence s, int blockLength) {
    if (s.length() / blockLength < 1) {
      return TestResult.tooShort(Sp80022Test.BLOCK_FREQUENCY, TestResult.SINGLE_VARIANT,
          "needs at least one block of M=" + blockLength + " bits, got " + s.length());
    }
    return TestResult.single(Sp80022Test.BLOCK_FREQUENCY, pValue(s, blockLength));
  }

  public static double pValue(BitSequence s, int blockLength) {
    int blocks = s.length() / blockLength;
    double sum = 0;
    for (int i = 0; i < blocks; i++) {
      int ones = Words.countOnes(s, i * blockLength, (i + 1) * blockLength);
      double pi = (double) ones / blockLength;
      sum += (pi - 0.5) * (pi - 0.5);
    }
    double chiSquared = 4.0 * blockLength * sum;
    return SpecialFunctions.igamc(blocks / 2.0, chiSquared / 2.0);
  }
}
