package org.ferrogen.randomness.sp80090b;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The block-wise scoreboard against the scoreboard taken one step at a time. */
class ScoreboardRaceTest {

  /**
   * Sub-predictors right with probabilities from 0 to 1 (long runs of hits, leaders that change),
   * some blocks where not every predictor predicts, some shorter than 64 steps.
   */
  @Property(tries = 200, seed = "20261203")
  void blocksEqualSteps(@ForAll long seed, @ForAll @IntRange(min = 1, max = 20) int predictors) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] right = new double[predictors];
    for (int d = 0; d < predictors; d++) {
      right[d] = rng.nextInt(3) == 0 ? 1.0 - rng.nextDouble() * 0.05 : rng.nextDouble();
    }
    boolean withMade = rng.nextBoolean();
    ScoreboardRace race = new ScoreboardRace(predictors);
    long[] scores = new long[predictors];
    int winner = 0;
    long high = 0;
    long correct = 0;
    long run = 0;
    long maxRun = 0;
    long[] hits = new long[predictors];
    long[] made = new long[predictors];
    for (int block = 0, blocks = 1 + rng.nextInt(300); block < blocks; block++) {
      int steps = rng.nextInt(4) == 0 ? 1 + rng.nextInt(64) : 64;
      for (int d = 0; d < predictors; d++) {
        hits[d] = 0;
        made[d] = 0;
        for (int b = 0; b < steps; b++) {
          boolean predicts = !withMade || rng.nextInt(20) != 0;
          if (predicts) {
            made[d] |= 1L << b;
            if (rng.nextDouble() < right[d]) {
              hits[d] |= 1L << b;
            }
          }
        }
      }
      for (int b = 0; b < steps; b++) {
        if (((made[winner] >>> b) & 1) != 0) {
          if (((hits[winner] >>> b) & 1) != 0) {
            correct++;
            maxRun = Math.max(maxRun, ++run);
          } else {
            run = 0;
          }
        }
        for (int d = 0; d < predictors; d++) {
          if (((hits[d] >>> b) & 1) != 0 && ++scores[d] >= high) {
            winner = d;
            high = scores[d];
          }
        }
      }
      race.block(hits, withMade ? made : null, predictors, steps);
      assertThat(race.correct()).isEqualTo(correct);
      assertThat(race.maxRun()).isEqualTo(maxRun);
      assertThat(race.winner()).isEqualTo(winner);
    }
  }
}
