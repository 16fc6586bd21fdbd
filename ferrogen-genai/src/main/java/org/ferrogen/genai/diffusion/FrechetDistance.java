package org.ferrogen.genai.diffusion;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;

/**
 * The Fréchet distance between two sets of feature vectors modelled as Gaussians (Dowson and
 * Landau, J. Multivar. Anal. 12, 1982; the FID of Heusel et al., NeurIPS 2017):
 * d² = ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2 (Σ₁ Σ₂)^{1/2}). The trace of the square root is computed as
 * Σ √λ_i of the symmetric positive semi-definite matrix Σ₁^{1/2} Σ₂ Σ₁^{1/2}, which has the same
 * eigenvalues as Σ₁ Σ₂; eigen-decompositions by Hipparchus.
 */
public final class FrechetDistance {
  private FrechetDistance() {}

  /** @param a {@code n × width} features; @param b {@code m × width} features */
  public static double between(float[] a, float[] b, int width) {
    if (width < 1 || a.length % width != 0 || b.length % width != 0 || a.length < 2 * width || b.length < 2 * width) {
      throw new IllegalArgumentException("the Fréchet distance needs at least 2 feature vectors of width " + width
          + " on each side");
    }
    requireFinite(a);
    requireFinite(b);
    double[] meanA = mean(a, width);
    double[] meanB = mean(b, width);
    RealMatrix covA = covariance(a, width, meanA);
    RealMatrix covB = covariance(b, width, meanB);
    double d2 = 0;
    for (int i = 0; i < width; i++) {
      d2 += (meanA[i] - meanB[i]) * (meanA[i] - meanB[i]);
    }
    double traceRoot = 0;
    try {
      RealMatrix rootA = squareRoot(covA);
      RealMatrix product = rootA.multiply(covB).multiply(rootA);
      product = product.add(product.transpose()).scalarMultiply(0.5);
      for (double lambda : new EigenDecompositionSymmetric(product).getEigenvalues()) {
        traceRoot += Math.sqrt(Math.max(0, lambda));
      }
    } catch (org.hipparchus.exception.MathIllegalStateException e) {
      throw new DegenerateFeaturesException(e.getMessage());
    }
    return d2 + covA.getTrace() + covB.getTrace() - 2 * traceRoot;
  }

  /** A broken noise source can drive a sampler to ±∞; such features have no Gaussian to compare. */
  private static void requireFinite(float[] features) {
    for (float f : features) {
      if (!Float.isFinite(f)) {
        throw new NonFiniteFeaturesException();
      }
    }
  }

  /** Thrown when a feature vector holds NaN or ±∞ (the images it came from were not finite). */
  public static final class NonFiniteFeaturesException extends IllegalArgumentException {
    NonFiniteFeaturesException() {
      super("features are not finite: the images contain NaN or infinity");
    }
  }

  /** Thrown when the covariances' eigen-decomposition does not converge (degenerate features). */
  public static final class DegenerateFeaturesException extends IllegalArgumentException {
    DegenerateFeaturesException(String cause) {
      super("the feature covariances could not be decomposed (" + cause + "): the images are degenerate");
    }
  }

  private static RealMatrix squareRoot(RealMatrix symmetric) {
    EigenDecompositionSymmetric e = new EigenDecompositionSymmetric(symmetric);
    double[] values = e.getEigenvalues();
    RealMatrix v = e.getV();
    int n = values.length;
    RealMatrix scaled = v.copy();
    for (int j = 0; j < n; j++) {
      double root = Math.sqrt(Math.max(0, values[j]));
      for (int i = 0; i < n; i++) {
        scaled.setEntry(i, j, v.getEntry(i, j) * root);
      }
    }
    return scaled.multiply(v.transpose());
  }

  private static double[] mean(float[] x, int width) {
    int n = x.length / width;
    double[] m = new double[width];
    for (int r = 0; r < n; r++) {
      for (int i = 0; i < width; i++) {
        m[i] += x[r * width + i];
      }
    }
    for (int i = 0; i < width; i++) {
      m[i] /= n;
    }
    return m;
  }

  /** Unbiased sample covariance (divisor n − 1). */
  private static RealMatrix covariance(float[] x, int width, double[] mean) {
    int n = x.length / width;
    double[][] c = new double[width][width];
    double[] d = new double[width];
    for (int r = 0; r < n; r++) {
      for (int i = 0; i < width; i++) {
        d[i] = x[r * width + i] - mean[i];
      }
      for (int i = 0; i < width; i++) {
        for (int j = i; j < width; j++) {
          c[i][j] += d[i] * d[j];
        }
      }
    }
    for (int i = 0; i < width; i++) {
      for (int j = i; j < width; j++) {
        c[i][j] /= n - 1;
        c[j][i] = c[i][j];
      }
    }
    return new Array2DRowRealMatrix(c, false);
  }
}
