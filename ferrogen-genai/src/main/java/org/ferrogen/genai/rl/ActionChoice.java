package org.ferrogen.genai.rl;

import java.util.random.RandomGenerator;

/** Value-based action selection shared by the bandit agents and Q-learning. */
final class ActionChoice {
  private ActionChoice() {}

  static int epsilonGreedy(double[] values, int from, int count, double epsilon, RandomGenerator random) {
    if (random.nextDouble() < epsilon) {
      return random.nextInt(count);
    }
    return greedy(values, from, count, random);
  }

  /** The action of largest value, ties broken uniformly at random. */
  static int greedy(double[] values, int from, int count, RandomGenerator random) {
    double best = Double.NEGATIVE_INFINITY;
    int ties = 0;
    int choice = 0;
    for (int a = 0; a < count; a++) {
      double v = values[from + a];
      if (v > best) {
        best = v;
        ties = 1;
        choice = a;
      } else if (v == best && random.nextInt(++ties) == 0) {
        choice = a;
      }
    }
    return choice;
  }

  /** Boltzmann exploration: action a with probability ∝ exp(values[a] / temperature). */
  static int softmax(double[] values, int from, int count, double temperature, RandomGenerator random) {
    double max = Double.NEGATIVE_INFINITY;
    for (int a = 0; a < count; a++) {
      max = Math.max(max, values[from + a]);
    }
    double[] weights = new double[count];
    double total = 0;
    for (int a = 0; a < count; a++) {
      weights[a] = Math.exp((values[from + a] - max) / temperature);
      total += weights[a];
    }
    double u = random.nextDouble() * total;
    for (int a = 0; a < count; a++) {
      u -= weights[a];
      if (u < 0) {
        return a;
      }
    }
    return count - 1;
  }
}
