package org.ferrogen.genai.tensor;

import java.nio.ByteBuffer;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.ferrogen.genai.gguf.GgmlType;

/**
 * Q4_1: blocks of 32, fp16 d, fp16 m, 16 bytes of nibbles laid out as Q4_0's; value q·d + m. The
 * offset contributes m·Σx over the block.
 */
final class Q4_1Tensor extends BlockTensor {
  Q4_1Tensor(int rows, int cols, ByteBuffer data) {
    super(GgmlType.Q4_1, rows, cols, data);
  }

  /**
   * {@link #FW} lanes: with AVX-512 one 16-byte load holds a whole block (low nibbles elements
   * 0..15, high nibbles 16..31), as in {@link Q4_0Tensor}.
   */
  @Override
  float dotStored(byte[] w, int p, float[] x) {
    int step = BW.length();
    FloatVector acc = FloatVector.zero(FW);
    for (int i = 0; i < cols; i += 32, p += 20) {
      FloatVector s = FloatVector.zero(FW);
      FloatVector sx = FloatVector.zero(FW);
      for (int j = 0; j < 16; j += step) {
        ByteVector v = ByteVector.fromArray(BW, w, p + 4 + j);
        FloatVector xa = FloatVector.fromArray(FW, x, i + j);
        FloatVector xb = FloatVector.fromArray(FW, x, i + 16 + j);
        s = widenWide(v.and((byte) 0x0f)).fma(xa, s);
        s = widenWide(bits(v, 4, 0, 4)).fma(xb, s);
        sx = sx.add(xa.add(xb));
      }
      acc = s.fma(FloatVector.broadcast(FW, half(w, p)), acc);
      acc = sx.fma(FloatVector.broadcast(FW, half(w, p + 2)), acc);
    }
    return acc.reduceLanes(VectorOperators.ADD);
  }

}
