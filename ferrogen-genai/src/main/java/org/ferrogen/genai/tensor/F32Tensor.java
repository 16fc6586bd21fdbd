package org.ferrogen.genai.tensor;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.ferrogen.genai.gguf.GgmlType;

/** IEEE binary32 weights, read in place. */
final class F32Tensor extends WeightTensor {
  private static final ThreadLocal<float[]> ROW = ThreadLocal.withInitial(() -> new float[0]);
  private final FloatBuffer floats;

  F32Tensor(int rows, int cols, ByteBuffer data) {
    super(GgmlType.F32, rows, cols, data);
    floats = this.data.asFloatBuffer();
  }

  @Override
  public float dot(int row, float[] x, int xOff) {
    float[] w = ROW.get();
    if (w.length < cols) {
      w = new float[cols];
      ROW.set(w);
    }
    // One bulk copy of the row from the mapping (see BlockTensor), then array loads.
    floats.get(row * cols, w, 0, cols);
    int bound = F.loopBound(cols);
    FloatVector acc0 = FloatVector.zero(F);
    FloatVector acc1 = FloatVector.zero(F);
    int i = 0;
    for (; i + 2 * F.length() <= bound; i += 2 * F.length()) {
      acc0 = FloatVector.fromArray(F, w, i).fma(xs(x, xOff + i), acc0);
      acc1 = FloatVector.fromArray(F, w, i + F.length())
          .fma(xs(x, xOff + i + F.length()), acc1);
    }
    for (; i < bound; i += F.length()) {
      acc0 = FloatVector.fromArray(F, w, i).fma(xs(x, xOff + i), acc0);
    }
    float sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    for (; i < cols; i++) {
      sum += w[i] * x[xOff + i];
    }
    return sum;
  }

  /** Vectorised (the batched products of FloatBackend decode every row once per batch). */
  @Override
  public void decodeRow(int row, float[] dst, int off) {
    floats.get(row * cols, dst, off, cols);
  }
}
