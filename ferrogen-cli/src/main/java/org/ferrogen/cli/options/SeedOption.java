package org.ferrogen.cli.options;

import java.security.SecureRandom;
import java.util.OptionalLong;
import org.ferrogen.device.seed.StreamSeeds;
import picocli.CommandLine.Option;

/**
 * {@code --seed S}. One default policy for every command: without {@code --seed}, the seed is
 * drawn from the host's {@link SecureRandom} and reported (text and JSON {@code seed}), so any run
 * can be repeated exactly by passing the reported value. The TRNG byte stream ({@code ferrogen
 * trng}), which reports nothing, seeds its physics from SecureRandom directly.
 */
public final class SeedOption {

  @Option(names = "--seed", paramLabel = "S",
      description = "Seed of every random choice (default: drawn from the host's SecureRandom and reported, so a run can be repeated with --seed).")
  Long seed;

  private Long drawn;

  /** The seed: the given one, or one drawn once from SecureRandom. */
  public synchronized long value() {
    if (seed != null) {
      return seed;
    }
    if (drawn == null) {
      drawn = new SecureRandom().nextLong();
    }
    return drawn;
  }

  /** The seed when --seed was given. */
  public OptionalLong given() {
    return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
  }

  /**
   * The seed of one named stream of randomness (the chip's programming noise, the i-th sample),
   * derived by hashing ({@code StreamSeeds}, the one derivation utility), never by adding: seeds S and S+1 must
   * not give overlapping streams.
   */
  public long derive(String stream) {
    return org.ferrogen.device.seed.StreamSeeds.derive(value(), stream);
  }

  /** Sets the seed as if given on the command line (the demo fixes its seeds). */
  public void set(long value) {
    seed = value;
  }
}
