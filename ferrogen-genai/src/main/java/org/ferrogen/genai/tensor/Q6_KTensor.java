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
final class Q6_KTensor extends WeightTensor {
  Q6_KTensor(int rows, int cols, ByteBuffer data) {
    super(GgmlType.Q6_K, rows, cols, data);
  }

  @Override
  public float dot(int row, float[] x, int xOff) {
    int p = row * rowBytes;
    FloatVector acc = FloatVector.zero(F);
    for (int i = xOff; i < xOff + cols; i += 256, p += 210) {
      float d = half(data, p + 208);
      for (int n = 0; n < 2; n++) {
        int ql = p + 64 * n;
        int qh = p + 128 + 32 * n;
        int sc = p + 192 + 8 * n;
        int xo = i + 128 * n;
        for (int g = 0; g < 2; g++) {
          FloatVector s1 = FloatVector.zero(F);
          FloatVector s2 = FloatVector.zero(F);
          FloatVector s3 = FloatVector.zero(F);
          FloatVector s4 = FloatVector.zero(F);
          for (int l = 16 * g; l < 16 * g + 16; l += 8) {
            ByteVector lo0 = bytes(data, ql + l);
            ByteVector lo1 = bytes(data, ql + 32 + l);
            ByteVector h = bytes(data, qh + l);
            ByteVector q1 = lo0.and((byte) 0x0f).or(h.and((byte) 3).lanewise(VectorOperators.LSHL, 4));
            ByteVector q2 = lo1.and((byte) 0x0f)
                .or(h.lanewise(VectorOperators.LSHR, 2).and((byte) 3).lanewise(VectorOperators.LSHL, 4));
            ByteVector q3 = lo0.lanewise(VectorOperators.LSHR, 4)
                .or(h.lanewise(VectorOperators.LSHR, 4).and((byte) 3).lanewise(VectorOperators.LSHL, 4));
            ByteVector q4 = lo1.lanewise(VectorOperators.LSHR, 4)
                .or(h.lanewise(VectorOperators.LSHR, 6).lanewise(VectorOperators.LSHL, 4));
            s1 = widen(q1.sub((byte) 32)).fma(xs(x, xo + l), s1);
            s2 = widen(q2.sub((byte) 32)).fma(xs(x, xo + 32 + l), s2);
            s3 = widen(q3.sub((byte) 32)).fma(xs(x, xo + 64 + l), s3);
            s4 = widen(q4.sub((byte) 32)).fma(xs(x, xo + 96 + l), s4);
          }
          acc = s1.fma(bc(d * data.get(sc + g)), acc);
          acc = s2.fma(bc(d * data.get(sc + g + 2)), acc);
          acc = s3.fma(bc(d * data.get(sc + g + 4)), acc);
          acc = s4.fma(bc(d * data.get(sc + g + 6)), acc);
        }
      }
    }
    return acc.reduceLanes(VectorOperators.ADD);
  }
}
