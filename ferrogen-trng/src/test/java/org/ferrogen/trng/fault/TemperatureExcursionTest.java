package org.ferrogen.trng.fault;

import static org.assertj.core.api.Assertions.assertThat;

import org.ferrogen.randomness.health.HealthMonitor;
import org.ferrogen.randomness.health.HealthTestConfig;
import org.ferrogen.randomness.health.HealthTestFailure;
import org.ferrogen.trng.NoiseSeed;
import org.ferrogen.trng.OperatingConditions;
import org.ferrogen.trng.design.StochasticCellArray;
import org.ferrogen.trng.design.TrngDesign;
import org.junit.jupiter.api.Test;

/**
 * A sudden temperature excursion of a cell array must be caught within the delay {@link
 * AlarmDelayModel} predicts for the bias the hot film produces. The step is faster than the bias
 * loop (one control decision per 256 bits of each cell), so the bias right after the step is the
 * open-loop one, measured on a twin array (same seed, loop frozen) held at the new temperature.
 */
class TemperatureExcursionTest {

  private static final long ONSET = 8192;

  private static StochasticCellArray array(long seed) {
    return new StochasticCellArray(
        StochasticCellArray.Config.defaults().withCells(4), TrngDesign.CELL.nominalConditions(), NoiseSeed.fromSeed(seed));
  }

  @Test
  void anExcursionFasterThanTheLoopIsCaughtWithinThePredictedDelay() {
    double delta = 80;
    int trials = 12;
    double observed = 0;
    double predicted = 0;
    for (int t = 0; t < trials; t++) {
      long seed = 100 + t;
      StochasticCellArray twin = array(seed);
      twin.setControlEnabled(false);
      OperatingConditions hot = twin.conditions().withTemperatureCelsius(twin.conditions().temperatureCelsius() + delta);
      twin.setConditions(hot);
      byte[] b = new byte[40_000];
      twin.read(b, 0, b.length);
      long ones = 0;
      for (byte x : b) {
        ones += x;
      }
      double p = (double) ones / b.length;
      HealthTestConfig config = HealthTestConfig.of(1, twin.info().claimedMinEntropyPerSample());
      AlarmDelayModel model = new AlarmDelayModel(
          config.repetitionCountCutoff(), config.window(), config.adaptiveProportionCutoff());
      predicted += model.expectedDelayBiased(p);

      FaultInjectingSource source = new FaultInjectingSource(array(seed), new Fault.TemperatureExcursion(ONSET, delta), seed);
      HealthMonitor monitor = new HealthMonitor(config);
      byte[] chunk = new byte[512];
      Long delay = null;
      while (delay == null) {
        source.read(chunk, 0, chunk.length);
        try {
          monitor.check(chunk, 0, chunk.length);
        } catch (HealthTestFailure e) {
          delay = e.alarm().sampleIndex() - ONSET + 1;
        }
        assertThat(source.position()).as("alarm within 10^6 samples").isLessThan(1_000_000);
      }
      assertThat(delay).as("no alarm before the excursion (trial %d)", t).isPositive();
      observed += delay;
    }
    observed /= trials;
    predicted /= trials;
    // +80 °C takes P(1) to ~0.9: the RCT fires within tens of samples. Tolerance: half the
    // prediction plus the RCT cutoff, for the spread of 12 trials and the mix of 4 cells' biases.
    assertThat(observed).isBetween(0.5 * predicted - 26, 1.5 * predicted + 26);
    assertThat(predicted).isLessThan(1000);
  }
}
