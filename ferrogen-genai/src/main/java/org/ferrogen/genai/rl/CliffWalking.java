package org.ferrogen.genai.rl;

/**
 * The cliff-walking grid world of Sutton and Barto, "Reinforcement Learning: An Introduction", 2nd
 * ed., Example 6.6: a 4 × 12 grid, start at the bottom-left, goal at the bottom-right, the cells
 * between them a cliff. Each move costs −1; stepping into the cliff costs −100 and returns the agent
 * to the start. Moves are deterministic, so all randomness in an episode is the agent's exploration.
 */
public final class CliffWalking {
  public static final int ROWS = 4;
  public static final int COLUMNS = 12;
  public static final int ACTIONS = 4;
  public static final int STATES = ROWS * COLUMNS;
  public static final int START = (ROWS - 1) * COLUMNS;
  public static final int GOAL = STATES - 1;
  /** The best achievable return: 13 moves along the cliff's edge. */
  public static final double OPTIMAL_RETURN = -13;

  private static final int[] ROW_STEP = {-1, 0, 1, 0};
  private static final int[] COLUMN_STEP = {0, 1, 0, -1};

  private CliffWalking() {}

  /** The outcome of one move. */
  public record Step(int next, double reward) {}

  /** Action 0 up, 1 right, 2 down, 3 left; moves off the grid leave the agent where it is. */
  public static Step step(int state, int action) {
    int row = Math.min(ROWS - 1, Math.max(0, state / COLUMNS + ROW_STEP[action]));
    int column = Math.min(COLUMNS - 1, Math.max(0, state % COLUMNS + COLUMN_STEP[action]));
    int next = row * COLUMNS + column;
    if (row == ROWS - 1 && column > 0 && column < COLUMNS - 1) {
      return new Step(START, -100);
    }
    return new Step(next, -1);
  }
}
