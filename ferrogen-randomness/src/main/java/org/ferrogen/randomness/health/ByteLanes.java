package org.ferrogen.randomness.health;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * SIMD-within-a-register helpers: eight byte samples are read as one little-endian long (sample k in
 * bits 8k..8k+7) and compared lane by lane with plain long arithmetic, which keeps the health tests
 * well under 2 ns per sample without the incubating Vector API.
 */
final class ByteLanes {

    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final long HIGH_BITS = 0x8080808080808080L;
    static final long ONES = 0x0101010101010101L;
    private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;

    private ByteLanes() {
    }

    /** Eight samples starting at {@code index}. */
    static long read(byte[] samples, int index) {
        return (long) LONGS.get(samples, index);
    }

    /** Bit 8k+7 is set exactly when byte k of {@code x} is zero (exact: no carries between lanes). */
    static long zeroLanes(long x) {
        long y = (x & LOW_SEVEN) + LOW_SEVEN;
        return ~(y | x | LOW_SEVEN);
    }
}
