package org.ferrogen.randomness.drbg;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC_DRBG of SP 800-90A Rev. 1 section 10.1.2, with the JDK's HmacSHA256 or HmacSHA512. One {@link Mac}
 * instance is reused; it is re-keyed only when K changes (twice per request), and output blocks
 * V = HMAC(K, V) are written straight into the caller's array.
 */
final class HmacDrbg extends AbstractDrbg {

    private final String algorithm;
    private final Mac mac;
    private final int outLength;
    private final byte[] key;
    private final byte[] value;

    HmacDrbg(DrbgMechanism mechanism, String algorithm, EntropyInputSource entropySource, long reseedInterval) {
        super(mechanism, entropySource, reseedInterval);
        this.algorithm = algorithm;
        try {
            this.mac = Mac.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
        this.outLength = mac.getMacLength();
        this.key = new byte[outLength];
        this.value = new byte[outLength];
    }

    @Override
    void instantiateAlgorithm(byte[] entropyInput, byte[] nonce, byte[] personalization) {
        Arrays.fill(key, (byte) 0x00);
        Arrays.fill(value, (byte) 0x01);
        rekey();
        update(entropyInput, nonce, personalization);
    }

    @Override
    void reseedAlgorithm(byte[] entropyInput, byte[] additionalInput) {
        update(entropyInput, additionalInput);
    }

    @Override
    void generateAlgorithm(byte[] output, int offset, int length, byte[] additionalInput, long counter) {
        if (additionalInput.length > 0) {
            update(additionalInput);
        }
        try {
            int end = offset + length;
            int position = offset;
            while (position + outLength <= end) {
                mac.update(value);
                mac.doFinal(output, position);
                System.arraycopy(output, position, value, 0, outLength);
                position += outLength;
            }
            if (position < end) {
                mac.update(value);
                mac.doFinal(value, 0);
                System.arraycopy(value, 0, output, position, end - position);
            }
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
        update(additionalInput);
    }

    /** HMAC_DRBG_Update (section 10.1.2.2) with provided_data = the concatenation of {@code provided}. */
    private void update(byte[]... provided) {
        boolean hasData = false;
        for (byte[] part : provided) {
            hasData |= part.length > 0;
        }
        updateRound((byte) 0x00, provided);
        if (hasData) {
            updateRound((byte) 0x01, provided);
        }
    }

    private void updateRound(byte separator, byte[][] provided) {
        try {
            mac.update(value);
            mac.update(separator);
            for (byte[] part : provided) {
                mac.update(part);
            }
            mac.doFinal(key, 0);
            rekey();
            mac.update(value);
            mac.doFinal(value, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private void rekey() {
        try {
            mac.init(new SecretKeySpec(key, algorithm));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    void zeroise() {
        Arrays.fill(key, (byte) 0);
        Arrays.fill(value, (byte) 0);
        // Re-key the Mac so that its internal pads no longer derive from the old secret key.
        rekey();
    }
}
