package org.ferrogen.randomness.sp80022;

import java.util.List;
import org.ferrogen.randomness.bits.BitSequence;

/** The 15 tests of NIST SP 800-22 rev1a, in the order and with the names the STS 2.1.2 uses. */
public enum Sp80022Test {
  FREQUENCY("Frequency"),
  BLOCK_FREQUENCY("BlockFrequency"),
  CUMULATIVE_SUMS("CumulativeSums"),
  RUNS("Runs"),
  LONGEST_RUN("LongestRun"),
  RANK("Rank"),
  FFT("FFT"),
  NON_OVERLAPPING_TEMPLATE("NonOverlappingTemplate"),
  OVERLAPPING_TEMPLATE("OverlappingTemplate"),
  UNIVERSAL("Universal"),
  APPROXIMATE_ENTROPY("ApproximateEntropy"),
  RANDOM_EXCURSIONS("RandomExcursions"),
  RANDOM_EXCURSIONS_VARIANT("RandomExcursionsVariant"),
  LINEAR_COMPLEXITY("LinearComplexity"),
  SERIAL("Serial");

  private final String stsName;

  Sp80022Test(String stsName) {
    this.stsName = stsName;
  }

  /** The name the STS gives this test in its reports (e.g. {@code NonOverlappingTemplate}). */
  public String stsName() {
    return stsName;
  }

  /** The test with the given STS name (case-insensitive). */
  public static Sp80022Test fromStsName(String name) {
    for (Sp80022Test t : values()) {
      if (t.stsName.equalsIgnoreCase(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown SP 800-22 test '" + name + "'");
  }

  /**
   * The variants this test reports, one P-value each: {@code forward}/{@code reverse}, template
   * bits, {@code x=-4}..., {@code 1}/{@code 2}, or a single empty variant.
   */
  public List<String> variants(Sp80022Parameters parameters) {
    return switch (this) {
      case CUMULATIVE_SUMS -> CumulativeSumsTest.VARIANTS;
      case NON_OVERLAPPING_TEMPLATE -> NonOverlappingTemplateTest.variants(parameters);
      case RANDOM_EXCURSIONS -> RandomExcursionsTest.VARIANTS;
      case RANDOM_EXCURSIONS_VARIANT -> RandomExcursionsVariantTest.VARIANTS;
      case SERIAL -> SerialTest.VARIANTS;
      default -> TestResult.SINGLE_VARIANT;
    };
  }

  /** Runs this test on one stream. Never throws for a short stream: it reports TOO_SHORT instead. */
  public TestResult run(BitSequence stream, Sp80022Parameters parameters) {
    return switch (this) {
      case FREQUENCY -> FrequencyTest.run(stream);
      case BLOCK_FREQUENCY -> BlockFrequencyTest.run(stream, parameters.blockFrequencyBlockLength());
      case CUMULATIVE_SUMS -> CumulativeSumsTest.run(stream);
      case RUNS -> RunsTest.run(stream);
      case LONGEST_RUN -> LongestRunTest.run(stream, parameters.longestRunBlockLength());
      case RANK -> RankTest.run(stream, parameters.rankRows(), parameters.rankColumns());
      case FFT -> DftTest.run(stream);
      case NON_OVERLAPPING_TEMPLATE -> NonOverlappingTemplateTest.run(stream, parameters);
      case OVERLAPPING_TEMPLATE -> OverlappingTemplateTest.run(
          stream, parameters.overlappingTemplateLength(), parameters.overlappingBlockLength());
      case UNIVERSAL -> UniversalTest.run(
          stream, parameters.universalBlockLength(), parameters.universalInitBlocks());
      case APPROXIMATE_ENTROPY -> ApproximateEntropyTest.run(
          stream, parameters.approximateEntropyBlockLength());
      case RANDOM_EXCURSIONS -> RandomExcursionsTest.run(stream);
      case RANDOM_EXCURSIONS_VARIANT -> RandomExcursionsVariantTest.run(stream);
      case LINEAR_COMPLEXITY -> LinearComplexityTest.run(
          stream, parameters.linearComplexityBlockLength());
      case SERIAL -> SerialTest.run(stream, parameters.serialBlockLength());
    };
  }
}
