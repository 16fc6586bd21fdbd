package org.ferrogen.cim;

import java.util.List;
import java.util.random.RandomGenerator;
import org.ferrogen.device.AnalogCell;

/**
 * An {@link AnalogCell} defined by characterisation data instead of physics: a table of programmable
 * levels, the Gaussian spread of one programming pulse, a relative read noise and a power-law drift.
 * Program-and-verify re-pulses until the read value is within tolerance of the target. This is what a
 * measured chip's data sheet gives; the presets cite the papers their numbers come from.
 */
public final class CharacterisedCell implements AnalogCell {

  private final String name;
  private final double[] levels;
  private final double programSigma;
  private final double readNoiseRelative;
  private final double readVoltage;
  private final double driftExponent;
  private final double pulseEnergy;
  private final double pulseTime;

  /**
   * @param levelsSiemens programmable levels (any order), siemens
   * @param programSigmaSiemens σ of the conductance one programming pulse lands at, siemens
   * @param readNoiseRelative σ of one read divided by the conductance
   * @param readVoltage read voltage, volts
   * @param driftExponent ν in G(t) = G·(1 + t/1 s)^(−ν), at any temperature
   * @param pulseEnergyJoules energy of one program (or verify) pulse, joules
   * @param pulseTimeSeconds duration of one program plus verify step, seconds
   */
  public CharacterisedCell(
      String name,
      List<Double> levelsSiemens,
      double programSigmaSiemens,
      double readNoiseRelative,
      double readVoltage,
      double driftExponent,
      double pulseEnergyJoules,
      double pulseTimeSeconds) {
    if (levelsSiemens.size() < 2) {
      throw new IllegalArgumentException("cell " + name + ": needs at least 2 levels, got " + levelsSiemens.size());
    }
    this.name = name;
    this.levels = levelsSiemens.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (levels[0] < 0) {
      throw new IllegalArgumentException("cell " + name + ": negative conductance level " + levels[0]);
    }
    if (programSigmaSiemens < 0 || readNoiseRelative < 0 || driftExponent < 0) {
      throw new IllegalArgumentException("cell " + name + ": noise and drift parameters must be >= 0");
    }
    this.programSigma = programSigmaSiemens;
    this.readNoiseRelative = readNoiseRelative;
    this.readVoltage = readVoltage;
    this.driftExponent = driftExponent;
    this.pulseEnergy = pulseEnergyJoules;
    this.pulseTime = pulseTimeSeconds;
  }

  /**
   * Multi-level FeFET from published characterisation: 64 levels over a 33× conductance range with
   * 1.3 % cycle-to-cycle spread (Kim et al., Sci. Adv. 2022). Assumptions: 10 µS top level (µA-range
   * read current at 0.1 V, as in 28 nm HKMG FeFETs), 1 % read noise, 75 ns pulses (Jerry et al., IEDM
   * 2017) plus a 25 ns verify read, 10 fJ per pulse (2Pr·A·V ≈ 6–12 fJ for a 100 nm cell,
   * literature.md §2), drift exponent 0.005 (assumption; FeFET retention is specified as 10 years at
   * 85 °C, so drift is slow).
   */
  public static CharacterisedCell fefetKim2022() {
    double gMax = 10e-6;
    double gMin = gMax / 33;
    List<Double> levels = new java.util.ArrayList<>();
    for (int i = 0; i < 64; i++) {
      levels.add(gMin + (gMax - gMin) * i / 63.0);
    }
    return new CharacterisedCell("fefet-kim2022", levels, 0.013 * gMax, 0.01, 0.1, 0.005, 10e-15, 100e-9);
  }

  /**
   * CEA-Leti filamentary memristor (Martemucci et al., Nat. Electron. 2025): 8 levels with means 1.4 …
   * 103.9 µS, σ_G = 8.7 µS per programming, read at 0.4 V, 1 pJ per program operation, 10 µs SET pulse.
   * Assumptions: 1 % read noise, no drift (states stable for a month in the paper).
   */
  public static CharacterisedCell memristorMartemucci2025() {
    List<Double> levels = List.of(1.4e-6, 11.9e-6, 36.5e-6, 58.3e-6, 73.9e-6, 85.5e-6, 95.9e-6, 103.9e-6);
    return new CharacterisedCell("memristor-cea2025", levels, 8.7e-6, 0.01, 0.4, 0.0, 1e-12, 10e-6);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public double minConductance() {
    return levels[0];
  }

  @Override
  public double maxConductance() {
    return levels[levels.length - 1];
  }

  @Override
  public int levels() {
    return levels.length;
  }

  @Override
  public double readVoltage() {
    return readVoltage;
  }

  @Override
  public ProgramResult program(
      double targetConductance, double relativeTolerance, int maxIterations, RandomGenerator rng) {
    double target = Math.min(maxConductance(), Math.max(minConductance(), targetConductance));
    double tolerance = relativeTolerance * Math.max(target, minConductance());
    double g = target;
    int pulses = 0;
    do {
      g = Math.max(0, target + programSigma * rng.nextGaussian());
      pulses++;
    } while (Math.abs(g - target) > tolerance && pulses < maxIterations);
    return new ProgramResult(g, pulses, pulses * pulseEnergy, pulses * pulseTime);
  }

  @Override
  public double readNoiseSigma(double conductance) {
    return readNoiseRelative * conductance;
  }

  @Override
  public double retainedConductance(double conductance, double seconds, double kelvin) {
    return conductance * Math.pow(1 + seconds, -driftExponent);
  }
}
