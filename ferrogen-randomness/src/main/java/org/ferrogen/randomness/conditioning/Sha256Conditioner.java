package org.ferrogen.randomness.conditioning;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Vetted conditioning component of SP 800-90B section 3.1.5.1.1 built on SHA-256 (n_out = nw = 256):
 * a block of raw samples (one per byte, in the low {@code bitsPerSample} bits) is hashed into 32 bytes,
 * and the output entropy is accounted with {@link ConditioningEntropy} (section 3.1.5.1.2), taking
 * n_in = samples × bitsPerSample and h_in = samples × claimed entropy per sample. Hashing the bytes as
 * they are is an injective encoding of that n_in-bit string, so no packing is needed.
 *
 * <p>Not thread-safe (one reused {@link MessageDigest}).
 */
public final class Sha256Conditioner {

    public static final int OUTPUT_BYTES = 32;
    public static final int OUTPUT_BITS = 256;
    /** SHA-256's narrowest internal width (its chaining state). */
    public static final int NARROWEST_WIDTH = 256;

    private final int bitsPerSample;
    private final double entropyPerSample;
    private final MessageDigest digest;

    /**
     * @param bitsPerSample width of one raw sample, 1..8
     * @param entropyPerSample claimed min-entropy per sample, in (0, bitsPerSample]
     */
    public Sha256Conditioner(int bitsPerSample, double entropyPerSample) {
        if (bitsPerSample < 1 || bitsPerSample > 8) {
            throw new IllegalArgumentException("bitsPerSample must be in 1..8, got " + bitsPerSample);
        }
        if (!(entropyPerSample > 0.0) || entropyPerSample > bitsPerSample) {
            throw new IllegalArgumentException("entropy per sample must lie in (0, " + bitsPerSample + "], got "
                    + entropyPerSample);
        }
        this.bitsPerSample = bitsPerSample;
        this.entropyPerSample = entropyPerSample;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** Entropy accounting for one block of {@code samples} raw samples. */
    public ConditioningEntropy accountFor(int samples) {
        return ConditioningEntropy.of((long) samples * bitsPerSample, samples * entropyPerSample, OUTPUT_BITS,
                NARROWEST_WIDTH);
    }

    /**
     * Smallest number of samples per block whose output counts as full entropy
     * ({@link ConditioningEntropy#fullEntropy()}).
     */
    public int samplesForFullEntropy() {
        int samples = (int) Math.ceil(OUTPUT_BITS / entropyPerSample);
        while (!accountFor(samples).fullEntropy()) {
            samples++;
        }
        return samples;
    }

    /**
     * Hashes {@code samples[from..to)} into {@code output[offset..offset+32)}.
     *
     * @return the entropy accounting of this block
     */
    public ConditioningEntropy condition(byte[] samples, int from, int to, byte[] output, int offset) {
        Objects.checkFromToIndex(from, to, samples.length);
        Objects.checkFromIndexSize(offset, OUTPUT_BYTES, output.length);
        if (to == from) {
            throw new IllegalArgumentException("cannot condition an empty block of samples");
        }
        digest.update(samples, from, to - from);
        try {
            digest.digest(output, offset, OUTPUT_BYTES);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        return accountFor(to - from);
    }
}
