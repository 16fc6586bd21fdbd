package org.ferrogen.randomness.sp80090b;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The block-wise fast paths for bits (lag, MultiMMC) against direct step-by-step transcriptions of
 * SP 800-90B 6.3.8 / 6.3.9, on random, biased and periodic bit sequences.
 */
class PredictorEquivalenceTest {

  private static byte[] bits(long seed, int n, int kind) {
    SplittableRandom rng = new SplittableRandom(seed);
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] =
          switch (kind) {
            case 0 -> (byte) rng.nextInt(2);
            case 1 -> (byte) (rng.nextDouble() < 0.8 ? 1 : 0);
            default -> (byte) (((i % 37) < 11 || rng.nextDouble() < 0.05) ? 1 : 0);
          };
    }
    return b;
  }

  /** Lag predictor, one step at a time (scoreboard over lags 1..128). */
  private static long[] naiveLag(byte[] s) {
    long[] score = new long[128];
    int winner = 0;
    long high = 0;
    long correct = 0;
    long run = 0;
    long maxRun = 0;
    for (int i = 1; i < s.length; i++) {
      if (s[i] == s[i - winner - 1]) {
        correct++;
        maxRun = Math.max(maxRun, ++run);
      } else {
        run = 0;
      }
      for (int d = 0; d < 128 && d < i; d++) {
        if (s[i - d - 1] == s[i] && ++score[d] >= high) {
          winner = d;
          high = score[d];
        }
      }
    }
    return new long[] {correct, maxRun};
  }

  /** MultiMMC on bits with plain per-order counts, one step at a time. */
  private static long[] naiveMmc(byte[] s) {
    int depth = 16;
    int[][] dict = new int[depth][];
    for (int d = 0; d < depth; d++) {
      dict[d] = new int[1 << (d + 2)];
    }
    int[] elems = new int[depth];
    long[] score = new long[depth];
    int pattern = 0;
    for (int d = 0; d < depth; d++) {
      pattern = (pattern << 1) | s[d];
      dict[d][(pattern << 1) + s[d + 1]] = 1;
      elems[d] = 1;
    }
    int winner = 0;
    long correct = 0;
    long run = 0;
    long maxRun = 0;
    for (int i = 2; i < s.length; i++) {
      boolean found = false;
      int cur = winner;
      int p = 0;
      for (int d = 0; d < depth && d <= i - 2; d++) {
        p |= s[i - d - 1] << d;
        int at = p << 1;
        int prediction = 2;
        if (d == 0 || found) {
          prediction = dict[d][at] > dict[d][at + 1] ? 0 : 1;
          found = Math.max(dict[d][at], dict[d][at + 1]) != 0;
        }
        if (found) {
          if (prediction == s[i]) {
            if (++score[d] >= score[winner]) {
              winner = d;
            }
            if (d == cur) {
              correct++;
              maxRun = Math.max(maxRun, ++run);
            }
          } else if (d == cur) {
            run = 0;
          }
          if (dict[d][at + s[i]] != 0) {
            dict[d][at + s[i]]++;
          } else if (elems[d] < 100_000) {
            dict[d][at + s[i]] = 1;
            elems[d]++;
          }
        } else if (elems[d] < 100_000) {
          dict[d][at + s[i]] = 1;
          elems[d]++;
        }
      }
    }
    return new long[] {correct, maxRun};
  }

  @Test
  void binaryLagEqualsTheStepByStepPredictor() {
    for (int kind = 0; kind < 3; kind++) {
      byte[] s = bits(100 + kind, 20_000 + 37 * kind, kind);
      EstimatorResult fast = PredictionEstimators.lag(s, 2, Domain.BITSTRING);
      long[] naive = naiveLag(s);
      assertThat(fast.details().get("C")).as("kind %d", kind).isEqualTo(naive[0]);
      assertThat(fast.details().get("r")).as("kind %d", kind).isEqualTo(naive[1] + 1);
    }
  }

  /**
   * Binary MultiMMC and lag against the step-by-step predictors on bits whose bias drifts (some
   * contexts of the middle orders stay unseen for long, then appear), of any length.
   */
  @Property(tries = 40, seed = "20261203")
  void binaryPredictorsEqualTheStepByStepOnesOnDriftingBits(
      @ForAll long seed, @ForAll @IntRange(min = 40, max = 60_000) int n) {
    SplittableRandom rng = new SplittableRandom(seed);
    byte[] s = new byte[n];
    double p = rng.nextDouble();
    for (int i = 0; i < n; i++) {
      if (rng.nextInt(5_000) == 0) {
        p = rng.nextDouble();
      }
      s[i] = (byte) (rng.nextDouble() < p * p ? 1 : 0);
    }
    long[] naive = naiveMmc(s);
    EstimatorResult mmc = PredictionEstimators.multiMmc(s, 2, Domain.LITERAL);
    assertThat(mmc.details().get("C")).isEqualTo(naive[0]);
    assertThat(mmc.details().get("r")).isEqualTo(naive[1] + 1);
    long[] lag = naiveLag(s);
    EstimatorResult binaryLag = PredictionEstimators.lag(s, 2, Domain.LITERAL);
    assertThat(binaryLag.details().get("C")).isEqualTo(lag[0]);
    assertThat(binaryLag.details().get("r")).isEqualTo(lag[1] + 1);
  }

  /**
   * A random block of 2·10^5 bits, three times: order 15's dictionary fills within the first block
   * (100,000 entries), and in the repeats order 15, which has seen most contexts with one follower,
   * leads the scoreboard, so that its steps with a full dictionary decide the estimate.
   */
  @Test
  void binaryMultiMmcEqualsTheStepByStepPredictorWhenItsLongestOrderIsFull() {
    byte[] block = bits(17, 200_000, 0);
    byte[] s = new byte[3 * block.length];
    for (int r = 0; r < 3; r++) {
      System.arraycopy(block, 0, s, r * block.length, block.length);
    }
    long[] naive = naiveMmc(s);
    EstimatorResult fast = PredictionEstimators.multiMmc(s, 2, Domain.LITERAL);
    assertThat(fast.details().get("C")).isEqualTo(naive[0]);
    assertThat(fast.details().get("r")).isEqualTo(naive[1] + 1);
  }

  @Test
  void binaryMultiMmcEqualsTheStepByStepPredictor() {
    for (int kind = 0; kind < 3; kind++) {
      byte[] s = bits(200 + kind, 30_000 + 11 * kind, kind);
      EstimatorResult fast = PredictionEstimators.multiMmc(s, 2, Domain.BITSTRING);
      long[] naive = naiveMmc(s);
      assertThat(fast.details().get("C")).as("kind %d", kind).isEqualTo(naive[0]);
      assertThat(fast.details().get("r")).as("kind %d", kind).isEqualTo(naive[1] + 1);
    }
  }

  @Test
  void binaryMultiMcwAgreesWithTheGeneralPathOnTwoSymbolData() {
    for (int kind = 0; kind < 3; kind++) {
      // Longer than one chunk of the binary path (4,096 steps), not a multiple of 64.
      byte[] s = bits(400 + kind, 30_000 + 13 * kind, kind);
      EstimatorResult binary = PredictionEstimators.multiMcw(s, 2, Domain.LITERAL);
      EstimatorResult general = PredictionEstimators.multiMcw(s, 3, Domain.LITERAL);
      assertThat(binary.details().get("C")).as("kind %d", kind).isEqualTo(general.details().get("C"));
      assertThat(binary.details().get("r")).as("kind %d", kind).isEqualTo(general.details().get("r"));
    }
  }

  @Test
  void generalLagAgreesWithTheBinaryPathOnTwoSymbolData() {
    byte[] s = bits(300, 10_000, 2);
    // Two symbols 0/1 under the general ring-buffer path (alphabet declared as 3).
    EstimatorResult general = PredictionEstimators.lag(s, 3, Domain.LITERAL);
    EstimatorResult binary = PredictionEstimators.lag(s, 2, Domain.LITERAL);
    assertThat(general.details().get("C")).isEqualTo(binary.details().get("C"));
    assertThat(general.details().get("r")).isEqualTo(binary.details().get("r"));
  }
}
