package org.ferrogen.device.ageing;

import org.ferrogen.device.params.AgeingParams;

/**
 * Wake-up, fatigue, imprint and retention laws of a ferroelectric film (all numbers come from
 * {@link AgeingParams}, where each is cited or marked as an assumption).
 *
 * <ul>
 *   <li>Wake-up: the switchable polarization grows as 1 − (1 − f0)·exp(−n/n_wake) over the first
 *       cycles (CEA arrays wake up over ~10^3 cycles, Martemucci 2025).
 *   <li>Fatigue: beyond the endurance figure n_end the switchable polarization falls by a fixed
 *       fraction per decade of cycles (assumed log-linear fatigue).
 *   <li>Retention: the stored polarization decays as exp(−(t·a(T)/τ)^s), a stretched exponential
 *       (APL 118, 082901, 2021) accelerated by the Arrhenius factor a(T) = exp(Ea/k·(1/T_ref − 1/T)).
 *   <li>Imprint: a field favouring the stored state grows per decade of (accelerated) storage time.
 * </ul>
 */
public final class Ageing {
  /** Boltzmann constant in eV/K (CODATA 2018). */
  public static final double BOLTZMANN_EV_PER_K = 8.617333262e-5;

  /** Time unit from which imprint starts to count its decades (assumption). */
  private static final double IMPRINT_ONSET_S = 1.0;

  private final AgeingParams params;

  public Ageing(AgeingParams params) {
    this.params = params;
  }

  /** Switchable polarization as a fraction of the woken-up Pr after {@code cycles} cycles. */
  public double polarizationFraction(long cycles) {
    if (cycles < 0) {
      throw new IllegalArgumentException("cycle count must be non-negative, got " + cycles);
    }
    double wake =
        params.wakeUpCycles() == 0
            ? 1
            : 1 - (1 - params.pristinePolarizationFraction()) * Math.exp(-cycles / params.wakeUpCycles());
    double fatigue = 1;
    if (cycles > params.enduranceCycles()) {
      fatigue = Math.max(0, 1 - params.fatigueLossPerDecade() * Math.log10(cycles / params.enduranceCycles()));
    }
    return wake * fatigue;
  }

  /** Arrhenius acceleration of storage-time effects at {@code kelvin} relative to the reference. */
  public double accelerationFactor(double kelvin) {
    if (!(kelvin > 0)) {
      throw new IllegalArgumentException("temperature must be positive kelvin, got " + kelvin);
    }
    return Math.exp(
        params.retentionActivationEnergyEv() / BOLTZMANN_EV_PER_K
            * (1 / params.retentionTemperatureK() - 1 / kelvin));
  }

  /** Fraction of the stored polarization left after {@code seconds} at {@code kelvin}. */
  public double retainedFraction(double seconds, double kelvin) {
    if (!(seconds >= 0)) {
      throw new IllegalArgumentException("retention time must be non-negative, got " + seconds);
    }
    double t = seconds * accelerationFactor(kelvin);
    return Math.exp(-Math.pow(t / params.retentionTimeS(), params.retentionStretch()));
  }

  /** Imprint field (V/m) favouring the stored state after {@code seconds} at {@code kelvin}. */
  public double imprintField(double seconds, double kelvin) {
    if (!(seconds >= 0)) {
      throw new IllegalArgumentException("storage time must be non-negative, got " + seconds);
    }
    double t = seconds * accelerationFactor(kelvin);
    return params.imprintFieldPerDecadeVPerM() * Math.log10(1 + t / IMPRINT_ONSET_S);
  }

  public AgeingParams params() {
    return params;
  }
}
