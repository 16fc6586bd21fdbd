package org.ferrogen.device.fefet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.ferrogen.device.AnalogCell.ProgramResult;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.ParameterSets;
import org.junit.jupiter.api.Test;

class FeFetCellTest {
  private static final DeviceParams FEFET = ParameterSets.byName("deng-2020-fefet");
  private static final FeFetCell CELL = FeFetCell.multiLevel(FEFET);

  @Test
  void thirtyTwoLevelsAreSeparatedByMoreThanThreeSigmaOfTheirReadSpread() {
    assertThat(CELL.levels()).isGreaterThanOrEqualTo(32);
    SplittableRandom rng = new SplittableRandom(42);
    int cells = 150;
    double spacing = (CELL.maxConductance() - CELL.minConductance()) / (CELL.levels() - 1);
    double[] mean = new double[CELL.levels()];
    double[] sigma = new double[CELL.levels()];
    for (int k = 0; k < CELL.levels(); k++) {
      double target = CELL.levelConductance(k);
      double tol = 0.2 * spacing / target;
      double s = 0;
      double s2 = 0;
      for (int i = 0; i < cells; i++) {
        ProgramResult r = CELL.program(target, tol, 60, rng);
        double read = r.conductance() + CELL.readNoiseSigma(r.conductance()) * rng.nextGaussian();
        s += read;
        s2 += read * read;
      }
      mean[k] = s / cells;
      sigma[k] = Math.sqrt(Math.max(0, s2 / cells - mean[k] * mean[k]));
    }
    for (int k = 1; k < CELL.levels(); k++) {
      assertThat(mean[k] - mean[k - 1])
          .as("levels %d and %d", k - 1, k)
          .isGreaterThan(3 * Math.max(sigma[k], sigma[k - 1]));
    }
  }

  @Test
  void conductanceRangeIsInThePublishedMultiLevelRange() {
    // Jerry et al. 2017: 45×; Kim et al. 2022: 33×.
    assertThat(CELL.maxConductance() / CELL.minConductance()).isBetween(30.0, 50.0);
  }

  @Test
  void memoryWindowIsBoundedByTwiceEcTimesThickness() {
    DeviceParams p = FEFET;
    var f = p.fefet();
    var wide =
        new org.ferrogen.device.params.FeFetParams(
            f.vthMidV(), 5.0, f.slopeFactor(), f.currentFactorAPerV2(), f.readGateV(),
            f.readDrainV(), f.readPulseS(), f.programPulseS(), f.maxProgramVoltageV(),
            f.eraseVoltageV(), f.erasePulseS(), f.vthReadSigmaV(), f.vthCycleSigmaV(),
            f.vthDeviceSigmaV());
    DeviceParams tooWide =
        new DeviceParams(p.name(), p.citation(), p.film(), p.kinetics(), p.ageing(), p.fecap(), wide, null);
    assertThatThrownBy(() -> FeFetCell.multiLevel(tooWide))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2·Ec·t_FE");
  }

  @Test
  void tooFewDomainsForTheLevelsIsAnError() {
    assertThatThrownBy(() -> new FeFetCell(FEFET, 32)).hasMessageContaining("20 domains");
  }

  @Test
  void programmingCostsPulsesEnergyAndTime() {
    ProgramResult r = CELL.program(CELL.levelConductance(16), 0.02, 50, new SplittableRandom(1));
    assertThat(r.pulses()).isBetween(2, 50);
    // Gate charging of a ~6 fF gate to a few volts plus switching: tens of fJ to a few pJ.
    assertThat(r.energyJoules()).isBetween(1e-14, 1e-11);
    assertThat(r.timeSeconds()).isGreaterThan(r.pulses() * 10e-9);
  }

  @Test
  void retentionLossIsAcceleratedByTemperature() {
    double g = CELL.levelConductance(28);
    double year = 365.25 * 86400;
    double cool = CELL.retainedConductance(g, year, 300);
    double hot = CELL.retainedConductance(g, year, 358);
    assertThat(cool).isLessThan(g);
    assertThat(g - hot).isGreaterThan(3 * (g - cool));
  }
}
