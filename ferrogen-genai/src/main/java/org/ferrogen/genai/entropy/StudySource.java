package org.ferrogen.genai.entropy;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import org.ferrogen.chip.Chip;
import org.ferrogen.chip.spec.ChipSpecs;
import org.ferrogen.trng.EntropySource;
import org.ferrogen.trng.IdealBinarySource;
import org.ferrogen.trng.NoiseSeed;
import org.ferrogen.trng.fault.Fault;
import org.ferrogen.trng.fault.FaultInjectingSource;

/**
 * The randomness a generative workload can be fed in the randomness-quality study: the healthy
 * ferroelectric TRNG pipeline, a seeded PRNG, and degraded raw sources handed over without health
 * tests or conditioning (as a broken or bypassed pipeline would). Every source is reproducible from
 * its seed.
 */
public enum StudySource {
  TRNG("trng", "the default chip's ferroelectric TRNG pipeline (health tests, SHA-256, DRBG)", Double.NaN),
  PRNG("prng", "seeded PRNG (L64X256MixRandom)", Double.NaN),
  BIAS_055("bias-0.55", "raw bits, P(1) = 0.55, no conditioning", 0.55),
  BIAS_060("bias-0.6", "raw bits, P(1) = 0.6, no conditioning", 0.6),
  BIAS_075("bias-0.75", "raw bits, P(1) = 0.75, no conditioning", 0.75),
  LAG1("lag1-0.5", "raw fair bits repeating their predecessor with probability 0.5 (lag-1 correlation 0.5)", 0.5),
  LOW_ENTROPY("periodic-4096", "raw fair bits repeating with a period of 4096 bits (4096 bits of entropy in all)", 0.5),
  STUCK("stuck", "raw bits stuck at 0 (a dead sense amplifier)", 0.0),
  ANALOG_NOISE("analog-noise", "no random numbers: argmax of the output head's own noisy reads on the default chip's"
      + " tiles (reads averaged to match T; language model only)", Double.NaN);

  private static final int LOW_ENTROPY_PERIOD_BITS = 4096;

  private final String key;
  private final String description;
  private final double probabilityOfOne;

  StudySource(String key, String description, double probabilityOfOne) {
    this.key = key;
    this.description = description;
    this.probabilityOfOne = probabilityOfOne;
  }

  public String key() {
    return key;
  }

  public String description() {
    return description;
  }

  /** Whether the source reaches the workload without health tests and conditioning. */
  public boolean isRaw() {
    return this != TRNG && this != PRNG && this != ANALOG_NOISE;
  }

  /**
   * False for {@link #ANALOG_NOISE}: it replaces the sampler (the chip's read noise picks the token)
   * rather than feeding one random numbers, so it serves the language-model workload only.
   */
  public boolean drawsRandomNumbers() {
    return this != ANALOG_NOISE;
  }

  /** Long-run fraction of ones of the raw source (NaN for the pipelines). */
  public double probabilityOfOne() {
    return probabilityOfOne;
  }

  /**
   * The random generator a workload draws from.
   *
   * @param rawWordBudget for a raw source, the 64-bit words the workload may draw before it is
   *     declared hung ({@link RawBitsGenerator}); a healthy run needs far fewer
   */
  public RandomGenerator open(long seed, long rawWordBudget) {
    return switch (this) {
      case TRNG -> new Chip(ChipSpecs.preset(ChipSpecs.DEFAULT_PRESET), seed, 1).trng(OptionalLong.of(seed));
      case PRNG -> NoiseSeed.fromSeed(seed);
      case ANALOG_NOISE -> throw new IllegalArgumentException("analog-noise draws no random numbers");
      default -> new RawBitsGenerator(rawSource(seed).orElseThrow(), rawWordBudget);
    };
  }

  /** The raw binary source behind a degraded entry (empty for the two pipelines). */
  public Optional<EntropySource> rawSource(long seed) {
    RandomGenerator noise = NoiseSeed.fromSeed(seed);
    EntropySource fair = IdealBinarySource.fair(noise);
    return Optional.ofNullable(switch (this) {
      case TRNG, PRNG, ANALOG_NOISE -> null;
      case BIAS_055, BIAS_060, BIAS_075 -> new IdealBinarySource(noise, probabilityOfOne, 1.0);
      case LAG1 -> new FaultInjectingSource(fair, new Fault.CorrelatedOutput(0, 0.5), seed);
      case LOW_ENTROPY -> new PeriodicSource(noise, LOW_ENTROPY_PERIOD_BITS);
      case STUCK -> new FaultInjectingSource(fair, new Fault.TotalFailure(0, 0), seed);
    });
  }

  public static StudySource fromKey(String key) {
    for (StudySource s : values()) {
      if (s.key.equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown randomness source '" + key + "' (valid: "
        + String.join(", ", java.util.Arrays.stream(values()).map(StudySource::key).toList()) + ")");
  }
}
