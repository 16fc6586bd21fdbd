package org.ferrogen.randomness.drbg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Behaviour common to all mechanisms: determinism, reseed interval, prediction resistance, limits, zeroisation. */
class DrbgLifecycleTest {

    private static final byte[] NONCE = bytes(16, 1);

    private static byte[] bytes(int length, long seed) {
        byte[] result = new byte[length];
        new SplittableRandom(seed).nextBytes(result);
        return result;
    }

    /** Counts its calls and hands out distinct deterministic entropy. */
    private static final class CountingSource implements EntropyInputSource {
        final List<Integer> requests = new ArrayList<>();

        @Override
        public byte[] entropyInput(int minEntropyBits) {
            requests.add(minEntropyBits);
            return bytes(minEntropyBits / 8, 1000 + requests.size());
        }
    }

    @ParameterizedTest
    @EnumSource(DrbgMechanism.class)
    void sameInputsGiveSameOutputAndEveryInputMatters(DrbgMechanism mechanism) {
        byte[] reference = output(mechanism, bytes(32, 7), null, null);
        assertThat(output(mechanism, bytes(32, 7), null, null)).isEqualTo(reference);
        assertThat(output(mechanism, bytes(32, 8), null, null)).isNotEqualTo(reference);
        assertThat(output(mechanism, bytes(32, 7), bytes(5, 9), null)).isNotEqualTo(reference);
        assertThat(output(mechanism, bytes(32, 7), null, bytes(3, 10))).isNotEqualTo(reference);
        // an empty additional input is the same as none
        assertThat(output(mechanism, bytes(32, 7), null, new byte[0])).isEqualTo(reference);
    }

    private static byte[] output(DrbgMechanism mechanism, byte[] entropy, byte[] personalization, byte[] additional) {
        try (Drbg drbg = mechanism.create()) {
            drbg.instantiate(entropy, NONCE, personalization);
            byte[] out = new byte[100];
            drbg.generate(out, 0, out.length, additional, false);
            return out;
        }
    }

    @ParameterizedTest
    @EnumSource(DrbgMechanism.class)
    void splittingARequestChangesNothingBeforeTheStateUpdateButTheNextRequestDiffers(DrbgMechanism mechanism) {
        try (Drbg one = mechanism.create(); Drbg two = mechanism.create()) {
            one.instantiate(bytes(32, 1), NONCE, null);
            two.instantiate(bytes(32, 1), NONCE, null);
            byte[] whole = new byte[77];
            one.generate(whole);
            byte[] prefix = new byte[77];
            two.generate(prefix, 0, 50, null, false);
            assertThat(Arrays.copyOf(prefix, 50)).isEqualTo(Arrays.copyOf(whole, 50));
            byte[] next = new byte[77];
            one.generate(next);
            assertThat(next).isNotEqualTo(whole);
        }
    }

    @ParameterizedTest
    @EnumSource(DrbgMechanism.class)
    void reseedIntervalIsEnforcedWithoutAndHonouredWithAnEntropySource(DrbgMechanism mechanism) {
        try (Drbg drbg = mechanism.create(null, 3)) {
            drbg.instantiate(bytes(32, 2), NONCE, null);
            byte[] out = new byte[16];
            for (int i = 0; i < 3; i++) {
                drbg.generate(out);
            }
            assertThat(drbg.reseedCounter()).isEqualTo(4);
            assertThatThrownBy(() -> drbg.generate(out)).isInstanceOf(ReseedRequiredException.class)
                    .hasMessageContaining("reseed interval 3");
            drbg.reseed(bytes(32, 3), null);
            assertThat(drbg.reseedCounter()).isEqualTo(1);
            drbg.generate(out);
        }
        CountingSource source = new CountingSource();
        try (Drbg drbg = mechanism.create(source, 3)) {
            drbg.instantiate(NONCE, null);
            byte[] out = new byte[16];
            for (int i = 0; i < 7; i++) {
                drbg.generate(out);
            }
            // instantiate + automatic reseeds before requests 4 and 7
            assertThat(source.requests).containsExactly(256, 256, 256);
            assertThat(drbg.reseedCounter()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(DrbgMechanism.class)
    void predictionResistanceReseedsOnEveryRequestAndNeedsASource(DrbgMechanism mechanism) {
        CountingSource source = new CountingSource();
        try (Drbg drbg = mechanism.create(source, Drbg.MAX_RESEED_INTERVAL)) {
            drbg.instantiate(bytes(32, 4), NONCE, null);
            byte[] first = new byte[32];
            drbg.generate(first, 0, 32, null, true);
            drbg.generate(new byte[32], 0, 32, null, true);
            assertThat(source.requests).hasSize(2);
            assertThat(drbg.reseedCounter()).isEqualTo(2);
        }
        try (Drbg drbg = mechanism.create()) {
            drbg.instantiate(bytes(32, 4), NONCE, null);
            assertThatThrownBy(() -> drbg.generate(new byte[8], 0, 8, null, true))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("prediction resistance");
        }
    }

    @ParameterizedTest
    @EnumSource(DrbgMechanism.class)
    void inputLimitsAreChecked(DrbgMechanism mechanism) {
        try (Drbg drbg = mechanism.create()) {
            assertThatThrownBy(() -> drbg.instantiate(new byte[31], NONCE, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("31 bytes");
            drbg.instantiate(bytes(32, 5), NONCE, null);
            assertThatThrownBy(() -> drbg.generate(new byte[Drbg.MAX_BYTES_PER_REQUEST + 1]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 65536 bytes");
            byte[] big = new byte[3 * Drbg.MAX_BYTES_PER_REQUEST + 5];
            drbg.fill(big, 0, big.length);
            assertThat(drbg.reseedCounter()).isEqualTo(5);
            assertThatThrownBy(() -> drbg.instantiate(NONCE, null)).hasMessageContaining("no entropy input source");
        }
        assertThatThrownBy(() -> mechanism.create(null, 0)).hasMessageContaining("reseed interval");
    }

    @ParameterizedTest
    @EnumSource(DrbgMechanism.class)
    void uninstantiateZeroisesAndLaterUseFailsClearly(DrbgMechanism mechanism) {
        Drbg drbg = mechanism.create();
        drbg.instantiate(bytes(32, 6), NONCE, null);
        byte[] before = new byte[48];
        drbg.generate(before);
        drbg.uninstantiate();
        assertThat(drbg.isInstantiated()).isFalse();
        assertThatThrownBy(() -> drbg.generate(new byte[8])).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not instantiated");
        assertThatThrownBy(() -> drbg.reseed(bytes(32, 1), null)).hasMessageContaining("not instantiated");
        assertThatThrownBy(drbg::reseedCounter).hasMessageContaining("not instantiated");
        // a fresh instantiate works again and is independent of the old state
        drbg.instantiate(bytes(32, 6), NONCE, null);
        byte[] after = new byte[48];
        drbg.generate(after);
        assertThat(after).isEqualTo(before);
        drbg.close();
    }

    @ParameterizedTest
    @EnumSource(DrbgMechanism.class)
    void namesRoundTrip(DrbgMechanism mechanism) {
        assertThat(DrbgMechanism.byName(mechanism.displayName())).isEqualTo(mechanism);
        assertThat(mechanism.create().mechanism()).isEqualTo(mechanism);
    }

    @org.junit.jupiter.api.Test
    void unknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> DrbgMechanism.byName("Dual_EC_DRBG"))
                .hasMessage("unknown DRBG 'Dual_EC_DRBG'; known: HMAC_DRBG/SHA-256, HMAC_DRBG/SHA-512, "
                        + "Hash_DRBG/SHA-256, CTR_DRBG/AES-256");
    }

    @org.junit.jupiter.api.Test
    void hashDrbgArithmeticWrapsModuloTheSeedLength() {
        byte[] value = new byte[55];
        Arrays.fill(value, (byte) 0xFF);
        HashDrbg.addCounter(value, 1);
        assertThat(value).containsOnly(0);
        byte[] target = {0x00, (byte) 0xFF, (byte) 0xFF};
        HashDrbg.addInto(target, new byte[] {0x01});
        assertThat(target).containsExactly(0x01, 0x00, 0x00);
    }
}
