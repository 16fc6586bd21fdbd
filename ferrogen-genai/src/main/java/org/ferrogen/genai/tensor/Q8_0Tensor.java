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
   * One row's blocks (stored from {@code w[p]}) times x, {@link #FW} lanes at a time. Measured on
   * the 2-core AVX-512 development machine (JDK 17, the 100 M-parameter model's products for one
   * token, thread CPU time, same JVM, loaded machine): the arithmetic alone (row already in cache)
   * took 12-17 ms with 8-byte steps on 256-bit lanes, 12-15 ms with 16-byte steps on 512-bit lanes
   * and 9-11 ms with the block scale read as one 16-bit load; copying the rows out of the mapping
   * takes another 8-12 ms (see {@link BlockTensor}). x quantised to int8 with 16-bit integer
   * products was not faster (JDK 17's Vector API has no VNNI dot product; 18 ms for the arithmetic
   * alone). Two or four rows per pass sharing the loads of x cut the products' CPU by up to a quarter
   * with the rows in L2 but not measurably from the mapping, and the larger methods cost a cold
   * {@code generate} 0.6 s (two rows) and 1.5 s (four) more CPU in all, mostly in C2 compiling them.
   */
  @Override
  float dotStored(byte[] w, int p, float[] x, int xOff) {
    int step = FW.length();
    FloatVector acc = FloatVector.zero(FW);
    for (int i = 0; i < cols; i += 32, p += 34) {
      FloatVector s = widenWide(w, p + 2).mul(FloatVector.fromArray(FW, x, xOff + i));
      for (int j = step; j < 32; j += step) {
        s = widenWide(w, p + 2 + j).fma(FloatVector.fromArray(FW, x, xOff + i + j), s);
      }
      acc = s.fma(FloatVector.broadcast(FW, half(w, p)), acc);
    }
    return acc.reduceLanes(VectorOperators.ADD);
  }

  /** Vectorised (the batched products of FloatBackend decode every row once per batch). */
  @Override
  public void decodeRow(int row, float[] dst, int off) {
    int p = row * rowBytes;
    for (int i = 0; i < cols; i += 32, p += 34) {
      FloatVector d = bc(half(data, p));
      for (int j = 0; j < 32; j += 8) {
        widen(bytes(data, p + 2 + j)).mul(d).intoArray(dst, off + i + j);
      }
    }
  }
}
