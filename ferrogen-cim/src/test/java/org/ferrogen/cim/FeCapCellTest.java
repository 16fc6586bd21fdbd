package org.ferrogen.cim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.UnaryOperator;
import org.ferrogen.device.cost.CostCategory;
import org.ferrogen.device.cost.CostReport;
import org.junit.jupiter.api.Test;

/**
 * The FeCAP charge-domain cell on small tiles: ideal accuracy within the stated bound, each
 * non-ideality moving the result the way its physics says, charge-domain energy, and the errors a
 * wrong configuration gets. Fixed seeds throughout; the statistical windows are stated per test.
 */
class FeCapCellTest {

  private static final int ROWS = 40;
  private static final int COLS = 96;
  private static final int BATCH = 20;
  private static final float[] W = Fixtures.gaussian(ROWS * COLS, 41);
  private static final float[] XS = Fixtures.gaussian(COLS * BATCH, 42);
  private static final float[] WANT = Fixtures.reference(W, ROWS, COLS, XS, BATCH);

  private static CimConfig.Cell fecap(String parameterSet) {
    return new CimConfig.Cell("fecap", parameterSet, 0, List.of(), 0, 0, 0.1, 1024);
  }

  /** An ideal chip on the default FeCAP cell with bit-serial 8-bit inputs and worst-case ADC ranges. */
  private static CimConfig ideal(int adcBits) {
    return Fixtures.smallTiles(CimConfig.defaults().ideal())
        .withCell(fecap(""))
        .withInput(new CimConfig.Input(CimConfig.InputEncoding.BIT_SERIAL, 8, CimConfig.InputScaling.PER_VECTOR_ABS_MAX, 1))
        .withAdc(new CimConfig.Adc(adcBits, CimConfig.AdcRange.WORST_CASE, 4, 8));
  }

  private static float[] run(CimConfig c, float[] xs, int batch) {
    TiledAnalogMatrix m = new TiledAnalogMatrix(c, ROWS, COLS, 13);
    m.program(W);
    float[] ys = new float[ROWS * batch];
    m.multiplyBatch(xs, ys, batch);
    return ys;
  }

  private static float[] run(CimConfig c) {
    return run(c, XS, BATCH);
  }

  private static CimConfig with(CimConfig c, UnaryOperator<CimConfig.NonIdealities> change) {
    return c.withNonIdealities(change.apply(CimConfig.NonIdealities.none()));
  }

  @Test
  void theYamlCellTypeBuildsTheFecapCell() {
    CimConfig c =
        CimConfigLoader.parse(
            "cell: {type: fecap}\ntile: {rows: 128, cols: 128}\ninput: {encoding: BIT_SERIAL}\n", "fecap.yaml");
    TiledAnalogMatrix m = new TiledAnalogMatrix(c, 8, 8, 1);
    assertThat(m.cell()).isInstanceOf(FeCapChargeCell.class);
    assertThat(m.cell().levels()).isEqualTo(8);
    // The CEA read pulse (3 V, 2 µs) switches the woken-up film completely.
    assertThat(((FeCapChargeCell) m.cell()).switchedFraction()).isGreaterThan(0.99);
  }

  @Test
  void idealChipStaysWithinTheQuantisationBound() {
    TiledAnalogMatrix m = new TiledAnalogMatrix(ideal(8), ROWS, COLS, 13);
    m.program(W);
    for (int trial = 0; trial < 5; trial++) {
      float[] x = Fixtures.gaussian(COLS, 200 + trial);
      float[] y = new float[ROWS];
      m.multiply(x, y);
      float[] want = Fixtures.reference(W, ROWS, COLS, x, 1);
      double[] bound = m.quantisationBound(x);
      for (int r = 0; r < ROWS; r++) {
        assertThat((double) Math.abs(y[r] - want[r])).as("output %d", r).isLessThanOrEqualTo(bound[r]);
      }
    }
  }

  /**
   * kT/C noise: repeated reads of one input on a 24-bit-ADC chip (LSB far below the noise) are
   * identical without read noise and spread with it; the spread doubles with the noise scale. The
   * pooled variance ratio over 40 outputs × 199 degrees of freedom has a log standard deviation of
   * √(2·2/(40·199)) ≈ 0.022, so the window ln 4 ± 0.2 is ≈ 9σ wide (false-failure rate < 1e-15).
   */
  @Test
  void readNoiseIsThermalAndScalesWithItsFactor() {
    int reads = 200;
    float[] xs = new float[COLS * reads];
    for (int t = 0; t < reads; t++) {
      System.arraycopy(XS, 0, xs, t * COLS, COLS);
    }
    float[] quiet = run(ideal(24), xs, reads);
    for (int k = ROWS; k < quiet.length; k++) {
      assertThat(quiet[k]).isEqualTo(quiet[k % ROWS]);
    }
    double[] once = variances(run(with(ideal(24), n -> n.withReadNoise(new CimConfig.ReadNoise(true, 1, CimConfig.NoisePath.COLUMN))), xs, reads), reads);
    double[] twice = variances(run(with(ideal(24), n -> n.withReadNoise(new CimConfig.ReadNoise(true, 2, CimConfig.NoisePath.COLUMN))), xs, reads), reads);
    double sumOnce = 0;
    double sumTwice = 0;
    for (int r = 0; r < ROWS; r++) {
      assertThat(once[r]).isPositive();
      sumOnce += once[r];
      sumTwice += twice[r];
    }
    assertThat(Math.log(sumTwice / sumOnce)).isBetween(Math.log(4) - 0.2, Math.log(4) + 0.2);
    // Femtofarad capacitors: thermal noise is far below the signal (rms output ≈ √COLS).
    assertThat(Math.sqrt(sumOnce / ROWS)).isLessThan(1e-2 * Math.sqrt(COLS));
  }

  private static double[] variances(float[] ys, int reads) {
    double[] v = new double[ROWS];
    for (int r = 0; r < ROWS; r++) {
      double mean = 0;
      for (int t = 0; t < reads; t++) {
        mean += ys[t * ROWS + r] / (double) reads;
      }
      for (int t = 0; t < reads; t++) {
        double d = ys[t * ROWS + r] - mean;
        v[r] += d * d / (reads - 1);
      }
    }
    return v;
  }

  /**
   * Device-to-device spread of the capacitors' polarization: the error against the float product
   * grows with its σ. 800 outputs average the effect; the steps are several standard errors apart.
   */
  @Test
  void deviceToDeviceVariationGrowsTheError() {
    CimConfig fine = ideal(12);
    double none = Fixtures.relativeL2(run(fine), WANT);
    double small = Fixtures.relativeL2(run(with(fine, n -> n.withDeviceToDevice(new CimConfig.Variation(true, 0.05)))), WANT);
    double large = Fixtures.relativeL2(run(with(fine, n -> n.withDeviceToDevice(new CimConfig.Variation(true, 0.17)))), WANT);
    assertThat(small).isGreaterThan(none);
    assertThat(large).isGreaterThan(1.5 * small);
  }

  /**
   * Programming on a film whose read pulse switches only part of the domains (Deng 2020 MFM fit,
   * ≈ 68 %): the binomial count of switched domains moves the outputs off the ideal chip's, and
   * verify with re-writes pulls them back.
   */
  @Test
  void partialSwitchingProgrammingErrorShrinksWithVerify() {
    CimConfig mfm = ideal(16).withCell(fecap("deng-2020-mfm"));
    float[] exact = run(mfm);
    double open = Fixtures.relativeL2(run(with(mfm, n -> n.withProgramming(new CimConfig.Programming(true, 0.0, 1)))), exact);
    double verified = Fixtures.relativeL2(run(with(mfm, n -> n.withProgramming(new CimConfig.Programming(true, 0.001, 100)))), exact);
    assertThat(open).isGreaterThan(1e-3);
    assertThat(verified).isLessThan(0.5 * open);
  }

  /**
   * Ten years at 85 °C cost 10 % of the switched polarization by construction of the parameter set
   * (ferrogen-device ParameterSets), while the dielectric charge stays: the outputs shrink by 0.9.
   */
  @Test
  void retentionShrinksTheOutputsByThePolarizationLoss() {
    CimConfig fine = ideal(16);
    float[] fresh = run(fine);
    float[] aged = run(with(fine, n -> n.withRetention(new CimConfig.Retention(true, 10 * 365.25 * 86400, 358.15))));
    double cross = 0;
    double norm = 0;
    for (int k = 0; k < fresh.length; k++) {
      cross += (double) aged[k] * fresh[k];
      norm += (double) fresh[k] * fresh[k];
    }
    assertThat(cross / norm).isBetween(0.88, 0.92);
  }

  @Test
  void energyIsChargedAsCapacitanceNotReadCurrent() {
    float[] x = Fixtures.gaussian(COLS, 7);
    CostReport at28 = estimate(ideal(8), x);
    CostReport at130 = estimate(ideal(8).withTechnology(new CimConfig.Technology("130nm")), x);
    // No I·V·t term: the cell energy does not depend on the node's read-integration time.
    assertThat(at130.energy(CostCategory.CELL_READ)).isEqualTo(at28.energy(CostCategory.CELL_READ));
    assertThat(at28.energy(CostCategory.DAC)).isZero();
    assertThat(at28.energy(CostCategory.BIT_LINE)).isPositive();
    // One full-scale input drives one word line in 7 magnitude pulses; its 2·ROWS cells each take
    // between C_D·V² (level 0) and (2·C_max − C_D)·V² (top level, write-back included) per pulse.
    float[] one = new float[COLS];
    one[5] = 1;
    FeCapChargeCell cell = (FeCapChargeCell) CellLibrary.create(fecap(""));
    double v = cell.readVoltage();
    double cd = cell.dielectricCapacitanceFarads();
    double cMax = cell.maxConductance() * cell.integrationSeconds();
    double cells = 7 * 2 * ROWS;
    assertThat(estimate(ideal(8), one).energy(CostCategory.CELL_READ))
        .isBetween(cells * cd * v * v, cells * (2 * cMax - cd) * v * v);
    // A conductance cell has no bit-line charging term.
    TiledAnalogMatrix conductance = new TiledAnalogMatrix(CimConfig.defaults(), TestCell.ideal(), ROWS, COLS, 1);
    conductance.program(W);
    assertThat(conductance.estimate(x).energy(CostCategory.BIT_LINE)).isZero();
  }

  private static CostReport estimate(CimConfig c, float[] x) {
    TiledAnalogMatrix m = new TiledAnalogMatrix(c, ROWS, COLS, 13);
    m.program(W);
    return m.estimate(x);
  }

  @Test
  void unsupportedConfigurationsAreRejectedWithTheReason() {
    CimConfig ok = ideal(8);
    assertThatThrownBy(() -> new TiledAnalogMatrix(ok.withInput(CimConfig.defaults().input()), 8, 8, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("input.encoding = DAC")
        .hasMessageContaining("BIT_SERIAL");
    assertThatThrownBy(() -> new TiledAnalogMatrix(ok.withTile(new CimConfig.Tile(256, 64)), 8, 8, 1))
        .hasMessageContaining("tile 256x64")
        .hasMessageContaining("at most 128 cells");
    assertThatThrownBy(() -> new TiledAnalogMatrix(with(ok, n -> n.withIrDrop(new CimConfig.IrDrop(true, 1))), 8, 8, 1))
        .hasMessageContaining("nonIdealities.irDrop");
    assertThatThrownBy(() -> CellLibrary.create(new CimConfig.Cell("fecap", "", 6, List.of(), 0, 0, 0.1, 1024)))
        .hasMessageContaining("cell.levels = 6")
        .hasMessageContaining("power of two");
    assertThatThrownBy(() -> CellLibrary.create(fecap("no-such-set")))
        .hasMessageContaining("cell (fecap)")
        .hasMessageContaining("no-such-set");
  }
}
