package org.ferrogen.genai.backend;

/**
 * One weight matrix programmed into a {@link LinearBackend}: multiplied many times after being
 * programmed once. Implementations need not be thread-safe for concurrent calls.
 */
public interface LinearLayer {
  /** Number of outputs (rows of the weight matrix). */
  int rows();

  /** Number of inputs (columns). */
  int cols();

  /** y = W·x, with x of length {@link #cols()} and y of length {@link #rows()}. */
  void multiply(float[] x, float[] y);

  /**
   * Y = W·X for several vectors at once (a matrix-matrix product, e.g. over the positions of a
   * prompt). The default multiplies one vector at a time; backends may do better.
   */
  default void multiply(float[][] xs, float[][] ys) {
    for (int i = 0; i < xs.length; i++) {
      multiply(xs[i], ys[i]);
    }
  }

  /**
   * Y = W·X for the first {@code n} vectors of {@code xs} into the first {@code n} of {@code ys}, so
   * that a caller can keep batch buffers of a fixed size. The default hands the two-argument form
   * arrays of exactly {@code n} vectors.
   */
  default void multiply(float[][] xs, float[][] ys, int n) {
    if (n == xs.length && n == ys.length) {
      multiply(xs, ys);
    } else {
      multiply(java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n));
    }
  }
}
