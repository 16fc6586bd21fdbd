package org.ferrogen.genai.tensor;

import java.nio.ByteBuffer;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.ferrogen.genai.gguf.GgmlType;

/** Q5_1: blocks of 32, fp16 d, fp16 m, the fifth bits as Q5_0's, 16 bytes of nibbles; value q·d + m. */
final class Q5_1Tensor extends BlockTensor {
  Q5_1Tensor(int rows, int cols, ByteBuffer data) {
    super(GgmlType.Q5_1, rows, cols, data);
  }

  @Override
  float dotStored(byte[] w, int p, float[] x) {
    FloatVector acc = FloatVector.zero(F);
    for (int i = 0; i < cols; i += 32, p += 24) {
      int qh = intLE(w, p + 4);
      ByteVector v0 = bytes(w, p + 8);
      ByteVector v1 = bytes(w, p + 16);
      FloatVector x0 = xs(x, i);
      FloatVector x1 = xs(x, i + 8);
      FloatVector x2 = xs(x, i + 16);
      FloatVector x3 = xs(x, i + 24);
      FloatVector s = widen(fifth(v0.and((byte) 0x0f), qh)).mul(x0);
      s = widen(fifth(v1.and((byte) 0x0f), qh >>> 8)).fma(x1, s);
      s = widen(fifth(bits(v0, 4, 0, 4), qh >>> 16)).fma(x2, s);
      s = widen(fifth(bits(v1, 4, 0, 4), qh >>> 24)).fma(x3, s);
      FloatVector sx = x0.add(x1).add(x2.add(x3));
      acc = s.fma(bc(half(w, p)), acc);
      acc = sx.fma(bc(half(w, p + 2)), acc);
    }
    return acc.reduceLanes(VectorOperators.ADD);
  }

  private static ByteVector fifth(ByteVector nibbles, int bits) {
    return nibbles.or(Q5_0Tensor.fifthBits(bits));
  }
}
