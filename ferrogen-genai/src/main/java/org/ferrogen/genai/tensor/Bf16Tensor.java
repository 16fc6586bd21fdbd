package org.ferrogen.genai.tensor;

import java.nio.ByteBuffer;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.ferrogen.genai.gguf.GgmlType;
import org.ferrogen.genai.gguf.Half;

/** bfloat16 weights widened in registers: the 16 bits become the upper half of a float. */
final class Bf16Tensor extends WeightTensor {
  private static final VectorSpecies<Short> S = ShortVector.SPECIES_128;

  Bf16Tensor(int rows, int cols, ByteBuffer data) {
    super(GgmlType.BF16, rows, cols, data);
  }

  @Override
  public float dot(int row, float[] x, int xOff) {
    int base = row * rowBytes;
    FloatVector acc = FloatVector.zero(F);
    int i = 0;
    for (; i + F.length() <= cols; i += F.length()) {
      FloatVector w = ((IntVector) ShortVector.fromByteBuffer(S, data, base + 2 * i, LE)
              .convertShape(VectorOperators.S2I, IntVector.SPECIES_256, 0))
          .lanewise(VectorOperators.LSHL, 16)
          .reinterpretAsFloats();
      acc = w.fma(xs(x, xOff + i), acc);
    }
    float sum = acc.reduceLanes(VectorOperators.ADD);
    for (; i < cols; i++) {
      sum += Half.bf16ToFloat(data.getShort(base + 2 * i)) * x[xOff + i];
    }
    return sum;
  }
}
