package org.ferrogen.genai.diffusion;

import java.util.function.LongConsumer;
import java.util.random.RandomGenerator;
import org.ferrogen.learn.Parameter;
import org.ferrogen.learn.nn.Sequential;
import org.ferrogen.learn.optim.AdamW;

/**
 * Trains a {@link DiffusionModel}'s denoiser as in Ho et al.'s Algorithm 1 (uniform t, standard
 * normal ε, x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε, mini-batches drawn with replacement, AdamW), on the
 * preconditioned target ‖F − (x₀ − c_skip x_t)/c_out‖² of Karras et al. 2022 (see {@link DiffusionModel}).
 *
 * @param steps optimiser steps
 * @param batch images per step
 * @param learningRate AdamW step size (constant)
 */
public record DiffusionTraining(int steps, int batch, float learningRate) {

  public DiffusionTraining {
    if (steps < 1 || batch < 1 || batch > 65_536 || !(learningRate > 0 && learningRate < 1)) {
      throw new IllegalArgumentException("training needs steps >= 1, batch 1..65536 and a learning rate in (0, 1); got "
          + steps + ", " + batch + ", " + learningRate);
    }
  }

  /**
   * @param images {@code count × pixels} values in [−1, 1]
   * @param random draws batches, steps and noise
   * @param progress receives 1 per optimiser step
   * @return mean loss over each tenth of the run
   */
  public double[] train(DiffusionModel model, float[] images, RandomGenerator random, LongConsumer progress) {
    int pixels = model.pixels();
    int count = images.length / pixels;
    if (count < 1 || images.length % pixels != 0) {
      throw new IllegalArgumentException(images.length + " values do not make images of " + pixels + " pixels");
    }
    Sequential network = model.denoiser().network();
    AdamW optimiser = new AdamW(network.parameters(), 0.9f, 0.999f, 1e-8f, 0f);
    int width = model.denoiser().inputWidth();
    float[] noisy = new float[batch * pixels];
    float[] target = new float[batch * pixels];
    float[] input = new float[batch * width];
    int[] rowSteps = new int[batch];
    float[] gradient = new float[batch * pixels];
    double[] curve = new double[10];
    int[] curveCounts = new int[10];
    for (int step = 0; step < steps; step++) {
      for (int r = 0; r < batch; r++) {
        int item = random.nextInt(count);
        int t = random.nextInt(model.schedule().steps());
        rowSteps[r] = t;
        double a = Math.sqrt(model.alphaBar(t));
        double s = Math.sqrt(1 - model.alphaBar(t));
        for (int p = 0; p < pixels; p++) {
          double x0 = images[item * pixels + p];
          double xt = a * x0 + s * random.nextGaussian();
          noisy[r * pixels + p] = (float) xt;
          target[r * pixels + p] = (float) model.target(t, x0, xt);
        }
      }
      model.input(noisy, batch, rowSteps, input);
      network.zeroGradients();
      float[] predicted = network.forward(input, batch);
      double loss = 0;
      float scale = 2f / (batch * pixels);
      for (int i = 0; i < batch * pixels; i++) {
        float d = predicted[i] - target[i];
        loss += d * d;
        gradient[i] = scale * d;
      }
      network.backward(gradient);
      optimiser.step(learningRate);
      int tenth = (int) (10L * step / steps);
      curve[tenth] += loss / (batch * pixels);
      curveCounts[tenth]++;
      progress.accept(1);
    }
    for (int i = 0; i < 10; i++) {
      curve[i] = curveCounts[i] == 0 ? Double.NaN : curve[i] / curveCounts[i];
    }
    return curve;
  }

  /** Number of trainable values of a model, for reports. */
  public static long parameterCount(DiffusionModel model) {
    long n = 0;
    for (Parameter p : model.denoiser().network().parameters()) {
      n += p.size();
    }
    return n;
  }
}
