package org.ferrogen.sweep.spec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Seeds and identifiers derived by hashing (SHA-256), never by adding offsets: a point's seed is a
 * function of the sweep seed and the point's coordinates only, so it does not change when the grid
 * grows, is reordered or is split differently across tasks, and neighbouring points do not share
 * overlapping streams.
 */
public final class SweepSeeds {

  private SweepSeeds() {}

  /** The seed of the point whose canonical coordinates are {@code coordinates}. */
  public static long pointSeed(long sweepSeed, String coordinates) {
    return first64Bits("ferrogen-sweep point seed\n" + sweepSeed + "\n" + coordinates);
  }

  /** A sub-stream seed of a point (for example "weights", "inputs", "chip"). */
  public static long derive(long pointSeed, String stream) {
    return first64Bits("ferrogen-sweep stream\n" + pointSeed + "\n" + stream);
  }

  /** The point's identifier: 16 hexadecimal digits of the hash of its coordinates (seed-independent). */
  public static String pointId(String coordinates) {
    return String.format("%016x", first64Bits("ferrogen-sweep point id\n" + coordinates));
  }

  private static long first64Bits(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
