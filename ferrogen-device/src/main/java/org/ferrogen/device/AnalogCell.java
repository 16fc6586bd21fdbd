package org.ferrogen.device;

import java.util.random.RandomGenerator;

/**
 * A programmable analog memory cell as a compute-in-memory array sees it: the hardware seam between
 * device physics and crossbar tiles. A real chip's characterisation data could implement it in place
 * of the simulator.
 */
public interface AnalogCell {

  /** Short name for reports, e.g. {@code fefet-mlc}. */
  String name();

  /** Lowest programmable conductance in siemens (the cell's off state). */
  double minConductance();

  /** Highest programmable conductance in siemens. */
  double maxConductance();

  /** Number of distinguishable programmable levels. */
  int levels();

  /** Voltage across the cell during a read or an MVM, in volts. */
  double readVoltage();

  /**
   * Programs the cell towards {@code targetConductance} by program-and-verify: pulses until the read
   * conductance is within {@code relativeTolerance} of the target or {@code maxIterations} pulses
   * were spent.
   */
  ProgramResult program(
      double targetConductance, double relativeTolerance, int maxIterations, RandomGenerator rng);

  /** Standard deviation, in siemens, of one read of a cell programmed to {@code conductance}. */
  double readNoiseSigma(double conductance);

  /** Conductance after {@code seconds} of retention at {@code kelvin} (drift, relaxation, imprint). */
  double retainedConductance(double conductance, double seconds, double kelvin);

  /** Outcome of one program-and-verify sequence. */
  record ProgramResult(double conductance, int pulses, double energyJoules, double timeSeconds) {}
}
