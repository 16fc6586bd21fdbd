package org.ferrogen.genai.tensor;

import java.nio.ByteBuffer;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.ferrogen.genai.gguf.GgmlType;

/** Q5_1: blocks of 32, fp16 d, fp16 m, the fifth bits as Q5_0's, 16 bytes of nibbles; value q·d + m. */
final class Q5_1Tensor extends WeightTensor {
  Q5_1Tensor(int rows, int cols, ByteBuffer data) {
    super(GgmlType.Q5_1, rows, cols, data);
  }

  @Override
  public float dot(int row, float[] x, int xOff) {
    int p = row * rowBytes;
    FloatVector acc = FloatVector.zero(F);
    for (int i = xOff; i < xOff + cols; i += 32, p += 24) {
      int qh = data.getInt(p + 4);
      ByteVector v0 = bytes(data, p + 8);
      ByteVector v1 = bytes(data, p + 16);
      FloatVector x0 = xs(x, i);
      FloatVector x1 = xs(x, i + 8);
      FloatVector x2 = xs(x, i + 16);
      FloatVector x3 = xs(x, i + 24);
      FloatVector s = widen(fifth(v0.and((byte) 0x0f), qh)).mul(x0);
      s = widen(fifth(v1.and((byte) 0x0f), qh >>> 8)).fma(x1, s);
      s = widen(fifth(v0.lanewise(VectorOperators.LSHR, 4), qh >>> 16)).fma(x2, s);
      s = widen(fifth(v1.lanewise(VectorOperators.LSHR, 4), qh >>> 24)).fma(x3, s);
      FloatVector sx = x0.add(x1).add(x2.add(x3));
      acc = s.fma(bc(half(data, p)), acc);
      acc = sx.fma(bc(half(data, p + 2)), acc);
    }
    return acc.reduceLanes(VectorOperators.ADD);
  }

  private static ByteVector fifth(ByteVector nibbles, int bits) {
    return nibbles.lanewise(VectorOperators.OR, (byte) 16, Q5_0Tensor.bitsSet(bits));
  }
}
