package org.ferrogen.randomness.drbg;

/**
 * Supplies entropy input to a DRBG for instantiation, reseeding and prediction resistance
 * (the Get_entropy_input function of SP 800-90A section 9).
 */
@FunctionalInterface
public interface EntropyInputSource {

    /**
     * Returns a fresh array holding at least {@code minEntropyBits} bits of min-entropy, at least
     * {@code minEntropyBits / 8} bytes long. The DRBG zeroises the array after use.
     *
     * @throws RuntimeException when no entropy is available (e.g. a failed health test); the DRBG
     *         then produces no output for that request
     */
    byte[] entropyInput(int minEntropyBits);
}
