package org.ferrogen.trng.design;

/** Physical constants and noise of the sensing circuits. */
final class SenseNoise {

  /** Boltzmann constant in J/K (CODATA 2018, exact in SI 2019). */
  static final double BOLTZMANN = 1.380649e-23;

  private SenseNoise() {}

  /** kT/C noise voltage (rms) sampled on a capacitance {@code farads} at {@code kelvin}. */
  static double ktcVolts(double farads, double kelvin) {
    return Math.sqrt(BOLTZMANN * kelvin / farads);
  }
}
