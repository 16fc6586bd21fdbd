package org.ferrogen.randomness.drbg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * CTR_DRBG of SP 800-90A Rev. 1 section 10.2.1 with AES-256 and the derivation function
 * Block_Cipher_df (section 10.3.2), ctr_len = blocklen = 128 bits. Output is produced in bulk: the
 * counter blocks V+1, V+2, ... of a request are written into a buffer and encrypted with one
 * AES/ECB/NoPadding call (AES-NI where the JVM has it).
 */
final class CtrDrbg extends AbstractDrbg {

    private static final int KEY_LENGTH = 32;
    private static final int BLOCK = 16;
    private static final int SEED_LENGTH = KEY_LENGTH + BLOCK;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final Cipher cipher;
    private final Cipher dfCipher;
    private final byte[] key = new byte[KEY_LENGTH];
    private long counterHigh;
    private long counterLow;
    private final byte[] counterBlocks = new byte[MAX_BYTES_PER_REQUEST + BLOCK];
    private final byte[] seed = new byte[SEED_LENGTH];
    private final byte[] scratch = new byte[SEED_LENGTH];

    CtrDrbg(DrbgMechanism mechanism, EntropyInputSource entropySource, long reseedInterval) {
        super(mechanism, entropySource, reseedInterval);
        try {
            this.cipher = Cipher.getInstance("AES/ECB/NoPadding");
            this.dfCipher = Cipher.getInstance("AES/ECB/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES/ECB/NoPadding", e);
        }
    }

    @Override
    void instantiateAlgorithm(byte[] entropyInput, byte[] nonce, byte[] personalization) {
        blockCipherDf(seed, entropyInput, nonce, personalization);
        Arrays.fill(key, (byte) 0);
        counterHigh = 0;
        counterLow = 0;
        rekey();
        update(seed);
    }

    @Override
    void reseedAlgorithm(byte[] entropyInput, byte[] additionalInput) {
        blockCipherDf(seed, entropyInput, additionalInput);
        update(seed);
    }

    @Override
    void generateAlgorithm(byte[] output, int offset, int length, byte[] additionalInput, long counter) {
        if (additionalInput.length > 0) {
            blockCipherDf(seed, additionalInput);
            update(seed);
        } else {
            Arrays.fill(seed, (byte) 0);
        }
        int blocks = (length + BLOCK - 1) / BLOCK;
        int fullBytes = (length / BLOCK) * BLOCK;
        writeCounterBlocks(blocks);
        try {
            if (fullBytes > 0) {
                cipher.doFinal(counterBlocks, 0, fullBytes, output, offset);
            }
            if (fullBytes < length) {
                cipher.doFinal(counterBlocks, fullBytes, BLOCK, counterBlocks, fullBytes);
                System.arraycopy(counterBlocks, fullBytes, output, offset + fullBytes, length - fullBytes);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Arrays.fill(counterBlocks, 0, blocks * BLOCK, (byte) 0);
        update(seed);
    }

    /** Writes V+1 .. V+blocks into the counter buffer and advances V (mod 2^128). */
    private void writeCounterBlocks(int blocks) {
        long high = counterHigh;
        long low = counterLow;
        for (int b = 0; b < blocks; b++) {
            low++;
            if (low == 0) {
                high++;
            }
            LONGS.set(counterBlocks, b * BLOCK, high);
            LONGS.set(counterBlocks, b * BLOCK + 8, low);
        }
        counterHigh = high;
        counterLow = low;
    }

    /** CTR_DRBG_Update (section 10.2.1.2) with 48 bytes of provided data. */
    private void update(byte[] provided) {
        writeCounterBlocks(SEED_LENGTH / BLOCK);
        try {
            cipher.doFinal(counterBlocks, 0, SEED_LENGTH, scratch, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < SEED_LENGTH; i++) {
            scratch[i] ^= provided[i];
        }
        System.arraycopy(scratch, 0, key, 0, KEY_LENGTH);
        counterHigh = (long) LONGS.get(scratch, KEY_LENGTH);
        counterLow = (long) LONGS.get(scratch, KEY_LENGTH + 8);
        Arrays.fill(scratch, (byte) 0);
        Arrays.fill(counterBlocks, 0, SEED_LENGTH, (byte) 0);
        rekey();
    }

    private void rekey() {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Block_Cipher_df (section 10.3.2) of the concatenated inputs, returning seedlen = 384 bits in
     * {@code target}.
     */
    private void blockCipherDf(byte[] target, byte[]... inputs) {
        int inputLength = 0;
        for (byte[] input : inputs) {
            inputLength += input.length;
        }
        // S = L || N || input_string || 0x80, zero-padded to a multiple of the block length.
        int unpadded = 4 + 4 + inputLength + 1;
        byte[] s = new byte[((unpadded + BLOCK - 1) / BLOCK) * BLOCK];
        putInt(s, 0, inputLength);
        putInt(s, 4, SEED_LENGTH);
        int position = 8;
        for (byte[] input : inputs) {
            System.arraycopy(input, 0, s, position, input.length);
            position += input.length;
        }
        s[position] = (byte) 0x80;

        byte[] dfKey = new byte[KEY_LENGTH];
        for (int i = 0; i < KEY_LENGTH; i++) {
            dfKey[i] = (byte) i;
        }
        byte[] temp = new byte[SEED_LENGTH];
        byte[] iv = new byte[BLOCK];
        try {
            dfCipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(dfKey, "AES"));
            for (int i = 0; i * BLOCK < SEED_LENGTH; i++) {
                putInt(iv, 0, i);
                bcc(iv, s, temp, i * BLOCK);
            }
            System.arraycopy(temp, 0, dfKey, 0, KEY_LENGTH);
            dfCipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(dfKey, "AES"));
            byte[] x = Arrays.copyOfRange(temp, KEY_LENGTH, SEED_LENGTH);
            for (int out = 0; out < SEED_LENGTH; out += BLOCK) {
                dfCipher.doFinal(x, 0, BLOCK, x, 0);
                System.arraycopy(x, 0, target, out, BLOCK);
            }
            Arrays.fill(x, (byte) 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(s, (byte) 0);
            Arrays.fill(temp, (byte) 0);
            Arrays.fill(dfKey, (byte) 0);
        }
    }

    /** BCC (section 10.3.3) over IV || S with the df cipher's key, written to {@code out[offset..offset+16)}. */
    private void bcc(byte[] iv, byte[] s, byte[] out, int offset) throws GeneralSecurityException {
        byte[] chain = new byte[BLOCK];
        dfCipher.doFinal(iv, 0, BLOCK, chain, 0);
        for (int block = 0; block < s.length; block += BLOCK) {
            for (int i = 0; i < BLOCK; i++) {
                chain[i] ^= s[block + i];
            }
            dfCipher.doFinal(chain, 0, BLOCK, chain, 0);
        }
        System.arraycopy(chain, 0, out, offset, BLOCK);
        Arrays.fill(chain, (byte) 0);
    }

    private static void putInt(byte[] target, int offset, int value) {
        target[offset] = (byte) (value >>> 24);
        target[offset + 1] = (byte) (value >>> 16);
        target[offset + 2] = (byte) (value >>> 8);
        target[offset + 3] = (byte) value;
    }

    @Override
    void zeroise() {
        Arrays.fill(key, (byte) 0);
        Arrays.fill(seed, (byte) 0);
        Arrays.fill(scratch, (byte) 0);
        Arrays.fill(counterBlocks, (byte) 0);
        counterHigh = 0;
        counterLow = 0;
        // Re-key the cipher so its expanded key schedule no longer holds the old key.
        rekey();
    }
}
