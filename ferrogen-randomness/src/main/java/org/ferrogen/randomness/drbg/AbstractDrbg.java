package org.ferrogen.randomness.drbg;

import java.util.Arrays;
import java.util.Objects;

/**
 * The mechanism-independent part of SP 800-90A section 9: input checks, the reseed counter and
 * interval, prediction resistance and the instantiated/uninstantiated state.
 */
abstract class AbstractDrbg implements Drbg {

    private static final byte[] EMPTY = new byte[0];

    private final DrbgMechanism mechanism;
    private final EntropyInputSource entropySource;
    private final long reseedInterval;
    private long reseedCounter;
    private boolean instantiated;

    AbstractDrbg(DrbgMechanism mechanism, EntropyInputSource entropySource, long reseedInterval) {
        this.mechanism = Objects.requireNonNull(mechanism, "mechanism");
        if (reseedInterval < 1 || reseedInterval > MAX_RESEED_INTERVAL) {
            throw new IllegalArgumentException("reseed interval must be in 1..2^48, got " + reseedInterval);
        }
        this.entropySource = entropySource;
        this.reseedInterval = reseedInterval;
    }

    /** Instantiate algorithm with checked, non-null inputs. */
    abstract void instantiateAlgorithm(byte[] entropyInput, byte[] nonce, byte[] personalization);

    /** Reseed algorithm; {@code additionalInput} is empty when absent. */
    abstract void reseedAlgorithm(byte[] entropyInput, byte[] additionalInput);

    /** Generate algorithm; {@code additionalInput} is empty when absent; the counter is the current reseed counter. */
    abstract void generateAlgorithm(byte[] output, int offset, int length, byte[] additionalInput, long counter);

    /** Overwrite all secret state with zeros. */
    abstract void zeroise();

    @Override
    public final DrbgMechanism mechanism() {
        return mechanism;
    }

    @Override
    public final void instantiate(byte[] entropyInput, byte[] nonce, byte[] personalization) {
        checkEntropyInput(entropyInput);
        Objects.requireNonNull(nonce, "nonce");
        if (instantiated) {
            zeroise();
        }
        instantiateAlgorithm(entropyInput, nonce, orEmpty(personalization));
        reseedCounter = 1;
        instantiated = true;
    }

    @Override
    public final void instantiate(byte[] nonce, byte[] personalization) {
        byte[] entropyInput = drawEntropy();
        try {
            instantiate(entropyInput, nonce, personalization);
        } finally {
            Arrays.fill(entropyInput, (byte) 0);
        }
    }

    @Override
    public final void reseed(byte[] entropyInput, byte[] additionalInput) {
        checkInstantiated();
        checkEntropyInput(entropyInput);
        reseedAlgorithm(entropyInput, orEmpty(additionalInput));
        reseedCounter = 1;
    }

    @Override
    public final void reseed(byte[] additionalInput) {
        checkInstantiated();
        byte[] entropyInput = drawEntropy();
        try {
            reseed(entropyInput, additionalInput);
        } finally {
            Arrays.fill(entropyInput, (byte) 0);
        }
    }

    @Override
    public final void generate(byte[] output, int offset, int length, byte[] additionalInput,
                               boolean predictionResistance) {
        checkInstantiated();
        Objects.checkFromIndexSize(offset, length, output.length);
        if (length > MAX_BYTES_PER_REQUEST) {
            throw new IllegalArgumentException("requested " + length + " bytes; " + mechanism
                    + " allows at most " + MAX_BYTES_PER_REQUEST + " bytes (2^19 bits) per request");
        }
        byte[] additional = orEmpty(additionalInput);
        if (predictionResistance && entropySource == null) {
            throw new IllegalStateException(mechanism + ": prediction resistance needs an entropy input source");
        }
        if (predictionResistance || reseedCounter > reseedInterval) {
            if (entropySource == null) {
                throw new ReseedRequiredException(mechanism + ": reseed counter " + reseedCounter
                        + " exceeds the reseed interval " + reseedInterval + "; reseed with fresh entropy input");
            }
            // SP 800-90A section 9.3.1 step 7: reseed with the additional input, then generate without it.
            reseed(additional);
            additional = EMPTY;
        }
        generateAlgorithm(output, offset, length, additional, reseedCounter);
        reseedCounter++;
    }

    @Override
    public final long reseedCounter() {
        checkInstantiated();
        return reseedCounter;
    }

    @Override
    public final long reseedInterval() {
        return reseedInterval;
    }

    @Override
    public final boolean isInstantiated() {
        return instantiated;
    }

    @Override
    public final void uninstantiate() {
        if (instantiated) {
            zeroise();
        }
        instantiated = false;
        reseedCounter = 0;
    }

    private byte[] drawEntropy() {
        if (entropySource == null) {
            throw new IllegalStateException(mechanism + " has no entropy input source; pass entropy input explicitly");
        }
        byte[] entropyInput = entropySource.entropyInput(securityStrength());
        if (entropyInput == null) {
            throw new IllegalStateException(mechanism + ": the entropy input source returned null");
        }
        return entropyInput;
    }

    private void checkEntropyInput(byte[] entropyInput) {
        Objects.requireNonNull(entropyInput, "entropyInput");
        int minimum = securityStrength() / 8;
        if (entropyInput.length < minimum) {
            throw new IllegalArgumentException(mechanism + ": entropy input of " + entropyInput.length
                    + " bytes is shorter than the security strength (" + minimum + " bytes)");
        }
    }

    private void checkInstantiated() {
        if (!instantiated) {
            throw new IllegalStateException(mechanism + " is not instantiated (never instantiated, or uninstantiated)");
        }
    }

    private static byte[] orEmpty(byte[] bytes) {
        return bytes == null ? EMPTY : bytes;
    }

    /** Concatenation of the given strings. */
    static byte[] concat(byte[]... parts) {
        int total = 0;
        for (byte[] part : parts) {
            total += part.length;
        }
        byte[] result = new byte[total];
        int position = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, result, position, part.length);
            position += part.length;
        }
        return result;
    }
}
