package org.ferrogen.randomness.drbg;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The DRBG mechanisms offered, each with the name the entropy pipeline selects it by. */
public enum DrbgMechanism {
    HMAC_SHA256("HMAC_DRBG/SHA-256"),
    HMAC_SHA512("HMAC_DRBG/SHA-512"),
    HASH_SHA256("Hash_DRBG/SHA-256"),
    CTR_AES256("CTR_DRBG/AES-256");

    private final String displayName;

    DrbgMechanism(String displayName) {
        this.displayName = displayName;
    }

    /** E.g. "HMAC_DRBG/SHA-256". */
    public String displayName() {
        return displayName;
    }

    /** Security strength in bits: 256 for all (SP 800-90A Tables 2 and 3). */
    public int securityStrength() {
        return 256;
    }

    /** The mechanism called {@code name} (case-insensitive, e.g. "CTR_DRBG/AES-256"). */
    public static DrbgMechanism byName(String name) {
        for (DrbgMechanism mechanism : values()) {
            if (mechanism.displayName.equalsIgnoreCase(name) || mechanism.name().equalsIgnoreCase(name)) {
                return mechanism;
            }
        }
        throw new IllegalArgumentException("unknown DRBG '" + name + "'; known: "
                + Arrays.stream(values()).map(DrbgMechanism::displayName).collect(Collectors.joining(", ")));
    }

    /** A new, uninstantiated DRBG without entropy source and with the maximum reseed interval. */
    public Drbg create() {
        return create(null, Drbg.MAX_RESEED_INTERVAL);
    }

    /**
     * A new, uninstantiated DRBG.
     *
     * @param entropySource source for instantiate/reseed/prediction resistance; may be null when the
     *        caller always passes entropy input itself
     * @param reseedInterval generate requests allowed between reseeds, 1..2^48
     */
    public Drbg create(EntropyInputSource entropySource, long reseedInterval) {
        return switch (this) {
            case HMAC_SHA256 -> new HmacDrbg(this, "HmacSHA256", entropySource, reseedInterval);
            case HMAC_SHA512 -> new HmacDrbg(this, "HmacSHA512", entropySource, reseedInterval);
            case HASH_SHA256 -> new HashDrbg(this, entropySource, reseedInterval);
            case CTR_AES256 -> new CtrDrbg(this, entropySource, reseedInterval);
        };
    }

    @Override
    public String toString() {
        return displayName;
    }
}
