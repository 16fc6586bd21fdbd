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
 * conversion). The codes are sign-extended to 32 bits, so one shift and one mask put the magnitude's
 * 15 bits in float bits 13-27 and the sign stays in bit 31. Normal numbers then re-bias the exponent
 * by adding 112 to it; a subnormal (or zero) m·2^-24 is the normal 2^-14·(1 + m/1024) built the same
 * way with 113, minus 2^-14 (exact by Sterbenz's lemma, and no operand is a float subnormal, which
 * would cost x86 microcode assists); Inf/NaN lanes get the all-ones exponent; the sign is put back.
 * Fourteen lane operations per eight weights with the multiply-add, against eighteen for the
 * previous form (I2F of the mantissa for subnormals, the sign shifted from bit 15).
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
    return dotStored(storedHalves(halves, row, 1), 0, x, xOff);
  }

  /** The row whose codes start at {@code w[o]} times x. */
  private float dotStored(short[] w, int o, float[] x, int xOff) {
    FloatVector acc = FloatVector.zero(F);
    int bound = F.loopBound(cols);
    for (int i = 0; i < bound; i += F.length()) {
      IntVector h = (IntVector) ShortVector.fromArray(S, w, o + i)
          .convertShape(VectorOperators.S2I, IntVector.SPECIES_256, 0);
      IntVector mag = h.lanewise(VectorOperators.LSHL, 13).and(0x0fffe000);
      FloatVector subnormal = mag.add(113 << 23).reinterpretAsFloats().sub(0x1p-14f);
      IntVector bits = mag.add(112 << 23)
          .blend(subnormal.reinterpretAsInts(), mag.lt(1 << 23))
          .blend(mag.or(0x7f800000), mag.compare(VectorOperators.GE, 31 << 23))
          .or(h.and(0x80000000));
      acc = bits.reinterpretAsFloats().fma(xs(x, xOff + i), acc);
    }
    return tail(w, o, acc.reduceLanes(VectorOperators.ADD), bound, x, xOff);
  }

  /**
   * Runs of rows copied with one bulk get each (as {@link BlockTensor}'s), then two rows per pass:
   * two accumulator chains instead of one, and each load of x serves both rows. Each row keeps
   * {@link #dot}'s order of operations, so the same sums.
   */
  @Override
  public void dotRows(int from, int to, float[] x, int xOff, float[] y) {
    int runRows = Math.max(2, BlockTensor.RUN_BYTES / 2 / cols);
    int bound = F.loopBound(cols);
    for (int r = from; r < to; r += runRows) {
      int n = Math.min(runRows, to - r);
      short[] w = storedHalves(halves, r, n);
      int k = 0;
      for (; k + 2 <= n; k += 2) {
        int o0 = k * cols;
        int o1 = o0 + cols;
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = FloatVector.zero(F);
        for (int i = 0; i < bound; i += F.length()) {
          FloatVector v = xs(x, xOff + i);
          IntVector h0 = (IntVector) ShortVector.fromArray(S, w, o0 + i)
              .convertShape(VectorOperators.S2I, IntVector.SPECIES_256, 0);
          IntVector h1 = (IntVector) ShortVector.fromArray(S, w, o1 + i)
              .convertShape(VectorOperators.S2I, IntVector.SPECIES_256, 0);
          IntVector mag0 = h0.lanewise(VectorOperators.LSHL, 13).and(0x0fffe000);
          IntVector mag1 = h1.lanewise(VectorOperators.LSHL, 13).and(0x0fffe000);
          FloatVector subnormal0 = mag0.add(113 << 23).reinterpretAsFloats().sub(0x1p-14f);
          FloatVector subnormal1 = mag1.add(113 << 23).reinterpretAsFloats().sub(0x1p-14f);
          IntVector bits0 = mag0.add(112 << 23)
              .blend(subnormal0.reinterpretAsInts(), mag0.lt(1 << 23))
              .blend(mag0.or(0x7f800000), mag0.compare(VectorOperators.GE, 31 << 23))
              .or(h0.and(0x80000000));
          IntVector bits1 = mag1.add(112 << 23)
              .blend(subnormal1.reinterpretAsInts(), mag1.lt(1 << 23))
              .blend(mag1.or(0x7f800000), mag1.compare(VectorOperators.GE, 31 << 23))
              .or(h1.and(0x80000000));
          a0 = bits0.reinterpretAsFloats().fma(v, a0);
          a1 = bits1.reinterpretAsFloats().fma(v, a1);
        }
        y[r + k] = tail(w, o0, a0.reduceLanes(VectorOperators.ADD), bound, x, xOff);
        y[r + k + 1] = tail(w, o1, a1.reduceLanes(VectorOperators.ADD), bound, x, xOff);
      }
      if (k < n) {
        y[r + k] = dotStored(w, k * cols, x, xOff);
      }
    }
  }

  /** {@code sum} plus the products of columns {@code from..cols} of the row at {@code w[o]}, in order. */
  private float tail(short[] w, int o, float sum, int from, float[] x, int xOff) {
    for (int i = from; i < cols; i++) {
      sum += Half.toFloat(w[o + i]) * x[xOff + i];
    }
    return sum;
  }

  /** Vectorised like {@link #dot} (the batched products of FloatBackend decode every row once per batch). */
  @Override
  public void decodeRow(int row, float[] dst, int off) {
    short[] w = storedHalves(halves, row, 1);
    int i = 0;
    for (; i + F.length() <= cols; i += F.length()) {
      IntVector h = (IntVector) ShortVector.fromArray(S, w, i)
          .convertShape(VectorOperators.S2I, IntVector.SPECIES_256, 0);
      IntVector mag = h.lanewise(VectorOperators.LSHL, 13).and(0x0fffe000);
      FloatVector subnormal = mag.add(113 << 23).reinterpretAsFloats().sub(0x1p-14f);
      mag.add(112 << 23)
          .blend(subnormal.reinterpretAsInts(), mag.lt(1 << 23))
          .blend(mag.or(0x7f800000), mag.compare(VectorOperators.GE, 31 << 23))
          .or(h.and(0x80000000))
          .reinterpretAsFloats().intoArray(dst, off + i);
    }
    for (; i < cols; i++) {
      dst[off + i] = Half.toFloat(w[i]);
    }
  }
}
