package org.ferrogen.randomness.drbg;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Hash_DRBG of SP 800-90A Rev. 1 section 10.1.1 with SHA-256 (seedlen = 440 bits, Table 2). Hashgen
 * hashes the 55-byte counter V + i, which SHA-256 pads into exactly one 64-byte block, so each 32 bytes
 * of output cost one compression; digests are written straight into the caller's array.
 */
final class HashDrbg extends AbstractDrbg {

    private static final int SEED_LENGTH = 55;
    private static final int OUT_LENGTH = 32;

    private final MessageDigest digest;
    private final byte[] value = new byte[SEED_LENGTH];
    private final byte[] constant = new byte[SEED_LENGTH];
    private final byte[] data = new byte[SEED_LENGTH];
    private final byte[] block = new byte[OUT_LENGTH];

    HashDrbg(DrbgMechanism mechanism, EntropyInputSource entropySource, long reseedInterval) {
        super(mechanism, entropySource, reseedInterval);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    @Override
    void instantiateAlgorithm(byte[] entropyInput, byte[] nonce, byte[] personalization) {
        hashDf(value, entropyInput, nonce, personalization);
        deriveConstant();
    }

    @Override
    void reseedAlgorithm(byte[] entropyInput, byte[] additionalInput) {
        byte[] previous = value.clone();
        hashDf(value, new byte[] {0x01}, previous, entropyInput, additionalInput);
        Arrays.fill(previous, (byte) 0);
        deriveConstant();
    }

    @Override
    void generateAlgorithm(byte[] output, int offset, int length, byte[] additionalInput, long counter) {
        if (additionalInput.length > 0) {
            digest.update((byte) 0x02);
            digest.update(value);
            digest.update(additionalInput);
            addInto(value, digestInto(block));
        }
        hashgen(output, offset, length);
        digest.update((byte) 0x03);
        digest.update(value);
        addInto(value, digestInto(block));
        addInto(value, constant);
        addCounter(value, counter);
        Arrays.fill(block, (byte) 0);
    }

    private void hashgen(byte[] output, int offset, int length) {
        System.arraycopy(value, 0, data, 0, SEED_LENGTH);
        int end = offset + length;
        int position = offset;
        try {
            while (position + OUT_LENGTH <= end) {
                digest.update(data, 0, SEED_LENGTH);
                digest.digest(output, position, OUT_LENGTH);
                increment(data);
                position += OUT_LENGTH;
            }
            if (position < end) {
                digest.update(data, 0, SEED_LENGTH);
                digest.digest(block, 0, OUT_LENGTH);
                System.arraycopy(block, 0, output, position, end - position);
            }
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        Arrays.fill(data, (byte) 0);
    }

    private void deriveConstant() {
        hashDf(constant, new byte[] {0x00}, value);
    }

    /** Hash_df (section 10.3.1) of the concatenated inputs, filling {@code target} (seedlen bits). */
    private void hashDf(byte[] target, byte[]... inputs) {
        int bits = target.length * 8;
        int position = 0;
        for (int counter = 1; position < target.length; counter++) {
            digest.update((byte) counter);
            digest.update((byte) (bits >>> 24));
            digest.update((byte) (bits >>> 16));
            digest.update((byte) (bits >>> 8));
            digest.update((byte) bits);
            for (byte[] input : inputs) {
                digest.update(input);
            }
            byte[] hash = digestInto(block);
            int take = Math.min(OUT_LENGTH, target.length - position);
            System.arraycopy(hash, 0, target, position, take);
            position += take;
        }
        Arrays.fill(block, (byte) 0);
    }

    private byte[] digestInto(byte[] buffer) {
        try {
            digest.digest(buffer, 0, OUT_LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        return buffer;
    }

    /** target = (target + addend) mod 2^(8·target.length), both big-endian, addend right-aligned. */
    static void addInto(byte[] target, byte[] addend) {
        int carry = 0;
        int j = addend.length - 1;
        for (int i = target.length - 1; i >= 0; i--, j--) {
            int sum = (target[i] & 0xFF) + carry + (j >= 0 ? addend[j] & 0xFF : 0);
            target[i] = (byte) sum;
            carry = sum >>> 8;
            if (j < 0 && carry == 0) {
                return;
            }
        }
    }

    /** target = (target + counter) mod 2^(8·target.length). */
    static void addCounter(byte[] target, long counter) {
        long carry = 0;
        long remaining = counter;
        for (int i = target.length - 1; i >= 0 && (remaining != 0 || carry != 0); i--) {
            long sum = (target[i] & 0xFF) + (remaining & 0xFF) + carry;
            target[i] = (byte) sum;
            carry = sum >>> 8;
            remaining >>>= 8;
        }
    }

    /** target = (target + 1) mod 2^(8·target.length). */
    private static void increment(byte[] target) {
        for (int i = target.length - 1; i >= 0; i--) {
            if (++target[i] != 0) {
                return;
            }
        }
    }

    @Override
    void zeroise() {
        Arrays.fill(value, (byte) 0);
        Arrays.fill(constant, (byte) 0);
        Arrays.fill(data, (byte) 0);
        Arrays.fill(block, (byte) 0);
        digest.reset();
    }
}
