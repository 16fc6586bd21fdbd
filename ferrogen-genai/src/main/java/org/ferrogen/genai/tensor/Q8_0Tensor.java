package org.ferrogen.genai.tensor;

import java.nio.ByteBuffer;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.ferrogen.genai.gguf.GgmlType;

/** Q8_0: blocks of 32 int8 codes with an fp16 scale (34 bytes); block sums scaled once per block. */
final class Q8_0Tensor extends BlockTensor {
  Q8_0Tensor(int rows, int cols, ByteBuffer data) {
    super(GgmlType.Q8_0, rows, cols, data);
  }

  /**
   * One row's blocks (stored from {@code w[p]}) times x, eight lanes ({@link #FW}) at a time: four
   * 8-byte loads per block, their products summed in one vector, then scaled once per block. The
   * constant offsets below are written for those eight lanes (256 bits, every kernel's width).
   *
   * <p>The loop steps two induction variables (the column {@code i} and the byte offset {@code q})
   * with constant offsets from them: C2 then folds the offsets into the addresses and hoists the
   * range checks. The previous form (an inner loop over the four loads, the offset advanced by
   * {@code p += 34}) computed every index and checked it in the loop, and the scalar work competed
   * with the conversions and fused multiply-adds for the vector ports. Measured on the 2-core AVX-512
   * development machine (JDK 17, the 100 M-parameter model's products for one token, thread CPU time,
   * same JVM, loaded, medians of 6): the arithmetic alone (rows in L1) 11.2-12.0 ms before, 7.6-7.8
   * ms now (C with intrinsics: 7.4 ms); with the row copies ({@link BlockTensor}) 20.4-21.2 ms against
   * 16.6 ms. Same operations in the same order, so the same sums bit for bit. Two or three rows per
   * pass sharing the loads of x measured no faster in this form (7.6-7.8 ms), four slower (registers
   * spill). x quantised to int8 with 16-bit integer products was not faster either (JDK 17's Vector
   * API has no VNNI dot product) and would change the sums.
   */
  @Override
  float dotStored(byte[] w, int p, float[] x) {
    FloatVector acc = FloatVector.zero(FW);
    for (int i = 0, q = p; i < cols; i += 32, q += 34) {
      FloatVector s = widenWide(w, q + 2).mul(FloatVector.fromArray(FW, x, i));
      s = widenWide(w, q + 10).fma(FloatVector.fromArray(FW, x, i + 8), s);
      s = widenWide(w, q + 18).fma(FloatVector.fromArray(FW, x, i + 16), s);
      s = widenWide(w, q + 26).fma(FloatVector.fromArray(FW, x, i + 24), s);
      acc = s.fma(FloatVector.broadcast(FW, half(w, q)), acc);
    }
    return acc.reduceLanes(VectorOperators.ADD);
  }

  /** Vectorised (the batched products of FloatBackend decode every row once per batch). */
  @Override
  public void decodeRow(int row, float[] dst, int off) {
    byte[] w = storedRow(row);
    for (int i = 0, p = 0; i < cols; i += 32, p += 34) {
      FloatVector d = bc(half(w, p));
      for (int j = 0; j < 32; j += 8) {
        widen(bytes(w, p + 2 + j)).mul(d).intoArray(dst, off + i + j);
      }
    }
  }
}
