package org.ferrogen.device.memristor;

import java.util.random.RandomGenerator;
import org.ferrogen.device.AnalogCell;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.MemristorParams;

/**
 * The formed CEA-Leti memristor as a compute-in-memory cell (Martemucci et al., Nature Electronics
 * 2025): 8 levels 1.4…103.9 µS, σ_G = 8.7 µS, read at 0.4 V. Program-and-verify repeats RESET +
 * SET (compliance current = target·V_c) until a read lands within the tolerance. Each call
 * programs a fresh, formed, woken device drawn from the population.
 */
public final class MemristorCell implements AnalogCell {
  /** ASSUMPTION: 100 ns verify read. */
  public static final double READ_PULSE_S = 100e-9;

  private final MemristorParams params;

  public MemristorCell(DeviceParams params) {
    this.params = params.requireMemristor();
  }

  @Override
  public String name() {
    return "memristor";
  }

  @Override
  public double minConductance() {
    return params.levelMeansS().get(0);
  }

  @Override
  public double maxConductance() {
    return params.levelMeansS().get(params.levelMeansS().size() - 1);
  }

  @Override
  public int levels() {
    return params.levelMeansS().size();
  }

  @Override
  public double readVoltage() {
    return params.readVoltageV();
  }

  /** Mean conductance of level {@code k} (the CEA table). */
  public double levelConductance(int k) {
    return params.levelMeansS().get(k);
  }

  /** Compliance current that targets conductance g. */
  public double complianceFor(double g) {
    return Math.min(params.maxComplianceA(), g * params.complianceVoltageV());
  }

  @Override
  public ProgramResult program(
      double targetConductance, double relativeTolerance, int maxIterations, RandomGenerator rng) {
    if (!(targetConductance > 0)) {
      throw new IllegalArgumentException("target conductance must be positive, got " + targetConductance);
    }
    if (!(relativeTolerance >= 0)) {
      throw new IllegalArgumentException("relative tolerance must be non-negative, got " + relativeTolerance);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
    }
    double floor = Memristor.FLOOR_FRACTION * params.resetConductanceS();
    boolean resetOnly = targetConductance <= params.resetConductanceS();
    double compliance = complianceFor(targetConductance);
    double setEnergy = params.setVoltageV() * compliance * params.setPulseS();
    double v = params.readVoltageV();
    int pulses = 0;
    double energy = 0;
    double time = 0;
    double g = params.resetConductanceS();
    while (pulses < maxIterations) {
      // RESET (current through the present state), then SET unless the target is the RESET level.
      energy += params.resetVoltageV() * params.resetVoltageV() * g * params.resetPulseS();
      time += params.resetPulseS();
      pulses++;
      g = Memristor.drawReset(params.resetConductanceS(), rng);
      if (!resetOnly && pulses < maxIterations) {
        energy += setEnergy;
        time += params.setPulseS();
        pulses++;
        g = truncatedNormal(compliance / params.complianceVoltageV(), floor, rng);
      }
      double read = g * (1 + params.readNoiseRelative() * rng.nextGaussian());
      energy += read * v * v * READ_PULSE_S;
      time += READ_PULSE_S;
      if (Math.abs(read - targetConductance) <= relativeTolerance * targetConductance) {
        break;
      }
    }
    return new ProgramResult(g, pulses, energy, time);
  }

  private double truncatedNormal(double mean, double floor, RandomGenerator rng) {
    double g;
    do {
      g = mean + params.conductanceSigmaS() * rng.nextGaussian();
    } while (g < floor);
    return g;
  }

  @Override
  public double readNoiseSigma(double conductance) {
    return params.readNoiseRelative() * conductance;
  }

  @Override
  public double retainedConductance(double conductance, double seconds, double kelvin) {
    return Memristor.relaxed(params, conductance, seconds, kelvin);
  }
}
