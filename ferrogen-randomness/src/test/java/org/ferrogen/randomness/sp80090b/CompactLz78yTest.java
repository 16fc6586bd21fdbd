package org.ferrogen.randomness.sp80090b;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Binary LZ78Y with 16-bit long-context tables gives exactly the all-32-bit result, and steps aside on overflow. */
class CompactLz78yTest {

  @ParameterizedTest(name = "P(1) = {0}")
  @ValueSource(doubles = {0.5, 0.3, 0.9})
  void sameResultAsThe32BitTables(double p) {
    SplittableRandom rng = new SplittableRandom(7);
    byte[] bits = new byte[300_000];
    for (int i = 0; i < bits.length; i++) {
      // Some correlation too, so that the predictor wins often enough to exercise its runs.
      bits[i] = (byte) (i > 0 && rng.nextDouble() < 0.2 ? bits[i - 1] : rng.nextDouble() < p ? 1 : 0);
    }
    EstimatorResult compact = PredictionEstimators.binaryLz78y(bits, Domain.LITERAL, 9);
    EstimatorResult wide = PredictionEstimators.binaryLz78y(bits, Domain.LITERAL, 17);
    if (p < 0.8) {
      // With P(1) = 0.9 the context 1^9 occurs about 0.9^9 · 300,000 ≈ 116,000 times: 16 bits overflow.
      assertThat(compact).as("fast path used").isNotNull();
      assertThat(compact.minEntropy()).isEqualTo(wide.minEntropy());
      assertThat(compact.details()).isEqualTo(wide.details());
    } else {
      assertThat(compact).as("overflow detected").isNull();
    }
    assertThat(PredictionEstimators.lz78y(bits, 2, Domain.LITERAL).details()).isEqualTo(wide.details());
  }

  @Test
  void aContextSeenMoreThan65535TimesFallsBackToThe32BitTables() {
    byte[] zeros = new byte[100_000];
    zeros[50_000] = 1;
    assertThat(PredictionEstimators.binaryLz78y(zeros, Domain.LITERAL, 9)).isNull();
    assertThat(PredictionEstimators.lz78y(zeros, 2, Domain.LITERAL).details())
        .isEqualTo(PredictionEstimators.binaryLz78y(zeros, Domain.LITERAL, 17).details());
  }
}
