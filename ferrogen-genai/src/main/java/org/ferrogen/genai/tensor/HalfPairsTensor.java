package org.ferrogen.genai.tensor;

import java.nio.ShortBuffer;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.ferrogen.genai.gguf.GgmlType;

/**
 * An F16 matrix copied once into a heap {@code int[]} of re-encoded 16-bit codes, two per int: half
 * the bytes of {@link WidenedTensor}'s floats, for the same products bit for bit.
 *
 * <p>Why: decoding a small model is bound by how fast its weights stream from the last-level cache.
 * The shipped model's 2.75 M weights are 11 MB as floats, beyond the 2 MB L2 cache of the
 * development machine's cores, and a standalone loop over them moved 23-28 GB/s whatever the row
 * count or the vector width; 86 % of a JFR profile of steady decoding was in that loop. Here a pass
 * reads 5.5 MB and rebuilds each float with three or four integer and float lane operations, which
 * this core does faster than the cache delivers the floats (measurements in docs/performance.md).
 *
 * <p>The encoding: each F16 code (sign, 5-bit exponent e, 10-bit mantissa) is stored with its
 * magnitude scaled by 2^10, as sign, e + 10, mantissa; a subnormal code is normalised on the way (its
 * value m·2^-24 times 2^10 is a normal number). Shifting such a code so that its low 15 bits land in
 * bits 13-27 of a float and multiplying by 2^102 (= 2^(127-15-10)) gives the weight exactly; no lane
 * is ever a float subnormal, which on x86 would cost a microcode assist per operation. The int at
 * {@code r·cols/2 + c/2 + t} (c a multiple of 16, t < 8) holds column c + t in its low half and
 * column c + 8 + t in its high half, so that one eight-lane int load yields two consecutive eight-lane
 * float vectors. The products keep {@link WidenedTensor}'s order (one eight-lane accumulator per row,
 * columns in order, lanes reduced), hence the same sums.
 *
 * <p>Matrices this cannot hold exactly stay widened (see {@link #of}): a weight of magnitude 64 or
 * more (its exponent would overflow the 5-bit field), Inf or NaN, or a row length that is not a
 * multiple of 16. Two rows per pass, as measured best in the loop: four rows made C2 give up
 * inlining part of the loop (those rows ran on boxed vectors), three spilled registers. The lane
 * operations are written out in the loops, not in helpers: a helper that C2 compiles on its own is
 * then not inlined, and the kernel runs on boxed vectors (seen in Q5_0, see docs/performance.md).
 */
final class HalfPairsTensor extends WeightTensor {
  private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
  /** The sign bit and the 15 bits of a shifted code's magnitude (float bits 13-27). */
  private static final int MAGNITUDE_AND_SIGN = 0x8fffe000;
  /** Undoes the shift into float bits and the 2^10 scaling. */
  private static final float SCALE = 0x1p102f;
  /** F16 exponents above this would not fit the 5-bit field after adding 10. */
  private static final int LARGEST_EXPONENT = 20;

  private final int[] pairs;

  private HalfPairsTensor(WeightTensor source, int[] pairs) {
    super(source.type, source.rows, source.cols, source.data);
    this.pairs = pairs;
  }

  /** The re-encoded copy of an F16 matrix, or null when it cannot hold every weight exactly. */
  static HalfPairsTensor of(WeightTensor f16) {
    if (f16.type != GgmlType.F16 || f16.cols % 16 != 0) {
      return null;
    }
    int cols = f16.cols;
    ShortBuffer halves = f16.data.asShortBuffer();
    int[] pairs = new int[Math.multiplyExact(f16.rows, cols) / 2];
    // The codes come out of the mapping one row at a time in bulk (a get per weight, interpreted at
    // load, is slow: see WidenedTensor).
    short[] row = new short[cols];
    for (int r = 0; r < f16.rows; r++) {
      halves.get(r * cols, row, 0, cols);
      int at = r * (cols / 2);
      for (int c = 0; c < cols; c += 16) {
        for (int t = 0; t < 8; t++) {
          int low = rescaled(row[c + t]);
          int high = rescaled(row[c + 8 + t]);
          if (low < 0 || high < 0) {
            return null;
          }
          pairs[at + c / 2 + t] = high << 16 | low;
        }
      }
    }
    return new HalfPairsTensor(f16, pairs);
  }

  /** A binary16 code re-encoded with its magnitude times 2^10 (see the class comment), or -1. */
  static int rescaled(short code) {
    int sign = code & 0x8000;
    int exponent = (code >>> 10) & 0x1f;
    int mantissa = code & 0x3ff;
    if (exponent == 0) {
      if (mantissa == 0) {
        return sign;
      }
      // m·2^-24·2^10 = 1.f·2^(k-14) for m's leading bit k: exponent field k + 1.
      int k = 31 - Integer.numberOfLeadingZeros(mantissa);
      return sign | (k + 1) << 10 | ((mantissa << (10 - k)) & 0x3ff);
    }
    return exponent > LARGEST_EXPONENT ? -1 : sign | (exponent + 10) << 10 | mantissa;
  }

  /** The weight whose re-encoded code is the high half of {@code highHalf}, scalar. */
  private static float weight(int highHalf) {
    return Float.intBitsToFloat((highHalf >> 3) & MAGNITUDE_AND_SIGN) * SCALE;
  }

  @Override
  public float dot(int row, float[] x, int xOff) {
    int o = row * (cols / 2);
    FloatVector acc = FloatVector.zero(F);
    for (int i = 0, j = 0; i < cols; i += 16, j += 8) {
      IntVector p = IntVector.fromArray(I, pairs, o + j);
      FloatVector low = p.lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 3)
          .and(MAGNITUDE_AND_SIGN).reinterpretAsFloats().mul(SCALE);
      FloatVector high = p.lanewise(VectorOperators.ASHR, 3).and(MAGNITUDE_AND_SIGN).reinterpretAsFloats().mul(SCALE);
      acc = high.fma(xs(x, xOff + i + 8), low.fma(xs(x, xOff + i), acc));
    }
    return acc.reduceLanes(VectorOperators.ADD);
  }

  @Override
  public void dotRows(int from, int to, float[] x, int xOff, float[] y) {
    int half = cols / 2;
    int r = from;
    for (; r + 2 <= to; r += 2) {
      int o0 = r * half;
      int o1 = o0 + half;
      FloatVector a0 = FloatVector.zero(F);
      FloatVector a1 = FloatVector.zero(F);
      for (int i = 0, j = 0; i < cols; i += 16, j += 8) {
        FloatVector v0 = xs(x, xOff + i);
        FloatVector v1 = xs(x, xOff + i + 8);
        IntVector p0 = IntVector.fromArray(I, pairs, o0 + j);
        IntVector p1 = IntVector.fromArray(I, pairs, o1 + j);
        FloatVector low0 = p0.lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 3)
            .and(MAGNITUDE_AND_SIGN).reinterpretAsFloats().mul(SCALE);
        FloatVector low1 = p1.lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 3)
            .and(MAGNITUDE_AND_SIGN).reinterpretAsFloats().mul(SCALE);
        FloatVector high0 = p0.lanewise(VectorOperators.ASHR, 3).and(MAGNITUDE_AND_SIGN).reinterpretAsFloats().mul(SCALE);
        FloatVector high1 = p1.lanewise(VectorOperators.ASHR, 3).and(MAGNITUDE_AND_SIGN).reinterpretAsFloats().mul(SCALE);
        a0 = high0.fma(v1, low0.fma(v0, a0));
        a1 = high1.fma(v1, low1.fma(v0, a1));
      }
      y[r] = a0.reduceLanes(VectorOperators.ADD);
      y[r + 1] = a1.reduceLanes(VectorOperators.ADD);
    }
    if (r < to) {
      y[r] = dot(r, x, xOff);
    }
  }

  /** Scalar (at load, for the batched panels, the Vector API code is not compiled yet). */
  @Override
  public void decodeRow(int row, float[] dst, int off) {
    int o = row * (cols / 2);
    for (int c = 0; c < cols; c += 16) {
      for (int t = 0; t < 8; t++) {
        int p = pairs[o + c / 2 + t];
        dst[off + c + t] = weight(p << 16);
        dst[off + c + 8 + t] = weight(p);
      }
    }
  }

  /** Bytes one pass reads: the re-encoded codes. */
  @Override
  public long byteSize() {
    return 2L * rows * cols;
  }
}
