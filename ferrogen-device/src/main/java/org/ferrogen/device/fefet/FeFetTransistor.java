package org.ferrogen.device.fefet;

import org.ferrogen.device.params.FeFetParams;

/**
 * Compact drain current of the FeFET's transistor: the EKV charge-based expression (Enz,
 * Krummenacher, Vittoz 1995) I_D = I_spec·[ln²(1 + e^((V_GS−V_th)/(2nφ_t))) −
 * ln²(1 + e^((V_GS−V_th−n·V_DS)/(2nφ_t)))], I_spec = 2n·μC_ox(W/L)·φ_t², which is exponential
 * below threshold (swing n·φ_t·ln10), quadratic above it, linear in V_DS for small V_DS and
 * saturating for large V_DS. Source grounded, n-channel; V_DS ≥ 0.
 */
public final class FeFetTransistor {
  /** k_B/q in V/K (CODATA 2018). */
  public static final double THERMAL_VOLTAGE_PER_K = 8.617333262e-5;

  private final FeFetParams params;

  public FeFetTransistor(FeFetParams params) {
    this.params = params;
  }

  /** Drain current in amperes at the given threshold voltage and temperature. */
  public double drainCurrent(double vgs, double vds, double vth, double kelvin) {
    double phiT = THERMAL_VOLTAGE_PER_K * kelvin;
    double n = params.slopeFactor();
    double iSpec = 2 * n * params.currentFactorAPerV2() * phiT * phiT;
    double forward = softplus((vgs - vth) / (2 * n * phiT));
    double reverse = softplus((vgs - vth - n * vds) / (2 * n * phiT));
    return iSpec * (forward * forward - reverse * reverse);
  }

  /** Read conductance I_D/V_DS at the read bias, in siemens, at 300 K. */
  public double readConductance(double vth) {
    return drainCurrent(params.readGateV(), params.readDrainV(), vth, 300) / params.readDrainV();
  }

  private static double softplus(double x) {
    return x > 30 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
  }

  public FeFetParams params() {
    return params;
  }
}
