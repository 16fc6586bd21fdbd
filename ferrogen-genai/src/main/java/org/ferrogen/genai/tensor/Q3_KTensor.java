package org.ferrogen.genai.tensor;

import java.nio.ByteBuffer;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.ferrogen.genai.gguf.GgmlType;

/**
 * Q3_K: super-blocks of 256 in 110 bytes: 32 bytes of high-bit mask, 64 bytes of 2-bit quants, 12
 * bytes of sixteen 6-bit scales (offset 32, see {@link org.ferrogen.genai.gguf.GgmlCodec#q3kScales}),
 * fp16 d. Quant bits are laid out as Q2_K's; element 128n+32s+l also takes bit 4n+s of mask byte l;
 * a clear bit subtracts 4: value d·(scale − 32)·(q − (bit ? 0 : 4)).
 */
final class Q3_KTensor extends BlockTensor {
  Q3_KTensor(int rows, int cols, ByteBuffer data) {
    super(GgmlType.Q3_K, rows, cols, data);
  }

  /** Scale i (0..15) of the 12 scale bytes at {@code s}, less its offset of 32. */
  private static int scale(byte[] w, int s, int i) {
    int low = i < 8 ? w[s + i] & 0x0f : (w[s + i - 8] & 0xff) >>> 4;
    int high = ((w[s + 8 + (i & 3)] & 0xff) >>> (2 * (i >>> 2))) & 3;
    return (low | (high << 4)) - 32;
  }

  @Override
  float dotStored(byte[] w, int p, float[] x) {
    FloatVector acc = FloatVector.zero(F);
    for (int i = 0; i < cols; i += 256, p += 110) {
      float d = half(w, p + 108);
      ByteVector h0 = bytes(w, p);
      ByteVector h1 = bytes(w, p + 8);
      ByteVector h2 = bytes(w, p + 16);
      ByteVector h3 = bytes(w, p + 24);
      int is = 0;
      for (int n = 0; n < 2; n++) {
        int q = p + 32 + 32 * n;
        ByteVector v0 = bytes(w, q);
        ByteVector v1 = bytes(w, q + 8);
        ByteVector v2 = bytes(w, q + 16);
        ByteVector v3 = bytes(w, q + 24);
        for (int s = 0; s < 4; s++) {
          int xo = i + 128 * n + 32 * s;
          int shift = 2 * s;
          int bit = 4 * n + s;
          FloatVector sa = widen(quant(v0, h0, shift, bit)).mul(xs(x, xo));
          sa = widen(quant(v1, h1, shift, bit)).fma(xs(x, xo + 8), sa);
          FloatVector sb = widen(quant(v2, h2, shift, bit)).mul(xs(x, xo + 16));
          sb = widen(quant(v3, h3, shift, bit)).fma(xs(x, xo + 24), sb);
          acc = sa.fma(bc(d * scale(w, p + 96, is++)), acc);
          acc = sb.fma(bc(d * scale(w, p + 96, is++)), acc);
        }
      }
    }
    return acc.reduceLanes(VectorOperators.ADD);
  }

  private static ByteVector quant(ByteVector low, ByteVector mask, int shift, int bit) {
    return bits(low, shift, 0, 2).or(bits(mask, bit, 2, 1))
        .sub((byte) 4);
  }
}
