package org.ferrogen.genai.tensor;

import java.nio.ByteBuffer;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import org.ferrogen.genai.gguf.GgmlType;

/**
 * Q5_0: blocks of 32, fp16 d, a little-endian uint32 whose bit j is the fifth bit of element j, then
 * 16 bytes of nibbles laid out as Q4_0's; value (q − 16)·d. The fifth bits are spread over byte
 * lanes with a lane-bit mask compare.
 */
final class Q5_0Tensor extends WeightTensor {
  static final ByteVector LANE_BITS = ByteVector.fromArray(B, new byte[] {1, 2, 4, 8, 16, 32, 64, (byte) 128}, 0);

  Q5_0Tensor(int rows, int cols, ByteBuffer data) {
    super(GgmlType.Q5_0, rows, cols, data);
  }

  /** Lanes whose bit of {@code bits} (bits 0..7) is set. */
  static VectorMask<Byte> bitsSet(int bits) {
    return ByteVector.broadcast(B, (byte) bits).and(LANE_BITS).compare(VectorOperators.NE, 0);
  }

  @Override
  public float dot(int row, float[] x, int xOff) {
    int p = row * rowBytes;
    FloatVector acc = FloatVector.zero(F);
    for (int i = xOff; i < xOff + cols; i += 32, p += 22) {
      int qh = data.getInt(p + 2);
      ByteVector v0 = bytes(data, p + 6);
      ByteVector v1 = bytes(data, p + 14);
      FloatVector s = widen(fifth(v0.and((byte) 0x0f), qh)).mul(xs(x, i));
      s = widen(fifth(v1.and((byte) 0x0f), qh >>> 8)).fma(xs(x, i + 8), s);
      s = widen(fifth(v0.lanewise(VectorOperators.LSHR, 4), qh >>> 16)).fma(xs(x, i + 16), s);
      s = widen(fifth(v1.lanewise(VectorOperators.LSHR, 4), qh >>> 24)).fma(xs(x, i + 24), s);
      acc = s.fma(bc(half(data, p)), acc);
    }
    return acc.reduceLanes(VectorOperators.ADD);
  }

  private static ByteVector fifth(ByteVector nibbles, int bits) {
    return nibbles.lanewise(VectorOperators.OR, (byte) 16, bitsSet(bits)).sub((byte) 16);
  }
}
