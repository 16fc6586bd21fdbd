package org.ferrogen.device.fecap;

/**
 * One period of a sampled hysteresis loop (treated as periodic): applied voltage, switched polarization P (C/m²) and total charge
 * density D = ε0·ε_r·E + P (C/m²) after each step. Coercive voltages and remanent polarizations are
 * read off the switched polarization P, as PUND-corrected loops are.
 */
public record Loop(double[] volts, double[] polarization, double[] chargeDensity) {

  /** Voltage where P crosses zero on the last rising branch (NaN if it never does). */
  public double coerciveVoltagePositive() {
    return crossing(true);
  }

  /** Voltage where P crosses zero on the last falling branch (NaN if it never does). */
  public double coerciveVoltageNegative() {
    return crossing(false);
  }

  private double crossing(boolean rising) {
    double found = Double.NaN;
    int n = volts.length;
    for (int k = 1; k <= n; k++) { // one period: the last sample wraps around to the first
      int i = k % n;
      int h = k - 1;
      boolean up = volts[i] > volts[h];
      if (up != rising) {
        continue;
      }
      double a = polarization[h];
      double b = polarization[i];
      if ((rising && a < 0 && b >= 0) || (!rising && a > 0 && b <= 0)) {
        double f = a / (a - b);
        found = volts[h] + f * (volts[i] - volts[h]);
      }
    }
    return found;
  }

  /** P where the last falling branch crosses V = 0 (positive remanence). */
  public double remanentPositive() {
    return remanence(false);
  }

  /** P where the last rising branch crosses V = 0 (negative remanence). */
  public double remanentNegative() {
    return remanence(true);
  }

  private double remanence(boolean rising) {
    double found = Double.NaN;
    int n = volts.length;
    for (int k = 1; k <= n; k++) { // one period: the last sample wraps around to the first
      int i = k % n;
      int h = k - 1;
      double a = volts[h];
      double b = volts[i];
      if ((rising && a < 0 && b >= 0) || (!rising && a > 0 && b <= 0)) {
        double f = a / (a - b);
        found = polarization[h] + f * (polarization[i] - polarization[h]);
      }
    }
    return found;
  }
}
