package org.ferrogen.randomness.drbg;

/**
 * A deterministic random bit generator of NIST SP 800-90A Rev. 1 (section 9 functions).
 *
 * <p>Life cycle: {@code instantiate} → any number of {@code reseed}/{@code generate} →
 * {@code uninstantiate} (zeroises the internal state; any later call except {@code instantiate} throws
 * {@link IllegalStateException}). An empty additional input or personalization string is the same as
 * none (SP 800-90A treats a zero-length string as Null).
 *
 * <p>Implementations are not thread-safe; wrap them (e.g. synchronize) to share one between threads.
 */
public interface Drbg extends AutoCloseable {

    /** SP 800-90A Table 2/3 limit: at most 2^19 bits (64 KiB) per generate request. */
    int MAX_BYTES_PER_REQUEST = 1 << 16;

    /** SP 800-90A Table 2/3 limit on the reseed interval: 2^48 requests. */
    long MAX_RESEED_INTERVAL = 1L << 48;

    /** The mechanism, e.g. {@link DrbgMechanism#HMAC_SHA256}. */
    DrbgMechanism mechanism();

    /** Security strength in bits (256 for every mechanism offered here). */
    default int securityStrength() {
        return mechanism().securityStrength();
    }

    /**
     * Instantiate from caller-supplied entropy input (at least {@code securityStrength/8} bytes of
     * full-entropy input), a nonce and an optional personalization string.
     */
    void instantiate(byte[] entropyInput, byte[] nonce, byte[] personalization);

    /** Instantiate with entropy input drawn from the configured {@link EntropyInputSource}. */
    void instantiate(byte[] nonce, byte[] personalization);

    /** Reseed from caller-supplied entropy input and optional additional input. */
    void reseed(byte[] entropyInput, byte[] additionalInput);

    /** Reseed with entropy input drawn from the configured {@link EntropyInputSource}. */
    void reseed(byte[] additionalInput);

    /**
     * Generate {@code length} bytes (at most {@link #MAX_BYTES_PER_REQUEST}) into {@code output[offset..]}.
     *
     * <p>With {@code predictionResistance} the DRBG first reseeds from its entropy source (with the
     * additional input). When the reseed counter has passed the reseed interval, it reseeds from the
     * entropy source, or throws {@link ReseedRequiredException} when it has none.
     */
    void generate(byte[] output, int offset, int length, byte[] additionalInput, boolean predictionResistance);

    /** Generate {@code output.length} bytes (at most 64 KiB) without additional input or prediction resistance. */
    default void generate(byte[] output) {
        generate(output, 0, output.length, null, false);
    }

    /**
     * Fill {@code output[offset..offset+length)} of any length, split into consecutive requests of at most
     * {@link #MAX_BYTES_PER_REQUEST} bytes each.
     */
    default void fill(byte[] output, int offset, int length) {
        int end = offset + length;
        for (int position = offset; position < end; position += MAX_BYTES_PER_REQUEST) {
            generate(output, position, Math.min(MAX_BYTES_PER_REQUEST, end - position), null, false);
        }
    }

    /** The reseed counter of SP 800-90A (1 right after instantiate or reseed). */
    long reseedCounter();

    /** Requests allowed between reseeds. */
    long reseedInterval();

    boolean isInstantiated();

    /** Zeroise and discard the internal state (SP 800-90A section 9.4). */
    void uninstantiate();

    /** Same as {@link #uninstantiate()}. */
    @Override
    default void close() {
        uninstantiate();
    }
}
