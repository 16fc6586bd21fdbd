package org.ferrogen.randomness.sp80022;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ferrogen.randomness.bits.BitSequence;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of SP 800-22 rev1a section 2, against the value the STS 2.1.2 algorithm gives
 * (column {@code sts212_or_verified_pvalue} of worked-examples.csv), to 1e-6. The short inputs are
 * written out here; the 10^6-bit ones come from the shared reference folder.
 */
class WorkedExamplesTest {

  static final String PI100 =
      "1100100100001111110110101010001000100001011010001100001000110100110001001100011001100010100010111000";
  static final String LR128 =
      "11001100000101010110110001001100111000000000001001001101010100010001001111010110100000001101011111001100111001101101100010110010";
  static final double TOLERANCE = 1e-6;

  private static BitSequence bits(String s) {
    return BitSequence.parseAscii(s);
  }

  @Test
  void frequency() {
    assertThat(FrequencyTest.pValue(bits("1011010101"))).isCloseTo(0.527089, within(TOLERANCE));
    assertThat(FrequencyTest.pValue(bits(PI100))).isCloseTo(0.109599, within(TOLERANCE));
  }

  @Test
  void blockFrequency() {
    assertThat(BlockFrequencyTest.pValue(bits("0110011010"), 3)).isCloseTo(0.801252, within(TOLERANCE));
    assertThat(BlockFrequencyTest.pValue(bits(PI100), 10)).isCloseTo(0.706438, within(TOLERANCE));
  }

  @Test
  void runs() {
    assertThat(RunsTest.pValue(bits("1001101011"))).isCloseTo(0.147232, within(TOLERANCE));
    assertThat(RunsTest.pValue(bits(PI100))).isCloseTo(0.500798, within(TOLERANCE));
  }

  @Test
  void longestRunWithExactStsProbabilities() {
    assertThat(LongestRunTest.pValue(bits(LR128), 8)).isCloseTo(0.180609, within(TOLERANCE));
  }

  @Test
  void rankToyExampleWith32x32Probabilities() {
    // §2.5.4 applies the 32x32 class probabilities, rounded to 4 digits, to two 3x3 matrices
    // (F_M = 1, F_{M-1} = 1); the STS only runs 32x32 matrices.
    BitSequence s = bits("01011001001010101101");
    assertThat(RankTest.pValue(s, 3, 3, new double[] {0.2888, 0.5776, 0.1336}))
        .isCloseTo(0.741948, within(TOLERANCE));
    assertThat(RankTest.classProbabilities(32, 32))
        .containsExactly(new double[] {0.2888, 0.5776, 0.1336}, within(5e-5));
  }

  @Test
  void rankOnE() {
    BitSequence e = ReferenceData.million("data.e").slice(0, 100_000);
    assertThat(RankTest.pValue(e, 32, 32, RankTest.classProbabilities(32, 32)))
        .isCloseTo(0.532069, within(TOLERANCE));
  }

  @Test
  void dftAsStsComputesIt() {
    assertThat(DftTest.pValue(bits("1001010011"))).isCloseTo(0.468160, within(TOLERANCE));
    assertThat(DftTest.pValue(bits(PI100))).isCloseTo(0.646355, within(TOLERANCE));
  }

  @Test
  void nonOverlappingTemplate() {
    BitSequence s = bits("10100100101110010110");
    assertThat(NonOverlappingTemplateTest.pValue(s, 0b001, 3, 2)).isCloseTo(0.344154, within(TOLERANCE));
    assertThat(NonOverlappingTemplateTest.pValues(s, new int[] {0b001}, 3, 2)[0])
        .isCloseTo(0.344154, within(TOLERANCE));
  }

  @Test
  void overlappingTemplateOnEWithStsProbabilities() {
    double[] pi = OverlappingTemplateTest.classProbabilities(9, 1032);
    assertThat(pi).containsExactly(new double[] {0.367879, 0.183940, 0.137955, 0.099634, 0.069935, 0.140657},
        within(1e-6));
    assertThat(OverlappingTemplateTest.pValue(ReferenceData.million("data.e"), 9, 1032))
        .isCloseTo(0.110434, within(TOLERANCE));
  }

  @Test
  void overlappingTemplateToyExampleChiSquareToPValue() {
    // §2.8.4's input string does not give its printed counts (see worked-examples.csv), so only
    // the chi-square -> P step is checkable: igamc(K/2, chi2/2) with the printed chi2.
    assertThat(SpecialFunctions.igamc(5 / 2.0, 3.167729 / 2.0)).isCloseTo(0.674145, within(TOLERANCE));
  }

  @Test
  void universalOnE() {
    assertThat(UniversalTest.run(ReferenceData.million("data.e"), 0, 0).pValue())
        .isCloseTo(0.282568, within(TOLERANCE));
  }

  @Test
  void linearComplexityOnEWithM1000() {
    assertThat(LinearComplexityTest.pValue(ReferenceData.million("data.e"), 1000))
        .isCloseTo(0.845406, within(TOLERANCE));
  }

  @Test
  void serial() {
    double[] p = SerialTest.pValues(bits("0011011101"), 3);
    assertThat(p[0]).isCloseTo(0.808792, within(TOLERANCE));
    assertThat(p[1]).isCloseTo(0.670320, within(TOLERANCE));
    double[] e = SerialTest.pValues(ReferenceData.million("data.e"), 2);
    assertThat(e[0]).isCloseTo(0.843764, within(TOLERANCE));
    assertThat(e[1]).isCloseTo(0.561915, within(TOLERANCE));
  }

  @Test
  void approximateEntropy() {
    assertThat(ApproximateEntropyTest.pValue(bits("0100110101"), 3)).isCloseTo(0.261961, within(TOLERANCE));
    assertThat(ApproximateEntropyTest.pValue(bits(PI100), 2)).isCloseTo(0.235301, within(TOLERANCE));
  }

  @Test
  void cumulativeSumsWithIntegerDivisionBounds() {
    assertThat(CumulativeSumsTest.pValues(bits("1011010111"))[0]).isCloseTo(0.4116586, within(TOLERANCE));
    double[] p = CumulativeSumsTest.pValues(bits(PI100));
    assertThat(p[0]).isCloseTo(0.219194, within(TOLERANCE));
    assertThat(p[1]).isCloseTo(0.114866, within(TOLERANCE));
  }

  @Test
  void randomExcursionsToyExample() {
    RandomExcursionsTest.Excursions e = RandomExcursionsTest.analyze(bits("0110110101"));
    assertThat(e.cycles()).isEqualTo(3);
    assertThat(e.pValues()[4]).isCloseTo(0.502488, within(TOLERANCE)); // x = +1
  }

  @Test
  void randomExcursionsOnE() {
    RandomExcursionsTest.Excursions e = RandomExcursionsTest.analyze(ReferenceData.million("data.e"));
    assertThat(e.cycles()).isEqualTo(1490);
    assertThat(e.pValues()).containsExactly(new double[] {
        0.573306, 0.197996, 0.164011, 0.007779, 0.786868, 0.440912, 0.797854, 0.778186}, within(TOLERANCE));
  }

  @Test
  void randomExcursionsVariantToyExample() {
    RandomExcursionsVariantTest.Variant v = RandomExcursionsVariantTest.analyze(bits("0110110101"));
    assertThat(v.cycles()).isEqualTo(3);
    assertThat(v.visits()[9]).isEqualTo(4); // x = +1
    assertThat(v.pValues()[9]).isCloseTo(0.683091, within(TOLERANCE));
  }

  @Test
  void randomExcursionsVariantOnE() {
    RandomExcursionsVariantTest.Variant v = RandomExcursionsVariantTest.analyze(ReferenceData.million("data.e"));
    assertThat(v.visits()).containsExactly(1450, 1435, 1380, 1366, 1412, 1475, 1480, 1468, 1502,
        1409, 1369, 1396, 1479, 1599, 1628, 1619, 1620, 1610);
    assertThat(v.pValues()).containsExactly(new double[] {
        0.858946, 0.794755, 0.576249, 0.493417, 0.633873, 0.917283, 0.934708, 0.816012, 0.826009,
        0.137861, 0.200642, 0.441254, 0.939291, 0.505683, 0.445935, 0.512207, 0.538635, 0.593930},
        within(TOLERANCE));
  }
}
