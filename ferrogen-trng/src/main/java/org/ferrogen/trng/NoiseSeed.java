package org.ferrogen.trng;

import java.security.SecureRandom;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Seeds the noise generator that drives a simulated source's physics (thermal noise, stochastic
 * domain nucleation, jitter). A simulation's randomness is only as unpredictable as this seed: by
 * default it comes from the host's {@link SecureRandom} (40 bytes into an L64X256MixRandom, whose
 * state is 320 bits), so output is not reproducible; an explicit seed makes an experiment
 * repeatable and its output fully predictable. Neither is certified entropy: the physics is
 * simulated.
 */
public final class NoiseSeed {

  private static final String ALGORITHM = "L64X256MixRandom";

  private NoiseSeed() {}

  /** A noise generator seeded from the host's SecureRandom. */
  public static RandomGenerator.SplittableGenerator fromHost() {
    byte[] seed = new byte[40];
    new SecureRandom().nextBytes(seed);
    return RandomGeneratorFactory.<RandomGenerator.SplittableGenerator>of(ALGORITHM).create(seed);
  }

  /** A reproducible noise generator. */
  public static RandomGenerator.SplittableGenerator fromSeed(long seed) {
    return RandomGeneratorFactory.<RandomGenerator.SplittableGenerator>of(ALGORITHM).create(seed);
  }

  /** {@link #fromSeed} when a seed is given, else {@link #fromHost}. */
  public static RandomGenerator.SplittableGenerator of(OptionalLong seed) {
    return seed.isPresent() ? fromSeed(seed.getAsLong()) : fromHost();
  }
}
