package org.ferrogen.device.switching;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ferrogen.device.params.KineticsParams;

/**
 * Deterministic prediction of the coercive field of a triangle-swept film from the kinetics alone:
 * the field on the rising ramp at which the ensemble-average switched fraction,
 * ⟨1 − exp(−h(E; Ea)^β)⟩ over the Ea distribution with h = ∫dE'/(r·τ(E'; Ea)), reaches one half.
 * It uses the same law as {@link DomainEnsemble} but no Monte-Carlo switching, so comparing the
 * two checks the engine.
 */
public final class CoerciveField {
  private static final int EA_POINTS = 2048;
  private static final int FIELD_STEPS = 2000;
  private static final long QUADRATURE_SEED = 0x5EEDL;

  private CoerciveField() {}

  /**
   * Coercive field in V/m for a triangle of peak field {@code amplitudeVPerM} at {@code
   * frequencyHz}; NaN when the ramp never switches half of the domains.
   */
  public static double predict(
      KineticsParams kinetics, double amplitudeVPerM, double frequencyHz, double kelvin) {
    SplittableRandom rng = new SplittableRandom(QUADRATURE_SEED);
    double[] ea = new double[EA_POINTS];
    for (int i = 0; i < EA_POINTS; i++) {
      ea[i] = kinetics.activationField().sample(rng);
    }
    Arrays.sort(ea);
    double rate = 4 * amplitudeVPerM * frequencyHz; // dE/dt of the triangle
    double dE = amplitudeVPerM / FIELD_STEPS;
    double dt = dE / rate;
    double[] h = new double[EA_POINTS];
    double tempFactor = kinetics.referenceTemperatureK() / kelvin;
    double[] barrier = new double[EA_POINTS]; // (Ea_i)^α·T_ref/T
    for (int i = 0; i < EA_POINTS; i++) {
      barrier[i] = Math.pow(ea[i], kinetics.alpha()) * tempFactor;
    }
    double previous = 0;
    for (int s = 1; s <= FIELD_STEPS; s++) {
      double field = (s - 0.5) * dE;
      double switched = 0;
      double inverseFieldPow = Math.pow(field, -kinetics.alpha());
      for (int i = 0; i < EA_POINTS; i++) {
        double x = barrier[i] * inverseFieldPow;
        h[i] += dt / kinetics.tau0S() * Math.exp(-x);
        switched += -Math.expm1(-Math.pow(h[i], kinetics.beta()));
      }
      double fraction = switched / EA_POINTS;
      if (fraction >= 0.5) {
        double e1 = (s - 1) * dE;
        return e1 + dE * (0.5 - previous) / (fraction - previous);
      }
      previous = fraction;
    }
    return Double.NaN;
  }
}
