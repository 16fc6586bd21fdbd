package org.ferrogen.genai.tensor;

import java.nio.ByteBuffer;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.ferrogen.genai.gguf.GgmlType;

/**
 * Q4_0: blocks of 32, fp16 d then 16 bytes whose low nibbles are elements 0..15 and high nibbles
 * 16..31; value (q − 8)·d. Nibbles are unpacked in registers, eight bytes at a time.
 */
final class Q4_0Tensor extends WeightTensor {
  Q4_0Tensor(int rows, int cols, ByteBuffer data) {
    super(GgmlType.Q4_0, rows, cols, data);
  }

  @Override
  public float dot(int row, float[] x, int xOff) {
    byte[] w = row(row);
    int p = 0;
    FloatVector acc = FloatVector.zero(F);
    for (int i = xOff; i < xOff + cols; i += 32, p += 18) {
      ByteVector v0 = bytes(w, p + 2);
      ByteVector v1 = bytes(w, p + 10);
      FloatVector s = widen(v0.and((byte) 0x0f).sub((byte) 8)).mul(xs(x, i));
      s = widen(v1.and((byte) 0x0f).sub((byte) 8)).fma(xs(x, i + 8), s);
      s = widen(bits(v0, 4, 0, 4).sub((byte) 8)).fma(xs(x, i + 16), s);
      s = widen(bits(v1, 4, 0, 4).sub((byte) 8)).fma(xs(x, i + 24), s);
      acc = s.fma(bc(half(w, p)), acc);
    }
    return acc.reduceLanes(VectorOperators.ADD);
  }

  /** Vectorised (the batched products of FloatBackend decode every row once per batch). */
  @Override
  public void decodeRow(int row, float[] dst, int off) {
    int p = row * rowBytes;
    for (int i = off; i < off + cols; i += 32, p += 18) {
      FloatVector d = bc(half(data, p));
      ByteVector v0 = bytes(data, p + 2);
      ByteVector v1 = bytes(data, p + 10);
      widen(v0.and((byte) 0x0f).sub((byte) 8)).mul(d).intoArray(dst, i);
      widen(v1.and((byte) 0x0f).sub((byte) 8)).mul(d).intoArray(dst, i + 8);
      widen(v0.lanewise(VectorOperators.LSHR, 4).sub((byte) 8)).mul(d).intoArray(dst, i + 16);
      widen(v1.lanewise(VectorOperators.LSHR, 4).sub((byte) 8)).mul(d).intoArray(dst, i + 24);
    }
  }
}
