package org.ferrogen.trng;

/**
 * The hardware seam of the TRNG: a noise source that delivers raw samples and describes itself. A
 * real chip's driver implements the same interface as the simulated designs, so the health tests,
 * the conditioner, the DRBG and the Java adapters work unchanged on either.
 *
 * <p>Samples are delivered one per byte, in the low {@link SourceInfo#bitsPerSample()} bits, which is
 * the sample format of NIST SP 800-90B's assessment tools. Implementations are not thread-safe; the
 * pipeline that owns a source serialises access to it.
 */
public interface EntropySource {

  /** What the source is, what it claims and what each sample costs. */
  SourceInfo info();

  /**
   * Fills {@code samples[offset, offset + length)} with the next raw samples, in the order the
   * hardware produced them.
   */
  void read(byte[] samples, int offset, int length);

  /**
   * Physical cells the samples come from, read round-robin: sample {@code k} (counted from the
   * source's first sample) comes from cell {@code k mod lanes()}. The pipeline runs its health tests
   * per cell as well when this is above 1, so that one stuck or biased cell among many is caught.
   */
  default int lanes() {
    return 1;
  }

  /** Convenience for a single sample. */
  default int next() {
    byte[] one = new byte[1];
    read(one, 0, 1);
    return one[0];
  }
}
