package org.ferrogen.genai.tensor;

import java.nio.ByteBuffer;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.ferrogen.genai.gguf.GgmlType;

/** Q8_0: blocks of 32 int8 codes with an fp16 scale (34 bytes); block sums scaled once per block. */
final class Q8_0Tensor extends WeightTensor {
  Q8_0Tensor(int rows, int cols, ByteBuffer data) {
    super(GgmlType.Q8_0, rows, cols, data);
  }

  @Override
  public float dot(int row, float[] x, int xOff) {
    byte[] w = row(row);
    int p = 0;
    FloatVector acc = FloatVector.zero(F);
    for (int i = 0; i < cols; i += 32, p += 34) {
      int q = p + 2;
      FloatVector s = widen(bytes(w, q)).mul(xs(x, xOff + i));
      s = widen(bytes(w, q + 8)).fma(xs(x, xOff + i + 8), s);
      s = widen(bytes(w, q + 16)).fma(xs(x, xOff + i + 16), s);
      s = widen(bytes(w, q + 24)).fma(xs(x, xOff + i + 24), s);
      acc = s.fma(bc(half(w, p)), acc);
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
