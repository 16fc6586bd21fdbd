package org.ferrogen.device.params;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.random.RandomGenerator;
import org.ferrogen.device.config.Range;
import org.hipparchus.special.Gamma;

/**
 * Distribution of the domains' activation fields Ea (V/m) in the generalised Merz law
 * τ = τ0·exp((Ea/E)^α) of Deng et al., VLSI 2020 (public model code boltma/Scalable-FeFET).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ActivationFieldDistribution.Normal.class, name = "normal"),
  @JsonSubTypes.Type(value = ActivationFieldDistribution.GeneralizedBeta.class, name = "generalized-beta")
})
public sealed interface ActivationFieldDistribution {

  /** One activation field drawn from the distribution, in V/m (always positive). */
  double sample(RandomGenerator rng);

  /** Mean activation field in V/m. */
  double mean();

  /**
   * Normal distribution truncated to positive fields (Deng 2020 FeFET default: Ea ~ N(2.3 V, 0.4 V)
   * across the film).
   */
  record Normal(
      @Range(min = 1e5, max = 1e10, unit = "V/m") double meanVPerM,
      @Range(min = 0, max = 1e10, unit = "V/m") double sigmaVPerM) implements ActivationFieldDistribution {
    public Normal {
      Check.positive("kinetics.activationField.meanVPerM", meanVPerM);
      Check.nonNegative("kinetics.activationField.sigmaVPerM", sigmaVPerM);
    }

    @Override
    public double sample(RandomGenerator rng) {
      double ea;
      do {
        ea = meanVPerM + sigmaVPerM * rng.nextGaussian();
      } while (ea <= 0);
      return ea;
    }

    @Override
    public double mean() {
      return meanVPerM;
    }
  }

  /**
   * Generalised beta distribution of the first kind, Ea = scale·B^(1/a) with B ~ Beta(p, q), so
   * 0 < Ea < scale (Deng 2020 MFM fit: scale 1.67 MV/cm, a = 6.76, p = 2.10, q = 1.36).
   */
  record GeneralizedBeta(
      @Range(min = 1e5, max = 1e10, unit = "V/m") double scaleVPerM,
      @Range(min = 0.01, max = 1000) double a,
      @Range(min = 0.01, max = 1000) double p,
      @Range(min = 0.01, max = 1000) double q)
      implements ActivationFieldDistribution {
    public GeneralizedBeta {
      Check.positive("kinetics.activationField.scaleVPerM", scaleVPerM);
      Check.positive("kinetics.activationField.a", a);
      Check.positive("kinetics.activationField.p", p);
      Check.positive("kinetics.activationField.q", q);
    }

    @Override
    public double sample(RandomGenerator rng) {
      double x = gamma(p, rng);
      double y = gamma(q, rng);
      double b = x / (x + y);
      return scaleVPerM * Math.pow(b, 1 / a);
    }

    @Override
    public double mean() {
      // E[B^(1/a)] = B(p + 1/a, q) / B(p, q) = Γ(p+1/a)Γ(p+q) / (Γ(p)Γ(p+q+1/a)).
      double k = 1 / a;
      return scaleVPerM
          * Math.exp(Gamma.logGamma(p + k) + Gamma.logGamma(p + q) - Gamma.logGamma(p) - Gamma.logGamma(p + q + k));
    }

    /** Marsaglia–Tsang gamma sampler (shape > 0, unit scale). */
    private static double gamma(double shape, RandomGenerator rng) {
      if (shape < 1) {
        double u = rng.nextDouble();
        return gamma(shape + 1, rng) * Math.pow(u, 1 / shape);
      }
      double d = shape - 1.0 / 3;
      double c = 1 / Math.sqrt(9 * d);
      while (true) {
        double x;
        double v;
        do {
          x = rng.nextGaussian();
          v = 1 + c * x;
        } while (v <= 0);
        v = v * v * v;
        double u = rng.nextDouble();
        if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
          return d * v;
        }
      }
    }
  }
}
