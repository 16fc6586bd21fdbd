package org.ferrogen.device.hybrid;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.ferrogen.device.fecap.FeCap;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.MemristorParams;

/**
 * The DAC-free transfer of Martemucci et al. (Nature Electronics 8, 921, 2025): the three MSB FeCAPs
 * of a hidden weight, sized 4:2:1 (1T-4C, 1T-2C, 1T-1C), are read in parallel onto the floating
 * transfer line; the charge-shared line voltage V_TL drives the gate of the memristor's access
 * transistor and so sets the SET compliance current, hence the conductance.
 *
 * <p>Physics, from ferrogen-device: for every 3-bit code m the plate of the three capacitors steps to
 * the transfer voltage while the line (capacitance C_TL) floats; the domains of each capacitor switch
 * under the falling field (V − V_TL)/t, solved in sub-steps with V_TL = (C_D,tot·V + Σ_k ΔP_k·A_k) /
 * (C_D,tot + C_TL) — the same back-action as a destructive read. This is simulated on freshly drawn,
 * woken-up devices ({@value #DEVICES} per code) to give the mean and spread of V_TL(m). The access
 * transistor's gate-voltage → compliance-current characteristic is not published; it is taken as the
 * curve through the points (mean V_TL(m), G_m·V_c), G_m the eight measured CEA level means, linearly
 * interpolated (ASSUMPTION), so that a nominal transfer lands on the measured level and the
 * charge-sharing spread propagates through the local slope. The memristor's own SET spread σ_G
 * (8.7 µS in the CEA set) is added by the memristor model.
 */
public final class ChargeSharingTransfer {

  /** Transfer pulse on the FeCAP source lines: 3.5 V (Martemucci 2025). */
  public static final double PLATE_VOLTS = 3.5;
  /** for 10 µs (Martemucci 2025). */
  public static final double PULSE_SECONDS = 10e-6;
  /** MSB bits moved by one transfer. */
  public static final int BITS = 3;
  /** Devices simulated per code. */
  static final int DEVICES = 8;
  private static final int SUBSTEPS = 48;
  private static final double FIRST_SUBSTEP_S = 1e-11;

  private final MemristorParams memristor;
  private final double lineCapacitance;
  private final double[] meanVolts = new double[1 << BITS];
  private final double[] sigmaVolts = new double[1 << BITS];
  private final double[] complianceA = new double[1 << BITS];

  /**
   * @param params a set with film, fecap and memristor sections; its memristor must have 2^3 = 8
   *     levels (the codes 0…7 of the three MSBs)
   * @param lineCapacitanceF transfer-line capacitance (ASSUMPTION by default: the 188 fF bit line)
   */
  public ChargeSharingTransfer(DeviceParams params, double lineCapacitanceF) {
    this.memristor = params.requireMemristor();
    if (memristor.levelMeansS().size() != 1 << BITS) {
      throw new IllegalArgumentException(
          "memristor.levelMeansS: a 3-bit charge-sharing transfer needs 8 levels, the set '" + params.name()
              + "' has " + memristor.levelMeansS().size());
    }
    if (!(lineCapacitanceF > 0)) {
      throw new IllegalArgumentException("transfer-line capacitance must be positive, got " + lineCapacitanceF);
    }
    this.lineCapacitance = lineCapacitanceF;
    long wakeUp = (long) Math.ceil(10 * params.ageing().wakeUpCycles());
    for (int m = 0; m < 1 << BITS; m++) {
      double sum = 0;
      double sumSq = 0;
      for (int d = 0; d < DEVICES; d++) {
        double v = simulate(params, m, wakeUp, new SplittableRandom(0x7F4A_5FE2L + 97L * m + d));
        sum += v;
        sumSq += v * v;
      }
      meanVolts[m] = sum / DEVICES;
      sigmaVolts[m] = Math.sqrt(Math.max(0, sumSq / DEVICES - meanVolts[m] * meanVolts[m]));
      complianceA[m] = memristor.levelMeansS().get(m) * memristor.complianceVoltageV();
      if (m > 0 && !(meanVolts[m] > meanVolts[m - 1])) {
        throw new IllegalArgumentException(
            "parameter set '" + params.name() + "': the transfer-line voltage of code " + m + " ("
                + meanVolts[m] + " V) is not above that of code " + (m - 1) + " (" + meanVolts[m - 1]
                + " V), so the transfer cannot tell the codes apart");
      }
    }
  }

  /** With the default transfer line: the FeCAP set's bit-line capacitance (ASSUMPTION). */
  public ChargeSharingTransfer(DeviceParams params) {
    this(params, params.fecap().bitLineCapacitanceF());
  }

  /** One charge-sharing read of code m on fresh devices; returns V_TL in volts. */
  private double simulate(DeviceParams params, int m, long wakeUp, RandomGenerator rng) {
    FeCap[] caps = new FeCap[BITS];
    double dielectric = 0;
    double[] p0 = new double[BITS];
    double[] area = new double[BITS];
    for (int k = 0; k < BITS; k++) {
      DeviceParams sized = params.withArea(params.film().areaM2() * (1 << k));
      caps[k] = new FeCap(sized, rng);
      caps[k].addCycles(wakeUp);
      // Bit 1 = polarization down, which the positive transfer pulse switches (FeCap's convention).
      caps[k].write(((m >>> k) & 1) != 0);
      p0[k] = caps[k].polarization();
      area[k] = sized.film().areaM2();
      dielectric += sized.film().dielectricCapacitanceF();
    }
    double t = params.film().thicknessM();
    double v = PLATE_VOLTS;
    double vtl = dielectric * v / (dielectric + lineCapacitance);
    double elapsed = 0;
    double growth = Math.pow(PULSE_SECONDS / FIRST_SUBSTEP_S, 1.0 / SUBSTEPS);
    for (int s = 0; s < SUBSTEPS; s++) {
      double next = Math.min(PULSE_SECONDS, FIRST_SUBSTEP_S * Math.pow(growth, s + 1));
      double dt = s == 0 ? next : next - elapsed;
      elapsed = next;
      double switched = 0;
      for (int k = 0; k < BITS; k++) {
        caps[k].domains().step((v - vtl) / t, dt, 300);
        switched += (caps[k].polarization() - p0[k]) * area[k];
      }
      vtl = (dielectric * v + switched) / (dielectric + lineCapacitance);
    }
    return vtl;
  }

  /** Mean transfer-line voltage of code m (0…7), volts. */
  public double meanLineVolts(int m) {
    return meanVolts[m];
  }

  /** Device-to-device spread of the transfer-line voltage of code m, volts. */
  public double lineVoltsSigma(int m) {
    return sigmaVolts[m];
  }

  /** Compliance current at the nominal transfer of code m: the measured level mean G_m times V_c. */
  public double nominalCompliance(int m) {
    return complianceA[m];
  }

  /**
   * Compliance current for one transfer of code m: V_TL drawn around its mean with the simulated
   * spread (unless {@code variability} is false), mapped through the gate characteristic.
   */
  public double compliance(int m, boolean variability, RandomGenerator rng) {
    if (!variability) {
      return complianceA[m];
    }
    double v = meanVolts[m] + sigmaVolts[m] * rng.nextGaussian();
    return complianceAt(v);
  }

  /** The gate characteristic: compliance current at gate voltage {@code volts} (piecewise linear). */
  public double complianceAt(double volts) {
    int n = meanVolts.length;
    int hi = 1;
    while (hi < n - 1 && volts > meanVolts[hi]) {
      hi++;
    }
    int lo = hi - 1;
    double f = (volts - meanVolts[lo]) / (meanVolts[hi] - meanVolts[lo]);
    double i = complianceA[lo] + f * (complianceA[hi] - complianceA[lo]);
    return Math.max(complianceA[0] * 0.1, Math.min(memristor.maxComplianceA(), i));
  }
}
