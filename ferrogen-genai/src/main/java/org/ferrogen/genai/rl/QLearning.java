package org.ferrogen.genai.rl;

import java.util.random.RandomGenerator;

/**
 * Tabular Q-learning (Watkins, 1989) on {@link CliffWalking} with ε-greedy or softmax exploration;
 * Sutton and Barto's Example 6.6 settings by default (α = 0.5, γ = 1, ε = 0.1).
 *
 * @param exploration {@link Exploration#EPSILON_GREEDY} or {@link Exploration#SOFTMAX}
 * @param parameter ε, or the softmax temperature τ (in reward units)
 * @param maxStepsPerEpisode an episode is cut off here; a broken random source can keep a policy
 *     from ever reaching the goal
 */
public record QLearning(Exploration exploration, double parameter, double learningRate, int episodes,
    int maxStepsPerEpisode) {

  public QLearning {
    if (exploration == Exploration.THOMPSON) {
      throw new IllegalArgumentException("Thompson sampling needs a posterior; Q-learning supports "
          + "epsilon-greedy and softmax");
    }
    if (!(parameter > 0 && Double.isFinite(parameter))) {
      throw new IllegalArgumentException("exploration parameter must be finite and > 0, got " + parameter);
    }
    if (!(learningRate > 0 && learningRate <= 1)) {
      throw new IllegalArgumentException("learning rate must be in (0, 1], got " + learningRate);
    }
    if (episodes < 1 || maxStepsPerEpisode < 1) {
      throw new IllegalArgumentException("episodes and steps per episode must be >= 1");
    }
  }

  public static QLearning suttonBarto(Exploration exploration, double parameter, int episodes) {
    return new QLearning(exploration, parameter, 0.5, episodes, 10_000);
  }

  /**
   * @param returns the undiscounted return of each episode
   * @param greedyReturn the return of the learnt greedy policy after training (cut off at the step
   *     limit if the greedy policy loops)
   */
  public record Result(double[] returns, double greedyReturn) {}

  public Result run(RandomGenerator agent) {
    double[] q = new double[CliffWalking.STATES * CliffWalking.ACTIONS];
    double[] returns = new double[episodes];
    for (int e = 0; e < episodes; e++) {
      int state = CliffWalking.START;
      double total = 0;
      for (int t = 0; t < maxStepsPerEpisode && state != CliffWalking.GOAL; t++) {
        int from = state * CliffWalking.ACTIONS;
        int action = exploration == Exploration.EPSILON_GREEDY
            ? ActionChoice.epsilonGreedy(q, from, CliffWalking.ACTIONS, parameter, agent)
            : ActionChoice.softmax(q, from, CliffWalking.ACTIONS, parameter, agent);
        CliffWalking.Step step = CliffWalking.step(state, action);
        double target = step.reward();
        if (step.next() != CliffWalking.GOAL) {
          int next = step.next() * CliffWalking.ACTIONS;
          double best = q[next];
          for (int a = 1; a < CliffWalking.ACTIONS; a++) {
            best = Math.max(best, q[next + a]);
          }
          target += best;
        }
        q[from + action] += learningRate * (target - q[from + action]);
        total += step.reward();
        state = step.next();
      }
      returns[e] = total;
    }
    return new Result(returns, greedyReturn(q));
  }

  private double greedyReturn(double[] q) {
    int state = CliffWalking.START;
    double total = 0;
    for (int t = 0; t < maxStepsPerEpisode && state != CliffWalking.GOAL; t++) {
      int from = state * CliffWalking.ACTIONS;
      int action = 0;
      for (int a = 1; a < CliffWalking.ACTIONS; a++) {
        if (q[from + a] > q[from + action]) {
          action = a;
        }
      }
      CliffWalking.Step step = CliffWalking.step(state, action);
      total += step.reward();
      state = step.next();
    }
    return total;
  }
}
