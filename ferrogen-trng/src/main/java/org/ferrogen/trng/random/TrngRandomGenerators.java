package org.ferrogen.trng.random;

import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import org.ferrogen.trng.NoiseSeed;
import org.ferrogen.trng.design.TrngDesign;
import org.ferrogen.trng.pipeline.EntropyPipeline;
import org.ferrogen.trng.pipeline.PipelineConfig;

/**
 * One-line access to the TRNG as a {@link RandomGenerator}, for samplers: a design at its nominal
 * conditions, the default pipeline (health tests, SHA-256, CTR_DRBG/AES-256) and a buffered
 * adapter. The result is not thread-safe; create one per thread.
 */
public final class TrngRandomGenerators {

  private TrngRandomGenerators() {}

  /** Seeded from the host's SecureRandom (unpredictable to the extent that is). */
  public static BufferedRandomGenerator create(TrngDesign design) {
    return create(design, OptionalLong.empty());
  }

  /** With a fixed noise seed: reproducible runs of an experiment (predictable output). */
  public static BufferedRandomGenerator reproducible(TrngDesign design, long seed) {
    return create(design, OptionalLong.of(seed));
  }

  public static BufferedRandomGenerator create(TrngDesign design, OptionalLong seed) {
    EntropyPipeline pipeline = new EntropyPipeline(
        design.create(design.nominalConditions(), NoiseSeed.of(seed)), PipelineConfig.defaults());
    return new BufferedRandomGenerator(pipeline);
  }
}
