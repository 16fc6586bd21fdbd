package org.ferrogen.trng.pipeline;

import java.util.Objects;
import org.ferrogen.randomness.drbg.DrbgMechanism;

/**
 * Configuration of an {@link EntropyPipeline}.
 *
 * @param drbg the SP 800-90A mechanism that stretches conditioned entropy
 * @param alpha false-positive probability of each continuous health test (SP 800-90B recommends
 *     2^-20)
 * @param startupSamples samples of the start-up health test (SP 800-90B section 4.3: at least 1024)
 * @param reseedAfterBytes output bytes after which the DRBG is reseeded with fresh conditioned
 *     entropy (SP 800-90A allows far more; frequent reseeding keeps the output tied to the source)
 * @param predictionResistance reseed before every request (SP 800-90A prediction resistance; slow)
 */
public record PipelineConfig(
    DrbgMechanism drbg,
    double alpha,
    int startupSamples,
    long reseedAfterBytes,
    boolean predictionResistance) {

  /** 2^-20 per SP 800-90B section 4.4. */
  public static final double DEFAULT_ALPHA = 0x1p-20;

  public PipelineConfig {
    Objects.requireNonNull(drbg, "drbg");
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("health-test alpha must be in (0, 1), got " + alpha);
    }
    if (startupSamples < 1024) {
      throw new IllegalArgumentException("start-up test needs at least 1024 samples (SP 800-90B 4.3), got " + startupSamples);
    }
    if (reseedAfterBytes < 1) {
      throw new IllegalArgumentException("reseed interval must be at least 1 byte, got " + reseedAfterBytes);
    }
  }

  /**
   * CTR_DRBG/AES-256 (the fastest mechanism on CPUs with AES instructions), α = 2^-20, a 1024-sample
   * start-up test, reseed every MiB.
   */
  public static PipelineConfig defaults() {
    return new PipelineConfig(DrbgMechanism.CTR_AES256, DEFAULT_ALPHA, 1024, 1L << 20, false);
  }

  public PipelineConfig withDrbg(DrbgMechanism mechanism) {
    return new PipelineConfig(mechanism, alpha, startupSamples, reseedAfterBytes, predictionResistance);
  }

  public PipelineConfig withAlpha(double newAlpha) {
    return new PipelineConfig(drbg, newAlpha, startupSamples, reseedAfterBytes, predictionResistance);
  }

  public PipelineConfig withReseedAfterBytes(long bytes) {
    return new PipelineConfig(drbg, alpha, startupSamples, bytes, predictionResistance);
  }
}
