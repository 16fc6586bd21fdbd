package org.ferrogen.genai.tensor;

import java.nio.ByteBuffer;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.ferrogen.genai.gguf.GgmlType;

/**
 * Q5_K: super-blocks of 256 in 176 bytes: fp16 d, fp16 dmin, 12 bytes of scales and mins as Q4_K's,
 * 32 bytes of fifth bits (bit 2j of byte l for element 64j+l, bit 2j+1 for element 64j+32+l), 128
 * bytes of nibbles as Q4_K's; value d·scale·q − dmin·min.
 */
final class Q5_KTensor extends BlockTensor {
  Q5_KTensor(int rows, int cols, ByteBuffer data) {
    super(GgmlType.Q5_K, rows, cols, data);
  }

  /** {@link #FW} lanes, {@code BW.length()} bytes per step (as {@link Q4_KTensor}). */
  @Override
  float dotStored(byte[] w, int p, float[] x) {
    int step = BW.length();
    FloatVector acc = FloatVector.zero(FW);
    for (int i = 0; i < cols; i += 256, p += 176) {
      float d = half(w, p);
      float dmin = half(w, p + 2);
      for (int j = 0; j < 4; j++) {
        int q = p + 48 + 32 * j;
        int xo = i + 64 * j;
        FloatVector s1 = FloatVector.zero(FW);
        FloatVector s2 = FloatVector.zero(FW);
        FloatVector sx1 = FloatVector.zero(FW);
        FloatVector sx2 = FloatVector.zero(FW);
        for (int k = 0; k < 32; k += step) {
          ByteVector v = ByteVector.fromArray(BW, w, q + k);
          ByteVector h = ByteVector.fromArray(BW, w, p + 16 + k);
          ByteVector lo = v.and((byte) 0x0f)
              .or(bits(h, 2 * j, 4, 1));
          ByteVector hi = bits(v, 4, 0, 4).or(bits(h, 2 * j + 1, 4, 1));
          FloatVector xa = FloatVector.fromArray(FW, x, xo + k);
          FloatVector xb = FloatVector.fromArray(FW, x, xo + 32 + k);
          s1 = widenWide(lo).fma(xa, s1);
          s2 = widenWide(hi).fma(xb, s2);
          sx1 = sx1.add(xa);
          sx2 = sx2.add(xb);
        }
        // Written out, not a helper taking vectors: see WeightTensor.scaleK4.
        acc = s1.fma(FloatVector.broadcast(FW, d * scaleK4(w, p + 4, 2 * j)), acc);
        acc = s2.fma(FloatVector.broadcast(FW, d * scaleK4(w, p + 4, 2 * j + 1)), acc);
        acc = sx1.fma(FloatVector.broadcast(FW, -dmin * minK4(w, p + 4, 2 * j)), acc);
        acc = sx2.fma(FloatVector.broadcast(FW, -dmin * minK4(w, p + 4, 2 * j + 1)), acc);
      }
    }
    return acc.reduceLanes(VectorOperators.ADD);
  }
}
