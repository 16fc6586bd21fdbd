package org.ferrogen.genai.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Sampling by perturb-and-argmax: token = argmax(logit/T + noise). With standard Gumbel noise this
 * is exactly softmax(logit/T) sampling (the Gumbel-max trick). Analog read noise on the output
 * logits is closer to Gaussian, and argmax(logit + σ·N(0,1)) is a multinomial-probit draw, not a
 * softmax draw: this class calibrates σ to a target temperature and measures, by Monte Carlo, the
 * KL divergence between the token distribution that Gaussian noise induces and exact softmax.
 */
public final class NoiseNativeSampling {
  /** Tokens more than this many temperatures below the top logit have p below e^-30 and are left out. */
  private static final double SUPPORT_TEMPERATURES = 30;
  /** ... and are further than this many σ, so Gaussian noise practically never lifts them to the top. */
  private static final double SUPPORT_SIGMAS = 12;

  private NoiseNativeSampling() {}

  /** argmax(logits/T + Gumbel(0,1)): an exact draw from softmax(logits/T). */
  public static int sampleGumbel(float[] logits, double temperature, RandomGenerator rng) {
    int best = 0;
    double bestV = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < logits.length; i++) {
      double v = logits[i] / temperature - Math.log(-Math.log(1.0 - rng.nextDouble()));
      if (v > bestV) {
        bestV = v;
        best = i;
      }
    }
    return best;
  }

  /** argmax(logits + σ·N(0,1)): what a read-out with Gaussian noise of standard deviation σ selects. */
  public static int sampleGaussian(float[] logits, double sigma, RandomGenerator rng) {
    int best = 0;
    double bestV = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < logits.length; i++) {
      double v = logits[i] + sigma * rng.nextGaussian();
      if (v > bestV) {
        bestV = v;
        best = i;
      }
    }
    return best;
  }

  /**
   * σ whose Gaussian has the standard deviation of the Gumbel noise T·G that exact sampling at
   * temperature T adds (Var G = π²/6): σ = π·T/√6. A closed-form starting point, not a fit.
   */
  public static double sigmaMatchingGumbel(double temperature) {
    return Math.PI * temperature / Math.sqrt(6);
  }

  /**
   * The result of a measurement.
   *
   * @param temperature target temperature T
   * @param sigma Gaussian noise standard deviation used
   * @param samples Monte Carlo draws per estimate
   * @param supportSize tokens that can be drawn (the rest have negligible probability)
   * @param klGaussian estimated KL(q_σ ‖ softmax(logits/T)) of the Gaussian-noise draws
   * @param klGumbelControl the same estimator on exact Gumbel draws: the Monte Carlo bias floor
   * @param totalVariation estimated total-variation distance of the Gaussian-noise draws
   */
  public record Measurement(double temperature, double sigma, int samples, int supportSize,
      double klGaussian, double klGumbelControl, double totalVariation) {}

  /**
   * Estimates the token distribution induced by argmax(logits + σ·N) from {@code samples} draws and
   * compares it with exact softmax(logits/T); the same estimator run on Gumbel draws gives the
   * estimator's own bias (≈ (k−1)/(2N) for k reachable tokens) as a control.
   */
  public static Measurement measure(float[] logits, double temperature, double sigma, int samples, long seed) {
    int[] support = support(logits, temperature, sigma);
    float[] sub = new float[support.length];
    for (int i = 0; i < support.length; i++) {
      sub[i] = logits[support[i]];
    }
    double[] p = softmax(sub, temperature);
    long[] gauss = new long[sub.length];
    long[] gumbel = new long[sub.length];
    SplittableRandom rng = new SplittableRandom(seed);
    for (int n = 0; n < samples; n++) {
      gauss[sampleGaussian(sub, sigma, rng)]++;
      gumbel[sampleGumbel(sub, temperature, rng)]++;
    }
    double tv = 0;
    for (int i = 0; i < sub.length; i++) {
      tv += Math.abs(gauss[i] / (double) samples - p[i]);
    }
    return new Measurement(temperature, sigma, samples, sub.length, kl(gauss, samples, p),
        kl(gumbel, samples, p), tv / 2);
  }

  /**
   * The σ minimising the Monte Carlo estimate of KL(q_σ ‖ softmax(logits/T)), by golden-section
   * search over [0.2, 3]× {@link #sigmaMatchingGumbel} with common random numbers (the same seed
   * for every σ, so the objective is a smooth function of σ).
   */
  public static double calibrateSigma(float[] logits, double temperature, int samples, long seed) {
    double lo = 0.2 * sigmaMatchingGumbel(temperature);
    double hi = 3.0 * sigmaMatchingGumbel(temperature);
    int[] support = support(logits, temperature, hi);
    float[] sub = new float[support.length];
    for (int i = 0; i < support.length; i++) {
      sub[i] = logits[support[i]];
    }
    double[] p = softmax(sub, temperature);
    double g = (Math.sqrt(5) - 1) / 2;
    double a = hi - g * (hi - lo);
    double b = lo + g * (hi - lo);
    double fa = gaussianKl(sub, p, a, samples, seed);
    double fb = gaussianKl(sub, p, b, samples, seed);
    for (int it = 0; it < 30 && hi - lo > 1e-3 * sigmaMatchingGumbel(temperature); it++) {
      if (fa < fb) {
        hi = b;
        b = a;
        fb = fa;
        a = hi - g * (hi - lo);
        fa = gaussianKl(sub, p, a, samples, seed);
      } else {
        lo = a;
        a = b;
        fa = fb;
        b = lo + g * (hi - lo);
        fb = gaussianKl(sub, p, b, samples, seed);
      }
    }
    return (lo + hi) / 2;
  }

  /**
   * Both calibrations side by side.
   *
   * @param gumbelMatched measurement at σ = {@link #sigmaMatchingGumbel}
   * @param klFitted measurement at σ = {@link #calibrateSigma}
   */
  public record Comparison(Measurement gumbelMatched, Measurement klFitted) {}

  /** Calibrates σ both ways on {@code logits} and measures each with {@code samples} fresh draws. */
  public static Comparison compare(float[] logits, double temperature, int samples, long seed) {
    if (!(temperature > 0) || samples < 1) {
      throw new IllegalArgumentException("temperature must be positive (got " + temperature
          + ") and samples at least 1 (got " + samples + ")");
    }
    double fitted = calibrateSigma(logits, temperature, Math.max(1000, samples / 5), seed + 1);
    return new Comparison(measure(logits, temperature, sigmaMatchingGumbel(temperature), samples, seed),
        measure(logits, temperature, fitted, samples, seed));
  }

  private static double gaussianKl(float[] sub, double[] p, double sigma, int samples, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    long[] counts = new long[sub.length];
    for (int n = 0; n < samples; n++) {
      counts[sampleGaussian(sub, sigma, rng)]++;
    }
    return kl(counts, samples, p);
  }

  /** KL(q̂ ‖ p) in nats for empirical counts q̂ (finite because p > 0 on the support). */
  static double kl(long[] counts, int samples, double[] p) {
    double kl = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        double q = counts[i] / (double) samples;
        kl += q * Math.log(q / p[i]);
      }
    }
    return Math.max(0, kl);
  }

  static double[] softmax(float[] l, double t) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : l) {
      max = Math.max(max, v);
    }
    double[] p = new double[l.length];
    double sum = 0;
    for (int i = 0; i < l.length; i++) {
      p[i] = Math.exp((l[i] - max) / t);
      sum += p[i];
    }
    for (int i = 0; i < l.length; i++) {
      p[i] /= sum;
    }
    return p;
  }

  private static int[] support(float[] logits, double temperature, double sigma) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : logits) {
      max = Math.max(max, v);
    }
    double cutoff = max - Math.max(SUPPORT_TEMPERATURES * temperature, SUPPORT_SIGMAS * sigma);
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < logits.length; i++) {
      if (logits[i] >= cutoff) {
        keep.add(i);
      }
    }
    return keep.stream().mapToInt(Integer::intValue).toArray();
  }
}
