package org.ferrogen.genai.tensor;

import java.nio.ByteBuffer;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.ferrogen.genai.gguf.GgmlType;

/** IEEE binary32 weights, read in place. */
final class F32Tensor extends WeightTensor {
  F32Tensor(int rows, int cols, ByteBuffer data) {
    super(GgmlType.F32, rows, cols, data);
  }

  @Override
  public float dot(int row, float[] x, int xOff) {
    int base = row * rowBytes;
    int bound = F.loopBound(cols);
    FloatVector acc0 = FloatVector.zero(F);
    FloatVector acc1 = FloatVector.zero(F);
    int i = 0;
    for (; i + 2 * F.length() <= bound; i += 2 * F.length()) {
      acc0 = FloatVector.fromByteBuffer(F, data, base + 4 * i, LE).fma(xs(x, xOff + i), acc0);
      acc1 = FloatVector.fromByteBuffer(F, data, base + 4 * (i + F.length()), LE)
          .fma(xs(x, xOff + i + F.length()), acc1);
    }
    for (; i < bound; i += F.length()) {
      acc0 = FloatVector.fromByteBuffer(F, data, base + 4 * i, LE).fma(xs(x, xOff + i), acc0);
    }
    float sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    for (; i < cols; i++) {
      sum += data.getFloat(base + 4 * i) * x[xOff + i];
    }
    return sum;
  }
}
