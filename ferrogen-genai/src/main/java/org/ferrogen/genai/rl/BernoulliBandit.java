package org.ferrogen.genai.rl;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A k-armed bandit whose arm a pays 1 with probability {@code means[a]}, else 0. The rewards draw on
 * the environment's own generator, never the agent's, so that a study of exploration randomness
 * changes only the agent's choices.
 */
public record BernoulliBandit(double[] means) {

  public BernoulliBandit {
    if (means.length < 2) {
      throw new IllegalArgumentException("a bandit needs at least 2 arms, got " + means.length);
    }
    for (double m : means) {
      if (!(m >= 0 && m <= 1)) {
        throw new IllegalArgumentException("arm means must be in [0, 1], got " + m);
      }
    }
    means = means.clone();
  }

  /**
   * The bandit of Sutton and Barto's testbed adapted to Bernoulli rewards: {@code arms} means drawn
   * uniformly from [0.05, 0.95] with the environment's generator.
   */
  public static BernoulliBandit random(int arms, RandomGenerator environment) {
    double[] means = new double[arms];
    for (int a = 0; a < arms; a++) {
      means[a] = 0.05 + 0.9 * environment.nextDouble();
    }
    return new BernoulliBandit(means);
  }

  public int arms() {
    return means.length;
  }

  public double bestMean() {
    return Arrays.stream(means).max().orElseThrow();
  }

  public double pull(int arm, RandomGenerator environment) {
    return environment.nextDouble() < means[arm] ? 1 : 0;
  }

  @Override
  public double[] means() {
    return means.clone();
  }
}
