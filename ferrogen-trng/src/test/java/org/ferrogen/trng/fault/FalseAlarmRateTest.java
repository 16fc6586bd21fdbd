package org.ferrogen.trng.fault;

import static org.assertj.core.api.Assertions.assertThat;

import org.ferrogen.randomness.health.HealthMonitor;
import org.ferrogen.randomness.health.HealthTestConfig;
import org.ferrogen.randomness.health.HealthTestFailure;
import org.ferrogen.trng.IdealBinarySource;
import org.ferrogen.trng.NoiseSeed;
import org.junit.jupiter.api.Test;

/**
 * A healthy source's false-alarm count must match the rate the cutoffs imply. With α = 2^-12 (a
 * larger α than in service, so that 4·10^6 samples see hundreds of alarms) the count is Poisson;
 * the bound of four standard deviations fails by chance with probability ≈ 6e-5. The 10^9-sample
 * check at α = 2^-20 is the CLI experiment {@code trng health-experiment}.
 */
class FalseAlarmRateTest {

  @Test
  void idealSourceRaisesFalseAlarmsAtThePredictedRate() {
    HealthTestConfig config = new HealthTestConfig(1, 1.0, 0x1p-12, 1024);
    AlarmDelayModel model = new AlarmDelayModel(
        config.repetitionCountCutoff(), config.window(), config.adaptiveProportionCutoff());
    HealthMonitor monitor = new HealthMonitor(config);
    IdealBinarySource source = IdealBinarySource.fair(NoiseSeed.fromSeed(2024));
    long samples = 4_000_000;
    byte[] chunk = new byte[4096];
    long alarms = 0;
    long checked = 0;
    while (checked < samples) {
      source.read(chunk, 0, chunk.length);
      int from = 0;
      while (from < chunk.length) {
        long before = monitor.samplesChecked();
        try {
          monitor.check(chunk, from, chunk.length);
          from = chunk.length;
        } catch (HealthTestFailure e) {
          alarms++;
          from += (int) (monitor.samplesChecked() - before);
          monitor.reset();
        }
      }
      checked += chunk.length;
    }
    double expected = samples * model.falseAlarmRatePerSampleIdeal();
    assertThat((double) alarms).isBetween(expected - 4 * Math.sqrt(expected), expected + 4 * Math.sqrt(expected));
    // And the rate is of the order of alpha per sample, as SP 800-90B intends.
    assertThat(alarms / (double) samples).isBetween(0x1p-14, 0x1p-10);
  }
}
