package org.ferrogen.randomness.sp80090b;

import org.ferrogen.randomness.sp80022.SpecialFunctions;

/**
 * The restart sanity check of SP 800-90B section 3.1.4.3 on an r x c restart matrix (row i holds
 * the c samples collected after restart i; 1000 x 1000 in the standard): the largest count of one
 * symbol within any row or any column, X_max, must not exceed the 1 - alpha quantile of
 * Binomial(c, 2^-H_I) with alpha = 1 - 0.99^(1/(r+c)) (the per-row/column level the NIST tool uses,
 * about 5e-6). The tool estimates its cutoff by simulating a worst-case distribution; this
 * implementation uses the binomial critical value written in the standard, computed exactly.
 */
public final class RestartTests {

  /**
   * The outcome.
   *
   * @param maxRowCount X_r, most frequent symbol count over all rows
   * @param maxColumnCount X_c, the same over all columns
   * @param alpha the per-row/column significance level
   * @param rowCutoff the largest row count that passes (quantile of Binomial(c, p))
   * @param columnCutoff the largest column count that passes (quantile of Binomial(r, p))
   * @param passed both counts within their cutoffs
   */
  public record SanityCheck(
      int maxRowCount,
      int maxColumnCount,
      double alpha,
      int rowCutoff,
      int columnCutoff,
      boolean passed) {
    public int maxCount() {
      return Math.max(maxRowCount, maxColumnCount);
    }
  }

  private RestartTests() {}

  /**
   * Runs the sanity check.
   *
   * @param matrix restart matrix, {@code matrix[restart][sample]}, rectangular, values are symbols
   * @param initialEntropy H_I, the entropy per sample claimed from the initial assessment
   */
  public static SanityCheck sanityCheck(byte[][] matrix, double initialEntropy) {
    int r = matrix.length;
    if (r == 0 || matrix[0].length == 0) {
      throw new IllegalArgumentException("restart matrix is empty");
    }
    int c = matrix[0].length;
    for (int i = 0; i < r; i++) {
      if (matrix[i].length != c) {
        throw new IllegalArgumentException(
            "restart matrix row " + i + " has " + matrix[i].length + " samples, expected " + c);
      }
    }
    if (!(initialEntropy > 0) || initialEntropy > 8) {
      throw new IllegalArgumentException(
          "initial entropy H_I must be in (0, 8] bits per sample, got " + initialEntropy);
    }
    int xr = 0;
    int[] counts = new int[256];
    for (byte[] row : matrix) {
      java.util.Arrays.fill(counts, 0);
      for (byte b : row) {
        xr = Math.max(xr, ++counts[b & 0xFF]);
      }
    }
    int xc = 0;
    for (int j = 0; j < c; j++) {
      java.util.Arrays.fill(counts, 0);
      for (int i = 0; i < r; i++) {
        xc = Math.max(xc, ++counts[matrix[i][j] & 0xFF]);
      }
    }
    double alpha = 1 - Math.exp(Math.log(0.99) / (r + c));
    double p = Math.pow(2.0, -initialEntropy);
    int rowCutoff = binomialQuantile(c, p, 1 - alpha);
    int columnCutoff = binomialQuantile(r, p, 1 - alpha);
    return new SanityCheck(
        xr, xc, alpha, rowCutoff, columnCutoff, xr <= rowCutoff && xc <= columnCutoff);
  }

  /** Smallest u with P(X <= u) >= q for X ~ Binomial(n, p) (Excel's CRITBINOM). */
  static int binomialQuantile(int n, double p, double q) {
    if (p >= 1.0) {
      return n;
    }
    double logP = Math.log(p);
    double logQ = Math.log1p(-p);
    double cdf = 0.0;
    for (int u = 0; u <= n; u++) {
      double logPmf =
          SpecialFunctions.lnGamma(n + 1.0) - SpecialFunctions.lnGamma(u + 1.0) - SpecialFunctions.lnGamma(n - u + 1.0)
              + u * logP + (n - u) * logQ;
      cdf += Math.exp(logPmf);
      if (cdf >= q) {
        return u;
      }
    }
    return n;
  }
}
