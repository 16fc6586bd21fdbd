package org.ferrogen.randomness.conditioning;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The vetted conditioning component of SP 800-90B section 3.1.5.1.1: SHA-256 over a block of raw
 * samples. Binary samples are packed eight to a byte (most significant first) before hashing, so
 * n_in is exactly the number of raw bits; wider samples enter one per byte and count their
 * {@code bitsPerSample} bits. Not thread-safe.
 */
public final class Sha256Conditioner {

  /** n_out of SHA-256. */
  public static final int OUTPUT_BITS = 256;
  /** nw of SHA-256: its chaining state is 256 bits wide. */
  public static final int NARROWEST_WIDTH = 256;

  private final MessageDigest sha256;
  private final int bitsPerSample;
  private byte[] packed = new byte[0];

  public Sha256Conditioner(int bitsPerSample) {
    if (bitsPerSample < 1 || bitsPerSample > 8) {
      throw new IllegalArgumentException("bitsPerSample must be in 1..8, got " + bitsPerSample);
    }
    this.bitsPerSample = bitsPerSample;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK offers no SHA-256", e);
    }
  }

  /**
   * Conditions {@code length} samples whose min-entropy is {@code claimedEntropyPerSample} each and
   * returns the 32-byte output with its entropy account.
   */
  public Conditioned condition(byte[] samples, int offset, int length, double claimedEntropyPerSample) {
    if (length < 1) {
      throw new IllegalArgumentException("conditioning needs at least one sample, got " + length);
    }
    if (bitsPerSample == 1) {
      int bytes = (length + 7) >>> 3;
      if (packed.length < bytes) {
        packed = new byte[bytes];
      }
      java.util.Arrays.fill(packed, 0, bytes, (byte) 0);
      for (int i = 0; i < length; i++) {
        packed[i >>> 3] |= (byte) ((samples[offset + i] & 1) << (7 - (i & 7)));
      }
      sha256.update(packed, 0, bytes);
    } else {
      sha256.update(samples, offset, length);
    }
    byte[] out = sha256.digest();
    long nIn = (long) length * bitsPerSample;
    OutputEntropy account =
        OutputEntropy.of(nIn, OUTPUT_BITS, NARROWEST_WIDTH, Math.min(nIn, claimedEntropyPerSample * length));
    return new Conditioned(out, account);
  }

  /**
   * Samples needed for one full-entropy output block at the claimed entropy per sample: the
   * smallest count whose {@link OutputEntropy#fullEntropy()} holds.
   */
  public int samplesForFullEntropy(double claimedEntropyPerSample) {
    if (!(claimedEntropyPerSample > 0 && claimedEntropyPerSample <= bitsPerSample)) {
      throw new IllegalArgumentException(
          "claimed entropy per sample must be in (0, " + bitsPerSample + "], got " + claimedEntropyPerSample);
    }
    int samples = (int) Math.ceil((OUTPUT_BITS + OutputEntropy.FULL_ENTROPY_EPSILON_EXPONENT) / claimedEntropyPerSample);
    while (!OutputEntropy.of((long) samples * bitsPerSample, OUTPUT_BITS, NARROWEST_WIDTH,
        Math.min((double) samples * bitsPerSample, samples * claimedEntropyPerSample)).fullEntropy()) {
      samples += 8;
    }
    return samples;
  }

  /** One conditioned block: 32 bytes and its entropy account. */
  public record Conditioned(byte[] output, OutputEntropy account) {}
}
