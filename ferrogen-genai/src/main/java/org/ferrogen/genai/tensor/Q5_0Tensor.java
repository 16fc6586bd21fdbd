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

  /**
   * One pass per block, every operation written out in this method: with the bit work in small
   * helpers ({@code fifth}, {@link #fifthBits}, {@link #bits}, {@link #widen}), C2 sometimes found
   * one of them already compiled on its own (C1 code, boxed vectors, too big to inline) and called
   * it, and the kernel's Vector API calls ran boxed: llama.cpp's Q4_K_M file of the shipped model,
   * mostly Q5_0, decoded at 170-470 instead of 1,200-1,500 tokens/s in about one run in six, JFR
   * showing the Vector API's Java fallbacks under this method (development machine, loaded,
   * `--continuations 3`). Written out: 790-1,460 tokens/s in 21 of 22 runs, one at 492 (not
   * profiled); no fallbacks in the 10 profiled runs. Same operations in the same order, so the same
   * products. The nibbles' high halves move down by shifting 32-bit lanes and masking, as {@link
   * #bits} does.
   */
  @Override
  float dotStored(byte[] w, int p, float[] x) {
    FloatVector acc = FloatVector.zero(F);
    for (int i = 0; i < cols; i += 32, p += 22) {
      int qh = intLE(w, p + 2);
      ByteVector v0 = ByteVector.fromArray(B, w, p + 6);
      ByteVector v1 = ByteVector.fromArray(B, w, p + 14);
      ByteVector q0 = v0.and((byte) 0x0f).or(ByteVector.fromArray(B, SPREAD_16, (qh & 0xff) * 8)).sub((byte) 16);
      ByteVector q1 = v1.and((byte) 0x0f).or(ByteVector.fromArray(B, SPREAD_16, ((qh >>> 8) & 0xff) * 8))
          .sub((byte) 16);
      ByteVector q2 = v0.reinterpretAsInts().lanewise(VectorOperators.LSHR, 4).reinterpretAsBytes().and((byte) 0x0f)
          .or(ByteVector.fromArray(B, SPREAD_16, ((qh >>> 16) & 0xff) * 8)).sub((byte) 16);
      ByteVector q3 = v1.reinterpretAsInts().lanewise(VectorOperators.LSHR, 4).reinterpretAsBytes().and((byte) 0x0f)
          .or(ByteVector.fromArray(B, SPREAD_16, (qh >>> 24) * 8)).sub((byte) 16);
      FloatVector s = ((FloatVector) q0.convertShape(VectorOperators.B2F, F, 0)).mul(FloatVector.fromArray(F, x, i));
      s = ((FloatVector) q1.convertShape(VectorOperators.B2F, F, 0)).fma(FloatVector.fromArray(F, x, i + 8), s);
      s = ((FloatVector) q2.convertShape(VectorOperators.B2F, F, 0)).fma(FloatVector.fromArray(F, x, i + 16), s);
      s = ((FloatVector) q3.convertShape(VectorOperators.B2F, F, 0)).fma(FloatVector.fromArray(F, x, i + 24), s);
      acc = s.fma(FloatVector.broadcast(F, half(w, p)), acc);
    }
    return acc.reduceLanes(VectorOperators.ADD);
  }
}
