package org.ferrogen.trng.jca;

import java.security.SecureRandomParameters;
import org.ferrogen.trng.pipeline.PipelineStatus;

/**
 * What {@code SecureRandom.getParameters()} returns for a FerroGen instance: the parameters it was
 * created with and a snapshot of its pipeline's counters (alarms of every health test, intermittent
 * alarms, persistent failures, start-up tests run). {@code status} is null before the first request
 * (the pipeline starts lazily).
 */
public record FerroGenStatus(FerroGenParameters parameters, PipelineStatus status) implements SecureRandomParameters {}
