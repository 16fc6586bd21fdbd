package org.ferrogen.randomness.conditioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OutputEntropyTest {

  /** The section 3.1.5.1.2 formula evaluated literally; only usable where 2^n_in fits a double. */
  private static double literal(int nIn, int nOut, int nw, double hIn) {
    double pHigh = Math.pow(2, -hIn);
    double pLow = (1 - pHigh) / (Math.pow(2, nIn) - 1);
    int n = Math.min(nOut, nw);
    double psi = Math.min(1, Math.pow(2, nIn - n) * pLow + pHigh);
    double u = Math.pow(2, nIn - n) + Math.sqrt(2.0 * n * Math.pow(2, nIn - n) * Math.log(2));
    double omega = Math.min(1, u * pLow);
    return -Math.log(Math.max(psi, omega)) / Math.log(2);
  }

  @Test
  void logarithmicEvaluationMatchesTheLiteralFormulaWhereDoublesSuffice() {
    int[][] shapes = {{20, 8, 8}, {64, 16, 32}, {40, 32, 16}, {100, 64, 64}, {16, 16, 16}, {300, 256, 256}};
    for (int[] s : shapes) {
      for (double fraction : new double[] {0.05, 0.3, 0.5, 0.8, 1.0}) {
        double hIn = fraction * s[0];
        assertThat(OutputEntropy.of(s[0], s[1], s[2], hIn).outputEntropy())
            .as("n_in=%d n_out=%d nw=%d h_in=%f", s[0], s[1], s[2], hIn)
            .isCloseTo(literal(s[0], s[1], s[2], hIn), within(1e-9 * s[1]));
      }
    }
  }

  @Test
  void outputNeverExceedsInputEntropyNorOutputWidth() {
    for (double hIn : new double[] {1, 10, 100, 255, 256, 300, 500}) {
      OutputEntropy e = OutputEntropy.of(512, 256, 256, hIn);
      assertThat(e.outputEntropy()).isLessThanOrEqualTo(Math.min(hIn, 256) + 1e-9);
      assertThat(e.outputEntropy()).isGreaterThan(0);
    }
  }

  @Test
  void fullEntropyNeedsBothMarginOfInputEntropyAndOfInputWidth() {
    // 320 bits of full-entropy input: h_in = n_out + 64 holds but omega limits epsilon to ~2^-35.
    OutputEntropy narrow = OutputEntropy.of(320, 256, 256, 320);
    assertThat(narrow.epsilonExponent()).isBetween(30.0, 40.0);
    assertThat(narrow.fullEntropy()).isFalse();
    // 640 half-entropy bits: wide input, h_in = 320.
    OutputEntropy wide = OutputEntropy.of(640, 256, 256, 320);
    assertThat(wide.fullEntropy()).isTrue();
    // Too little input entropy never gives full entropy however wide the input.
    assertThat(OutputEntropy.of(4096, 256, 256, 300).fullEntropy()).isFalse();
  }

  @Test
  void rejectsImpossibleInputs() {
    assertThatThrownBy(() -> OutputEntropy.of(100, 256, 256, 101)).hasMessageContaining("h_in");
    assertThatThrownBy(() -> OutputEntropy.of(0, 256, 256, 1)).hasMessageContaining("n_in");
  }
}
