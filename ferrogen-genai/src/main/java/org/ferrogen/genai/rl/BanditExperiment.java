package org.ferrogen.genai.rl;

import java.util.random.RandomGenerator;
import org.ferrogen.genai.sample.Variates;

/**
 * One run of an exploring agent on a {@link BernoulliBandit}: sample-average value estimates and
 * one of the {@link Exploration} strategies, for {@code steps} pulls. Regret is the pseudo-regret
 * Σ (μ* − μ_{a_t}) (Lattimore and Szepesvári, "Bandit Algorithms", 2020, §4.5), which depends on the
 * agent's choices and not on reward noise.
 *
 * @param exploration the strategy
 * @param parameter ε for ε-greedy, temperature τ for softmax, unused for Thompson sampling
 */
public record BanditExperiment(Exploration exploration, double parameter, int steps) {

  public BanditExperiment {
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be >= 1, got " + steps);
    }
    if (exploration == Exploration.EPSILON_GREEDY && !(parameter >= 0 && parameter <= 1)) {
      throw new IllegalArgumentException("epsilon must be in [0, 1], got " + parameter);
    }
    if (exploration == Exploration.SOFTMAX && !(parameter > 0 && Double.isFinite(parameter))) {
      throw new IllegalArgumentException("softmax temperature must be finite and > 0, got " + parameter);
    }
  }

  /**
   * @param cumulativeRegret regret after each step
   * @param optimalFraction fraction of all steps that played the best arm
   */
  public record Result(double[] cumulativeRegret, double optimalFraction) {
    public double finalRegret() {
      return cumulativeRegret[cumulativeRegret.length - 1];
    }
  }

  /**
   * @param environment draws the rewards
   * @param agent draws every exploration decision
   */
  public Result run(BernoulliBandit bandit, RandomGenerator environment, RandomGenerator agent) {
    int k = bandit.arms();
    double[] means = bandit.means();
    double best = bandit.bestMean();
    double[] value = new double[k];
    double[] successes = new double[k];
    double[] pulls = new double[k];
    double[] draws = new double[k];
    double[] regret = new double[steps];
    double total = 0;
    int optimal = 0;
    for (int t = 0; t < steps; t++) {
      int arm = switch (exploration) {
        case EPSILON_GREEDY -> ActionChoice.epsilonGreedy(value, 0, k, parameter, agent);
        case SOFTMAX -> ActionChoice.softmax(value, 0, k, parameter, agent);
        case THOMPSON -> {
          for (int a = 0; a < k; a++) {
            draws[a] = Variates.beta(agent, 1 + successes[a], 1 + pulls[a] - successes[a]);
          }
          yield ActionChoice.greedy(draws, 0, k, agent);
        }
      };
      double reward = bandit.pull(arm, environment);
      pulls[arm]++;
      successes[arm] += reward;
      value[arm] += (reward - value[arm]) / pulls[arm];
      total += best - means[arm];
      regret[t] = total;
      if (means[arm] == best) {
        optimal++;
      }
    }
    return new Result(regret, optimal / (double) steps);
  }
}
