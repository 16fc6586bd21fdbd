package org.ferrogen.trng.pipeline;

import java.util.Optional;
import org.ferrogen.randomness.health.HealthAlarm;
import org.ferrogen.randomness.health.HealthState;

/**
 * A snapshot of an {@link EntropyPipeline}'s counters.
 *
 * @param healthState the health monitor's state (FAILED: output stopped)
 * @param rawSamples raw samples drawn from the source (all checked by the health tests)
 * @param conditionedBlocks SHA-256 outputs produced
 * @param reseeds DRBG instantiations and reseeds
 * @param outputBytes bytes delivered to callers
 * @param repetitionCountAlarms alarms of the repetition count test
 * @param adaptiveProportionAlarms alarms of the adaptive proportion test
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
    Optional<HealthAlarm> lastAlarm) {}
