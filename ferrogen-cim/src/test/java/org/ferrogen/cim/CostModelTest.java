package org.ferrogen.cim;

import static org.assertj.core.api.Assertions.assertThat;

import org.ferrogen.device.cost.CostCategory;
import org.ferrogen.device.cost.CostReport;
import org.junit.jupiter.api.Test;

class CostModelTest {

  @Test
  void laleni2024MacroLandsWithinTwoTimesOfItsReportedEfficiency() {
    CimConfig c = ReferenceMacros.laleni2024();
    TiledAnalogMatrix m = new TiledAnalogMatrix(c, 64, 64, 1);
    MvmExperiment.Result r = MvmExperiment.run(m, Fixtures.gaussian(64 * 64, 2), 200, 3);
    double tw = r.costPerMvm().macroTopsPerWatt();
    assertThat(tw).isBetween(ReferenceMacros.LALENI_2024_TOPS_PER_WATT / 2, ReferenceMacros.LALENI_2024_TOPS_PER_WATT * 2);
  }

  @Test
  void adcEnergyDoublesPerBitAndLedgerAccumulates() {
    float[] w = Fixtures.gaussian(64 * 128, 4);
    float[] x = Fixtures.gaussian(128, 5);
    CostReport[] per = new CostReport[2];
    int[] bits = {6, 7};
    for (int k = 0; k < 2; k++) {
      CimConfig c = CimConfig.defaults().withAdc(new CimConfig.Adc(bits[k], CimConfig.AdcRange.STATISTICAL, 4, 8));
      TiledAnalogMatrix m = new TiledAnalogMatrix(c, TestCell.ideal(), 64, 128, 1);
      m.program(w);
      CostReport before = m.ledger().snapshot();
      float[] y = new float[64];
      m.multiply(x, y);
      m.multiply(x, y);
      per[k] = m.ledger().snapshot().minus(before);
      assertThat(per[k].mvms()).isEqualTo(2);
      assertThat(per[k].operations()).isEqualTo(2L * 2 * 64 * 128);
      assertThat(m.ledger().snapshot().energy(CostCategory.PROGRAMMING)).isPositive();
    }
    assertThat(per[1].energy(CostCategory.ADC) / per[0].energy(CostCategory.ADC)).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(per[1].energy(CostCategory.DAC)).isEqualTo(per[0].energy(CostCategory.DAC));
  }

  @Test
  void cellReadEnergyFollowsConductanceAndInputPower() {
    // Inputs are normalised per vector, so cell energy depends on how many word lines are driven and
    // how hard: one full-scale entry drives one line, 64 full-scale entries drive all 64.
    float[] w = Fixtures.gaussian(32 * 64, 6);
    CimConfig c = CimConfig.defaults().ideal();
    TiledAnalogMatrix m = new TiledAnalogMatrix(c, TestCell.ideal(), 32, 64, 1);
    m.program(w);
    float[] one = new float[64];
    one[3] = 1;
    float[] all = new float[64];
    java.util.Arrays.fill(all, 1);
    double eOne = m.estimate(one).energy(CostCategory.CELL_READ);
    double eAll = m.estimate(all).energy(CostCategory.CELL_READ);
    assertThat(eAll / eOne).isBetween(40.0, 90.0);
    // Energy of the single driven line: V²·t·ΣG over its 2·32 cells, each between 1 and 10 µS.
    double v = 0.2;
    double t = 10e-9;
    assertThat(eOne).isBetween(v * v * t * 64 * 1e-6, v * v * t * 64 * 10e-6);
  }
}
