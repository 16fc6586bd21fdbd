package org.ferrogen.trng.pipeline;

import java.util.Optional;
import org.ferrogen.randomness.health.HealthAlarm;
import org.ferrogen.randomness.health.HealthState;

/**
 * A snapshot of an {@link EntropyPipeline}'s counters.
 *
 * @param healthState FAILED while the pipeline is closed by a persistent failure
 * @param rawSamples raw samples drawn from the source (all checked by the health tests)
 * @param conditionedBlocks SHA-256 outputs produced
 * @param reseeds DRBG instantiations and reseeds
 * @param outputBytes bytes delivered to callers
 * @param repetitionCountAlarms alarms of the stream repetition count test
 * @param adaptiveProportionAlarms alarms of the stream adaptive proportion test
 * @param laneAlarms alarms of the per-cell tests
 * @param intermittentAlarms alarms after which a start-up test passed and output resumed
 * @param persistentFailures times the pipeline closed (until an explicit reset)
 * @param startupTests start-up tests run (power-up, after intermittent alarms, resets)
 * @param lastAlarm the most recent alarm
 */
public record PipelineStatus(
    HealthState healthState,
    long rawSamples,
    long conditionedBlocks,
    long reseeds,
    long outputBytes,
    long repetitionCountAlarms,
    long adaptiveProportionAlarms,
    long laneAlarms,
    long intermittentAlarms,
    long persistentFailures,
    long startupTests,
    Optional<HealthAlarm> lastAlarm) {

  /** Alarms of every test. */
  public long totalAlarms() {
    return repetitionCountAlarms + adaptiveProportionAlarms + laneAlarms;
  }
}
