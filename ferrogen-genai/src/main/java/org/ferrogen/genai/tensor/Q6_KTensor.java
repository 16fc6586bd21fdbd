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

  /**
   * {@link #FW} lanes, 256 bits since 8c73b93 (one vector shape for every kernel, see {@link
   * WeightTensor#FW}), so each group of 16 elements takes two 8-element steps. With 512-bit lanes it
   * was one, and the 100 M-parameter model's products of one token took 50-65 ms against 190-230 ms
   * with 8-byte steps then (thread CPU time, loaded; 48 ms per token at 256 bits after the q8map
   * round). One loop body computing all four quarters from shared loads took 110 ms: C2 stopped
   * inlining the Vector API calls there (the method outgrew its inlining budget) and they ran boxed.
   */
  @Override
  float dotStored(byte[] w, int p, float[] x) {
    FloatVector acc = FloatVector.zero(FW);
    for (int i = 0; i < cols; i += 256, p += 210) {
      float d = half(w, p + 208);
      for (int n = 0; n < 2; n++) {
        int ql = p + 64 * n;
        int qh = p + 128 + 32 * n;
        int sc = p + 192 + 8 * n;
        int xo = i + 128 * n;
        for (int g = 0; g < 2; g++) {
          int l = 16 * g;
          // Each quarter with constant bit positions, so that C2 folds the shifts.
          acc = group(w, ql + l, qh + l, x, xo + l, 0, 0)
              .fma(FloatVector.broadcast(FW, d * w[sc + g]), acc);
          acc = group(w, ql + 32 + l, qh + l, x, xo + 32 + l, 0, 2)
              .fma(FloatVector.broadcast(FW, d * w[sc + g + 2]), acc);
          acc = group(w, ql + l, qh + l, x, xo + 64 + l, 4, 4)
              .fma(FloatVector.broadcast(FW, d * w[sc + g + 4]), acc);
          acc = group(w, ql + 32 + l, qh + l, x, xo + 96 + l, 4, 6)
              .fma(FloatVector.broadcast(FW, d * w[sc + g + 6]), acc);
        }
      }
    }
    return acc.reduceLanes(VectorOperators.ADD);
  }

  /** Σ (q − 32)·x over 16 elements whose low bits start at byte lo and high bits at byte hi. */
  private static FloatVector group(byte[] w, int lo, int hi, float[] x, int xo, int nibble, int pair) {
    int step = BW.length();
    FloatVector s = FloatVector.zero(FW);
    for (int k = 0; k < 16; k += step) {
      ByteVector low = ByteVector.fromArray(BW, w, lo + k);
      ByteVector q = quant(low, ByteVector.fromArray(BW, w, hi + k), nibble, pair);
      s = widenWide(q).fma(FloatVector.fromArray(FW, x, xo + k), s);
    }
    return s;
  }

  /** q − 32 from the low-bits nibble at bit {@code nibble} and the two high bits at bit {@code pair}. */
  private static ByteVector quant(ByteVector low, ByteVector high, int nibble, int pair) {
    return bits(low, nibble, 0, 4).or(bits(high, pair, 4, 2)).sub((byte) 32);
  }
}
