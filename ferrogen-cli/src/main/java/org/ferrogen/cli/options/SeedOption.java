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
   * The seed of one named stream of randomness (the chip, the inputs, the i-th continuation),
   * derived from this seed by {@link StreamSeeds}, the one derivation utility (hashing, never adding).
   */
  public long derive(String stream) {
    return derive(value(), stream);
  }

  /**
   * {@code seed}'s stream named {@code stream}: the name's UTF-8 bytes, eight to a coordinate (an
   * injective naming), absorbed by {@link StreamSeeds#derive(long, long...)}.
   */
  public static long derive(long seed, String stream) {
    byte[] b = stream.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    long[] coordinates = new long[(b.length + 7) / 8 + 1];
    coordinates[0] = b.length;
    for (int i = 0; i < b.length; i++) {
      coordinates[1 + i / 8] |= (b[i] & 0xFFL) << (8 * (i % 8));
    }
    return StreamSeeds.derive(seed, coordinates);
  }

  /** Sets the seed as if given on the command line (the demo fixes its seeds). */
  public void set(long value) {
    seed = value;
  }
}
