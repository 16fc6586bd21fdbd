package org.ferrogen.genai.backend;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.ferrogen.genai.tensor.WeightTensor;

/**
 * A weight matrix decoded once into float panels for matrix-matrix products Y = W·X over a batch of
 * input vectors (the positions of a prompt or a perplexity window). A panel holds {@link #PANEL}
 * consecutive rows column by column: its column k is the {@code PANEL} weights W[p·PANEL + j][k]
 * next to each other. The register block is one panel (two vectors of output rows) by four input
 * vectors: for each column k, two weight vectors are loaded and each of the four inputs' x[k] is
 * broadcast into them, eight fused multiply-adds on eight accumulators, and the outputs leave the
 * registers as whole vectors of rows. Unlike a row-by-row dot product (the previous kernel), there
 * is no horizontal reduction per output and no scalar tail for widths that are not a multiple of
 * the vector length. Hand-written for measured speed (docs/performance.md): no library offers a
 * Vector API matrix product for JDK 17.
 *
 * <p>Each output is summed in column order in one float accumulator, so it equals a plain
 * sequential dot product up to the rounding of fused multiply-adds, not bit for bit the token-at-a-time
 * kernels (whose lanes split the sum eight ways).
 */
final class PanelMatrix {
  static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  private static final int L = F.length();
  /** Rows per panel: two vectors. */
  static final int PANEL = 2 * L;
  /** Input vectors per register block. */
  private static final int BLOCK = 4;

  private final int rows;
  private final int cols;
  private final int panels;
  private final float[] w;

  private PanelMatrix(int rows, int cols, float[] w) {
    this.rows = rows;
    this.cols = cols;
    this.panels = (rows + PANEL - 1) / PANEL;
    this.w = w;
  }

  /** Floats a packed copy of a rows × cols matrix takes (the last panel padded with zero rows). */
  static long floats(int rows, int cols) {
    return (long) (rows + PANEL - 1) / PANEL * PANEL * cols;
  }

  /** Decodes {@code t} row by row into panels. */
  static PanelMatrix pack(WeightTensor t) {
    int rows = t.rows();
    int cols = t.cols();
    float[] w = new float[Math.toIntExact(floats(rows, cols))];
    float[] row = new float[cols];
    for (int r = 0; r < rows; r++) {
      t.decodeRow(r, row, 0);
      int base = (r / PANEL) * PANEL * cols + r % PANEL;
      for (int k = 0; k < cols; k++) {
        w[base + k * PANEL] = row[k];
      }
    }
    return new PanelMatrix(rows, cols, w);
  }

  int panels() {
    return panels;
  }

  /**
   * ys[t][r] = Σ_k W[r][k]·xs[t][k] for t &lt; n and the rows of panels [panelFrom, panelTo).
   * {@code spill} (at least {@link #PANEL} floats) receives a last, partial panel before its valid
   * rows are copied out.
   */
  void multiply(float[][] xs, float[][] ys, int n, int panelFrom, int panelTo, float[] spill) {
    for (int p = panelFrom; p < panelTo; p++) {
      int base = p * PANEL * cols;
      int row0 = p * PANEL;
      boolean full = row0 + PANEL <= rows;
      for (int t = 0; t < n; t += BLOCK) {
        // A last block of fewer than four inputs repeats its last input in the missing slots (the
        // same work as a full block, instead of a slower one-input loop); their results are dropped.
        float[] x0 = xs[t];
        float[] x1 = xs[Math.min(t + 1, n - 1)];
        float[] x2 = xs[Math.min(t + 2, n - 1)];
        float[] x3 = xs[Math.min(t + 3, n - 1)];
        FloatVector a00 = FloatVector.zero(F);
        FloatVector a01 = FloatVector.zero(F);
        FloatVector a10 = FloatVector.zero(F);
        FloatVector a11 = FloatVector.zero(F);
        FloatVector a20 = FloatVector.zero(F);
        FloatVector a21 = FloatVector.zero(F);
        FloatVector a30 = FloatVector.zero(F);
        FloatVector a31 = FloatVector.zero(F);
        for (int k = 0, o = base; k < cols; k++, o += PANEL) {
          FloatVector w0 = FloatVector.fromArray(F, w, o);
          FloatVector w1 = FloatVector.fromArray(F, w, o + L);
          FloatVector b = FloatVector.broadcast(F, x0[k]);
          a00 = w0.fma(b, a00);
          a01 = w1.fma(b, a01);
          b = FloatVector.broadcast(F, x1[k]);
          a10 = w0.fma(b, a10);
          a11 = w1.fma(b, a11);
          b = FloatVector.broadcast(F, x2[k]);
          a20 = w0.fma(b, a20);
          a21 = w1.fma(b, a21);
          b = FloatVector.broadcast(F, x3[k]);
          a30 = w0.fma(b, a30);
          a31 = w1.fma(b, a31);
        }
        int m = Math.min(BLOCK, n - t);
        store(a00, a01, ys[t], row0, full, spill);
        if (m > 1) {
          store(a10, a11, ys[t + 1], row0, full, spill);
        }
        if (m > 2) {
          store(a20, a21, ys[t + 2], row0, full, spill);
        }
        if (m > 3) {
          store(a30, a31, ys[t + 3], row0, full, spill);
        }
      }
    }
  }

  private void store(FloatVector lo, FloatVector hi, float[] y, int row0, boolean full, float[] spill) {
    if (full) {
      lo.intoArray(y, row0);
      hi.intoArray(y, row0 + L);
    } else {
      lo.intoArray(spill, 0);
      hi.intoArray(spill, L);
      System.arraycopy(spill, 0, y, row0, rows - row0);
    }
  }
}
