package org.ferrogen.device.fefet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.ParameterSets;
import org.junit.jupiter.api.Test;

class FeFetTest {
  private static final DeviceParams FEFET = ParameterSets.byName("deng-2020-fefet");

  @Test
  void eraseAndProgramOpenTheMemoryWindow() {
    FeFet fet = new FeFet(FEFET, new SplittableRandom(1));
    fet.addCycles(1000); // woken up
    fet.erase(300);
    double high = fet.thresholdVoltage();
    fet.pulse(5.0, 1e-6, 300);
    double low = fet.thresholdVoltage();
    assertThat(high - low).isBetween(0.9 * FEFET.fefet().memoryWindowV(), 1.0 * FEFET.fefet().memoryWindowV());
    // The low-threshold state conducts far more at the read bias, and subthreshold current rises
    // exponentially with gate voltage (≈ n·60 mV per decade).
    assertThat(fet.drainCurrent(FEFET.fefet().readGateV(), 0.1, 300)).isGreaterThan(0);
    double i1 = fet.drainCurrent(low - 0.3, 0.1, 300);
    double i2 = fet.drainCurrent(low - 0.2, 0.1, 300);
    double swing = 0.1 / Math.log10(i2 / i1);
    assertThat(swing).isBetween(0.07, 0.09);
    // Above threshold and in saturation the current grows roughly quadratically with overdrive.
    double a = fet.drainCurrent(low + 0.5, 2.0, 300);
    double b = fet.drainCurrent(low + 1.0, 2.0, 300);
    assertThat(b / a).isBetween(3.0, 4.5);
  }

  @Test
  void smallDevicesShowDeviceToDeviceSpreadOfPartialSwitching() {
    // Same partial-switching pulse on many 20-domain devices: the threshold spread across devices
    // comes from domain statistics (≈ MW/2·2/√N) plus the threshold offsets.
    int devices = 300;
    double s = 0;
    double s2 = 0;
    SplittableRandom rng = new SplittableRandom(4);
    for (int i = 0; i < devices; i++) {
      FeFet fet = new FeFet(FEFET, rng);
      fet.addCycles(1000);
      fet.erase(300);
      fet.pulse(2.05, 75e-9, 300);
      double v = fet.thresholdVoltage();
      s += v;
      s2 += v * v;
    }
    double sigma = Math.sqrt(s2 / devices - (s / devices) * (s / devices));
    // Binomial part alone: MW·√(p(1−p)/N) ≈ 1 V·0.11 = 0.11 V for N = 20, p ≈ 0.5.
    assertThat(sigma).isBetween(0.07, 0.16);
  }
}
