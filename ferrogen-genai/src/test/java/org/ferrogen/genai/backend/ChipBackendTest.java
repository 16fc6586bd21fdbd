package org.ferrogen.genai.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.ferrogen.cim.CimConfig;
import org.ferrogen.genai.gguf.GgmlType;
import org.junit.jupiter.api.Test;

/** The chip backend against the exact product: accuracy, cost accounting, calibration, seeds. */
class ChipBackendTest {

  private static final int ROWS = 96;
  private static final int COLS = 160;

  private static float[] gaussian(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return v;
  }

  private static double relativeError(float[] y, float[] exact) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < y.length; i++) {
      num += (y[i] - exact[i]) * (double) (y[i] - exact[i]);
      den += exact[i] * (double) exact[i];
    }
    return Math.sqrt(num / den);
  }

  private static float[] exact(float[] w, float[] x) {
    float[] y = new float[ROWS];
    for (int r = 0; r < ROWS; r++) {
      double s = 0;
      for (int c = 0; c < COLS; c++) {
        s += w[r * COLS + c] * (double) x[c];
      }
      y[r] = (float) s;
    }
    return y;
  }

  @Test
  void idealChipWithFineConvertersReproducesTheProductAndDefaultsStayClose() {
    float[] w = gaussian(ROWS * COLS, 1);
    WeightMatrix m = WeightMatrix.encode("w", ROWS, COLS, w, GgmlType.F32);
    float[] x = gaussian(COLS, 2);
    float[] want = exact(w, x);
    CimConfig fine = CimConfig.defaults().ideal()
        .withInput(new CimConfig.Input(CimConfig.InputEncoding.DAC, 16, CimConfig.InputScaling.PER_VECTOR_ABS_MAX, 1))
        .withAdc(new CimConfig.Adc(16, CimConfig.AdcRange.WORST_CASE, 4, 8));
    float[] y = new float[ROWS];
    try (ChipBackend ideal = new ChipBackend(fine, 3)) {
      ideal.program(m).multiply(x, y);
    }
    // 5-bit cells quantise |w| in steps of max|w|/31 per row; for Gaussian rows of 160 weights max|w| ≈ 2.8σ,
    // so the rounding error has a standard deviation of 2.8σ/(31·sqrt(12)) ≈ 0.026σ per weight, which is the
    // expected relative error of each dot product. Nothing else may add to it.
    assertThat(relativeError(y, want)).isBetween(0.015, 0.035);
    try (ChipBackend chip = new ChipBackend(CimConfig.defaults(), 3)) {
      chip.program(m).multiply(x, y);
      // The reference chip (programming error, read noise, 8-bit converters): a few per cent, as `cim mvm` reports.
      assertThat(relativeError(y, want)).isBetween(0.005, 0.15);
    }
  }

  @Test
  void reportCountsProductsAndEnergyAndResetStartsAfresh() {
    WeightMatrix m = WeightMatrix.encode("w", ROWS, COLS, gaussian(ROWS * COLS, 4), GgmlType.F16);
    try (ChipBackend chip = new ChipBackend(CimConfig.defaults(), 5)) {
      LinearLayer layer = chip.program(m);
      assertThat(chip.cost().energyJoules().get(org.ferrogen.device.cost.CostCategory.PROGRAMMING)).isPositive();
      chip.resetReport();
      assertThat(chip.report().matrixVectorProducts()).isZero();
      float[] y = new float[ROWS];
      layer.multiply(gaussian(COLS, 6), y);
      layer.multiply(new float[][] {gaussian(COLS, 7), gaussian(COLS, 8)}, new float[][] {new float[ROWS], new float[ROWS]});
      BackendReport r = chip.report();
      assertThat(r.matrixVectorProducts()).isEqualTo(3);
      assertThat(r.multiplyAccumulates()).isEqualTo(3L * ROWS * COLS);
      assertThat(r.energyJoules()).isPositive();
      assertThat(r.latencySeconds()).isPositive();
      assertThat(chip.area().tiles()).isEqualTo(1);
    }
  }

  @Test
  void sameSeedSameChipOtherSeedOtherNoise() {
    WeightMatrix m = WeightMatrix.encode("w", ROWS, COLS, gaussian(ROWS * COLS, 9), GgmlType.F32);
    float[] x = gaussian(COLS, 10);
    float[] a = new float[ROWS];
    float[] b = new float[ROWS];
    float[] c = new float[ROWS];
    try (ChipBackend one = new ChipBackend(CimConfig.defaults(), 11);
        ChipBackend same = new ChipBackend(CimConfig.defaults(), 11);
        ChipBackend other = new ChipBackend(CimConfig.defaults(), 12)) {
      one.program(m).multiply(x, a);
      same.program(m).multiply(x, b);
      other.program(m).multiply(x, c);
    }
    assertThat(b).containsExactly(a);
    assertThat(c).isNotEqualTo(a);
  }

  @Test
  void adcCalibrationOnRepresentativeInputsReducesTheErrorOfSmallActivations() {
    // Sparse inputs (a few large entries, as after attention) give column sums far below the statistical
    // full scale; calibrating on such inputs gives the ADC finer steps.
    float[] w = gaussian(ROWS * COLS, 13);
    WeightMatrix m = WeightMatrix.encode("w", ROWS, COLS, w, GgmlType.F32);
    SplittableRandom r = new SplittableRandom(14);
    float[][] xs = new float[64][COLS];
    for (float[] x : xs) {
      for (int k = 0; k < 4; k++) {
        x[r.nextInt(COLS)] = (float) r.nextGaussian();
      }
    }
    CimConfig noiseless = CimConfig.defaults().ideal();
    double before = 0;
    double after = 0;
    try (ChipBackend chip = new ChipBackend(noiseless, 15)) {
      LinearLayer layer = chip.program(m);
      float[] y = new float[ROWS];
      for (int i = 32; i < 64; i++) {
        layer.multiply(xs[i], y);
        before += relativeError(y, exact(w, xs[i]));
      }
      chip.beginCalibration(32);
      for (int i = 0; i < 32; i++) {
        layer.multiply(xs[i], y);
        assertThat(relativeError(y, exact(w, xs[i]))).as("calibration runs the exact product").isLessThan(1e-5);
      }
      assertThat(chip.endCalibration(1.25)).isEqualTo(1);
      for (int i = 32; i < 64; i++) {
        layer.multiply(xs[i], y);
        after += relativeError(y, exact(w, xs[i]));
      }
    }
    assertThat(after).isLessThan(before * 0.8);
  }
}
