package org.ferrogen.genai.tensor;

import java.nio.ByteBuffer;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
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

  /**
   * 32 bytes of codes as eight 32-bit lanes, so that every shift is a native one and no 256-bit
   * byte vector appears beside the 64-bit ones of the other kernels: C2 shares the Vector API's type
   * profiles between shapes, and with 256-bit byte lanes here (loads, and the subtraction of 32) the
   * Q5_0 kernel of llama.cpp's Q4_K_M file often lost its intrinsics and ran boxed (120-630 instead
   * of 1,300-1,400 tokens/s, development machine, loaded).
   */
  private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
  /** Per-thread buffer of a row's unpacked 6-bit codes (grown on demand, never shrunk). */
  private static final ThreadLocal<byte[]> UNPACKED = ThreadLocal.withInitial(() -> new byte[0]);

  /**
   * Two passes over the row: the 6-bit codes q are first unpacked to bytes in a per-thread buffer,
   * 128 at a time with 32-bit lane operations (three loads and seventeen shifts, masks and ORs for
   * 128 codes), then widened and multiplied like Q8_0's int8 codes, with q − 32 formed in float
   * (exact) and the same operations in the same order as the one-pass kernel this replaces (each
   * group of 16 summed in two eight-lane steps, then scaled into the accumulator in ggml's order of
   * groups): every product is bit-identical to that kernel's. Why: it assembled each eight codes
   * from two 8-byte loads with byte-lane masks, shifts and additions, about twelve vector operations
   * per eight weights, and ran at 0.46-0.88 ns a weight against Q8_0's 0.08; the two passes run at
   * 0.20-0.45 (768-wide rows in L2, one thread, half-second rounds in separate JVMs, development
   * machine, loaded and noisy; with -XX:UseAVX=2 0.36-0.46 against 0.46-0.48). Whole command: the 100 M Q6_K model decodes 32 tokens at 28-38
   * tokens/s against 14-18. Hand-written for measured speed. The unpacking and widening are written
   * out here rather than called ({@link #widenWide(byte[], int)} included): in this larger method C2
   * did not inline that helper once it was compiled on its own, and its conversion ran boxed
   * (3.3-4.2 tokens/s on the 100 M Q6_K model).
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
        int o = i + 128 * n;
        IntVector lowA = IntVector.fromByteArray(I, w, ql, LE);
        IntVector lowB = IntVector.fromByteArray(I, w, ql + 32, LE);
        IntVector high = IntVector.fromByteArray(I, w, b + 128 + 32 * n, LE);
        // Each quarter's codes q (0..63); the 32 is subtracted after widening (exact either way).
        lowA.and(0x0f0f0f0f).or(high.and(0x03030303).lanewise(VectorOperators.LSHL, 4))
            .intoByteArray(q, o, LE);
        lowB.and(0x0f0f0f0f).or(high.and(0x0c0c0c0c).lanewise(VectorOperators.LSHL, 2))
            .intoByteArray(q, o + 32, LE);
        lowA.lanewise(VectorOperators.LSHR, 4).and(0x0f0f0f0f).or(high.and(0x30303030))
            .intoByteArray(q, o + 64, LE);
        lowB.lanewise(VectorOperators.LSHR, 4).and(0x0f0f0f0f)
            .or(high.lanewise(VectorOperators.LSHR, 2).and(0x30303030))
            .intoByteArray(q, o + 96, LE);
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
