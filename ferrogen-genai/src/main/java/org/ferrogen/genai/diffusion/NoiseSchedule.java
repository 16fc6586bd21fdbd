package org.ferrogen.genai.diffusion;

/**
 * The forward (noising) process of a DDPM (Ho, Jain and Abbeel, "Denoising Diffusion Probabilistic
 * Models", NeurIPS 2020): q(x_t | x_0) = N(√ᾱ_t x_0, (1 − ᾱ_t) I) with ᾱ_t = Π_{s≤t} (1 − β_s).
 */
public record NoiseSchedule(double[] betas) {

  public NoiseSchedule {
    if (betas.length < 2) {
      throw new IllegalArgumentException("a schedule needs at least 2 steps, got " + betas.length);
    }
    for (double b : betas) {
      if (!(b > 0 && b < 1)) {
        throw new IllegalArgumentException("every beta must be in (0, 1), got " + b);
      }
    }
    betas = betas.clone();
  }

  /**
   * Ho et al.'s linear schedule, β from 10^-4 to 0.02 over 1000 steps, rescaled to {@code steps}
   * steps by the factor 1000/steps (Nichol and Dhariwal, ICML 2021, §3.2 note that this keeps ᾱ_T
   * near zero for shorter chains).
   */
  public static NoiseSchedule linear(int steps) {
    if (steps < 2 || steps > 10_000) {
      throw new IllegalArgumentException("diffusion steps must be 2..10000, got " + steps);
    }
    double scale = 1000.0 / steps;
    double first = 1e-4 * scale;
    double last = Math.min(0.999, 0.02 * scale);
    double[] b = new double[steps];
    for (int t = 0; t < steps; t++) {
      b[t] = first + (last - first) * t / (steps - 1);
    }
    return new NoiseSchedule(b);
  }

  public int steps() {
    return betas.length;
  }

  public double beta(int t) {
    return betas[t];
  }

  /** ᾱ_t (t counted from 0). */
  public double alphaBar(int t) {
    double a = 1;
    for (int s = 0; s <= t; s++) {
      a *= 1 - betas[s];
    }
    return a;
  }

  @Override
  public double[] betas() {
    return betas.clone();
  }
}
