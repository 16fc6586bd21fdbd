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

/**
 * binary16 weights widened in registers with integer arithmetic (JDK 17's Vector API has no half
 * conversion): normal numbers re-bias the exponent by adding 112 to it, subnormals are their 10-bit
 * mantissa × 2^-24 (exact, and never a float subnormal, which would cost x86 microcode assists),
 * Inf/NaN lanes are patched, the sign is put back.
 */
final class F16Tensor extends WeightTensor {
  private static final VectorSpecies<Short> S = ShortVector.SPECIES_128;
  private final ShortBuffer halves;

  F16Tensor(int rows, int cols, ByteBuffer data) {
    super(GgmlType.F16, rows, cols, data);
    halves = this.data.asShortBuffer();
  }

  @Override
  public float dot(int row, float[] x, int xOff) {
    short[] w = storedHalves(halves, row);
    FloatVector acc = FloatVector.zero(F);
    int i = 0;
    for (; i + F.length() <= cols; i += F.length()) {
      IntVector h = ((IntVector) ShortVector.fromArray(S, w, i)
          .convertShape(VectorOperators.S2I, IntVector.SPECIES_256, 0)).and(0xffff);
      IntVector exp = h.and(0x7c00);
      IntVector mag = h.and(0x7fff).lanewise(VectorOperators.LSHL, 13);
      IntVector subnormal = ((FloatVector) h.and(0x3ff).convertShape(VectorOperators.I2F, F, 0))
          .mul(0x1p-24f).reinterpretAsInts();
      IntVector bits = mag.add(112 << 23)
          .blend(subnormal, exp.eq(0))
          .blend(mag.or(0x7f800000), exp.eq(0x7c00))
          .or(h.and(0x8000).lanewise(VectorOperators.LSHL, 16));
      acc = bits.reinterpretAsFloats().fma(xs(x, xOff + i), acc);
    }
    float sum = acc.reduceLanes(VectorOperators.ADD);
    for (; i < cols; i++) {
      sum += Half.toFloat(w[i]) * x[xOff + i];
    }
    return sum;
  }

  /** Vectorised like {@link #dot} (the batched products of FloatBackend decode every row once per batch). */
  @Override
  public void decodeRow(int row, float[] dst, int off) {
    short[] w = storedHalves(halves, row);
    int i = 0;
    for (; i + F.length() <= cols; i += F.length()) {
      IntVector h = ((IntVector) ShortVector.fromArray(S, w, i)
          .convertShape(VectorOperators.S2I, IntVector.SPECIES_256, 0)).and(0xffff);
      IntVector exp = h.and(0x7c00);
      IntVector mag = h.and(0x7fff).lanewise(VectorOperators.LSHL, 13);
      IntVector subnormal = ((FloatVector) h.and(0x3ff).convertShape(VectorOperators.I2F, F, 0))
          .mul(0x1p-24f).reinterpretAsInts();
      mag.add(112 << 23)
          .blend(subnormal, exp.eq(0))
          .blend(mag.or(0x7f800000), exp.eq(0x7c00))
          .or(h.and(0x8000).lanewise(VectorOperators.LSHL, 16))
          .reinterpretAsFloats().intoArray(dst, off + i);
    }
    for (; i < cols; i++) {
      dst[off + i] = Half.toFloat(w[i]);
    }
  }
}
