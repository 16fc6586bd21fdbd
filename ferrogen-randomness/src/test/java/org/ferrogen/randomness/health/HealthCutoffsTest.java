package org.ferrogen.randomness.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthCutoffsTest {

    @Test
    void adaptiveProportionMatchesTheWorkedValuesOfSp80090b() {
        // ../shared/reference/sp800-90b/README.md: W=1024, H=1 gives 589; W=512, H=8 gives 13 (alpha = 2^-20).
        assertThat(HealthCutoffs.adaptiveProportionCutoff(1024, 1.0, 0x1p-20)).isEqualTo(589);
        assertThat(HealthCutoffs.adaptiveProportionCutoff(512, 8.0, 0x1p-20)).isEqualTo(13);
    }

    @ParameterizedTest
    @CsvSource({"1.0, 21", "8.0, 4", "0.5, 41", "2.0, 11", "3.0, 8", "0.9, 24"})
    void repetitionCountIsOnePlusCeilOf20OverHForDefaultAlpha(double entropy, int expected) {
        assertThat(HealthCutoffs.repetitionCountCutoff(entropy, HealthCutoffs.DEFAULT_ALPHA)).isEqualTo(expected);
    }

    @Test
    void repetitionCountFollowsGeneralAlpha() {
        assertThat(HealthCutoffs.repetitionCountCutoff(1.0, 0x1p-8)).isEqualTo(9);
        assertThat(HealthCutoffs.repetitionCountCutoff(8.0, 0x1p-8)).isEqualTo(2);
        assertThat(HealthCutoffs.repetitionCountCutoff(1.0, 0x1p-40)).isEqualTo(41);
        // -log2(1e-6) = 19.93..., so 20 for H = 1
        assertThat(HealthCutoffs.repetitionCountCutoff(1.0, 1e-6)).isEqualTo(21);
    }

    @ParameterizedTest
    @CsvSource({"1024, 1.0, 0x1p-20", "512, 8.0, 0x1p-20", "512, 4.0, 0x1p-30", "1024, 0.7, 0x1p-10",
        "512, 2.5, 0x1p-8", "512, 8.0, 0x1p-40"})
    void adaptiveProportionCutoffIsTheSmallestWithTailAtMostAlpha(int window, double entropy, double alpha) {
        int cutoff = HealthCutoffs.adaptiveProportionCutoff(window, entropy, alpha);
        double p = Math.pow(2, -entropy);
        // C - 1 = CRITBINOM(W, p, 1 - alpha): P(X >= C) <= alpha < P(X >= C - 1) for X ~ Binomial(W, p)
        assertThat(HealthCutoffs.binomialUpperTail(window, p, cutoff)).isLessThanOrEqualTo(alpha);
        assertThat(HealthCutoffs.binomialUpperTail(window, p, cutoff - 1)).isGreaterThan(alpha);
    }

    @Test
    void binomialTailAgreesWithDirectSummation() {
        // Binomial(10, 0.3): P(X >= 7) = sum_{k=7..10} C(10,k) 0.3^k 0.7^(10-k)
        double direct = 120 * Math.pow(0.3, 7) * Math.pow(0.7, 3) + 45 * Math.pow(0.3, 8) * Math.pow(0.7, 2)
                + 10 * Math.pow(0.3, 9) * 0.7 + Math.pow(0.3, 10);
        assertThat(HealthCutoffs.binomialUpperTail(10, 0.3, 7)).isCloseTo(direct, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(HealthCutoffs.binomialUpperTail(10, 0.3, 0)).isEqualTo(1.0);
        assertThat(HealthCutoffs.binomialUpperTail(10, 0.3, 11)).isEqualTo(0.0);
    }

    @Test
    void rejectsNonsenseParameters() {
        assertThatThrownBy(() -> HealthCutoffs.repetitionCountCutoff(0, 0x1p-20)).hasMessageContaining("> 0 bits");
        assertThatThrownBy(() -> HealthCutoffs.repetitionCountCutoff(1, 1.5)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> new HealthTestConfig(9, 1, 0x1p-20, 1024)).hasMessageContaining("bitsPerSample");
        assertThatThrownBy(() -> HealthTestConfig.of(1, 1.5)).hasMessageContaining("exceeds bitsPerSample");
    }
}
