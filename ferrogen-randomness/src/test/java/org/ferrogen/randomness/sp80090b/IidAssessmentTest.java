package org.ferrogen.randomness.sp80090b;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ferrogen.randomness.sp80022.SpecialFunctions;
import org.junit.jupiter.api.Test;

class IidAssessmentTest {

  @Test
  void upperIncompleteGammaMatchesClosedForms() {
    for (double x : new double[] {0.1, 1.0, 3.5, 20.0}) {
      assertThat(SpecialFunctions.igamc(1.0, x)).isCloseTo(Math.exp(-x), within(1e-13));
      // Q(2, x) = (1 + x) e^-x
      assertThat(SpecialFunctions.igamc(2.0, x)).isCloseTo((1 + x) * Math.exp(-x), within(1e-13));
    }
    assertThat(SpecialFunctions.igamc(0.0, 0.0)).isEqualTo(1.0);
  }

  @Test
  void binomialQuantileIsTheSmallestValueReachingTheLevel() {
    // Binomial(1000, 1/2): P(X <= 500) ~ 0.5126, P(X <= 499) ~ 0.4874.
    assertThat(RestartTests.binomialQuantile(1000, 0.5, 0.5)).isEqualTo(500);
    // Binomial(10, 1/2): P(X <= 9) = 1 - 2^-10 exactly; a level a hair either side of it (an exact
    // tie is decided by the last bit of the log-gamma sums) needs 9 and 10.
    assertThat(RestartTests.binomialQuantile(10, 0.5, 1.0 - 1.0 / 1024 - 1e-12)).isEqualTo(9);
    assertThat(RestartTests.binomialQuantile(10, 0.5, 1.0 - 1.0 / 1024 + 1e-12)).isEqualTo(10);
  }

  /** An ideal random source passes at the tool's level; false-failure rate per run about 1-2%. */
  @Test
  void randomBytesPassAndHaveNearlyFullEntropy() {
    SplittableRandom rng = new SplittableRandom(42);
    byte[] d = new byte[20_000];
    for (int i = 0; i < d.length; i++) {
      d[i] = (byte) rng.nextInt(16);
    }
    IidAssessment.Result r = IidAssessment.assess(Samples.of("random", d, 4), 1, 2);
    assertThat(r.passed()).as(r.toString()).isTrue();
    assertThat(r.permutation().permutationsRun()).isLessThan(PermutationTests.PERMUTATIONS);
    assertThat(r.hAssessed()).isBetween(3.3, 4.0);
  }

  @Test
  void correlatedBitsFailTheIidTests() {
    SplittableRandom rng = new SplittableRandom(5);
    byte[] d = new byte[8_000];
    int prev = 0;
    for (int i = 0; i < d.length; i++) {
      prev = rng.nextDouble() < 0.8 ? prev : 1 - prev; // sticky: runs far longer than IID
      d[i] = (byte) prev;
    }
    // 200 permutations keep the test fast: a failing statistic runs through all of them.
    IidAssessment.Result r = IidAssessment.assess(Samples.of("sticky", d, 1), 3, 2, 200);
    assertThat(r.permutation().permutationsRun()).isEqualTo(200);
    assertThat(r.passed()).isFalse();
    assertThat(r.chiSquarePassed()).isFalse();
    assertThat(r.permutation().rankings().stream().filter(k -> !k.passed()).map(PermutationTests.Ranking::name))
        .contains("numRunsMedian");
  }

  @Test
  void permutationVerdictsDependOnlyOnTheSeed() {
    SplittableRandom rng = new SplittableRandom(9);
    byte[] d = new byte[5_000];
    for (int i = 0; i < d.length; i++) {
      d[i] = (byte) rng.nextInt(2);
    }
    Samples s = Samples.of("bits", d, 1);
    PermutationTests.Outcome a = PermutationTests.run(s, 77, 3);
    PermutationTests.Outcome b = PermutationTests.run(s, 77, 1);
    assertThat(a).isEqualTo(b);
  }

  /**
   * Random 8-bit samples, too few for one bin per pair: the tool's degrees of freedom (bins - k)
   * reject them, and the result says why. With 10^4 samples the rejection happens for nearly every
   * seed (P about 1e-5 to 1e-13), so this seed's outcome is stable.
   */
  @Test
  void independenceWithMergedPairBinsIsFlaggedAsTooFewSamples() {
    SplittableRandom rng = new SplittableRandom(1);
    byte[] d = new byte[10_000];
    for (int i = 0; i < d.length; i++) {
      d[i] = (byte) rng.nextInt(256);
    }
    Samples s = Samples.of("random bytes", d, 8);
    ChiSquareTests.Outcome independence = ChiSquareTests.run(s.symbols(), s.alphabetSize()).get(0);
    assertThat(independence.degreesOfFreedom() + 256).isLessThan(256 * 256);
    assertThat(independence.passed()).isFalse();
    assertThat(IidAssessment.mergedPairsWarning(independence, 256))
        .contains("merged into " + (independence.degreesOfFreedom() + 256) + " bins");
    // 4-bit symbols from 20,000 samples: 10,000 pairs fill each of the 256 cells with about 39.
    byte[] d4 = new byte[20_000];
    for (int i = 0; i < d4.length; i++) {
      d4[i] = (byte) rng.nextInt(16);
    }
    Samples s4 = Samples.of("random nibbles", d4, 4);
    ChiSquareTests.Outcome full = ChiSquareTests.run(s4.symbols(), 16).get(0);
    assertThat(full.degreesOfFreedom()).isEqualTo(256 - 16);
    assertThat(IidAssessment.mergedPairsWarning(full, 16)).isNull();
  }

  @Test
  void restartSanityCheckCatchesAStuckRestart() {
    SplittableRandom rng = new SplittableRandom(3);
    byte[][] m = new byte[1000][1000];
    for (byte[] row : m) {
      for (int j = 0; j < row.length; j++) {
        row[j] = (byte) rng.nextInt(256);
      }
    }
    RestartTests.SanityCheck ok = RestartTests.sanityCheck(m, 7.5);
    assertThat(ok.passed()).isTrue();
    assertThat(ok.alpha()).isCloseTo(5.025e-6, within(1e-8));
    // One restart that always starts with the same 30 samples in a row.
    for (int j = 0; j < 30; j++) {
      m[17][j] = 42;
    }
    RestartTests.SanityCheck bad = RestartTests.sanityCheck(m, 7.5);
    assertThat(bad.maxRowCount()).isGreaterThanOrEqualTo(30);
    assertThat(bad.passed()).isFalse();
  }
}
