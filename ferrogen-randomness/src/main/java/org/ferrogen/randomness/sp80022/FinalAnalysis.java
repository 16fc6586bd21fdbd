package org.ferrogen.randomness.sp80022;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The STS final analysis (SP 800-22 §4.2) of the P-values of many streams, per (test, variant):
 * the proportion of streams with P ≥ α against p̂ ± 3·sqrt(p̂(1−p̂)/s) with p̂ = 1 − α, and the
 * uniformity of the P-values (chi-square over 10 bins, 9 degrees of freedom; passes when ≥ 0.0001).
 *
 * <p>As in STS 2.1.2 (assess.c): streams where a test did not apply (random excursions with too
 * few cycles) are left out of its sample; the uniformity P-value is computed only when the
 * sample has at least 10 streams (expected count per bin s/10, integer-divided, at least 1); a
 * P-value of exactly 1 falls in the last bin. Unlike the STS, which truncates the interval bounds
 * to integers (so a single failing stream out of 1 is not flagged), the bounds are compared as
 * real numbers, as SP 800-22 §4.2.1 states them. SP 800-22 recommends at least 55 streams for the
 * uniformity check.
 */
public final class FinalAnalysis {

  /** Smallest uniformity P-value that passes. */
  public static final double UNIFORMITY_THRESHOLD = 0.0001;

  private FinalAnalysis() {}

  /**
   * Final analysis of one (test, variant).
   *
   * @param histogram P-values per bin [0, 0.1), ..., [0.9, 1.0]
   * @param sampleSize streams where the test applied
   * @param passed streams with P ≥ α
   * @param proportionLow lower end of the acceptable proportion interval
   * @param proportionHigh upper end
   * @param uniformity P-value of the uniformity chi-square, empty with fewer than 10 streams
   * @param pass proportion inside the interval and uniformity (when computed) ≥ 0.0001; false
   *     when the sample is empty
   */
  public record Summary(
      Sp80022Test test,
      String variant,
      List<Integer> histogram,
      int sampleSize,
      int passed,
      double proportionLow,
      double proportionHigh,
      OptionalDouble uniformity,
      boolean pass) {

    public Summary {
      histogram = List.copyOf(histogram);
    }

    /** Proportion of passing streams (NaN for an empty sample). */
    public double proportion() {
      return sampleSize == 0 ? Double.NaN : (double) passed / sampleSize;
    }

    public boolean proportionOk() {
      double p = proportion();
      return sampleSize > 0 && p >= proportionLow && p <= proportionHigh;
    }
  }

  static List<Summary> summarize(
      List<Sp80022Test> tests, List<List<TestResult>> perStream, Sp80022Parameters parameters) {
    List<Summary> out = new ArrayList<>();
    for (int t = 0; t < tests.size(); t++) {
      int variants = perStream.get(0).get(t).pValues().size();
      for (int v = 0; v < variants; v++) {
        List<Double> sample = new ArrayList<>(perStream.size());
        for (List<TestResult> stream : perStream) {
          OptionalDouble p = stream.get(t).pValues().get(v).pValue();
          if (p.isPresent()) {
            sample.add(p.getAsDouble());
          }
        }
        out.add(summarize(tests.get(t), perStream.get(0).get(t).pValues().get(v).variant(), sample,
            parameters.alpha()));
      }
    }
    return out;
  }

  /** Final analysis of one sample of P-values. */
  public static Summary summarize(Sp80022Test test, String variant, List<Double> pValues, double alpha) {
    int size = pValues.size();
    int passed = 0;
    Integer[] bins = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    for (double p : pValues) {
      if (p >= alpha) {
        passed++;
      }
      int bin = Math.min(9, Math.max(0, (int) Math.floor(p * 10)));
      bins[bin]++;
    }
    double pHat = 1.0 - alpha;
    double halfWidth = size == 0 ? Double.NaN : 3.0 * Math.sqrt(pHat * alpha / size);
    OptionalDouble uniformity = OptionalDouble.empty();
    int expected = size / 10;
    if (expected > 0) {
      double chiSquared = 0.0;
      for (int count : bins) {
        chiSquared += (double) (count - expected) * (count - expected) / expected;
      }
      uniformity = OptionalDouble.of(SpecialFunctions.igamc(9.0 / 2.0, chiSquared / 2.0));
    }
    double proportion = size == 0 ? Double.NaN : (double) passed / size;
    boolean proportionOk = size > 0 && proportion >= pHat - halfWidth && proportion <= pHat + halfWidth;
    boolean uniformityOk = uniformity.isEmpty() || uniformity.getAsDouble() >= UNIFORMITY_THRESHOLD;
    return new Summary(test, variant, List.of(bins), size, passed, pHat - halfWidth, pHat + halfWidth,
        uniformity, proportionOk && uniformityOk);
  }
}
