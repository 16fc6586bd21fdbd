package org.ferrogen.randomness.sp80090b;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Binary LZ78Y (step by step while the dictionary grows, one context length at a time once it is
 * full) against a direct step-by-step transcription of SP 800-90B 6.3.10 as ea_non_iid runs it, and
 * against the general (context trie) path on the same two-symbol data; binary MultiMMC (one order
 * at a time per chunk) against the general path too.
 */
class BinaryLz78yTest {

  /** kind 0-2: random with P(1) = 0.5, 0.3, 0.9 plus runs; 3: mostly zeros, the dictionary never fills. */
  private static byte[] bits(int kind, int n) {
    SplittableRandom rng = new SplittableRandom(7 + kind);
    byte[] bits = new byte[n];
    double p = switch (kind) {
      case 0 -> 0.5;
      case 1 -> 0.3;
      case 2 -> 0.9;
      default -> 0.0;
    };
    for (int i = 0; i < n; i++) {
      if (kind == 3) {
        bits[i] = (byte) (i % 5_000 == 17 ? 1 : 0);
      } else {
        // Some correlation too, so that the predictor wins often enough to exercise its runs.
        bits[i] = (byte) (i > 0 && rng.nextDouble() < 0.2 ? bits[i - 1] : rng.nextDouble() < p ? 1 : 0);
      }
    }
    return bits;
  }

  /** LZ78Y on bits, one step at a time with one count table per context length: {C, longest run}. */
  private static long[] naiveLz78y(byte[] s) {
    return naiveLz78y(s, 65_536);
  }

  private static long[] naiveLz78y(byte[] s, int maxDictionary) {
    int b = 16;
    int[][] table = new int[b + 1][];
    for (int j = 1; j <= b; j++) {
      table[j] = new int[1 << (j + 1)];
    }
    int elems = 0;
    for (int j = 1; j <= b; j++) {
      int context = 0;
      for (int m = 1; m <= j; m++) {
        context |= s[b - m] << (m - 1);
      }
      table[j][(context << 1) + s[b]] = 1;
      elems++;
    }
    long correct = 0;
    long run = 0;
    long maxRun = 0;
    for (int i = b + 1; i < s.length; i++) {
      int maxCount = 0;
      int prediction = -1;
      for (int j = b; j >= 1; j--) {
        int context = 0;
        for (int m = 1; m <= j; m++) {
          context |= s[i - m] << (m - 1);
        }
        int at = context << 1;
        int count = Math.max(table[j][at], table[j][at + 1]);
        if (count != 0) {
          if (count > maxCount) {
            maxCount = count;
            prediction = table[j][at] > table[j][at + 1] ? 0 : 1;
          }
          table[j][at + s[i]]++;
        } else if (elems < maxDictionary) {
          table[j][at + s[i]] = 1;
          elems++;
        }
      }
      if (prediction == s[i]) {
        correct++;
        maxRun = Math.max(maxRun, ++run);
      } else {
        run = 0;
      }
    }
    return new long[] {correct, maxRun};
  }

  @ParameterizedTest(name = "kind {0}")
  @ValueSource(ints = {0, 1, 2, 3})
  void lz78yEqualsTheStepByStepPredictorAndTheGeneralPath(int kind) {
    byte[] s = bits(kind, 300_000 + 4_099 * kind);
    EstimatorResult binary = PredictionEstimators.lz78y(s, 2, Domain.LITERAL);
    long[] naive = naiveLz78y(s);
    assertThat(binary.details().get("C")).isEqualTo(naive[0]);
    assertThat(binary.details().get("r")).isEqualTo(naive[1] + 1);
    // Alphabet size 3: the same 0/1 symbols through the context trie.
    EstimatorResult general = PredictionEstimators.lz78y(s, 3, Domain.LITERAL);
    assertThat(general.details().get("C")).isEqualTo(binary.details().get("C"));
    assertThat(general.details().get("r")).isEqualTo(binary.details().get("r"));
  }

  /**
   * Bits from a seed: a random prefix of random bias, then either more of the same, a period of
   * 2-40 bits with rare flips, or runs of one symbol: data whose longer contexts keep tying with
   * length 1, so that binary LZ78Y calls deferred lengths back in.
   */
  private static byte[] mixedBits(long seed, int n) {
    SplittableRandom rng = new SplittableRandom(seed);
    byte[] bits = new byte[n];
    double p = rng.nextDouble();
    int prefix = rng.nextInt(n);
    int kind = rng.nextInt(3);
    int period = 2 + rng.nextInt(39);
    for (int i = 0; i < n; i++) {
      if (i < prefix || kind == 0) {
        bits[i] = (byte) (rng.nextDouble() < p ? 1 : 0);
      } else if (kind == 1) {
        bits[i] = (byte) (rng.nextInt(1000) == 0 ? 1 - bits[i - period] : (i < period ? 1 : bits[i - period]));
      } else {
        bits[i] = (byte) (rng.nextInt(50) == 0 ? 1 - bits[i - 1] : bits[i - 1]);
      }
    }
    return bits;
  }

  /**
   * Binary LZ78Y with its deferred context lengths against the step-by-step predictor, also with
   * dictionary limits far below the tool's: a small dictionary fills within a few steps, while
   * counts are small and longer contexts still tie with length 1.
   */
  @Property(tries = 60, seed = "20261203")
  void lz78yWithDeferredLengthsEqualsTheStepByStepPredictor(
      @ForAll long seed,
      @ForAll @IntRange(min = 18, max = 60_000) int n,
      @ForAll("dictionaryLimits") int maxDictionary) {
    byte[] s = mixedBits(seed, n);
    EstimatorResult binary = PredictionEstimators.binaryLz78y(s, Domain.LITERAL, maxDictionary);
    long[] naive = naiveLz78y(s, maxDictionary);
    assertThat(binary.details().get("C")).isEqualTo(naive[0]);
    assertThat(binary.details().get("r")).isEqualTo(naive[1] + 1);
  }

  /**
   * Deferred counting (17-bit windows added to lengths first..16 in one go) leaves the same tables
   * as counting those lengths step by step, on tables where some contexts were never seen.
   */
  @Property(tries = 40, seed = "20261204")
  void deferredCountsEqualStepByStepCounts(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 16) int first) {
    SplittableRandom rng = new SplittableRandom(seed);
    byte[] s = mixedBits(seed, 17 + rng.nextInt(20_000));
    int[][] stepwise = new int[17][];
    int[][] deferred = new int[17][];
    for (int j = 1; j <= 16; j++) {
      stepwise[j] = new int[2 << j];
      for (int at = 0; at < stepwise[j].length; at += 2) {
        if (rng.nextInt(4) != 0) { // a quarter of the contexts stay unseen
          stepwise[j][at + rng.nextInt(2)] = 1 + rng.nextInt(100);
        }
      }
      deferred[j] = stepwise[j].clone();
    }
    long[] best = new long[s.length];
    for (int j = first; j <= 16; j++) {
      PredictionEstimators.lz78yLength(s, 16, s.length, j, stepwise[j], best);
    }
    int[] windows = new int[1 << 17];
    PredictionEstimators.countWindows(s, 16, s.length, windows);
    PredictionEstimators.addDeferred(deferred, first, windows);
    for (int j = 1; j <= 16; j++) {
      assertThat(deferred[j]).as("length %d", j).isEqualTo(stepwise[j]);
    }
    assertThat(windows).containsOnly(0);
  }

  @Provide
  Arbitrary<Integer> dictionaryLimits() {
    return Arbitraries.of(16, 20, 40, 100, 1_000, 65_536);
  }

  @ParameterizedTest(name = "kind {0}")
  @ValueSource(ints = {0, 1, 2, 3})
  void multiMmcOnBitsEqualsTheGeneralPath(int kind) {
    byte[] s = bits(kind, 200_000 + 4_099 * kind);
    EstimatorResult binary = PredictionEstimators.multiMmc(s, 2, Domain.LITERAL);
    EstimatorResult general = PredictionEstimators.multiMmc(s, 3, Domain.LITERAL);
    assertThat(general.details().get("C")).isEqualTo(binary.details().get("C"));
    assertThat(general.details().get("r")).isEqualTo(binary.details().get("r"));
  }
}
