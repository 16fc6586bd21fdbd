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
  /**
   * 256-bit lanes, as every genai kernel, on every machine. With the machine's widest (512 bits on
   * AVX-512) here and in VectorMath and LlamaSession beside the 256-bit quantised kernels, C2 at
   * times compiled the Vector API's shape-shared methods for both shapes and ran them on boxed
   * vectors: on the 100 M Q8_0 model a 401-token prompt allocated 38 GB of float[] in registerBlock
   * (JFR) and ran at 55 tokens/s; with one shape, 121-168 tokens/s (2-core Xeon, load 3-5). The
   * cost: twice the FMAs per multiply-accumulate on AVX-512, the shipped model's 16 k-token
   * perplexity 5.8-6.3 s CPU against 4.7-5.1 s (docs/performance.md).
   */
  static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
  private static final int L = F.length();
  /** Rows per panel: two vectors. */
  static final int PANEL = 2 * L;
  /** Input vectors per register block. */
  private static final int BLOCK = 4;
  /** Floats of one register block's results. */
  static final int BLOCK_FLOATS = BLOCK * PANEL;

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
   * {@code block} (at least {@link #BLOCK_FLOATS} floats) holds each register block's results on
   * their way out.
   *
   * <p>No branch depends on n or on the panel: a last block of fewer than four inputs repeats its
   * last input in the missing slots (the same work as a full block, instead of a slower one-input
   * loop), and every block's results go through {@code block} and are copied out for the inputs
   * and rows that exist. A branch that C2 never saw taken while profiling becomes a trap: with a
   * branch per partial block, the 31-position last batch of each perplexity window and the short
   * last window each threw the compiled kernel away (-XX:+PrintCompilation: "made not entrant"),
   * and each time the product ran uncompiled until C2 had compiled it again.
   */
  void multiply(float[][] xs, float[][] ys, int n, int panelFrom, int panelTo, float[] block) {
    for (int p = panelFrom; p < panelTo; p++) {
      int row0 = p * PANEL;
      int count = Math.min(PANEL, rows - row0);
      for (int t = 0; t < n; t += BLOCK) {
        int last = n - 1;
        registerBlock(p * PANEL * cols, xs[t], xs[Math.min(t + 1, last)], xs[Math.min(t + 2, last)],
            xs[Math.min(t + 3, last)], block);
        int m = Math.min(BLOCK, n - t);
        for (int j = 0; j < m; j++) {
          System.arraycopy(block, j * PANEL, ys[t + j], row0, count);
        }
      }
    }
  }

  /** The four inputs' products with the panel at {@code base}: input j's PANEL outputs at block[j·PANEL ..]. */
  private void registerBlock(int base, float[] x0, float[] x1, float[] x2, float[] x3, float[] block) {
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
    a00.intoArray(block, 0);
    a01.intoArray(block, L);
    a10.intoArray(block, PANEL);
    a11.intoArray(block, PANEL + L);
    a20.intoArray(block, 2 * PANEL);
    a21.intoArray(block, 2 * PANEL + L);
    a30.intoArray(block, 3 * PANEL);
    a31.intoArray(block, 3 * PANEL + L);
  }
}
