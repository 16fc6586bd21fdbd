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
 * uniformity check. {@link Summary#stsToolPass()} gives the verdict with the tool's integer bounds
 * too, since "the STS criterion" often means what the STS program prints.
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
   * @param stsToolPass the same verdict with the interval's ends converted to whole streams as STS
   *     2.1.2 does (assess.c, computeMetrics, stores s·(p̂ ∓ 3σ) in ints, i.e. truncates toward
   *     zero): at 100 streams 96 passing streams pass there (96.02 → 96) but fail the real-number
   *     bound; false when the sample is empty
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
      boolean pass,
      boolean stsToolPass) {

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
    boolean stsProportionOk = size > 0 && passed >= (int) (size * (pHat - halfWidth))
        && passed <= (int) (size * (pHat + halfWidth));
    return new Summary(test, variant, List.of(bins), size, passed, pHat - halfWidth, pHat + halfWidth,
        uniformity, proportionOk && uniformityOk, stsProportionOk && uniformityOk);
  }

  /**
   * How many failing lines an ideal generator would show in the same battery.
   *
   * @param lines lines with a non-empty sample
   * @param failed lines among them that failed
   * @param expectedFailures mean number of lines an ideal generator fails with these sample sizes
   * @param atLeastAsMany probability that an ideal generator fails at least {@code failed} lines
   */
  public record ChanceLevel(int lines, int failed, double expectedFailures, double atLeastAsMany) {}

  /**
   * The battery-level reading of many lines. With 100 streams an ideal generator fails each line's
   * proportion check with probability 1.84 %, so of the 188 lines of the default battery it fails
   * about 3.5 and passes all of them only about 3 % of the time: "every line passes" is not a
   * property of a good generator. This compares the observed number of failing lines with the
   * number an ideal generator would show. Each line fails by chance with the exact binomial
   * probability that its passing count falls outside its interval (its own sample size, so random
   * excursion lines with fewer applicable streams are treated correctly), or that its uniformity
   * P-value falls below 0.0001 (taken as independent of the proportion). The count of failing
   * lines is then Poisson-binomial; lines of one test on the same streams are positively
   * correlated (templates, excursion states), which widens the true spread, so the tail
   * probability is a guide, not an exact test.
   */
  public static ChanceLevel chanceLevel(List<Summary> summaries, double alpha) {
    double[] distribution = {1.0};
    double expected = 0;
    int lines = 0;
    int failed = 0;
    for (Summary s : summaries) {
      if (s.sampleSize() == 0) {
        continue;
      }
      lines++;
      failed += s.pass() ? 0 : 1;
      double fail = lineFailureProbability(s.sampleSize(), alpha, s.uniformity().isPresent());
      expected += fail;
      double[] next = new double[distribution.length + 1];
      for (int k = 0; k < distribution.length; k++) {
        next[k] += distribution[k] * (1 - fail);
        next[k + 1] += distribution[k] * fail;
      }
      distribution = next;
    }
    double tail = 0;
    for (int k = distribution.length - 1; k >= failed; k--) {
      tail += distribution[k];
    }
    return new ChanceLevel(lines, failed, expected, Math.min(1.0, tail));
  }

  /**
   * Probability that an ideal generator fails one line with {@code sampleSize} streams: its
   * passing count, Binomial(sampleSize, 1 − α), falls outside p̂ ± 3·sqrt(p̂(1−p̂)/s) (bounds
   * compared as real numbers, as {@link #summarize} does), or its uniformity check fails.
   */
  public static double lineFailureProbability(int sampleSize, double alpha, boolean uniformityChecked) {
    if (sampleSize < 1) {
      throw new IllegalArgumentException("sample size must be positive, got " + sampleSize);
    }
    double pHat = 1.0 - alpha;
    double halfWidth = 3.0 * Math.sqrt(pHat * alpha / sampleSize);
    double inside = 0;
    double logChoose = 0; // log C(n, k), updated incrementally
    for (int k = 0; k <= sampleSize; k++) {
      if (k > 0) {
        logChoose += Math.log(sampleSize - k + 1) - Math.log(k);
      }
      double proportion = (double) k / sampleSize;
      if (proportion >= pHat - halfWidth && proportion <= pHat + halfWidth) {
        inside += Math.exp(logChoose + k * Math.log(pHat) + (sampleSize - k) * Math.log(alpha));
      }
    }
    double uniformityOk = uniformityChecked ? 1.0 - UNIFORMITY_THRESHOLD : 1.0;
    return Math.max(0.0, 1.0 - Math.min(1.0, inside) * uniformityOk);
  }
}
