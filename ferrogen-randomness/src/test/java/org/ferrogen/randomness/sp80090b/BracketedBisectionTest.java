package org.ferrogen.randomness.sp80090b;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The compression estimate's bisection on bounds of E(p) (exact values only where the bounds do
 * not settle a comparison) against the same bisection on exact values throughout.
 */
class BracketedBisectionTest {

  @Property(tries = 60, seed = "20261203")
  void boundsContainTheExactValue(
      @ForAll @IntRange(min = 1_001, max = 3_000_000) int numBlocks,
      @ForAll @DoubleRange(min = 0.0, max = 1.0) double p) {
    StatisticEstimators.CompressionExpectation e =
        new StatisticEstimators.CompressionExpectation(64, 1_000, numBlocks);
    double[] bounds = new double[2];
    e.bracket(p, false, bounds);
    double exact = e.value(p);
    assertThat(bounds[0]).isLessThanOrEqualTo(exact);
    assertThat(bounds[1]).isGreaterThanOrEqualTo(exact);
  }

  /** Targets across E's range, and just below E(2^-6), where the search ends after few steps. */
  @Property(tries = 40, seed = "20261203")
  void bisectionOnBoundsFindsTheSamePoint(
      @ForAll @IntRange(min = 1_001, max = 2_000_000) int numBlocks,
      @ForAll @DoubleRange(min = 0.0, max = 1.0) double where) {
    StatisticEstimators.CompressionExpectation e =
        new StatisticEstimators.CompressionExpectation(64, 1_000, numBlocks);
    double low = 1.0 / 64;
    double top = e.value(low);
    double target = where < 0.2 ? top * (1 - 1e-14 * where) : top * where;
    double exactOnly = Numerics.bisect(e::value, target, low, 1.0, low);
    double bracketed = Numerics.bisect(e, target, low, 1.0, low);
    assertThat(bracketed).isEqualTo(exactOnly);
  }
}
