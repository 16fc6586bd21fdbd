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
final class Q4_0Tensor extends BlockTensor {
  Q4_0Tensor(int rows, int cols, ByteBuffer data) {
    super(GgmlType.Q4_0, rows, cols, data);
  }

  /**
   * On {@link #FW} lanes: with AVX-512 one 16-byte load holds a whole block, its low nibbles
   * elements 0..15 and its high nibbles 16..31, so a block takes two conversions and two fused
   * multiply-adds instead of four (as {@link Q8_0Tensor}'s kernel, the scale is one 16-bit load).
   */
  @Override
  float dotStored(byte[] w, int p, float[] x) {
    int step = BW.length();
    FloatVector acc = FloatVector.zero(FW);
    for (int i = 0; i < cols; i += 32, p += 18) {
      ByteVector v = ByteVector.fromArray(BW, w, p + 2);
      FloatVector s = widenWide(v.and((byte) 0x0f).sub((byte) 8)).mul(FloatVector.fromArray(FW, x, i));
      s = widenWide(bits(v, 4, 0, 4).sub((byte) 8)).fma(FloatVector.fromArray(FW, x, i + 16), s);
      for (int j = step; j < 16; j += step) {
        v = ByteVector.fromArray(BW, w, p + 2 + j);
        s = widenWide(v.and((byte) 0x0f).sub((byte) 8)).fma(FloatVector.fromArray(FW, x, i + j), s);
        s = widenWide(bits(v, 4, 0, 4).sub((byte) 8)).fma(FloatVector.fromArray(FW, x, i + 16 + j), s);
      }
      acc = s.fma(FloatVector.broadcast(FW, half(w, p)), acc);
    }
    return acc.reduceLanes(VectorOperators.ADD);
  }

  /** Vectorised (the batched products of FloatBackend decode every row once per batch). */
  @Override
  public void decodeRow(int row, float[] dst, int off) {
    byte[] w = storedRow(row);
    for (int i = off, p = 0; i < off + cols; i += 32, p += 18) {
      FloatVector d = bc(half(w, p));
      ByteVector v0 = bytes(w, p + 2);
      ByteVector v1 = bytes(w, p + 10);
      widen(v0.and((byte) 0x0f).sub((byte) 8)).mul(d).intoArray(dst, i);
      widen(v1.and((byte) 0x0f).sub((byte) 8)).mul(d).intoArray(dst, i + 8);
      widen(v0.lanewise(VectorOperators.LSHR, 4).sub((byte) 8)).mul(d).intoArray(dst, i + 16);
      widen(v1.lanewise(VectorOperators.LSHR, 4).sub((byte) 8)).mul(d).intoArray(dst, i + 24);
    }
  }
}
