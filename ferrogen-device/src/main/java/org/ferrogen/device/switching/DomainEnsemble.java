package org.ferrogen.device.switching;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.ferrogen.device.params.KineticsParams;

/**
 * The multi-domain switching engine of Deng et al., VLSI 2020: N independent domains, each with its
 * own activation field Ea_i and switching time τ_i(E) = τ0·exp((Ea_i/E)^α); under a waveform each
 * not-yet-switched domain accumulates h_i = ∫dt/τ_i(E(t)) and flips with probability
 * 1 − exp(h_prev^β − h^β) while h grows from h_prev to h.
 *
 * <p>Implementation: the accumulated Weibull hazard is sampled exactly by drawing, once per
 * switching epoch, a threshold h*_i = X^(1/β) with X ~ Exp(1): the domain flips when h_i reaches
 * h*_i, which has the same law as multiplying the per-step survival probabilities. The inner loop
 * then needs one table exponential, one add and one compare per domain and step, on
 * structure-of-arrays {@code double[]} state, with no allocation.
 *
 * <p>Two modelling assumptions (stated, not taken from Deng): (1) when the field changes polarity,
 * the nuclei of the previous direction collapse, so every domain starts a new epoch (h = 0, fresh
 * threshold); (2) temperature enters as (Ea/E)^α·T_ref/T (see {@link KineticsParams}).
 *
 * <p>Not thread-safe; one ensemble per thread.
 */
public final class DomainEnsemble {
  private final KineticsParams kinetics;
  private final double[] activationField; // Ea_i in V/m
  private final double[] scaledBarrier; // (Ea_i / E_ref)^α
  private final double[] accumulated; // h_i of the current epoch
  private final double[] threshold; // h*_i at which domain i flips in this epoch
  private final double[] down; // 1.0 for a domain pointing down, 0.0 for up (branch-free mask)
  private final double fieldRef;
  private final double invBeta;
  private final RandomGenerator rng;
  private int upCount;
  private int lastSign; // polarity of the last non-zero field, 0 before any

  private DomainEnsemble(KineticsParams kinetics, double[] ea, RandomGenerator rng) {
    if (ea.length == 0) {
      throw new IllegalArgumentException("a domain ensemble needs at least one domain");
    }
    this.kinetics = kinetics;
    this.activationField = ea;
    this.rng = rng;
    this.fieldRef = kinetics.activationField().mean();
    this.invBeta = 1 / kinetics.beta();
    int n = ea.length;
    this.scaledBarrier = new double[n];
    this.accumulated = new double[n];
    this.threshold = new double[n];
    this.down = new double[n];
    Arrays.fill(down, 1.0);
    for (int i = 0; i < n; i++) {
      if (!(ea[i] > 0)) {
        throw new IllegalArgumentException("activation field of domain " + i + " must be positive, got " + ea[i]);
      }
      scaledBarrier[i] = Math.pow(ea[i] / fieldRef, kinetics.alpha());
      threshold[i] = drawThreshold();
    }
  }

  /** N domains with activation fields drawn from the kinetics' distribution; all start down. */
  public static DomainEnsemble sample(KineticsParams kinetics, int domains, RandomGenerator rng) {
    if (domains < 1) {
      throw new IllegalArgumentException("domain count must be at least 1, got " + domains);
    }
    double[] ea = new double[domains];
    for (int i = 0; i < domains; i++) {
      ea[i] = kinetics.activationField().sample(rng);
    }
    return new DomainEnsemble(kinetics, ea, rng);
  }

  /** Domains with the given activation fields (V/m, copied); all start down. */
  public static DomainEnsemble of(KineticsParams kinetics, double[] activationFields, RandomGenerator rng) {
    return new DomainEnsemble(kinetics, activationFields.clone(), rng);
  }

  private double drawThreshold() {
    // X ~ Exp(1): P(X > h^β) = exp(−h^β) is the Weibull survival of the accumulated hazard.
    double x = -Math.log(1 - rng.nextDouble());
    return invBeta == 0.5 ? Math.sqrt(x) : Math.pow(x, invBeta);
  }

  /** Sets every domain down ({@code false}) or up, as a full erase or write would. */
  public void setAll(boolean toUp) {
    Arrays.fill(down, toUp ? 0.0 : 1.0);
    upCount = toUp ? down.length : 0;
    newEpoch();
  }

  private void newEpoch() {
    for (int i = 0; i < accumulated.length; i++) {
      if (accumulated[i] != 0) {
        accumulated[i] = 0;
        threshold[i] = drawThreshold();
      }
    }
  }

  /**
   * Holds the field {@code fieldVPerM} (positive switches domains up) for {@code seconds} at
   * {@code kelvin}; returns the number of domains that flipped.
   */
  public int step(double fieldVPerM, double seconds, double kelvin) {
    if (fieldVPerM == 0 || !(seconds > 0)) {
      return 0;
    }
    int sign = fieldVPerM > 0 ? 1 : -1;
    if (sign != lastSign) {
      if (lastSign != 0) {
        newEpoch();
      }
      lastSign = sign;
    }
    boolean towardsUp = sign > 0;
    // (Ea_i/E)^α·T_ref/T = scaledBarrier_i · y
    double y =
        Math.pow(fieldRef / Math.abs(fieldVPerM), kinetics.alpha())
            * kinetics.referenceTemperatureK()
            / kelvin;
    double scale = seconds / kinetics.tau0S();
    // Eligible (opposite to the field) domains: down[i] for a positive field, 1 − down[i] for a
    // negative one. Multiplying by the mask instead of branching keeps the loop free of
    // unpredictable branches; aligned domains add 0 to an h that is 0 and never reach h*.
    double base = towardsUp ? 0 : scale;
    double slope = towardsUp ? scale : -scale;
    double target = towardsUp ? 0 : 1;
    double[] a = scaledBarrier;
    double[] h = accumulated;
    double[] thr = threshold;
    double[] mask = down;
    int flipped = 0;
    for (int i = 0; i < a.length; i++) {
      double hi = h[i] + (base + slope * mask[i]) * NegExp.of(a[i] * y);
      h[i] = hi;
      if (hi >= thr[i]) {
        mask[i] = target;
        h[i] = 0;
        thr[i] = drawThreshold();
        flipped++;
      }
    }
    upCount += towardsUp ? flipped : -flipped;
    return flipped;
  }

  /** Observes the ensemble after each segment of a waveform. */
  @FunctionalInterface
  public interface SegmentObserver {
    void after(int segment, double volts, double upFraction);
  }

  /** Applies a voltage waveform across a film of the given thickness. */
  public void apply(Waveform waveform, double thicknessM, double kelvin, SegmentObserver observer) {
    for (int s = 0; s < waveform.size(); s++) {
      double v = waveform.volts(s);
      step(v / thicknessM, waveform.seconds(s), kelvin);
      if (observer != null) {
        observer.after(s, v, upFraction());
      }
    }
  }

  /** Applies a voltage waveform across a film of the given thickness. */
  public void apply(Waveform waveform, double thicknessM, double kelvin) {
    apply(waveform, thicknessM, kelvin, null);
  }

  /**
   * Probability that domain {@code i}, starting a fresh epoch, flips during one rectangular pulse of
   * field {@code fieldVPerM} (magnitude) lasting {@code seconds}: 1 − exp(−(t/τ_i)^β).
   */
  public double pulseSwitchProbability(int i, double fieldVPerM, double seconds, double kelvin) {
    double x = scaledBarrier[i]
        * Math.pow(fieldRef / Math.abs(fieldVPerM), kinetics.alpha())
        * kinetics.referenceTemperatureK() / kelvin;
    double h = seconds / kinetics.tau0S() * Math.exp(-x);
    return -Math.expm1(-Math.pow(h, kinetics.beta()));
  }

  public int size() {
    return down.length;
  }

  public int upCount() {
    return upCount;
  }

  /** Fraction of domains pointing up, 0…1. */
  public double upFraction() {
    return (double) upCount / down.length;
  }

  /** Net normalised polarization (2·up − N)/N, −1…+1. */
  public double netPolarization() {
    return (2.0 * upCount - down.length) / down.length;
  }

  public boolean isUp(int domain) {
    return down[domain] == 0;
  }

  /** Activation field of domain i in V/m. */
  public double activationField(int domain) {
    return activationField[domain];
  }

  public KineticsParams kinetics() {
    return kinetics;
  }
}
