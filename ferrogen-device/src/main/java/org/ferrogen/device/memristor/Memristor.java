package org.ferrogen.device.memristor;

import java.util.random.RandomGenerator;
import org.ferrogen.device.ageing.Ageing;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.MemristorParams;

/**
 * One device of the CEA-Leti stack used as a filamentary memristor (Martemucci et al., Nature
 * Electronics 2025): it starts as a ferroelectric capacitor, is formed irreversibly by 6 V / 300 µs
 * pulses until its resistance falls below 50 kΩ, and is then RESET and SET; the SET compliance
 * current I_cc fixes the conductance, G ≈ I_cc / V_c, with a spread σ_G the same at every level.
 * Cycle counter, endurance and relaxation included. Not thread-safe.
 */
public final class Memristor {
  /**
   * ASSUMPTION: beyond the endurance figure the programmable window shrinks by half per decade of
   * SET/RESET cycles (filament wear), so it is gone after 100× the endurance.
   */
  static final double WINDOW_LOSS_PER_DECADE = 0.5;

  /** ASSUMPTION: conductances never fall below a tenth of the RESET state (leakage floor). */
  static final double FLOOR_FRACTION = 0.1;

  /**
   * ASSUMPTION: the RESET (filament-ruptured) state spreads log-normally with σ_ln = 0.5 around the
   * CEA 1.4 µS mean; a constant σ_G = 8.7 µS (Martemucci 2025, for the SET levels) cannot describe a
   * 1.4 µS state.
   */
  static final double RESET_LOG_SIGMA = 0.5;

  /** A RESET-state conductance with mean {@code mean}. */
  static double drawReset(double mean, RandomGenerator rng) {
    return mean * Math.exp(RESET_LOG_SIGMA * rng.nextGaussian() - 0.5 * RESET_LOG_SIGMA * RESET_LOG_SIGMA);
  }

  /** ASSUMPTION: a freshly formed filament conducts 1.0–1.5× the forming target conductance. */
  static final double FORMED_EXCESS = 0.5;

  private final MemristorParams params;
  private boolean formed;
  private double conductance;
  private long cycles;
  private double energy;

  public Memristor(DeviceParams params) {
    this.params = params.requireMemristor();
    // A pristine device is an (unformed) ferroelectric capacitor: only its dielectric leaks.
    this.conductance = 0;
  }

  /**
   * Applies forming pulses until the filament forms (each pulse succeeds with the set's
   * probability) or {@code maxPulses} were spent; returns the pulses used.
   */
  public int form(int maxPulses, RandomGenerator rng) {
    if (formed) {
      throw new IllegalStateException("device is already formed (forming is irreversible)");
    }
    int pulses = 0;
    while (pulses < maxPulses && !formed) {
      pulses++;
      if (rng.nextDouble() < params.formingProbabilityPerPulse()) {
        formed = true;
        conductance = (1 + FORMED_EXCESS * rng.nextDouble()) / params.formingTargetOhms();
      }
      energy += params.formingVoltageV() * params.formingVoltageV() * conductance * params.formingPulseS();
    }
    return pulses;
  }

  /** RESET: dissolves the filament back to the low-conductance state. */
  public void reset(RandomGenerator rng) {
    requireFormed();
    energy += resetEnergy(params, conductance);
    conductance = drawReset(params.resetConductanceS(), rng);
  }

  /**
   * SET with compliance current {@code complianceA} (capped at the access transistor's maximum):
   * the filament grows until the current reaches I_cc, giving G ≈ I_cc/V_c ± σ_G. One cycle.
   */
  public void set(double complianceA, RandomGenerator rng) {
    requireFormed();
    if (!(complianceA > 0)) {
      throw new IllegalArgumentException("compliance current must be positive, got " + complianceA);
    }
    double current = Math.min(complianceA, params.maxComplianceA());
    cycles++;
    energy += setEnergy(params, current);
    conductance = drawSet(params, current, cycles, rng);
  }

  /** Energy of a SET at compliance {@code currentA}: V_SET·I_cc·t_SET. */
  static double setEnergy(MemristorParams p, double currentA) {
    return p.setVoltageV() * currentA * p.setPulseS();
  }

  /** Energy of a RESET of a device conducting {@code conductanceS}: V²·G·t. */
  static double resetEnergy(MemristorParams p, double conductanceS) {
    return p.resetVoltageV() * p.resetVoltageV() * conductanceS * p.resetPulseS();
  }

  /**
   * Conductance after a SET at compliance {@code currentA} (already capped) on a device with
   * {@code cycleCount} cycles: I_cc/V_c shrunk towards RESET by the window loss, ± σ_G (truncated
   * at the floor).
   */
  static double drawSet(MemristorParams p, double currentA, long cycleCount, RandomGenerator rng) {
    double reset = p.resetConductanceS();
    double mean = reset + (currentA / p.complianceVoltageV() - reset) * windowFraction(p, cycleCount);
    return draw(p, Math.max(reset, mean), rng);
  }

  /** Fraction of the programmable window left after {@code cycles} SET/RESET cycles. */
  double windowFraction(long cycleCount) {
    return windowFraction(params, cycleCount);
  }

  static double windowFraction(MemristorParams p, long cycleCount) {
    if (cycleCount <= p.enduranceCycles()) {
      return 1;
    }
    return Math.max(0, 1 - WINDOW_LOSS_PER_DECADE * Math.log10(cycleCount / p.enduranceCycles()));
  }

  private static double draw(MemristorParams p, double mean, RandomGenerator rng) {
    double floor = FLOOR_FRACTION * p.resetConductanceS();
    double g;
    do {
      g = mean + p.conductanceSigmaS() * rng.nextGaussian();
    } while (g < floor);
    return g;
  }

  /** Read current at the read voltage, with read noise. */
  public double readCurrent(RandomGenerator rng) {
    double g = conductance * (1 + params.readNoiseRelative() * rng.nextGaussian());
    return g * params.readVoltageV();
  }

  /** Relaxation of the conductance during {@code seconds} at {@code kelvin}. */
  public void relax(double seconds, double kelvin) {
    conductance = relaxed(params, conductance, seconds, kelvin);
  }

  /**
   * Conductance after relaxation: G·(1 − ν·log10(1 + t·a(T)/1 s)), a(T) the Arrhenius factor of the
   * set's relaxation activation energy (ASSUMPTION: logarithmic relaxation towards lower G).
   */
  static double relaxed(MemristorParams p, double g, double seconds, double kelvin) {
    if (!(seconds >= 0) || !(kelvin > 0)) {
      throw new IllegalArgumentException(
          "relaxation needs seconds >= 0 and kelvin > 0, got " + seconds + " s, " + kelvin + " K");
    }
    double acceleration =
        Math.exp(p.relaxationActivationEnergyEv() / Ageing.BOLTZMANN_EV_PER_K
            * (1 / p.relaxationTemperatureK() - 1 / kelvin));
    double loss = p.relaxationPerDecade() * Math.log10(1 + seconds * acceleration);
    return g * Math.max(0, 1 - loss);
  }

  private void requireFormed() {
    if (!formed) {
      throw new IllegalStateException("device is not formed yet: call form() first");
    }
  }

  public boolean isFormed() {
    return formed;
  }

  /** Present conductance in siemens (0 before forming). */
  public double conductance() {
    return conductance;
  }

  /** SET/RESET cycles so far. */
  public long cycles() {
    return cycles;
  }

  /** Energy spent by all operations so far, in joules. */
  public double energyJoules() {
    return energy;
  }

  public MemristorParams params() {
    return params;
  }
}
