package org.ferrogen.genai.tensor;

import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
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
  private final ShortBuffer halves;

  Bf16Tensor(int rows, int cols, ByteBuffer data) {
    super(GgmlType.BF16, rows, cols, data);
    halves = this.data.asShortBuffer();
  }

  @Override
  public float dot(int row, float[] x, int xOff) {
    short[] w = storedHalves(halves, row, 1);
    FloatVector acc = FloatVector.zero(F);
    int i = 0;
    for (; i + F.length() <= cols; i += F.length()) {
      FloatVector wv = ((IntVector) ShortVector.fromArray(S, w, i)
              .convertShape(VectorOperators.S2I, IntVector.SPECIES_256, 0))
          .lanewise(VectorOperators.LSHL, 16)
          .reinterpretAsFloats();
      acc = wv.fma(xs(x, xOff + i), acc);
    }
    float sum = acc.reduceLanes(VectorOperators.ADD);
    for (; i < cols; i++) {
      sum += Half.bf16ToFloat(w[i]) * x[xOff + i];
    }
    return sum;
  }

  /** Vectorised (the batched products of FloatBackend decode every row once per batch). */
  @Override
  public void decodeRow(int row, float[] dst, int off) {
    short[] w = storedHalves(halves, row, 1);
    int i = 0;
    for (; i + F.length() <= cols; i += F.length()) {
      ((IntVector) ShortVector.fromArray(S, w, i)
              .convertShape(VectorOperators.S2I, IntVector.SPECIES_256, 0))
          .lanewise(VectorOperators.LSHL, 16)
          .reinterpretAsFloats().intoArray(dst, off + i);
    }
    for (; i < cols; i++) {
      dst[off + i] = Half.bf16ToFloat(w[i]);
    }
  }
}
