package org.ferrogen.randomness.sp80022;

import org.ferrogen.randomness.bits.BitSequence;

/**
 * SP 800-22 §2.5: binary matrix rank test. Each block of rows·columns bits fills a matrix row by
 * row; matrices are classed as full rank, full rank − 1, or lower.
 */
public final class RankTest {

  private RankTest() {}

  static TestResult run(BitSequence s, int rows, int columns) {
    int cells = rows * columns;
    if (s.length() / cells < 1) {
      return TestResult.tooShort(Sp80022Test.RANK, TestResult.SINGLE_VARIANT,
          "needs at least one " + rows + "x" + columns + " matrix (" + cells + " bits), got " + s.length());
    }
    return TestResult.single(Sp80022Test.RANK, pValue(s, rows, columns, classProbabilities(rows, columns)));
  }

  /**
   * Probabilities that a random rows×columns GF(2) matrix has rank r = min(rows, columns), r − 1,
   * or less: p_r = 2^{r(Q+M−r)−MQ} · Π_{i&lt;r} (1−2^{i−Q})(1−2^{i−M}) / (1−2^{i−r}). For 32×32 this
   * is exactly what STS 2.1.2 computes (0.2888, 0.5776, 0.1336).
   */
  public static double[] classProbabilities(int rows, int columns) {
    int full = Math.min(rows, columns);
    double pFull = rankProbability(full, rows, columns);
    double pMinusOne = full >= 1 ? rankProbability(full - 1, rows, columns) : 0.0;
    return new double[] {pFull, pMinusOne, 1.0 - pFull - pMinusOne};
  }

  private static double rankProbability(int r, int rows, int columns) {
    double product = 1.0;
    for (int i = 0; i < r; i++) {
      product *= (1.0 - Math.pow(2, i - columns)) * (1.0 - Math.pow(2, i - rows)) / (1.0 - Math.pow(2, i - r));
    }
    return Math.pow(2, r * (columns + rows - r) - rows * columns) * product;
  }

  /**
   * P-value from the rank classes with given class probabilities {full, full−1, lower}. SP 800-22's
   * §2.5.4 toy example applies the 32×32 probabilities to 3×3 matrices; pass
   * {@code classProbabilities(32, 32)} to reproduce it.
   */
  public static double pValue(BitSequence s, int rows, int columns, double[] probabilities) {
    int cells = rows * columns;
    int matrices = s.length() / cells;
    int full = Math.min(rows, columns);
    long[] matrix = new long[rows];
    int fullRank = 0;
    int fullMinusOne = 0;
    for (int k = 0; k < matrices; k++) {
      int base = k * cells;
      for (int r = 0; r < rows; r++) {
        matrix[r] = s.bits(base + r * columns, columns);
      }
      int rank = rank(matrix, rows, columns);
      if (rank == full) {
        fullRank++;
      } else if (rank == full - 1) {
        fullMinusOne++;
      }
    }
    int rest = matrices - fullRank - fullMinusOne;
    double chiSquared = term(fullRank, matrices * probabilities[0])
        + term(fullMinusOne, matrices * probabilities[1])
        + term(rest, matrices * probabilities[2]);
    return Math.exp(-chiSquared / 2.0);
  }

  private static double term(int observed, double expected) {
    return (observed - expected) * (observed - expected) / expected;
  }

  /** Rank over GF(2) of the matrix whose rows are the low {@code columns} bits of each long. */
  static int rank(long[] matrix, int rows, int columns) {
    int rank = 0;
    for (int col = columns - 1; col >= 0 && rank < rows; col--) {
      long bit = 1L << col;
      int pivot = -1;
      for (int r = rank; r < rows; r++) {
        if ((matrix[r] & bit) != 0) {
          pivot = r;
          break;
        }
      }
      if (pivot < 0) {
        continue;
      }
      long p = matrix[pivot];
      matrix[pivot] = matrix[rank];
      matrix[rank] = p;
      for (int r = rank + 1; r < rows; r++) {
        if ((matrix[r] & bit) != 0) {
          matrix[r] ^= p;
        }
      }
      rank++;
    }
    return rank;
  }
}
