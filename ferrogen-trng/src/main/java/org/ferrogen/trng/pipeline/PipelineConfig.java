package org.ferrogen.trng.pipeline;

import java.util.Objects;
import org.ferrogen.randomness.drbg.DrbgMechanism;

/**
 * Configuration of an {@link EntropyPipeline}. The health-test policy and its arithmetic are in
 * docs/health-and-drbg.md ("Alarm policy at 200 Mb/s").
 *
 * @param drbg the SP 800-90A mechanism that stretches conditioned entropy
 * @param alpha false-positive probability of each continuous health test, 2^-40..2^-20 (SP 800-90B
 *     section 4.4)
 * @param startupSamples samples of the start-up health test (SP 800-90B section 4.3: at least 1024),
 *     run at creation and after every intermittent alarm
 * @param reseedAfterBytes output bytes after which the DRBG is reseeded with fresh conditioned
 *     entropy (SP 800-90A allows far more; frequent reseeding keeps the output tied to the source)
 * @param predictionResistance reseed before every request (SP 800-90A prediction resistance; slow)
 * @param persistenceWindowSamples raw samples over which alarms are counted to tell an intermittent
 *     alarm from a persistent failure
 * @param persistentAlarms alarms within that window that make a failure persistent; 0 derives it
 *     from the predicted false-alarm rate so that a healthy source reaches it with probability
 *     below 2^-40 per window
 * @param recoveryStartupSamples samples of the start-up test an explicit {@code reset()} runs after
 *     a persistent failure (longer than the power-up test, so that faults whose alarms are merely
 *     frequent rather than immediate, such as a lag-1 correlation, keep the pipeline closed)
 * @param healthSamplesPerOutputByte continuous health sampling: before each request the pipeline
 *     draws and tests this many fresh raw samples per output byte and feeds them, conditioned, to the
 *     DRBG as additional input; this bounds the output between a fault's onset and its alarm to the
 *     detection latency divided by this figure (0 = raw samples only at reseeds)
 * @param laneTests also run the tests on each physical cell of a multi-cell source
 */
public record PipelineConfig(
    DrbgMechanism drbg,
    double alpha,
    int startupSamples,
    long reseedAfterBytes,
    boolean predictionResistance,
    long persistenceWindowSamples,
    int persistentAlarms,
    int recoveryStartupSamples,
    double healthSamplesPerOutputByte,
    boolean laneTests) {

  /** 2^-20 per SP 800-90B section 4.4. */
  public static final double DEFAULT_ALPHA = 0x1p-20;
  /** Largest alpha SP 800-90B allows. */
  public static final double MAX_ALPHA = 0x1p-20;
  /** Smallest alpha SP 800-90B allows. */
  public static final double MIN_ALPHA = 0x1p-40;

  public PipelineConfig {
    Objects.requireNonNull(drbg, "drbg");
    if (!(alpha >= MIN_ALPHA && alpha <= MAX_ALPHA)) {
      throw new IllegalArgumentException(
          "health-test alpha must be between 2^-40 and 2^-20 (SP 800-90B 4.4), got " + alpha);
    }
    if (startupSamples < 1024) {
      throw new IllegalArgumentException("start-up test needs at least 1024 samples (SP 800-90B 4.3), got " + startupSamples);
    }
    if (reseedAfterBytes < 1) {
      throw new IllegalArgumentException("reseed interval must be at least 1 byte, got " + reseedAfterBytes);
    }
    if (persistenceWindowSamples < 1) {
      throw new IllegalArgumentException("persistence window must be at least 1 sample, got " + persistenceWindowSamples);
    }
    if (persistentAlarms < 0) {
      throw new IllegalArgumentException("persistent alarm count must be >= 0 (0 = derived), got " + persistentAlarms);
    }
    if (recoveryStartupSamples < startupSamples) {
      throw new IllegalArgumentException("recovery start-up test (" + recoveryStartupSamples
          + " samples) must be at least the start-up test (" + startupSamples + ")");
    }
    if (!(healthSamplesPerOutputByte >= 0 && healthSamplesPerOutputByte <= 1e6)) {
      throw new IllegalArgumentException(
          "health samples per output byte must be in 0..1e6, got " + healthSamplesPerOutputByte);
    }
  }

  /**
   * CTR_DRBG/AES-256 (the fastest mechanism on CPUs with AES instructions), α = 2^-20, a 1024-sample
   * start-up test, reseed every MiB, alarms counted over 2^24 samples (0.07 s at 236 Mb/s) with a
   * derived persistence count, a 2^16-sample recovery test, no continuous sampling, lane tests on.
   */
  public static PipelineConfig defaults() {
    return new PipelineConfig(DrbgMechanism.CTR_AES256, DEFAULT_ALPHA, 1024, 1L << 20, false,
        1L << 24, 0, 1 << 16, 0, true);
  }

  public PipelineConfig withDrbg(DrbgMechanism mechanism) {
    return new PipelineConfig(mechanism, alpha, startupSamples, reseedAfterBytes, predictionResistance,
        persistenceWindowSamples, persistentAlarms, recoveryStartupSamples, healthSamplesPerOutputByte, laneTests);
  }

  public PipelineConfig withAlpha(double newAlpha) {
    return new PipelineConfig(drbg, newAlpha, startupSamples, reseedAfterBytes, predictionResistance,
        persistenceWindowSamples, persistentAlarms, recoveryStartupSamples, healthSamplesPerOutputByte, laneTests);
  }

  public PipelineConfig withReseedAfterBytes(long bytes) {
    return new PipelineConfig(drbg, alpha, startupSamples, bytes, predictionResistance,
        persistenceWindowSamples, persistentAlarms, recoveryStartupSamples, healthSamplesPerOutputByte, laneTests);
  }

  public PipelineConfig withPredictionResistance(boolean on) {
    return new PipelineConfig(drbg, alpha, startupSamples, reseedAfterBytes, on,
        persistenceWindowSamples, persistentAlarms, recoveryStartupSamples, healthSamplesPerOutputByte, laneTests);
  }

  public PipelineConfig withHealthSamplesPerOutputByte(double samplesPerByte) {
    return new PipelineConfig(drbg, alpha, startupSamples, reseedAfterBytes, predictionResistance,
        persistenceWindowSamples, persistentAlarms, recoveryStartupSamples, samplesPerByte, laneTests);
  }

  public PipelineConfig withLaneTests(boolean on) {
    return new PipelineConfig(drbg, alpha, startupSamples, reseedAfterBytes, predictionResistance,
        persistenceWindowSamples, persistentAlarms, recoveryStartupSamples, healthSamplesPerOutputByte, on);
  }

  public PipelineConfig withPersistence(long windowSamples, int alarms) {
    return new PipelineConfig(drbg, alpha, startupSamples, reseedAfterBytes, predictionResistance,
        windowSamples, alarms, recoveryStartupSamples, healthSamplesPerOutputByte, laneTests);
  }
}
