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
final class Q4_1Tensor extends WeightTensor {
  Q4_1Tensor(int rows, int cols, ByteBuffer data) {
    super(GgmlType.Q4_1, rows, cols, data);
  }

  @Override
  public float dot(int row, float[] x, int xOff) {
    byte[] w = row(row);
    int p = 0;
    FloatVector acc = FloatVector.zero(F);
    for (int i = xOff; i < xOff + cols; i += 32, p += 20) {
      ByteVector v0 = bytes(w, p + 4);
      ByteVector v1 = bytes(w, p + 12);
      FloatVector x0 = xs(x, i);
      FloatVector x1 = xs(x, i + 8);
      FloatVector x2 = xs(x, i + 16);
      FloatVector x3 = xs(x, i + 24);
      FloatVector s = widen(v0.and((byte) 0x0f)).mul(x0);
      s = widen(v1.and((byte) 0x0f)).fma(x1, s);
      s = widen(bits(v0, 4, 0, 4)).fma(x2, s);
      s = widen(bits(v1, 4, 0, 4)).fma(x3, s);
      FloatVector sx = x0.add(x1).add(x2.add(x3));
      acc = s.fma(bc(half(w, p)), acc);
      acc = sx.fma(bc(half(w, p + 2)), acc);
    }
    return acc.reduceLanes(VectorOperators.ADD);
  }
}
