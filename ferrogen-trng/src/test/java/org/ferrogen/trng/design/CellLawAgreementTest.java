package org.ferrogen.trng.design;

import static org.assertj.core.api.Assertions.assertThat;

import org.ferrogen.trng.NoiseSeed;
import org.ferrogen.trng.OperatingConditions;
import org.junit.jupiter.api.Test;

/**
 * The fast path ({@link CellLaw}) and the domain-by-domain physics produce the same bit law. Both
 * arrays are built from one seed, so their cells have identical domains and sense offsets; the
 * controllers are frozen at the same DAC codes, so each cell is a fixed Markov source. Per cell, the
 * fraction of ones, the probability that a bit repeats the cell's previous bit (the physical lag-1
 * effect of domains the read missed) and the frequencies of the 8 three-bit patterns (disjoint triples) are compared
 * with two-sample tests.
 *
 * <p>False-failure rate: each z-test is two-sided at |z| < 5 (5.7e-7) and each chi-square test
 * (7 degrees of freedom) at 40 (p ≈ 9e-7); 2 conditions × 4 cells × 3 tests gives below 2e-5 for
 * the whole class when the two paths truly agree. Power: with 250,000 bits per cell a difference of
 * 0.007 in P(1) or in the repeat probability is caught.
 */
class CellLawAgreementTest {

  private static final int CELLS = 4;
  private static final int SAMPLES = 1_000_000;

  @Test
  void fastPathMatchesDomainPhysicsAtNominalConditions() {
    agree(TrngDesign.CELL.nominalConditions(), 31);
  }

  @Test
  void fastPathMatchesDomainPhysicsWhenColdReadsMissDomains() {
    // At -40 °C the read pulse (sized at 300 K) misses slow domains far more often: the lag-1 path.
    agree(TrngDesign.CELL.nominalConditions().withTemperatureCelsius(-40), 32);
  }

  private static void agree(OperatingConditions conditions, long seed) {
    StochasticCellArray.Config config = StochasticCellArray.Config.defaults().withCells(CELLS);
    StochasticCellArray fast = new StochasticCellArray(config, conditions, NoiseSeed.fromSeed(seed));
    StochasticCellArray full = new StochasticCellArray(config.withFastPath(false), conditions, NoiseSeed.fromSeed(seed));
    assertThat(fast.fastPath()).isTrue();
    assertThat(full.fastPath()).isFalse();
    fast.setControlEnabled(false);
    full.setControlEnabled(false);
    for (int c = 0; c < CELLS; c++) {
      full.setCode(c, fast.code(c));
    }
    byte[] a = new byte[SAMPLES];
    byte[] b = new byte[SAMPLES];
    fast.read(a, 0, SAMPLES);
    full.read(b, 0, SAMPLES);
    assertSameLaw(a, b, CELLS);
  }

  /**
   * Per lane of {@code lanes} read round-robin: P(1) and P(repeat) by two-sample z-tests at |z| < 5,
   * the 3-bit pattern counts by a chi-square test (7 degrees of freedom) at 40.
   */
  static void assertSameLaw(byte[] a, byte[] b, int lanes) {
    for (int c = 0; c < lanes; c++) {
      long[] sa = stats(a, c, lanes);
      long[] sb = stats(b, c, lanes);
      long n = a.length / lanes;
      assertThat(Math.abs(z(sa[0], n, sb[0], n))).as("P(1) of lane %d", c).isLessThan(5);
      assertThat(Math.abs(z(sa[1], n - 1, sb[1], n - 1))).as("P(repeat) of lane %d", c).isLessThan(5);
      assertThat(chiSquare(sa, sb)).as("3-bit patterns of lane %d", c).isLessThan(40);
    }
  }

  /**
   * Ones, repeats, then the counts of the 8 three-bit patterns of one cell's bits in disjoint
   * triples (disjoint so that the counts are multinomial and the chi-square law holds).
   */
  private static long[] stats(byte[] bits, int cell, int lanes) {
    long[] s = new long[10];
    int prev = -1;
    int pattern = 0;
    int inPattern = 0;
    for (int i = cell; i < bits.length; i += lanes) {
      int b = bits[i];
      s[0] += b;
      if (prev == b) {
        s[1]++;
      }
      prev = b;
      pattern = pattern << 1 | b;
      if (++inPattern == 3) {
        s[2 + pattern]++;
        pattern = 0;
        inPattern = 0;
      }
    }
    return s;
  }

  private static double z(long k1, long n1, long k2, long n2) {
    double p1 = (double) k1 / n1;
    double p2 = (double) k2 / n2;
    double p = (double) (k1 + k2) / (n1 + n2);
    double se = Math.sqrt(p * (1 - p) * (1.0 / n1 + 1.0 / n2));
    return se == 0 ? 0 : (p1 - p2) / se;
  }

  /** Two-sample chi-square on the pattern counts (equal totals). */
  private static double chiSquare(long[] a, long[] b) {
    double chi = 0;
    for (int k = 2; k < 10; k++) {
      double sum = a[k] + b[k];
      if (sum > 0) {
        double d = a[k] - b[k];
        chi += d * d / sum;
      }
    }
    return chi;
  }
}
