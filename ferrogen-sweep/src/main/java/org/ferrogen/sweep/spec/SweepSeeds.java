package org.ferrogen.sweep.spec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.ferrogen.device.seed.StreamSeeds;

/**
 * A sweep's seeds, derived by hashing through {@link StreamSeeds} (never by adding offsets): a
 * point's seed is a function of the sweep seed and the point's coordinates only, so it does not
 * change when the grid grows, is reordered or is split differently across tasks. Coordinates are
 * text ({@code path=value} lines), so they enter as the first 64 bits of their SHA-256.
 */
public final class SweepSeeds {

  /** Purpose tags of a sweep's streams. */
  public static final long POINT = 0x5EE9_0001L;
  public static final long WEIGHTS = 0x5EE9_0002L;
  public static final long INPUTS = 0x5EE9_0003L;
  public static final long CHIP = 0x5EE9_0004L;

  private SweepSeeds() {}

  /** The seed of the point whose canonical coordinates are {@code coordinates}. */
  public static long pointSeed(long sweepSeed, String coordinates) {
    return StreamSeeds.derive(sweepSeed, POINT, sha256First64("ferrogen-sweep coordinates\n" + coordinates));
  }

  /** A point's stream for {@code purpose} ({@link #WEIGHTS}, {@link #INPUTS}, {@link #CHIP}). */
  public static long derive(long pointSeed, long purpose) {
    return StreamSeeds.derive(pointSeed, purpose);
  }

  /** The point's identifier: 16 hexadecimal digits of the hash of its coordinates (seed-independent). */
  public static String pointId(String coordinates) {
    return String.format("%016x", sha256First64("ferrogen-sweep point id\n" + coordinates));
  }

  private static long sha256First64(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
