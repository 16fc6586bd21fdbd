package org.ferrogen.cim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.ferrogen.device.AnalogCell;
import org.ferrogen.device.fefet.FeFetCell;
import org.ferrogen.device.params.ParameterSets;
import org.junit.jupiter.api.Test;

/** Program-and-verify outcomes drawn from tables of simulated experiments. */
class SampledProgrammingCellTest {

  private static final AnalogCell FEFET = FeFetCell.multiLevel(ParameterSets.byName(ParameterSets.DENG_2020_FEFET));

  @Test
  void tablesAreReproducibleAndEveryOutcomeIsOneOfTheExperiments() {
    SampledProgrammingCell a = new SampledProgrammingCell(FEFET, 256, 7);
    SampledProgrammingCell b = new SampledProgrammingCell(FEFET, 256, 7);
    double target = FEFET.minConductance() + 0.5 * (FEFET.maxConductance() - FEFET.minConductance());
    SplittableRandom ra = new SplittableRandom(1);
    SplittableRandom rb = new SplittableRandom(1);
    for (int i = 0; i < 100; i++) {
      assertThat(a.program(target, 0.02, 20, ra)).isEqualTo(b.program(target, 0.02, 20, rb));
    }
  }

  /**
   * The table's outcomes follow the cell model's distribution: mean and spread of 512 drawn cells
   * match 512 cells programmed directly within 4 standard errors (false-failure rate below 1e-4 per
   * comparison for Gaussian-like outcomes; fixed seeds, so the test is deterministic).
   */
  @Test
  void drawnOutcomesMatchDirectProgrammingInDistribution() {
    SampledProgrammingCell sampled = new SampledProgrammingCell(FEFET, 1024, 3);
    double target = FEFET.minConductance() + 0.3 * (FEFET.maxConductance() - FEFET.minConductance());
    int n = 512;
    double[] direct = new double[n];
    double[] drawn = new double[n];
    SplittableRandom r = new SplittableRandom(11);
    for (int i = 0; i < n; i++) {
      direct[i] = FEFET.program(target, 0.02, 20, r).conductance();
      drawn[i] = sampled.program(target, 0.02, 20, r).conductance();
    }
    double md = mean(direct);
    double ms = mean(drawn);
    double sd = Math.sqrt(variance(direct, md));
    assertThat(Math.abs(md - ms)).isLessThan(4 * sd * Math.sqrt(2.0 / n));
    assertThat(Math.sqrt(variance(drawn, ms))).isBetween(0.7 * sd, 1.3 * sd);
  }

  @Test
  void readNoiseIsTheCellsRoundedToFloatMemoisedOrNot() {
    SampledProgrammingCell sampled = new SampledProgrammingCell(FEFET, 64, 1);
    float g = (float) (0.5 * (FEFET.minConductance() + FEFET.maxConductance()));
    double first = sampled.readNoiseSigma(g);
    assertThat(first).isEqualTo((float) FEFET.readNoiseSigma(g));
    assertThat(sampled.readNoiseSigma(g)).isEqualTo(first);
    assertThat(sampled.readNoiseSigma(g * 1.0000001)).isEqualTo((double) (float) FEFET.readNoiseSigma(g * 1.0000001));
  }

  @Test
  void chargeDomainCellsAndTinyTablesAreRefused() {
    assertThatThrownBy(() -> new SampledProgrammingCell(FEFET, 10, 1)).hasMessageContaining("must be >= 64");
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double variance(double[] v, double m) {
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return s / (v.length - 1);
  }
}
