package org.ferrogen.randomness.conditioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Sha256ConditionerTest {

    /** The formula of SP 800-90B section 3.1.5.1.2 evaluated literally (valid while 2^n_in fits a double). */
    private static double literalOutputEntropy(int nIn, int nOut, int nw, double hIn) {
        int n = Math.min(nOut, nw);
        double pHigh = Math.pow(2, -hIn);
        double pLow = (1 - pHigh) / (Math.pow(2, nIn) - 1);
        double power = Math.pow(2, nIn - n);
        double psi = power * pLow + pHigh;
        double u = power + Math.sqrt(2 * n * power * Math.log(2));
        double omega = u * pLow;
        return -Math.log(Math.max(psi, omega)) / Math.log(2);
    }

    @ParameterizedTest
    @CsvSource({"64, 32, 32, 40", "64, 32, 32, 20", "100, 32, 16, 90", "48, 32, 32, 47.5", "40, 16, 32, 12.25"})
    void rewrittenEvaluationAgreesWithTheLiteralFormulaWhereDoublesSuffice(int nIn, int nOut, int nw, double hIn) {
        ConditioningEntropy entropy = ConditioningEntropy.of(nIn, hIn, nOut, nw);
        assertThat(entropy.outputEntropy()).isCloseTo(literalOutputEntropy(nIn, nOut, nw, hIn), Offset.offset(1e-9));
    }

    @Test
    void outputEntropyNeverExceedsInputEntropyOrOutputLengthAndGrowsWithInput() {
        double previous = 0;
        for (int samples = 16; samples <= 1024; samples += 16) {
            ConditioningEntropy entropy = ConditioningEntropy.of(samples, samples, 256, 256);
            assertThat(entropy.outputEntropy()).isLessThanOrEqualTo(Math.min(samples, 256.0));
            assertThat(entropy.outputEntropy()).isGreaterThanOrEqualTo(previous);
            previous = entropy.outputEntropy();
        }
    }

    @Test
    void fullEntropyNeedsInputEntropyAndInputLengthWellBeyondTheOutput() {
        double sqrtTerm = Math.sqrt(2 * 256 * Math.log(2)); // sqrt(2 n ln 2) = 18.84
        // n_in = h_in = 256: omega · 2^256 = 1 + sqrt(2 n ln 2) dominates psi · 2^256 = 2
        ConditioningEntropy exact = ConditioningEntropy.of(256, 256, 256, 256);
        assertThat(exact.outputEntropy()).isCloseTo(256 - Math.log(1 + sqrtTerm) / Math.log(2), Offset.offset(1e-9));
        assertThat(exact.fullEntropy()).isFalse();
        // n_in = h_in = 512: A - 1 = sqrt(2 n ln 2) 2^-128, so epsilon = (A - 1) / (256 ln 2) to first order
        ConditioningEntropy wide = ConditioningEntropy.of(512, 512, 256, 256);
        double expectedExponent = 128 - Math.log(sqrtTerm) / Math.log(2) + 8 + Math.log(Math.log(2)) / Math.log(2);
        assertThat(wide.epsilonExponent()).isCloseTo(expectedExponent, Offset.offset(1e-6));
        assertThat(wide.fullEntropy()).isTrue();
        // with full-entropy input bits the omega term needs n_in - 256 >= 2 (64 - log2(256 ln 2) + log2 18.84)
        int threshold = 256 + (int) Math.ceil(2 * (64 - Math.log(256 * Math.log(2)) / Math.log(2)
                + Math.log(sqrtTerm) / Math.log(2)));
        assertThat(ConditioningEntropy.of(threshold, threshold, 256, 256).fullEntropy()).isTrue();
        assertThat(ConditioningEntropy.of(threshold - 2, threshold - 2, 256, 256).fullEntropy()).isFalse();
    }

    @Test
    void conditionerHashesTheBlockAndFindsTheFullEntropyBlockSize() throws Exception {
        Sha256Conditioner conditioner = new Sha256Conditioner(1, 0.9);
        int samples = conditioner.samplesForFullEntropy();
        // psi needs 0.9 m >= 256 + 56.5 (m >= 348); omega needs (m - 256)/2 >= 56.5 + 4.24 (m >= 378)
        assertThat(samples).isBetween(376, 380);
        assertThat(conditioner.accountFor(samples).fullEntropy()).isTrue();
        assertThat(conditioner.accountFor(samples - 1).fullEntropy()).isFalse();

        byte[] raw = new byte[samples];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (i * 7 % 3 == 0 ? 1 : 0);
        }
        byte[] output = new byte[40];
        ConditioningEntropy account = conditioner.condition(raw, 0, raw.length, output, 8);
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(raw);
        assertThat(java.util.Arrays.copyOfRange(output, 8, 40)).isEqualTo(expected);
        assertThat(account.inputBits()).isEqualTo(samples);
        assertThat(account.inputEntropy()).isCloseTo(0.9 * samples, Offset.offset(1e-9));
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> new Sha256Conditioner(1, 1.5)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> ConditioningEntropy.of(10, 11, 256, 256)).hasMessageContaining("h_in");
        assertThatThrownBy(() -> new Sha256Conditioner(8, 8).condition(new byte[4], 2, 2, new byte[32], 0))
                .hasMessageContaining("empty block");
    }
}
