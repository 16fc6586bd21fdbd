package org.ferrogen.genai.rl;

/**
 * How an agent explores. Every strategy draws all its randomness from the generator it is given, so
 * the quality of that generator is the only thing a randomness study varies.
 *
 * <ul>
 *   <li>ε-greedy: a uniformly random action with probability ε, else the greedy one (ties broken at
 *       random).
 *   <li>softmax (Boltzmann): action a with probability ∝ exp(Q(a)/τ).
 *   <li>Thompson sampling (bandits only): draw each arm's mean from its Beta posterior and play the
 *       largest (Thompson, Biometrika 25, 1933; Chapelle and Li, NeurIPS 2011).
 * </ul>
 */
public enum Exploration {
  EPSILON_GREEDY("epsilon-greedy"),
  SOFTMAX("softmax"),
  THOMPSON("thompson");

  private final String key;

  Exploration(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
