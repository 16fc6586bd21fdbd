package org.ferrogen.cim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The cells from ferrogen-device behind the configuration's cell types. */
class DeviceCellsTest {

  private static double error(CimConfig c) {
    TiledAnalogMatrix m = new TiledAnalogMatrix(c, 48, 80, 3);
    MvmExperiment.Result r = MvmExperiment.run(m, Fixtures.gaussian(48 * 80, 4), 40, 5);
    return r.relativeL2Error();
  }

  @Test
  void defaultFefetChipComputesToAFewPerCent() {
    CimConfig c = Fixtures.smallTiles(CimConfig.defaults());
    assertThat(new TiledAnalogMatrix(c, 4, 4, 1).cell().name()).startsWith("fefet");
    // 32-level FeFET, 8-bit converters, verify to 2 %, device read noise: a few per cent, not zero.
    assertThat(error(c)).isBetween(0.005, 0.12);
  }

  @Test
  void eightLevelMemristorIsCoarserThanTheFefet() {
    CimConfig fefet = Fixtures.smallTiles(CimConfig.defaults());
    CimConfig memristor = fefet.withCell(new CimConfig.Cell("memristor", "", 0, java.util.List.of(), 0, 0, 0.1, 1024));
    assertThat(error(memristor)).isGreaterThan(1.5 * error(fefet));
  }
}
