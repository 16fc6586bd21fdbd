package org.ferrogen.genai.diffusion;

import java.util.function.LongConsumer;
import java.util.random.RandomGenerator;

/**
 * Ancestral sampling of a DDPM (Ho et al. 2020, Algorithm 2): x_T ~ N(0, I); for t = T … 1,
 * x_{t−1} = (x_t − β_t/√(1 − ᾱ_t) · ε̂(x_t, t)) / √(1 − β_t) + σ_t z with σ_t² = β_t and z ~ N(0, I)
 * (none at the last step). Every Gaussian — the start and the noise injected at each step — comes
 * from the given generator, which is how the chip's TRNG enters the images.
 */
public final class DiffusionSampling {
  private DiffusionSampling() {}

  /**
   * @param count images to draw, generated together as one batch
   * @param noise the source of every Gaussian variate
   * @param progress receives 1 per denoising step
   * @return {@code count × pixels} values, clipped to [−1, 1]
   */
  public static float[] sample(DiffusionModel model, DenoiserBackend backend, int count, RandomGenerator noise,
      LongConsumer progress) {
    if (count < 1 || count > 1 << 16) {
      throw new IllegalArgumentException("samples must be 1..65536, got " + count);
    }
    int pixels = model.pixels();
    int width = model.denoiser().inputWidth();
    float[] x = new float[count * pixels];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) noise.nextGaussian();
    }
    float[] input = new float[count * width];
    int[] steps = new int[count];
    for (int t = model.schedule().steps() - 1; t >= 0; t--) {
      java.util.Arrays.fill(steps, t);
      model.input(x, count, steps, input);
      float[] f = backend.forward(input, count);
      double beta = model.schedule().beta(t);
      double epsScale = beta / Math.sqrt(1 - model.alphaBar(t));
      double scale = 1 / Math.sqrt(1 - beta);
      double sigma = t > 0 ? Math.sqrt(beta) : 0;
      for (int i = 0; i < x.length; i++) {
        double mean = (x[i] - epsScale * model.noiseEstimate(t, f[i], x[i])) * scale;
        x[i] = (float) (sigma > 0 ? mean + sigma * noise.nextGaussian() : mean);
      }
      progress.accept(1);
    }
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.max(-1f, Math.min(1f, x[i]));
    }
    return x;
  }
}
