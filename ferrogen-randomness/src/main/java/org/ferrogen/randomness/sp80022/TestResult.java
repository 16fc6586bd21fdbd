package org.ferrogen.randomness.sp80022;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The outcome of one test on one stream: a P-value per variant, or none with the reason.
 *
 * @param test the test
 * @param status whether the test applied
 * @param detail why it did not apply (empty when it did)
 * @param pValues one entry per variant, in the order of {@link Sp80022Test#variants}
 */
public record TestResult(Sp80022Test test, Status status, String detail, List<VariantPValue> pValues) {

  /** The variant list of tests that report one P-value. */
  public static final List<String> SINGLE_VARIANT = List.of("");

  /** Whether a test applied to a stream. */
  public enum Status {
    /** The test ran; every variant has a P-value. */
    APPLIED,
    /** The stream is too short for the test's parameters; no P-values. */
    TOO_SHORT,
    /**
     * The stream's content makes the test inapplicable (random excursions with fewer than 500
     * cycles); no P-values, and the STS final analysis leaves the stream out.
     */
    NOT_APPLICABLE
  }

  /** One variant's P-value, empty where the test did not apply. */
  public record VariantPValue(String variant, OptionalDouble pValue) {
    public VariantPValue {
      Objects.requireNonNull(variant, "variant");
      Objects.requireNonNull(pValue, "pValue");
    }
  }

  public TestResult {
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    pValues = List.copyOf(pValues);
  }

  static TestResult single(Sp80022Test test, double pValue) {
    return new TestResult(test, Status.APPLIED, "", List.of(new VariantPValue("", OptionalDouble.of(pValue))));
  }

  static TestResult of(Sp80022Test test, List<String> variants, double[] pValues) {
    if (variants.size() != pValues.length) {
      throw new IllegalStateException(test + ": " + variants.size() + " variants, " + pValues.length + " P-values");
    }
    List<VariantPValue> out = new ArrayList<>(pValues.length);
    for (int i = 0; i < pValues.length; i++) {
      out.add(new VariantPValue(variants.get(i), OptionalDouble.of(pValues[i])));
    }
    return new TestResult(test, Status.APPLIED, "", out);
  }

  static TestResult without(Sp80022Test test, List<String> variants, Status status, String detail) {
    List<VariantPValue> out = new ArrayList<>(variants.size());
    for (String v : variants) {
      out.add(new VariantPValue(v, OptionalDouble.empty()));
    }
    return new TestResult(test, status, detail, out);
  }

  static TestResult tooShort(Sp80022Test test, List<String> variants, String detail) {
    return without(test, variants, Status.TOO_SHORT, detail);
  }

  /** The P-value of the only (or first) variant; throws when the test did not apply. */
  public double pValue() {
    return pValues.get(0).pValue().orElseThrow(
        () -> new IllegalStateException(test.stsName() + " did not apply: " + detail));
  }

  /** The P-value of the named variant; throws when the variant is unknown or did not apply. */
  public double pValue(String variant) {
    for (VariantPValue v : pValues) {
      if (v.variant().equals(variant)) {
        return v.pValue().orElseThrow(
            () -> new IllegalStateException(test.stsName() + " did not apply: " + detail));
      }
    }
    throw new IllegalArgumentException(test.stsName() + " has no variant '" + variant + "'");
  }
}
