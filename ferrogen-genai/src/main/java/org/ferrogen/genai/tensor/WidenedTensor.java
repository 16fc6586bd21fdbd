package org.ferrogen.genai.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.ferrogen.genai.gguf.GgmlType;

/**
 * A 16-bit float matrix (F16 or BF16) widened once into a heap {@code float[]}: the widening is exact,
 * and the dot products keep the 16-bit kernels' order of operations (one eight-lane accumulator per
 * row, lanes reduced, then the scalar tail), so every product is bit-identical to theirs.
 *
 * <p>Why a copy, against the rule of reading weights in place: JDK 17's Vector API has no half
 * conversion, so {@link F16Tensor} rebuilds every weight with a dozen integer lane operations per
 * eight values, and a JFR profile of the shipped 192-wide F16 model spent 87 % of decoding in that
 * kernel. Small models (the float backend's copy budget) therefore pay the copy once at load;
 * large ones stay mapped. F16 matrices whose weights all fit {@link HalfPairsTensor}'s re-encoded
 * codes are copied as those instead (half the bytes per pass); this class holds the others, and BF16.
 *
 * <p>{@link #dotRows} runs four rows at a time: four independent accumulator chains hide the FMA
 * latency that a single row's one chain exposes, and each input vector load serves four rows.
 */
final class WidenedTensor extends WeightTensor {
  private final float[] w;

  WidenedTensor(WeightTensor source) {
    super(source.type, source.rows, source.cols, source.data);
    w = new float[Math.multiplyExact(rows, cols)];
    // Scalar, through the binary16 table, not the types' vector decodeRow: at load the Vector API
    // code is not compiled yet, and running it interpreted took about a second of CPU (a JFR profile
    // of a cold perplexity run: 10 % of its samples) to widen the shipped model's 2.75 M weights.
    // The codes come out of the mapping in bulk copies: one ByteBuffer.getShort per weight, run
    // interpreted, showed as 130 ms in a JFR profile (1 ms sampling) of a generate command; whole
    // command `generate -n 20 --no-warm-up`: 0.61 against 0.63 s CPU (medians of 5, load 3.6).
    boolean bf16 = type == GgmlType.BF16;
    java.nio.ShortBuffer halves = data.asShortBuffer();
    short[] codes = new short[Math.min(w.length, 1 << 14)];
    for (int from = 0; from < w.length; from += codes.length) {
      int n = Math.min(codes.length, w.length - from);
      halves.get(from, codes, 0, n);
      for (int i = 0; i < n; i++) {
        w[from + i] = bf16 ? Float.intBitsToFloat((codes[i] & 0xffff) << 16) : halfBits(codes[i]);
      }
    }
  }

  @Override
  public float dot(int row, float[] x, int xOff) {
    int o = row * cols;
    FloatVector acc = FloatVector.zero(F);
    int i = 0;
    for (; i + F.length() <= cols; i += F.length()) {
      acc = FloatVector.fromArray(F, w, o + i).fma(xs(x, xOff + i), acc);
    }
    float sum = acc.reduceLanes(VectorOperators.ADD);
    for (; i < cols; i++) {
      sum += w[o + i] * x[xOff + i];
    }
    return sum;
  }

  @Override
  public void dotRows(int from, int to, float[] x, int xOff, float[] y) {
    int r = from;
    int bound = F.loopBound(cols);
    for (; r + 4 <= to; r += 4) {
      int o0 = r * cols;
      int o1 = o0 + cols;
      int o2 = o1 + cols;
      int o3 = o2 + cols;
      FloatVector a0 = FloatVector.zero(F);
      FloatVector a1 = FloatVector.zero(F);
      FloatVector a2 = FloatVector.zero(F);
      FloatVector a3 = FloatVector.zero(F);
      for (int i = 0; i < bound; i += F.length()) {
        FloatVector v = xs(x, xOff + i);
        a0 = FloatVector.fromArray(F, w, o0 + i).fma(v, a0);
        a1 = FloatVector.fromArray(F, w, o1 + i).fma(v, a1);
        a2 = FloatVector.fromArray(F, w, o2 + i).fma(v, a2);
        a3 = FloatVector.fromArray(F, w, o3 + i).fma(v, a3);
      }
      y[r] = tail(o0, a0.reduceLanes(VectorOperators.ADD), bound, x, xOff);
      y[r + 1] = tail(o1, a1.reduceLanes(VectorOperators.ADD), bound, x, xOff);
      y[r + 2] = tail(o2, a2.reduceLanes(VectorOperators.ADD), bound, x, xOff);
      y[r + 3] = tail(o3, a3.reduceLanes(VectorOperators.ADD), bound, x, xOff);
    }
    for (; r < to; r++) {
      y[r] = dot(r, x, xOff);
    }
  }

  private float tail(int o, float sum, int from, float[] x, int xOff) {
    for (int i = from; i < cols; i++) {
      sum += w[o + i] * x[xOff + i];
    }
    return sum;
  }

  @Override
  public void decodeRow(int row, float[] dst, int off) {
    System.arraycopy(w, row * cols, dst, off, cols);
  }

  /** Bytes one pass reads: the widened floats. */
  @Override
  public long byteSize() {
    return 4L * rows * cols;
  }
}
