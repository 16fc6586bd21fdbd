package org.ferrogen.randomness.sp80022;

import java.util.List;
import org.ferrogen.randomness.bits.BitSequence;

/** SP 800-22 §2.13: cumulative sums (cusum) test, forward (mode 0) and reverse (mode 1). */
public final class CumulativeSumsTest {

  static final List<String> VARIANTS = List.of("forward", "reverse");

  /** Per byte value: net walk change, highest and lowest partial sum within the byte. */
  private static final int[] DELTA = new int[256];
  private static final int[] MAX_PREFIX = new int[256];
  private static final int[] MIN_PREFIX = new int[256];

  static {
    for (int b = 0; b < 256; b++) {
      int sum = 0;
      int max = Integer.MIN_VALUE;
      int min = Integer.MAX_VALUE;
      for (int i = 7; i >= 0; i--) {
        sum += ((b >>> i) & 1) == 1 ? 1 : -1;
        max = Math.max(max, sum);
        min = Math.min(min, sum);
      }
      DELTA[b] = sum;
      MAX_PREFIX[b] = max;
      MIN_PREFIX[b] = min;
    }
  }

  private CumulativeSumsTest() {}

  static TestResult run(BitSequence s) {
    if (s.length() < 1) {
      return TestResult.tooShort(Sp80022Test.CUMULATIVE_SUMS, VARIANTS, "needs at least 1 bit");
    }
    return TestResult.of(Sp80022Test.CUMULATIVE_SUMS, VARIANTS, pValues(s));
  }

  /** {forward, reverse} P-values. */
  public static double[] pValues(BitSequence s) {
    int n = s.length();
    // Highest and lowest partial sum S_k over k = 0..n (S_0 = 0), walked a byte at a time.
    int sum = 0;
    int sup = 0;
    int inf = 0;
    int fullBytes = n >>> 3;
    for (int i = 0; i < fullBytes; i++) {
      int b = (int) (s.word(i >>> 3) >>> (56 - 8 * (i & 7))) & 0xFF;
      sup = Math.max(sup, sum + MAX_PREFIX[b]);
      inf = Math.min(inf, sum + MIN_PREFIX[b]);
      sum += DELTA[b];
    }
    for (int i = fullBytes * 8; i < n; i++) {
      sum += s.bit(i) == 1 ? 1 : -1;
      sup = Math.max(sup, sum);
      inf = Math.min(inf, sum);
    }
    int zForward = Math.max(sup, -inf);
    // The reverse walk's partial sums are S_n - S_k, so its extreme is max(sup - S_n, S_n - inf).
    int zReverse = Math.max(sup - sum, sum - inf);
    return new double[] {pValue(n, zForward), pValue(n, zReverse)};
  }

  /**
   * The cusum P-value for maximum excursion z. The summation bounds use C integer division
   * (truncation toward zero) exactly as STS 2.1.2 does, where SP 800-22 writes floor(); this is
   * what makes the §2.13.4 example come out at 0.4116586 rather than 0.4115847.
   */
  static double pValue(int n, int z) {
    double sqrtN = Math.sqrt(n);
    double sum1 = 0.0;
    for (int k = (-n / z + 1) / 4; k <= (n / z - 1) / 4; k++) {
      sum1 += SpecialFunctions.normalCdf(((4 * k + 1) * (double) z) / sqrtN);
      sum1 -= SpecialFunctions.normalCdf(((4 * k - 1) * (double) z) / sqrtN);
    }
    double sum2 = 0.0;
    for (int k = (-n / z - 3) / 4; k <= (n / z - 1) / 4; k++) {
      sum2 += SpecialFunctions.normalCdf(((4 * k + 3) * (double) z) / sqrtN);
      sum2 -= SpecialFunctions.normalCdf(((4 * k + 1) * (double) z) / sqrtN);
    }
    return 1.0 - sum1 + sum2;
  }
}
