package org.ferrogen.learn.onchip;

import java.util.SplittableRandom;

/**
 * A Bernoulli(p) mask over a long index range, drawn as geometric gaps between the selected indices
 * (gap = ⌊ln U / ln(1 − p)⌋), so that an update mask with p = 10 % costs one draw per selected
 * weight instead of one per weight. Hand-written for speed: the logarithm is looked up in a table of
 * 2^16 intervals of U and computed exactly only when an interval straddles two gap values, so the
 * gaps are exactly geometric.
 */
final class GeometricSkips {

  private static final int TABLE_BITS = 16;
  private final double p;
  private final double inverseLogQ;
  /** Gap for U at the lower end of each table interval (U = r / 2^16), r ≥ 1. */
  private final int[] gapAt;
  private final SplittableRandom random;

  GeometricSkips(double p, SplittableRandom random) {
    if (!(p > 0 && p <= 1)) {
      throw new IllegalArgumentException("update probability must be in (0, 1], got " + p);
    }
    this.p = p;
    this.random = random;
    this.inverseLogQ = p < 1 ? 1 / Math.log1p(-p) : 0;
    gapAt = new int[(1 << TABLE_BITS) + 1];
    if (p < 1) {
      for (int r = 1; r <= 1 << TABLE_BITS; r++) {
        gapAt[r] = gap(Math.scalb((double) r, -TABLE_BITS));
      }
    }
  }

  private int gap(double u) {
    double g = Math.floor(Math.log(u) * inverseLogQ);
    return g >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) g;
  }

  /** Unselected indices before the next selected one. */
  int next() {
    if (p >= 1) {
      return 0;
    }
    long bits = random.nextLong();
    int r = (int) (bits >>> (64 - TABLE_BITS));
    // U = (r + v) / 2^16 with v uniform in [0, 1): gaps fall with U, so the interval's gaps lie
    // between gapAt[r + 1] and gapAt[r].
    if (r > 0 && gapAt[r] == gapAt[r + 1]) {
      return gapAt[r];
    }
    double v = ((bits & ((1L << (64 - TABLE_BITS)) - 1)) + 0.5) * 0x1.0p-48;
    return gap(Math.scalb(r + v, -TABLE_BITS));
  }
}
