package org.ferrogen.randomness.sp80090b;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * biased-random-bits.bin against the values NIST's tool prints for it in the public self-test
 * reference output of usnistgov/SP800-90B_EntropyAssessment (cpp/selftest/refdata/
 * biased-random-bits.res). This file exercises paths the three shared .res files do not: a
 * repeat longer than 64 bits (general suffix array), and a lag predictor whose local bound
 * P_local decides the estimate.
 */
class BiasedBitsReferenceTest {

  private static void close(Number actual, double expected) {
    assertThat(actual.doubleValue()).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1e-7));
  }

  @Test
  void matchesNistSelfTestValues() {
    NonIidAssessment.Result r =
        NonIidAssessment.assess(Samples.read(ReferenceFiles.bin("biased-random-bits.bin"), 1));
    EstimatorResult tuple = find(r, "t-Tuple");
    assertThat(tuple.details().get("t")).isEqualTo(513L);
    close(tuple.details().get("p-hat_max"), 0.98145911043718781);
    EstimatorResult lrs = find(r, "LRS");
    assertThat(lrs.details().get("v")).isEqualTo(585L);
    close(lrs.details().get("p-hat"), 0.96151101766964431);
    EstimatorResult lag = find(r, "Lag Prediction");
    assertThat(lag.details().get("C")).isEqualTo(959838L);
    assertThat(lag.details().get("r")).isEqualTo(527L);
    close(lag.details().get("P_local"), 0.97225067522872544);
    close(lag.minEntropy(), 0.040599763274887825);
    EstimatorResult compression = find(r, "Compression");
    close(compression.details().get("p"), 0.92877466571109557);
    close(r.hAssessed(), 0.017766579116465196);
  }

  private static EstimatorResult find(NonIidAssessment.Result r, String name) {
    return r.estimators().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
  }
}
