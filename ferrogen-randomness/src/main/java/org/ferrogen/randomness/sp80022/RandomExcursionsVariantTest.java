package org.ferrogen.randomness.sp80022;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ferrogen.randomness.bits.BitSequence;

/**
 * SP 800-22 §2.15: random excursions variant test for the states x = −9..−1, +1..+9; not
 * applicable with fewer than max(0.005·sqrt(n), 500) cycles, as in the STS.
 */
public final class RandomExcursionsVariantTest {

  static final List<String> VARIANTS;

  static {
    List<String> v = new ArrayList<>();
    for (int x = -9; x <= 9; x++) {
      if (x != 0) {
        v.add(x < 0 ? "x=" + x : "x=+" + x);
      }
    }
    VARIANTS = Collections.unmodifiableList(v);
  }

  private RandomExcursionsVariantTest() {}

  /** Number of cycles J, visits ξ(x) per state and the 18 P-values. */
  public record Variant(int cycles, long[] visits, double[] pValues) {}

  static TestResult run(BitSequence s) {
    if (s.length() < 1) {
      return TestResult.tooShort(Sp80022Test.RANDOM_EXCURSIONS_VARIANT, VARIANTS, "needs at least 1 bit");
    }
    Variant v = analyze(s);
    double minimum = RandomExcursionsTest.minimumCycles(s.length());
    if (v.cycles() < minimum) {
      return TestResult.without(Sp80022Test.RANDOM_EXCURSIONS_VARIANT, VARIANTS,
          TestResult.Status.NOT_APPLICABLE, "only " + v.cycles() + " cycles, needs " + (int) minimum);
    }
    return TestResult.of(Sp80022Test.RANDOM_EXCURSIONS_VARIANT, VARIANTS, v.pValues());
  }

  public static Variant analyze(BitSequence s) {
    int n = s.length();
    long[] counts = new long[19]; // index S+9
    int cycles = 0;
    int sum = 0;
    for (int w = 0, i = 0; w < s.wordCount(); w++) {
      long word = s.word(w);
      int end = Math.min(64, n - i);
      for (int b = 0; b < end; b++, i++) {
        sum += (word << b) < 0 ? 1 : -1;
        if (sum == 0) {
          cycles++;
        } else if (sum >= -9 && sum <= 9) {
          counts[sum + 9]++;
        }
      }
    }
    if (sum != 0) {
      cycles++;
    }
    long[] visits = new long[18];
    double[] p = new double[18];
    for (int i = 0; i < 18; i++) {
      int x = i < 9 ? i - 9 : i - 8;
      visits[i] = counts[x + 9];
      p[i] = SpecialFunctions.erfc(
          Math.abs(visits[i] - cycles) / Math.sqrt(2.0 * cycles * (4.0 * Math.abs(x) - 2)));
    }
    return new Variant(cycles, visits, p);
  }
}
