package org.ferrogen.trng.jca;

import java.security.SecureRandomParameters;
import java.util.Objects;
import java.util.OptionalLong;
import org.ferrogen.trng.OperatingConditions;
import org.ferrogen.trng.design.TrngDesign;
import org.ferrogen.trng.pipeline.PipelineConfig;

/**
 * Parameters for {@code SecureRandom.getInstance(algorithm, parameters, provider)}: which simulated
 * design, in which environment, with which pipeline, and optionally a fixed noise seed for a
 * reproducible (and therefore predictable) experiment.
 *
 * @param design the circuit design
 * @param conditions temperature, supply noise, device size, age; null for the design's nominal
 * @param pipeline health-test, conditioning and DRBG settings
 * @param noiseSeed fixed seed of the simulated physics; empty to seed from the host's SecureRandom
 */
public record FerroGenParameters(
    TrngDesign design, OperatingConditions conditions, PipelineConfig pipeline, OptionalLong noiseSeed)
    implements SecureRandomParameters {

  public FerroGenParameters {
    Objects.requireNonNull(design, "design");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(noiseSeed, "noiseSeed");
    if (conditions == null) {
      conditions = design.nominalConditions();
    }
  }

  /** Nominal conditions, default pipeline, noise seeded from the host. */
  public static FerroGenParameters of(TrngDesign design) {
    return new FerroGenParameters(design, null, PipelineConfig.defaults(), OptionalLong.empty());
  }

  /** Nominal conditions, default pipeline, a fixed noise seed (reproducible experiments only). */
  public static FerroGenParameters reproducible(TrngDesign design, long seed) {
    return new FerroGenParameters(design, null, PipelineConfig.defaults(), OptionalLong.of(seed));
  }
}
