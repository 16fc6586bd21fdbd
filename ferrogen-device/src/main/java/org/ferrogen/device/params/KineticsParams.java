package org.ferrogen.device.params;

import org.ferrogen.device.config.Range;

/**
 * Nucleation-limited switching kinetics of Deng et al., VLSI 2020: domain i switches with
 * characteristic time τ_i = τ0·exp((Ea_i/E)^α) and accumulates h = ∫dt/τ under any waveform; the
 * probability that a not-yet-switched domain flips while h grows from h_prev to h is
 * 1 − exp(h_prev^β − h^β).
 *
 * <p>Temperature law (an assumption, not a fit to HZO data): the Merz exponent (Ea/E)^α is read as
 * a nucleation barrier over k_B·T, so it scales as T_ref/T, i.e. Ea(T) = Ea(T_ref)·(T_ref/T)^(1/α).
 *
 * @param tau0S attempt time τ0 in seconds
 * @param alpha Merz-law exponent α
 * @param beta Weibull (accumulation) exponent β
 * @param activationField distribution of Ea across domains
 * @param referenceTemperatureK temperature at which the parameters were fitted
 */
public record KineticsParams(
    @Range(min = 1e-15, max = 1, unit = "s") double tau0S,
    @Range(min = 0.1, max = 20) double alpha,
    @Range(min = 0.1, max = 20) double beta,
    ActivationFieldDistribution activationField,
    @Range(min = 1, max = 1000, unit = "K") double referenceTemperatureK) {

  public KineticsParams {
    Check.positive("kinetics.tau0S", tau0S);
    Check.positive("kinetics.alpha", alpha);
    Check.positive("kinetics.beta", beta);
    Check.present("kinetics.activationField", activationField);
    Check.positive("kinetics.referenceTemperatureK", referenceTemperatureK);
  }

  /** τ(E) of a domain with activation field ea at the reference temperature. */
  public double switchingTime(double ea, double field) {
    return tau0S * Math.exp(Math.pow(ea / Math.abs(field), alpha));
  }
}
