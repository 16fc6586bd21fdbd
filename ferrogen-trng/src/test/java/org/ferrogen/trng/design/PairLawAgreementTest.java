package org.ferrogen.trng.design;

import static org.assertj.core.api.Assertions.assertThat;

import org.ferrogen.trng.NoiseSeed;
import org.ferrogen.trng.OperatingConditions;
import org.junit.jupiter.api.Test;

/**
 * The pair's fast path ({@link PairLaw}) and the domain-by-domain physics produce the same bit law.
 * Both arrays are built from one seed, so their pairs have identical devices and sense offsets; the
 * trims are frozen at the same codes, so each pair is a fixed Markov source. Per pair: P(1),
 * P(repeat) and the 3-bit pattern frequencies ({@link CellLawAgreementTest#assertSameLaw}).
 *
 * <p>False-failure rate: 2 conditions × 4 pairs × 3 tests at p ≈ 10⁻⁶ each gives below 2·10⁻⁵ for
 * the class when the two paths agree. Power: with 200,000 bits per pair a difference of 0.008 in
 * P(1) or in the repeat probability is caught.
 */
class PairLawAgreementTest {

  private static final int PAIRS = 4;
  private static final int SAMPLES = 800_000;

  @Test
  void fastPathMatchesDomainPhysicsAtNominalConditions() {
    agree(TrngDesign.PAIR.nominalConditions(), 41);
  }

  @Test
  void fastPathMatchesDomainPhysicsWhenColdReadsMissDomains() {
    // At -40 °C the read pulse (sized at 300 K) misses slow domains far more often: the lag-1 path.
    agree(TrngDesign.PAIR.nominalConditions().withTemperatureCelsius(-40), 42);
  }

  private static void agree(OperatingConditions conditions, long seed) {
    RacePairArray.Config config = RacePairArray.Config.defaults().withPairs(PAIRS);
    RacePairArray fast = new RacePairArray(config, conditions, NoiseSeed.fromSeed(seed));
    RacePairArray full = new RacePairArray(config.withFastPath(false), conditions, NoiseSeed.fromSeed(seed));
    assertThat(fast.fastPath()).isTrue();
    assertThat(full.fastPath()).isFalse();
    fast.setControlEnabled(false);
    full.setControlEnabled(false);
    for (int p = 0; p < PAIRS; p++) {
      // Off-centre codes too, so that the agreement covers a biased race, not only the locked one.
      int code = fast.code(p) + (p % 2 == 0 ? 0 : 3);
      fast.setCode(p, code);
      full.setCode(p, code);
    }
    byte[] a = new byte[SAMPLES];
    byte[] b = new byte[SAMPLES];
    fast.read(a, 0, SAMPLES);
    full.read(b, 0, SAMPLES);
    CellLawAgreementTest.assertSameLaw(a, b, PAIRS);
  }
}
