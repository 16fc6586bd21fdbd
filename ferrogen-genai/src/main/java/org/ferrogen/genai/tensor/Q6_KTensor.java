package org.ferrogen.genai.tensor;

import java.nio.ByteBuffer;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.ferrogen.genai.gguf.GgmlType;

/**
 * Q6_K: super-blocks of 256 in 210 bytes: 128 bytes of low nibbles, 64 bytes of high 2-bit pairs,
 * 16 int8 sub-block scales (one per 16 elements), fp16 d. In each half n (128 elements), for l in
 * 0..31: element l takes the low nibble of ql[64n+l] and bits 0-1 of qh[32n+l], element 32+l the low
 * nibble of ql[64n+32+l] and bits 2-3, element 64+l the high nibble of ql[64n+l] and bits 4-5,
 * element 96+l the high nibble of ql[64n+32+l] and bits 6-7; value d·scale·(q − 32).
 */
final class Q6_KTensor extends BlockTensor {
  Q6_KTensor(int rows, int cols, ByteBuffer data) {
    super(GgmlType.Q6_K, rows, cols, data);
  }

  private static final long NIBBLES = 0x0f0f0f0f0f0f0f0fL;
  private static final long PAIR_0 = 0x0303030303030303L;
  private static final long PAIR_1 = 0x0c0c0c0c0c0c0c0cL;
  private static final long PAIR_2 = 0x3030303030303030L;
  /** Per-thread buffer of a row's unpacked 6-bit codes (grown on demand, never shrunk). */
  private static final ThreadLocal<byte[]> UNPACKED = ThreadLocal.withInitial(() -> new byte[0]);

  /**
   * Two passes over the row: the 6-bit codes q are first unpacked to bytes in a per-thread buffer,
   * eight at a time in longs (three loads and eleven masks, shifts and ORs per 32 codes), then
   * widened and multiplied like Q8_0's int8 codes, with q − 32 formed in float (exact) and the same
   * operations in the same order as the one-pass kernel this replaces (each group of 16 summed in two
   * eight-lane steps, then scaled into the accumulator in ggml's order of groups): every product is
   * bit-identical to that kernel's. Why: it assembled each eight codes from two 8-byte vector loads
   * with byte-lane masks, shifts and additions, about twelve vector operations per eight weights.
   * Whole command on the development machine (loaded host, interleaved): the 100 M Q6_K model
   * decodes 32 tokens at 27-29 tokens/s against 11-12. Hand-written for measured speed.
   *
   * <p>Variants not kept: 32-bit lanes of 256-bit vectors for the unpacking were as fast, but
   * IntVector.fromByteArray and intoByteArray exist only up to JDK 18 (JEP 426 replaced them with
   * MemorySegment access); a 256-bit ByteVector for the same job, on every JDK, made C2 lose the
   * intrinsics of the Q5_0 kernel in llama.cpp's mixed Q4_K_M file (156-690 instead of 1,200-1,500
   * tokens/s: the Vector API's type profiles are shared between vector shapes); and calling {@link
   * #widenWide(byte[], int)} from this larger method left it un-inlined and boxed (3.3-4.2 tokens/s
   * on the 100 M Q6_K model), so the widening is written out.
   */
  @Override
  float dotStored(byte[] w, int p, float[] x) {
    byte[] q = UNPACKED.get();
    if (q.length < cols) {
      q = new byte[cols];
      UNPACKED.set(q);
    }
    for (int i = 0, b = p; i < cols; i += 256, b += 210) {
      for (int n = 0; n < 2; n++) {
        int ql = b + 64 * n;
        int qh = b + 128 + 32 * n;
        int o = i + 128 * n;
        // Eight l at a time in longs: the low nibbles of ql[l] and ql[32+l], the bit pairs of qh[l];
        // every shifted value is masked to its own byte's bits.
        for (int l = 0; l < 32; l += 8) {
          long lowA = (long) LONG_LE.get(w, ql + l);
          long lowB = (long) LONG_LE.get(w, ql + 32 + l);
          long high = (long) LONG_LE.get(w, qh + l);
          LONG_LE.set(q, o + l, (lowA & NIBBLES) | (high & PAIR_0) << 4);
          LONG_LE.set(q, o + 32 + l, (lowB & NIBBLES) | (high & PAIR_1) << 2);
          LONG_LE.set(q, o + 64 + l, ((lowA >>> 4) & NIBBLES) | (high & PAIR_2));
          LONG_LE.set(q, o + 96 + l, ((lowB >>> 4) & NIBBLES) | ((high >>> 2) & PAIR_2));
        }
      }
    }
    int step = BW.length();
    FloatVector acc = FloatVector.zero(FW);
    for (int i = 0; i < cols; i += 256, p += 210) {
      float d = half(w, p + 208);
      for (int n = 0; n < 2; n++) {
        for (int g = 0; g < 2; g++) {
          for (int quarter = 0; quarter < 4; quarter++) {
            int e = i + 128 * n + 32 * quarter + 16 * g;
            FloatVector s = FloatVector.zero(FW);
            for (int k = 0; k < 16; k += step) {
              FloatVector codes = ((FloatVector) ByteVector.fromArray(BW, q, e + k)
                  .convertShape(VectorOperators.B2F, FW, 0)).sub(32f);
              s = codes.fma(FloatVector.fromArray(FW, x, e + k), s);
            }
            acc = s.fma(FloatVector.broadcast(FW, d * w[p + 192 + 8 * n + g + 2 * quarter]), acc);
          }
        }
      }
    }
    return acc.reduceLanes(VectorOperators.ADD);
  }
}
