package org.ferrogen.device.fefet;

/**
 * Tabulated read conductance versus threshold voltage (monotone decreasing), interpolated in ln G,
 * so that program-and-verify loops over a million cells need no transcendental per read.
 */
final class ConductanceTable {
  private static final int POINTS = 4097;
  private final double vthLo;
  private final double step;
  private final double[] lnG;

  ConductanceTable(FeFetTransistor transistor, double vthLo, double vthHi) {
    this.vthLo = vthLo;
    this.step = (vthHi - vthLo) / (POINTS - 1);
    this.lnG = new double[POINTS];
    for (int i = 0; i < POINTS; i++) {
      lnG[i] = Math.log(transistor.readConductance(vthLo + i * step));
    }
  }

  /** G(Vth), clamped to the table's range of thresholds. */
  double conductance(double vth) {
    double x = (vth - vthLo) / step;
    if (x <= 0) {
      return Math.exp(lnG[0]);
    }
    if (x >= POINTS - 1) {
      return Math.exp(lnG[POINTS - 1]);
    }
    int i = (int) x;
    double f = x - i;
    return Math.exp(lnG[i] + f * (lnG[i + 1] - lnG[i]));
  }

  /** |dG/dVth| at threshold vth. */
  double slope(double vth) {
    double x = Math.max(0, Math.min(POINTS - 2, (vth - vthLo) / step));
    int i = (int) x;
    double g = conductance(vth);
    return Math.abs(g * (lnG[i + 1] - lnG[i]) / step);
  }

  /** Threshold voltage whose conductance is g (clamped to the table's range). */
  double threshold(double g) {
    double target = Math.log(g);
    if (target >= lnG[0]) {
      return vthLo;
    }
    if (target <= lnG[POINTS - 1]) {
      return vthLo + (POINTS - 1) * step;
    }
    int lo = 0;
    int hi = POINTS - 1; // lnG[lo] > target >= lnG[hi]
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (lnG[mid] > target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double f = (lnG[lo] - target) / (lnG[lo] - lnG[hi]);
    return vthLo + (lo + f) * step;
  }
}
