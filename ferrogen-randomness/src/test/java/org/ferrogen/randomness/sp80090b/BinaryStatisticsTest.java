package org.ferrogen.randomness.sp80090b;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The branch-free collision and Markov estimators against step-by-step transcriptions of
 * SP 800-90B 6.3.2 and 6.3.3 as ea_non_iid counts them, on bits of any bias, odd lengths too.
 */
class BinaryStatisticsTest {

  private static byte[] bits(long seed, int n) {
    SplittableRandom rng = new SplittableRandom(seed);
    double p = rng.nextDouble();
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (rng.nextDouble() < p ? 1 : 0);
    }
    return b;
  }

  @Property(tries = 200, seed = "20261203")
  void collisionCountsAsTheTool(@ForAll long seed, @ForAll @IntRange(min = 3, max = 3_000) int n) {
    byte[] data = bits(seed, n);
    long i = 0;
    long v = 0;
    long squares = 0;
    while (i < n - 1) {
      int t;
      if (data[(int) i] == data[(int) i + 1]) {
        t = 2;
      } else if (i < n - 2) {
        t = 3;
      } else {
        break;
      }
      v++;
      squares += t * t;
      i += t;
    }
    EstimatorResult r = StatisticEstimators.collision(data, Domain.BITSTRING);
    assertThat(r.details().get("v")).isEqualTo(v);
    assertThat(r.details().get("Sum t_i")).isEqualTo(i);
    if (v > 1) {
      double x = i / (double) v;
      double sigma = Math.sqrt((squares - (i * x)) / (v - 1));
      assertThat(r.details().get("sigma-hat")).isEqualTo(sigma);
    }
  }

  @Property(tries = 200, seed = "20261203")
  void markovCountsAsTheTool(@ForAll long seed, @ForAll @IntRange(min = 2, max = 3_000) int n) {
    byte[] data = bits(seed, n);
    long c0 = 0;
    long c00 = 0;
    long c10 = 0;
    for (int i = 0; i < n - 1; i++) {
      if (data[i] == 0) {
        c0++;
        if (data[i + 1] == 0) {
          c00++;
        }
      } else if (data[i + 1] == 0) {
        c10++;
      }
    }
    long c1 = n - 1 - c0;
    EstimatorResult r = StatisticEstimators.markov(data, Domain.BITSTRING);
    assertThat(r.details().get("P_{0,0}")).isEqualTo(c0 > 0 ? c00 / (double) c0 : 0.0);
    assertThat(r.details().get("P_{1,0}")).isEqualTo(c1 > 0 ? c10 / (double) c1 : 0.0);
    long zeros = c0 + (data[n - 1] == 0 ? 1 : 0);
    assertThat(r.details().get("P_0")).isEqualTo(zeros / (double) n);
  }
}
