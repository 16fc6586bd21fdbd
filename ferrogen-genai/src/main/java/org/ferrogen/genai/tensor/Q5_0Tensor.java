package org.ferrogen.genai.tensor;

import java.nio.ByteBuffer;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.ferrogen.genai.gguf.GgmlType;

/**
 * Q5_0: blocks of 32, fp16 d, a little-endian uint32 whose bit j is the fifth bit of element j, then
 * 16 bytes of nibbles laid out as Q4_0's; value (q − 16)·d. The fifth bits are spread over byte
 * lanes by a table lookup.
 */
final class Q5_0Tensor extends BlockTensor {
  /**
   * For each byte value b, eight bytes: 16 where bit k of b is set, else 0 (2 KiB, stays in L1): the
   * fifth bits of eight elements in one load. Masked vector operations, the alternative, measured
   * several times slower on JDK 17 with AVX2.
   */
  static final byte[] SPREAD_16 = new byte[256 * 8];

  static {
    for (int b = 0; b < 256; b++) {
      for (int k = 0; k < 8; k++) {
        SPREAD_16[8 * b + k] = (byte) (((b >>> k) & 1) << 4);
      }
    }
  }

  Q5_0Tensor(int rows, int cols, ByteBuffer data) {
    super(GgmlType.Q5_0, rows, cols, data);
  }

  /** 16 in the lanes whose bit of {@code bits} (its low 8 bits) is set. */
  static ByteVector fifthBits(int bits) {
    return ByteVector.fromArray(B, SPREAD_16, (bits & 0xff) * 8);
  }

  @Override
  float dotStored(byte[] w, int p, float[] x) {
    FloatVector acc = FloatVector.zero(F);
    for (int i = 0; i < cols; i += 32, p += 22) {
      int qh = intLE(w, p + 2);
      ByteVector v0 = bytes(w, p + 6);
      ByteVector v1 = bytes(w, p + 14);
      FloatVector s = widen(fifth(v0.and((byte) 0x0f), qh)).mul(xs(x, i));
      s = widen(fifth(v1.and((byte) 0x0f), qh >>> 8)).fma(xs(x, i + 8), s);
      s = widen(fifth(bits(v0, 4, 0, 4), qh >>> 16)).fma(xs(x, i + 16), s);
      s = widen(fifth(bits(v1, 4, 0, 4), qh >>> 24)).fma(xs(x, i + 24), s);
      acc = s.fma(bc(half(w, p)), acc);
    }
    return acc.reduceLanes(VectorOperators.ADD);
  }

  private static ByteVector fifth(ByteVector nibbles, int bits) {
    return nibbles.or(fifthBits(bits)).sub((byte) 16);
  }
}
