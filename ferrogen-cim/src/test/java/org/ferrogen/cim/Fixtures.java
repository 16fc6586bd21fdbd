package org.ferrogen.cim;

import java.util.SplittableRandom;

final class Fixtures {
  private Fixtures() {}

  static float[] gaussian(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) r.nextGaussian();
    }
    return a;
  }

  static float[] reference(float[] w, int rows, int cols, float[] xs, int batch) {
    float[] y = new float[rows * batch];
    for (int b = 0; b < batch; b++) {
      for (int r = 0; r < rows; r++) {
        double s = 0;
        for (int c = 0; c < cols; c++) {
          s += (double) w[r * cols + c] * xs[b * cols + c];
        }
        y[b * rows + r] = (float) s;
      }
    }
    return y;
  }

  static double relativeL2(float[] got, float[] want) {
    double e = 0;
    double n = 0;
    for (int i = 0; i < want.length; i++) {
      double d = got[i] - want[i];
      e += d * d;
      n += (double) want[i] * want[i];
    }
    return Math.sqrt(e / n);
  }

  /** Small tiles so that tiling and cross-tile accumulation are exercised on small matrices. */
  static CimConfig smallTiles(CimConfig c) {
    return c.withTile(new CimConfig.Tile(32, 24));
  }
}
