package org.ferrogen.randomness.sp80090b;

/**
 * The scoreboard shared by the ensemble predictors (MultiMCW, lag, MultiMMC): each step, the
 * current winner's prediction is scored (correct count and longest run of correct predictions),
 * then every sub-predictor that was right gets a point in increasing index order, and one whose
 * score reaches the leader's becomes the winner. The winner's score is therefore always the
 * maximum.
 *
 * <p>Steps are processed in blocks of up to 64, given per sub-predictor as bit masks (bit b: step
 * b of the block). A sub-predictor whose score cannot reach the leader's within the block cannot
 * change the winner, so when only the leader can, the block costs a few word operations per
 * sub-predictor; otherwise only the contenders are replayed step by step.
 */
final class ScoreboardRace {
  private final long[] scores;
  private final int[] contenders;
  private final int[] hitCounts;
  private int winner;
  private long high;
  private long correct;
  private long run;
  private long maxRun;

  ScoreboardRace(int predictors) {
    scores = new long[predictors];
    contenders = new int[predictors];
    hitCounts = new int[predictors];
  }

  long correct() {
    return correct;
  }

  long maxRun() {
    return maxRun;
  }

  int winner() {
    return winner;
  }

  /**
   * Processes {@code steps} steps.
   *
   * @param hits bit b of hits[d]: sub-predictor d predicted step b correctly (bits from
   *     {@code steps} on are zero)
   * @param made bit b of made[d]: sub-predictor d made a prediction at step b (a step where the
   *     winner makes none neither counts nor breaks the run); null when all always predict
   * @param count number of sub-predictors present in this block (0..count-1)
   */
  void block(long[] hits, long[] made, int count, int steps) {
    // Each sub-predictor's hits are counted once: Long.bitCount is not an intrinsic of C1, which
    // runs this on a cold JVM, and costs several times a plain word operation there.
    int nc = 0;
    for (int d = 0; d < count; d++) {
      int h = bitCount(hits[d]);
      hitCounts[d] = h;
      if (scores[d] + h >= high) {
        contenders[nc++] = d;
      }
    }
    if (nc == 1 && contenders[0] == winner) {
      int w = winner;
      long all = steps == 64 ? -1L : (1L << steps) - 1;
      if (made == null || (made[w] & all) == all) {
        tallyAll(hits[w] & all, all, steps, hitCounts[w]);
      } else {
        tally(hits[w], made[w], 0, steps);
      }
      for (int d = 0; d < count; d++) {
        scores[d] += hitCounts[d];
      }
      high = scores[winner];
      return;
    }
    for (int b = 0; b < steps; b++) {
      int w = winner;
      tally(hits[w], made == null ? -1L : made[w], b, b + 1);
      for (int c = 0; c < nc; c++) {
        int d = contenders[c];
        if (((hits[d] >>> b) & 1L) != 0) {
          long s = ++scores[d];
          if (s >= high) {
            winner = d;
            high = s;
          }
        }
      }
    }
    for (int d = 0, c = 0; d < count; d++) {
      if (c < nc && contenders[c] == d) {
        c++;
      } else {
        scores[d] += hitCounts[d];
      }
    }
  }

  /**
   * {@code Long.bitCount}, summing the bytes' counts with one multiplication: under C1 (no
   * intrinsic for either) some 30 % faster than the JDK's shifts and adds.
   */
  private static int bitCount(long x) {
    x = x - ((x >>> 1) & 0x5555_5555_5555_5555L);
    x = (x & 0x3333_3333_3333_3333L) + ((x >>> 2) & 0x3333_3333_3333_3333L);
    x = (x + (x >>> 4)) & 0x0F0F_0F0F_0F0F_0F0FL;
    return (int) ((x * 0x0101_0101_0101_0101L) >>> 56);
  }

  /**
   * {@link #tally} of a whole block in which the winner predicted every step, on the word: the
   * hits are counted, the run goes on through the block's first ones and restarts at its last
   * ones, and only if the ones in between could hold a new longest run (a few shifts tell) are the
   * steps taken one at a time. C1 compiles that loop to some 64 unpredictable branches per block.
   *
   * @param hit the hits, within {@code all}
   * @param all the block's steps, as a mask
   * @param hitCount the number of hits
   */
  private void tallyAll(long hit, long all, int steps, int hitCount) {
    if (hit == all) {
      correct += hitCount;
      run += steps;
      maxRun = Math.max(maxRun, run);
      return;
    }
    long longest = Math.max(maxRun, run + Long.numberOfTrailingZeros(~hit));
    if (longest < steps && hasRunLongerThan(hit, (int) longest)) {
      tally(hit, -1L, 0, steps);
      return;
    }
    correct += hitCount;
    maxRun = longest;
    run = Long.numberOfLeadingZeros(~(hit << (Long.SIZE - steps)));
  }

  /** Whether {@code bits} has more than {@code length} (< 64) consecutive ones. */
  private static boolean hasRunLongerThan(long bits, int length) {
    // After each step, bit b of x: at least len ones start at bit b.
    long x = bits;
    int len = 1;
    int need = length + 1;
    while (2 * len <= need) {
      x &= x >>> len;
      len *= 2;
    }
    x &= x >>> (need - len);
    return x != 0;
  }

  private void tally(long hit, long made, int from, int to) {
    for (int b = from; b < to; b++) {
      if (((made >>> b) & 1L) == 0) {
        continue;
      }
      if (((hit >>> b) & 1L) != 0) {
        correct++;
        if (++run > maxRun) {
          maxRun = run;
        }
      } else {
        run = 0;
      }
    }
  }
}
