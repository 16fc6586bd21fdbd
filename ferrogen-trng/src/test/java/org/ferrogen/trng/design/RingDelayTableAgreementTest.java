package org.ferrogen.trng.design;

import static org.assertj.core.api.Assertions.assertThat;

import org.ferrogen.trng.NoiseSeed;
import org.ferrogen.trng.OperatingConditions;
import org.junit.jupiter.api.Test;

/**
 * The ring's fast path (stage delays from a table of the delay against the threshold) and the
 * compact model evaluated per stage and sample give the same bits. Both rings are built from one
 * seed and draw the same random numbers, so the only difference is the interpolated delay
 * (relative error ≈ 10⁻¹¹) and the programmed threshold refreshed every 4,096 samples: a bit can
 * differ only where the sampling instant falls within ≈ 10⁻¹¹ of a half period of an edge, about
 * 10⁻⁹ of samples. The test asks for at most 10 differing bits of 400,000 (0 expected) and, as a
 * law, the per-ring tests of {@link CellLawAgreementTest#assertSameLaw} (false-failure rate below
 * 10⁻⁵ for the class).
 */
class RingDelayTableAgreementTest {

  private static final int RINGS = 4;
  private static final int SAMPLES = 400_000;

  @Test
  void tabulatedDelaysGiveTheCompactModelsBitsAtNominalConditions() {
    agree(TrngDesign.RING.nominalConditions(), 51);
  }

  @Test
  void tabulatedDelaysGiveTheCompactModelsBitsWhenHot() {
    agree(TrngDesign.RING.nominalConditions().withTemperatureCelsius(125), 52);
  }

  private static void agree(OperatingConditions conditions, long seed) {
    FefetRingOscillator.Config config = FefetRingOscillator.Config.defaults().withRings(RINGS);
    FefetRingOscillator fast = new FefetRingOscillator(config, conditions, NoiseSeed.fromSeed(seed));
    FefetRingOscillator full = new FefetRingOscillator(config.withFastPath(false), conditions, NoiseSeed.fromSeed(seed));
    assertThat(fast.fastPath()).isTrue();
    assertThat(full.fastPath()).isFalse();
    byte[] a = new byte[SAMPLES];
    byte[] b = new byte[SAMPLES];
    fast.read(a, 0, SAMPLES);
    full.read(b, 0, SAMPLES);
    int differing = 0;
    for (int i = 0; i < SAMPLES; i++) {
      differing += a[i] != b[i] ? 1 : 0;
    }
    assertThat(differing).as("bits that differ between the two paths").isLessThanOrEqualTo(10);
    CellLawAgreementTest.assertSameLaw(a, b, RINGS);
  }
}
