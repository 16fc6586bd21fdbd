package org.ferrogen.randomness.sp80090b;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The reference files without an expected NIST run, checked independently: the estimates must stay
 * within what the data allows and order the sources by how random they are.
 */
class OtherReferenceFilesTest {

  private static NonIidAssessment.Result assess(String name, int bits) {
    return NonIidAssessment.assess(Samples.read(ReferenceFiles.bin(name), bits));
  }

  @Test
  void biasedBitsGetFarLessEntropyThanTrueRandomBits() {
    NonIidAssessment.Result biased = assess("biased-random-bits.bin", 1);
    assertThat(biased.hasBitstring()).isFalse();
    // The file's most common value has frequency ~0.75 (checked below), so no estimate may
    // exceed -log2(0.75) ~= 0.415 by more than the confidence-bound slack.
    EstimatorResult mcv = biased.estimators().get(0);
    assertThat(mcv.name()).isEqualTo("Most Common Value");
    double phat = (Double) mcv.details().get("p-hat");
    assertThat(phat).isGreaterThan(0.6);
    assertThat(biased.hAssessed()).isLessThan(-Math.log(phat) / Math.log(2) + 1e-12);
    assertThat(biased.hAssessed()).isGreaterThan(0.0).isLessThan(0.6);
  }

  @Test
  void shortRandomFilesStayWithinBoundsAndWarn() {
    for (int k : new int[] {1, 4, 8}) {
      Samples s = Samples.read(ReferenceFiles.bin("rand" + k + "_short.bin"), k);
      assertThat(s.warnings()).hasSize(1);
      NonIidAssessment.Result r = NonIidAssessment.assess(s);
      assertThat(r.hAssessed()).as("k=%d", k).isGreaterThan(0.5 * k).isLessThanOrEqualTo(k);
      assertThat(r.hOriginal()).isLessThanOrEqualTo(k);
      for (EstimatorResult e : r.estimators()) {
        double cap = e.domain() == Domain.BITSTRING ? 1.0 : k;
        assertThat(e.minEntropy()).as(e.domain() + " " + e.name()).isBetween(0.0, cap);
      }
      if (k > 1) {
        assertThat(r.hAssessed())
            .isEqualTo(Math.min(Math.min(k, k * r.hBitstring()), r.hOriginal()));
      }
    }
  }
}
