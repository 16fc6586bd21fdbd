package org.ferrogen.cim;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels. {@link #panelProduct} computes a panel of column sums for a batch of input
 * vectors in the register-blocked "broadcast one input, load a row of outputs" form of a matrix
 * product, on a matrix packed by {@link #pack} into panels of {@link #panelWidth()} outputs so that
 * the kernel streams through contiguous memory (an input-major matrix read a panel at a time strides
 * by a whole row per input, which defeats the prefetchers and aliases in the L1 cache). The exact
 * column noise path runs it twice per panel: Σ g·u for the column sums and Σ v·u² (v = the per-cell
 * read-noise variance) for their variances. The dot-product kernels serve plain float products.
 */
public final class MvmKernels {

  /**
   * 256-bit lanes on every machine, not the preferred width: ferrogen-genai's kernels (which measured
   * faster at 256 bits than at 512 on the AVX-512 development machine) run in the same JVM when a
   * model runs on the chip, and on JDK 17 a second float vector width in one process makes the
   * Vector API's shared call sites polymorphic: the chip backend then ran 2.5× slower (perplexity of
   * 4,096 tokens: 23.7 s with 512-bit cim kernels against 9.5 s with one width, docs/genai-chip.md).
   */
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_256;
  /** Outputs per panel: four vectors, the width of every register block below. */
  private static final int PANEL = 4 * SPECIES.length();
  /**
   * Whether four input vectors are blocked per pass (16 accumulators plus 4 loaded vectors): a
   * preferred width of 512 bits implies x86 AVX-512 (or SVE-512), which has 32 vector registers
   * for 256-bit vectors too; with AVX2's 16 registers that block would spill, so two inputs per
   * pass are used there.
   */
  private static final boolean FOUR_INPUTS_PER_PASS = FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 512;

  private MvmKernels() {}

  /**
   * Dot products of {@code g[gOff, gOff+len)} with {@code count} (1..4) input vectors starting at
   * {@code u[uOff + k·stride]}; results into {@code out[0..count)}.
   */
  public static void dot(float[] g, int gOff, float[] u, int uOff, int stride, int count, int len, float[] out) {
    if (count == 4) {
      dot4(g, gOff, u, uOff, stride, len, out, 0);
    } else {
      for (int k = 0; k < count; k++) {
        out[k] = dot1(g, gOff, u, uOff + k * stride, len);
      }
    }
  }

  /**
   * Dot products of {@code g[gOff, gOff+len)} with {@code batch} input vectors starting at
   * {@code u[uOff + b·stride]}; results into {@code out[0..batch)}. Four vectors share each load of
   * {@code g}.
   */
  public static void dotBatch(float[] g, int gOff, float[] u, int uOff, int stride, int batch, int len, float[] out) {
    int b = 0;
    for (; b + 4 <= batch; b += 4) {
      dot4(g, gOff, u, uOff + b * stride, stride, len, out, b);
    }
    for (; b < batch; b++) {
      out[b] = dot1(g, gOff, u, uOff + b * stride, len);
    }
  }

  /** Outputs per panel of a packed matrix. */
  public static int panelWidth() {
    return PANEL;
  }

  /** Panels that hold {@code nOut} outputs (the last one zero-padded). */
  public static int panels(int nOut) {
    return (nOut + PANEL - 1) / PANEL;
  }

  /**
   * Packs an input-major matrix ({@code m[i·nOut + o]}, {@code nIn} rows of {@code nOut} outputs) into
   * panels: element (i, o) goes to {@link #packedIndex}; outputs past {@code nOut} in the last panel
   * are zero.
   */
  public static float[] pack(float[] m, int nIn, int nOut) {
    float[] p = new float[panels(nOut) * PANEL * nIn];
    for (int i = 0; i < nIn; i++) {
      for (int o = 0; o < nOut; o++) {
        p[packedIndex(i, o, nIn)] = m[i * nOut + o];
      }
    }
    return p;
  }

  /** Where element (input i, output o) of a matrix with {@code nIn} inputs lies in its packed form. */
  public static int packedIndex(int i, int o, int nIn) {
    return (o / PANEL) * PANEL * nIn + i * PANEL + o % PANEL;
  }

  /**
   * {@code out[b·panelWidth + k] = Σ_i p[pOff + i·panelWidth + k] · u[uOff + b·uStride + i]} for the
   * {@code panelWidth} outputs k of the panel at {@code pOff} of a packed matrix, inputs
   * {@code 0 ≤ i < len} and {@code 0 ≤ b < batch}.
   */
  public static void panelProduct(
      float[] p, int pOff, int len, float[] u, int uOff, int uStride, int batch, float[] out) {
    int b = 0;
    if (FOUR_INPUTS_PER_PASS) {
      for (; b + 4 <= batch; b += 4) {
        block4x4(p, pOff, len, u, uOff + b * uStride, uStride, out, b * PANEL);
      }
    }
    for (; b + 2 <= batch; b += 2) {
      block2x4(p, pOff, len, u, uOff + b * uStride, uOff + (b + 1) * uStride, out, b * PANEL);
    }
    if (b < batch) {
      block1x4(p, pOff, len, u, uOff + b * uStride, out, b * PANEL);
    }
  }

  private static void block4x4(float[] p, int pOff, int len, float[] u, int ua, int stride, float[] out, int oa) {
    int vl = SPECIES.length();
    int ub = ua + stride;
    int uc = ub + stride;
    int ud = uc + stride;
    FloatVector a0 = FloatVector.zero(SPECIES);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    FloatVector b0 = a0;
    FloatVector b1 = a0;
    FloatVector b2 = a0;
    FloatVector b3 = a0;
    FloatVector c0 = a0;
    FloatVector c1 = a0;
    FloatVector c2 = a0;
    FloatVector c3 = a0;
    FloatVector d0 = a0;
    FloatVector d1 = a0;
    FloatVector d2 = a0;
    FloatVector d3 = a0;
    for (int i = 0; i < len; i++) {
      int row = pOff + i * PANEL;
      FloatVector g0 = FloatVector.fromArray(SPECIES, p, row);
      FloatVector g1 = FloatVector.fromArray(SPECIES, p, row + vl);
      FloatVector g2 = FloatVector.fromArray(SPECIES, p, row + 2 * vl);
      FloatVector g3 = FloatVector.fromArray(SPECIES, p, row + 3 * vl);
      FloatVector x = FloatVector.broadcast(SPECIES, u[ua + i]);
      a0 = g0.fma(x, a0);
      a1 = g1.fma(x, a1);
      a2 = g2.fma(x, a2);
      a3 = g3.fma(x, a3);
      x = FloatVector.broadcast(SPECIES, u[ub + i]);
      b0 = g0.fma(x, b0);
      b1 = g1.fma(x, b1);
      b2 = g2.fma(x, b2);
      b3 = g3.fma(x, b3);
      x = FloatVector.broadcast(SPECIES, u[uc + i]);
      c0 = g0.fma(x, c0);
      c1 = g1.fma(x, c1);
      c2 = g2.fma(x, c2);
      c3 = g3.fma(x, c3);
      x = FloatVector.broadcast(SPECIES, u[ud + i]);
      d0 = g0.fma(x, d0);
      d1 = g1.fma(x, d1);
      d2 = g2.fma(x, d2);
      d3 = g3.fma(x, d3);
    }
    a0.intoArray(out, oa);
    a1.intoArray(out, oa + vl);
    a2.intoArray(out, oa + 2 * vl);
    a3.intoArray(out, oa + 3 * vl);
    b0.intoArray(out, oa + PANEL);
    b1.intoArray(out, oa + PANEL + vl);
    b2.intoArray(out, oa + PANEL + 2 * vl);
    b3.intoArray(out, oa + PANEL + 3 * vl);
    c0.intoArray(out, oa + 2 * PANEL);
    c1.intoArray(out, oa + 2 * PANEL + vl);
    c2.intoArray(out, oa + 2 * PANEL + 2 * vl);
    c3.intoArray(out, oa + 2 * PANEL + 3 * vl);
    d0.intoArray(out, oa + 3 * PANEL);
    d1.intoArray(out, oa + 3 * PANEL + vl);
    d2.intoArray(out, oa + 3 * PANEL + 2 * vl);
    d3.intoArray(out, oa + 3 * PANEL + 3 * vl);
  }

  private static void block2x4(float[] p, int pOff, int len, float[] u, int ua, int ub, float[] out, int oa) {
    int vl = SPECIES.length();
    FloatVector a0 = FloatVector.zero(SPECIES);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    FloatVector b0 = a0;
    FloatVector b1 = a0;
    FloatVector b2 = a0;
    FloatVector b3 = a0;
    for (int i = 0; i < len; i++) {
      int row = pOff + i * PANEL;
      FloatVector g0 = FloatVector.fromArray(SPECIES, p, row);
      FloatVector g1 = FloatVector.fromArray(SPECIES, p, row + vl);
      FloatVector g2 = FloatVector.fromArray(SPECIES, p, row + 2 * vl);
      FloatVector g3 = FloatVector.fromArray(SPECIES, p, row + 3 * vl);
      FloatVector x = FloatVector.broadcast(SPECIES, u[ua + i]);
      FloatVector y = FloatVector.broadcast(SPECIES, u[ub + i]);
      a0 = g0.fma(x, a0);
      a1 = g1.fma(x, a1);
      a2 = g2.fma(x, a2);
      a3 = g3.fma(x, a3);
      b0 = g0.fma(y, b0);
      b1 = g1.fma(y, b1);
      b2 = g2.fma(y, b2);
      b3 = g3.fma(y, b3);
    }
    a0.intoArray(out, oa);
    a1.intoArray(out, oa + vl);
    a2.intoArray(out, oa + 2 * vl);
    a3.intoArray(out, oa + 3 * vl);
    b0.intoArray(out, oa + PANEL);
    b1.intoArray(out, oa + PANEL + vl);
    b2.intoArray(out, oa + PANEL + 2 * vl);
    b3.intoArray(out, oa + PANEL + 3 * vl);
  }

  private static void block1x4(float[] p, int pOff, int len, float[] u, int ua, float[] out, int oa) {
    int vl = SPECIES.length();
    FloatVector a0 = FloatVector.zero(SPECIES);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    for (int i = 0; i < len; i++) {
      int row = pOff + i * PANEL;
      FloatVector x = FloatVector.broadcast(SPECIES, u[ua + i]);
      a0 = FloatVector.fromArray(SPECIES, p, row).fma(x, a0);
      a1 = FloatVector.fromArray(SPECIES, p, row + vl).fma(x, a1);
      a2 = FloatVector.fromArray(SPECIES, p, row + 2 * vl).fma(x, a2);
      a3 = FloatVector.fromArray(SPECIES, p, row + 3 * vl).fma(x, a3);
    }
    a0.intoArray(out, oa);
    a1.intoArray(out, oa + vl);
    a2.intoArray(out, oa + 2 * vl);
    a3.intoArray(out, oa + 3 * vl);
  }

  static float dot1(float[] g, int gOff, float[] u, int uOff, int len) {
    FloatVector acc = FloatVector.zero(SPECIES);
    int i = 0;
    int bound = SPECIES.loopBound(len);
    for (; i < bound; i += SPECIES.length()) {
      acc = FloatVector.fromArray(SPECIES, g, gOff + i).fma(FloatVector.fromArray(SPECIES, u, uOff + i), acc);
    }
    float s = acc.reduceLanes(VectorOperators.ADD);
    for (; i < len; i++) {
      s += g[gOff + i] * u[uOff + i];
    }
    return s;
  }

  static void dot4(float[] g, int gOff, float[] u, int uOff, int stride, int len, float[] out, int outOff) {
    FloatVector a0 = FloatVector.zero(SPECIES);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    int u1 = uOff + stride;
    int u2 = u1 + stride;
    int u3 = u2 + stride;
    int i = 0;
    int bound = SPECIES.loopBound(len);
    for (; i < bound; i += SPECIES.length()) {
      FloatVector gv = FloatVector.fromArray(SPECIES, g, gOff + i);
      a0 = gv.fma(FloatVector.fromArray(SPECIES, u, uOff + i), a0);
      a1 = gv.fma(FloatVector.fromArray(SPECIES, u, u1 + i), a1);
      a2 = gv.fma(FloatVector.fromArray(SPECIES, u, u2 + i), a2);
      a3 = gv.fma(FloatVector.fromArray(SPECIES, u, u3 + i), a3);
    }
    float s0 = a0.reduceLanes(VectorOperators.ADD);
    float s1 = a1.reduceLanes(VectorOperators.ADD);
    float s2 = a2.reduceLanes(VectorOperators.ADD);
    float s3 = a3.reduceLanes(VectorOperators.ADD);
    for (; i < len; i++) {
      float gi = g[gOff + i];
      s0 += gi * u[uOff + i];
      s1 += gi * u[u1 + i];
      s2 += gi * u[u2 + i];
      s3 += gi * u[u3 + i];
    }
    out[outOff] = s0;
    out[outOff + 1] = s1;
    out[outOff + 2] = s2;
    out[outOff + 3] = s3;
  }
}
