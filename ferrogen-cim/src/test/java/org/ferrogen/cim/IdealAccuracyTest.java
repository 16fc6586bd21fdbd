package org.ferrogen.cim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdealAccuracyTest {

  private static final int ROWS = 70;
  private static final int COLS = 100;

  private static void assertWithinBound(CimConfig config) {
    float[] w = Fixtures.gaussian(ROWS * COLS, 1);
    TiledAnalogMatrix m = new TiledAnalogMatrix(config, TestCell.ideal(), ROWS, COLS, 7);
    m.program(w);
    for (int trial = 0; trial < 5; trial++) {
      float[] x = Fixtures.gaussian(COLS, 100 + trial);
      float[] y = new float[ROWS];
      m.multiply(x, y);
      float[] want = Fixtures.reference(w, ROWS, COLS, x, 1);
      double[] bound = m.quantisationBound(x);
      for (int r = 0; r < ROWS; r++) {
        assertThat((double) Math.abs(y[r] - want[r])).as("output %d", r).isLessThanOrEqualTo(bound[r]);
      }
    }
  }

  private static CimConfig ideal() {
    CimConfig d = CimConfig.defaults().ideal();
    return Fixtures.smallTiles(d.withAdc(new CimConfig.Adc(8, CimConfig.AdcRange.WORST_CASE, 4, 8)));
  }

  @Test
  void dacInputsAndOneSliceStayWithinTheStatedBound() {
    assertWithinBound(ideal());
  }

  @Test
  void bitSerialInputsAndTwoSlicesStayWithinTheStatedBound() {
    CimConfig c =
        ideal()
            .withInput(new CimConfig.Input(CimConfig.InputEncoding.BIT_SERIAL, 6, CimConfig.InputScaling.PER_VECTOR_ABS_MAX, 1))
            .withMapping(new CimConfig.Mapping(CimConfig.WeightScaling.PER_MATRIX, 3, 2, true));
    assertWithinBound(c);
  }

  @Test
  void theBoundIsTightEnoughToMatter() {
    // With 8-bit converters the bound is a few per cent of the output scale, not a vacuous number.
    float[] w = Fixtures.gaussian(ROWS * COLS, 1);
    TiledAnalogMatrix m = new TiledAnalogMatrix(ideal(), TestCell.ideal(), ROWS, COLS, 7);
    m.program(w);
    float[] x = Fixtures.gaussian(COLS, 3);
    float[] want = Fixtures.reference(w, ROWS, COLS, x, 1);
    double[] bound = m.quantisationBound(x);
    double rms = 0;
    double meanBound = 0;
    for (int r = 0; r < ROWS; r++) {
      rms += want[r] * want[r];
      meanBound += bound[r];
    }
    assertThat(meanBound / ROWS).isLessThan(0.5 * Math.sqrt(rms / ROWS));
  }

  @Test
  void fineConvertersAndAnalogWeightsReproduceTheFloatProduct() {
    CimConfig c =
        ideal()
            .withAdc(new CimConfig.Adc(20, CimConfig.AdcRange.WORST_CASE, 4, 8))
            .withInput(new CimConfig.Input(CimConfig.InputEncoding.DAC, 20, CimConfig.InputScaling.PER_VECTOR_ABS_MAX, 1))
            .withMapping(new CimConfig.Mapping(CimConfig.WeightScaling.PER_OUTPUT, 0, 1, false));
    float[] w = Fixtures.gaussian(ROWS * COLS, 2);
    TiledAnalogMatrix m = new TiledAnalogMatrix(c, TestCell.ideal(), ROWS, COLS, 7);
    m.program(w);
    int batch = 6;
    float[] xs = Fixtures.gaussian(COLS * batch, 4);
    float[] ys = new float[ROWS * batch];
    m.multiplyBatch(xs, ys, batch);
    assertThat(Fixtures.relativeL2(ys, Fixtures.reference(w, ROWS, COLS, xs, batch))).isLessThan(1e-4);
    float[] we = m.effectiveWeights();
    assertThat(Fixtures.relativeL2(we, w)).isLessThan(1e-5);
  }

  @Test
  void transposedProductMatchesTheTransposedFloatProduct() {
    CimConfig c =
        ideal()
            .withAdc(new CimConfig.Adc(16, CimConfig.AdcRange.WORST_CASE, 4, 8))
            .withInput(new CimConfig.Input(CimConfig.InputEncoding.DAC, 16, CimConfig.InputScaling.PER_VECTOR_ABS_MAX, 1));
    float[] w = Fixtures.gaussian(ROWS * COLS, 5);
    TiledAnalogMatrix m = new TiledAnalogMatrix(c, TestCell.ideal(), ROWS, COLS, 7);
    m.program(w);
    float[] wt = new float[COLS * ROWS];
    for (int r = 0; r < ROWS; r++) {
      for (int k = 0; k < COLS; k++) {
        wt[k * ROWS + r] = w[r * COLS + k];
      }
    }
    int batch = 3;
    float[] ds = Fixtures.gaussian(ROWS * batch, 6);
    float[] xs = new float[COLS * batch];
    m.multiplyTransposedBatch(ds, xs, batch);
    // 6-bit weights (64-level cell): ≈ 1/(2·63·√3) relative weight error.
    assertThat(Fixtures.relativeL2(xs, Fixtures.reference(wt, COLS, ROWS, ds, batch))).isLessThan(0.02);
  }

  @Test
  void resultsDoNotDependOnTheThreadCount() {
    CimConfig noisy = Fixtures.smallTiles(CimConfig.defaults());
    float[] w = Fixtures.gaussian(ROWS * COLS, 8);
    float[] xs = Fixtures.gaussian(COLS * 5, 9);
    float[][] out = new float[2][ROWS * 5];
    int[] threads = {1, 3};
    for (int k = 0; k < 2; k++) {
      TiledAnalogMatrix m = new TiledAnalogMatrix(noisy.withThreads(threads[k]), new TestCell(64, 0.01, 0.02, 0), ROWS, COLS, 11);
      m.program(w);
      m.multiplyBatch(xs, out[k], 5);
    }
    assertThat(out[1]).containsExactly(out[0]);
  }
}
