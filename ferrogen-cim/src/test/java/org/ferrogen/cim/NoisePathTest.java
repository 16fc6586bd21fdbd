package org.ferrogen.cim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The exact column-level read-noise path against the per-cell Monte-Carlo reference: same input,
 * many reads, compare each output's mean and variance, and both against the analytic variance
 * Σ_i u_i²·(σ+² + σ−²) computed here from the read-back conductances.
 *
 * <p>False-failure rates (fixed seeds make the outcome deterministic; these are the rates over
 * seeds): per output the mean check is a two-sample z-test at 4.5σ (p ≈ 6.8e-6) and the variance
 * check bounds |ln(s1²/s2²)| by 4.5 standard deviations of that statistic (≈ √(4/(T−1)), p ≈ 6.8e-6);
 * over 24 outputs and 3 checks the rate is below 5e-4. The pooled checks use 5σ.
 */
class NoisePathTest {

  private static final int ROWS = 24;
  private static final int COLS = 64;
  private static final int TRIALS = 400;

  private static CimConfig config(CimConfig.NoisePath path) {
    CimConfig c =
        Fixtures.smallTiles(CimConfig.defaults().ideal())
            .withAdc(new CimConfig.Adc(16, CimConfig.AdcRange.WORST_CASE, 4, 8))
            .withInput(new CimConfig.Input(CimConfig.InputEncoding.DAC, 12, CimConfig.InputScaling.PER_VECTOR_ABS_MAX, 1));
    return c.withNonIdealities(
        CimConfig.NonIdealities.none().withReadNoise(new CimConfig.ReadNoise(true, 1.0, path)));
  }

  /** TRIALS reads of the same input; [trial][output]. */
  private static float[][] reads(CimConfig.NoisePath path, float[] w, float[] x) {
    TiledAnalogMatrix m = new TiledAnalogMatrix(config(path), new TestCell(64, 0, 0.05, 0), ROWS, COLS, 5);
    m.program(w);
    float[] xs = new float[COLS * TRIALS];
    for (int t = 0; t < TRIALS; t++) {
      System.arraycopy(x, 0, xs, t * COLS, COLS);
    }
    float[] ys = new float[ROWS * TRIALS];
    m.multiplyBatch(xs, ys, TRIALS);
    float[][] out = new float[TRIALS][ROWS];
    for (int t = 0; t < TRIALS; t++) {
      System.arraycopy(ys, t * ROWS, out[t], 0, ROWS);
    }
    return out;
  }

  private static double[] mean(float[][] r) {
    double[] m = new double[ROWS];
    for (float[] row : r) {
      for (int o = 0; o < ROWS; o++) {
        m[o] += row[o] / (double) TRIALS;
      }
    }
    return m;
  }

  private static double[] variance(float[][] r, double[] mean) {
    double[] v = new double[ROWS];
    for (float[] row : r) {
      for (int o = 0; o < ROWS; o++) {
        double d = row[o] - mean[o];
        v[o] += d * d / (TRIALS - 1);
      }
    }
    return v;
  }

  @Test
  void columnPathAndMonteCarloAgreeInMeanAndVariance() {
    float[] w = Fixtures.gaussian(ROWS * COLS, 31);
    float[] x = Fixtures.gaussian(COLS, 32);
    float[][] column = reads(CimConfig.NoisePath.COLUMN, w, x);
    float[][] monteCarlo = reads(CimConfig.NoisePath.MONTE_CARLO, w, x);
    double[] m1 = mean(column);
    double[] m2 = mean(monteCarlo);
    double[] v1 = variance(column, m1);
    double[] v2 = variance(monteCarlo, m2);
    double[] analytic = analyticVariance(w, x);
    double sdLogRatio = Math.sqrt(4.0 / (TRIALS - 1));
    double pooledLog = 0;
    double pooledLogAnalytic = 0;
    for (int o = 0; o < ROWS; o++) {
      double z = (m1[o] - m2[o]) / Math.sqrt((v1[o] + v2[o]) / TRIALS);
      assertThat(Math.abs(z)).as("mean z of output %d", o).isLessThan(4.5);
      assertThat(Math.abs(Math.log(v1[o] / v2[o]))).as("variance ratio of output %d", o).isLessThan(4.5 * sdLogRatio);
      // Against the analytic variance the statistic has half the variance (one sample side).
      assertThat(Math.abs(Math.log(v1[o] / analytic[o]))).as("column vs analytic %d", o).isLessThan(4.5 * sdLogRatio / Math.sqrt(2));
      pooledLog += Math.log(v1[o] / v2[o]) / ROWS;
      pooledLogAnalytic += Math.log(v2[o] / analytic[o]) / ROWS;
    }
    assertThat(Math.abs(pooledLog)).isLessThan(5 * sdLogRatio / Math.sqrt(ROWS));
    assertThat(Math.abs(pooledLogAnalytic)).isLessThan(5 * sdLogRatio / Math.sqrt(2 * ROWS));
  }

  /**
   * Variance of each output from first principles: the input is scaled by its largest |x| and
   * converted by the 12-bit DAC; each cell's read noise is 5 % of its conductance; a weight unit is
   * scale/ΔG siemens.
   */
  private static double[] analyticVariance(float[] w, float[] x) {
    TiledAnalogMatrix m = new TiledAnalogMatrix(config(CimConfig.NoisePath.COLUMN), new TestCell(64, 0, 0.05, 0), ROWS, COLS, 5);
    m.program(w);
    Conductances g = m.conductances();
    double a = 0;
    for (float v : x) {
      a = Math.max(a, Math.abs(v));
    }
    double dMax = (1 << 11) - 1;
    double dg = 9e-6;
    double[] var = new double[ROWS];
    for (int r = 0; r < ROWS; r++) {
      double scale = 0;
      for (int c = 0; c < COLS; c++) {
        scale = Math.max(scale, Math.abs(w[r * COLS + c]));
      }
      double s = 0;
      for (int c = 0; c < COLS; c++) {
        double u = Math.round(x[c] / a * dMax) / dMax;
        double sp = 0.05 * g.plus(0, r, c);
        double sm = 0.05 * g.minus(0, r, c);
        s += u * u * (sp * sp + sm * sm);
      }
      var[r] = s * Math.pow(a * scale / dg, 2);
    }
    return var;
  }
}
