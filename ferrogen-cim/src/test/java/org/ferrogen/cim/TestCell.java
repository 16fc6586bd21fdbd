package org.ferrogen.cim;

import java.util.random.RandomGenerator;
import org.ferrogen.device.AnalogCell;

/**
 * A small analog cell for tests: conductance range [1 µS, 10 µS], {@code levels} levels, Gaussian
 * programming error of {@code programSigma} (relative to the range) per pulse with verify, read noise
 * σ = {@code readNoiseRelative}·G, and exponential relaxation of {@code driftPerDecade} per decade of
 * time towards the minimum conductance.
 */
record TestCell(int levels, double programSigma, double readNoiseRelative, double driftPerDecade)
    implements AnalogCell {

  static TestCell ideal() {
    return new TestCell(64, 0, 0, 0);
  }

  @Override
  public String name() {
    return "test-cell";
  }

  @Override
  public double minConductance() {
    return 1e-6;
  }

  @Override
  public double maxConductance() {
    return 10e-6;
  }

  @Override
  public double readVoltage() {
    return 0.2;
  }

  @Override
  public ProgramResult program(double target, double tolerance, int maxIterations, RandomGenerator rng) {
    double sigma = programSigma * (maxConductance() - minConductance());
    double g;
    int pulses = 0;
    do {
      g = target + sigma * rng.nextGaussian();
      pulses++;
    } while (Math.abs(g - target) > tolerance * target && pulses < maxIterations);
    return new ProgramResult(g, pulses, pulses * 1e-14, pulses * 1e-7);
  }

  @Override
  public double readNoiseSigma(double conductance) {
    return readNoiseRelative * conductance;
  }

  @Override
  public double retainedConductance(double conductance, double seconds, double kelvin) {
    double decades = Math.log10(1 + seconds);
    return minConductance() + (conductance - minConductance()) * (1 - driftPerDecade * decades);
  }
}
