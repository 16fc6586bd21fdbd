package org.ferrogen.genai.tensor;

import java.nio.ByteBuffer;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.ferrogen.genai.gguf.GgmlType;

/**
 * Q4_K: super-blocks of 256 elements in 144 bytes: fp16 d, fp16 dmin, 12 bytes holding eight 6-bit
 * sub-block scales and mins ({@link org.ferrogen.genai.gguf.GgmlCodec#scaleK4}), 128 bytes of nibbles. Elements 64j..64j+31
 * are the low nibbles of bytes 32j..32j+31, elements 64j+32.. their high nibbles; value
 * d·scale·q − dmin·min. Per sub-block the dot product accumulates Σq·x and Σx.
 */
final class Q4_KTensor extends BlockTensor {
  Q4_KTensor(int rows, int cols, ByteBuffer data) {
    super(GgmlType.Q4_K, rows, cols, data);
  }

  /**
   * {@link #FW} lanes, {@code BW.length()} bytes of nibbles per step (two steps per 32-byte group
   * with AVX-512 instead of four).
   */
  @Override
  float dotStored(byte[] w, int p, float[] x) {
    int step = BW.length();
    FloatVector acc = FloatVector.zero(FW);
    for (int i = 0; i < cols; i += 256, p += 144) {
      float d = half(w, p);
      float dmin = half(w, p + 2);
      for (int j = 0; j < 4; j++) {
        int q = p + 16 + 32 * j;
        int xo = i + 64 * j;
        FloatVector s1 = FloatVector.zero(FW);
        FloatVector s2 = FloatVector.zero(FW);
        FloatVector sx1 = FloatVector.zero(FW);
        FloatVector sx2 = FloatVector.zero(FW);
        for (int k = 0; k < 32; k += step) {
          ByteVector v = ByteVector.fromArray(BW, w, q + k);
          FloatVector xa = FloatVector.fromArray(FW, x, xo + k);
          FloatVector xb = FloatVector.fromArray(FW, x, xo + 32 + k);
          s1 = widenWide(v.and((byte) 0x0f)).fma(xa, s1);
          s2 = widenWide(bits(v, 4, 0, 4)).fma(xb, s2);
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
