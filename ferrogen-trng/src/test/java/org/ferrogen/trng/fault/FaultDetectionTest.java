package org.ferrogen.trng.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.ferrogen.randomness.health.HealthMonitor;
import org.ferrogen.randomness.health.HealthTestConfig;
import org.ferrogen.randomness.health.HealthTestFailure;
import org.ferrogen.trng.EntropySource;
import org.ferrogen.trng.IdealBinarySource;
import org.ferrogen.trng.NoiseSeed;
import org.junit.jupiter.api.Test;

/**
 * Each injected fault must raise a health-test alarm within the delay {@link AlarmDelayModel}
 * predicts. The sources are the exact reference source, so any mismatch is the formulas' or the
 * tests' fault. Trials use fixed seeds; the tolerance of each mean is four standard errors plus one
 * APT window (window alignment), a false-failure probability below 1e-4 per assertion.
 */
class FaultDetectionTest {

  private static final long ONSET = 4096;
  private static final HealthTestConfig CONFIG = HealthTestConfig.of(1, 1.0);
  private static final AlarmDelayModel MODEL = new AlarmDelayModel(
      CONFIG.repetitionCountCutoff(), CONFIG.window(), CONFIG.adaptiveProportionCutoff());

  /** Samples from the onset to the alarm (inclusive), or -1 if the alarm came before the onset. */
  private static long delay(Fault fault, long seed, long maxSamples) {
    EntropySource source =
        new FaultInjectingSource(IdealBinarySource.fair(NoiseSeed.fromSeed(seed)), fault, seed + 1);
    HealthMonitor monitor = new HealthMonitor(CONFIG);
    byte[] chunk = new byte[256];
    for (long done = 0; done < maxSamples; done += chunk.length) {
      source.read(chunk, 0, chunk.length);
      try {
        monitor.check(chunk, 0, chunk.length);
      } catch (HealthTestFailure e) {
        long index = e.alarm().sampleIndex();
        return index < ONSET ? -1 : index - ONSET + 1;
      }
    }
    throw new AssertionError("no alarm within " + maxSamples + " samples for " + fault);
  }

  private static long[] delays(Fault fault, int trials, long maxSamples) {
    long[] d = new long[trials];
    for (int t = 0; t < trials; t++) {
      d[t] = delay(fault, 1000L * t + 17, maxSamples);
    }
    return d;
  }

  /**
   * The delays of trials whose first alarm came after the onset. A healthy source false-alarms
   * within the 4096 samples before the onset with probability ≈ 4096 · 2^-21 = 0.002 per trial, so
   * more than one such trial in a test is itself a failure.
   */
  private static long[] afterOnset(long[] delays) {
    long[] valid = Arrays.stream(delays).filter(x -> x > 0).toArray();
    assertThat(delays.length - valid.length).as("trials with a false alarm before the onset").isLessThanOrEqualTo(1);
    return valid;
  }

  private static void assertMeanNear(long[] delays, double predicted) {
    long[] valid = afterOnset(delays);
    double mean = Arrays.stream(valid).average().orElseThrow();
    double sd = Math.sqrt(Arrays.stream(valid).mapToDouble(x -> (x - mean) * (x - mean)).sum() / (valid.length - 1));
    double tolerance = 4 * sd / Math.sqrt(valid.length) + CONFIG.window();
    assertThat(mean).as("mean delay vs predicted %.1f", predicted).isBetween(predicted - tolerance, predicted + tolerance);
  }

  @Test
  void totalFailureIsCaughtByTheRepetitionCountWithinItsCutoff() {
    long[] d = afterOnset(delays(new Fault.TotalFailure(ONSET, 0), 50, 1 << 16));
    assertThat(Arrays.stream(d).min().orElseThrow()).isGreaterThanOrEqualTo(1L);
    assertThat(Arrays.stream(d).max().orElseThrow()).isLessThanOrEqualTo(MODEL.stuckSourceMaximumDelay());
    // A run of zeros already under way shortens the delay by its length (mean 1, geometric).
    assertThat(Arrays.stream(d).average().orElseThrow()).isGreaterThan(MODEL.stuckSourceMaximumDelay() - 3.0);
  }

  @Test
  void wholeSourceStuckBehavesLikeTotalFailure() {
    long[] d = afterOnset(delays(new Fault.StuckCell(ONSET, 0, 1, 1), 50, 1 << 16));
    assertThat(Arrays.stream(d).min().orElseThrow()).isGreaterThanOrEqualTo(1L);
    assertThat(Arrays.stream(d).max().orElseThrow()).isLessThanOrEqualTo(MODEL.stuckSourceMaximumDelay());
  }

  @Test
  void oneStuckCellOfFourIsCaughtByTheAdaptiveProportionTest() {
    // One lane in four forced to 1: P(1) = 5/8 on average. Lane 0 starts every APT window.
    assertMeanNear(delays(new Fault.StuckCell(ONSET, 0, 4, 1), 100, 1 << 22), MODEL.expectedDelayStuckLane(0, 4));
    assertMeanNear(delays(new Fault.StuckCell(ONSET, 3, 4, 1), 100, 1 << 22), MODEL.expectedDelayStuckLane(3, 4));
  }

  @Test
  void aStationaryBiasIsCaughtAsPredicted() {
    // A source born biased (P(1) = 0.6): the alarm delay counts from its first sample.
    long[] d = new long[100];
    for (int t = 0; t < d.length; t++) {
      IdealBinarySource biased = new IdealBinarySource(NoiseSeed.fromSeed(31L * t), 0.6, 1.0);
      HealthMonitor monitor = new HealthMonitor(CONFIG);
      byte[] chunk = new byte[256];
      while (d[t] == 0) {
        biased.read(chunk, 0, chunk.length);
        try {
          monitor.check(chunk, 0, chunk.length);
        } catch (HealthTestFailure e) {
          d[t] = e.alarm().sampleIndex() + 1;
        }
      }
    }
    assertMeanNear(d, MODEL.expectedDelayBiased(0.6));
  }

  @Test
  void biasDriftIsCaughtWhenTheProportionCrossesTheCutoff() {
    double rate = 2e-5;
    assertMeanNear(delays(new Fault.BiasDrift(ONSET, rate, 1), 100, 1 << 22), MODEL.expectedDelayBiasDrift(rate));
  }

  @Test
  void lagOneCorrelationIsCaughtByLongRuns() {
    double r = 0.6;
    assertMeanNear(delays(new Fault.CorrelatedOutput(ONSET, r), 200, 1 << 22), MODEL.expectedDelayCorrelated(r));
  }

  @Test
  void predictionsOrderFaultsBySeverity() {
    assertThat(MODEL.expectedDelayBiased(0.7)).isLessThan(MODEL.expectedDelayBiased(0.6));
    assertThat(MODEL.expectedDelayCorrelated(0.8)).isLessThan(MODEL.expectedDelayCorrelated(0.5));
    // An ideal source's expected time to a false alarm is of the order of 1/alpha samples.
    assertThat(MODEL.expectedDelayBiased(0.5)).isBetween(0x1p18, 0x1p22);
  }
}
