package org.ferrogen.device.memristor;

import java.util.random.RandomGenerator;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.MemristorParams;

/**
 * Many formed memristors in flat arrays, for arrays of tens of thousands of synapses where one
 * {@link Memristor} object per device would cost more memory and time than the physics. Every
 * operation follows {@link Memristor} exactly (the same static laws): RESET draws the log-normal
 * RESET state, SET draws I_cc/V_c ± σ_G with the window closing past the endurance, each SET counts
 * one cycle, and energies are V²·G·t (RESET) and V·I_cc·t (SET). Devices start formed and in the
 * RESET state (the one-off forming is outside what this array accounts). Not thread-safe.
 */
public final class MemristorArray {

  private final MemristorParams params;
  private final float[] conductance;
  private final int[] cycles;
  private long resets;
  private long sets;
  private double energy;

  /** {@code size} formed devices of {@code params}'s memristor section, each drawn in the RESET state. */
  public MemristorArray(DeviceParams params, int size, RandomGenerator rng) {
    this(params.requireMemristor(), size, rng);
  }

  public MemristorArray(MemristorParams params, int size, RandomGenerator rng) {
    if (size < 0) {
      throw new IllegalArgumentException("array size must be >= 0, got " + size);
    }
    this.params = params;
    this.conductance = new float[size];
    this.cycles = new int[size];
    for (int i = 0; i < size; i++) {
      conductance[i] = (float) Memristor.drawReset(params.resetConductanceS(), rng);
    }
  }

  public int size() {
    return conductance.length;
  }

  /** RESET of device {@code i}; returns its energy in joules. */
  public double reset(int i, RandomGenerator rng) {
    double e = Memristor.resetEnergy(params, conductance[i]);
    conductance[i] = (float) Memristor.drawReset(params.resetConductanceS(), rng);
    resets++;
    energy += e;
    return e;
  }

  /** SET of device {@code i} with compliance {@code complianceA}; one cycle; returns its energy. */
  public double set(int i, double complianceA, RandomGenerator rng) {
    if (!(complianceA > 0)) {
      throw new IllegalArgumentException("compliance current must be positive, got " + complianceA);
    }
    double current = Math.min(complianceA, params.maxComplianceA());
    cycles[i]++;
    conductance[i] = (float) Memristor.drawSet(params, current, cycles[i], rng);
    double e = Memristor.setEnergy(params, current);
    sets++;
    energy += e;
    return e;
  }

  /** Present conductance of device {@code i}, siemens. */
  public double conductance(int i) {
    return conductance[i];
  }

  /** SET/RESET cycles of device {@code i}. */
  public int cycles(int i) {
    return cycles[i];
  }

  /** Largest cycle count of any device. */
  public int maxCycles() {
    int m = 0;
    for (int c : cycles) {
      m = Math.max(m, c);
    }
    return m;
  }

  /** Devices whose cycle count exceeds the endurance figure. */
  public int beyondEndurance() {
    int n = 0;
    for (int c : cycles) {
      if (c > params.enduranceCycles()) {
        n++;
      }
    }
    return n;
  }

  /** RESET operations so far. */
  public long resets() {
    return resets;
  }

  /** SET operations so far. */
  public long sets() {
    return sets;
  }

  /** Energy of every RESET and SET so far, joules (device model). */
  public double energyJoules() {
    return energy;
  }

  public MemristorParams params() {
    return params;
  }
}
