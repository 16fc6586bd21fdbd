package org.ferrogen.trng.puf;

import static org.assertj.core.api.Assertions.assertThat;

import org.ferrogen.trng.NoiseSeed;
import org.junit.jupiter.api.Test;

/**
 * PUF figures from the physics. With 4096-cell chips the uniformity of one chip has a standard
 * deviation of 0.8 %, so the 3 % bounds below fail by chance with probability < 1e-4 (fixed seeds).
 */
class FefetPufTest {

  private static final double[] TEMPS = {25, 85, 125};
  private static final double[] NOISE = {1, 4};

  @Test
  void chipsAreBalancedUniqueAndFlipMoreWhenHotOrNoisy() {
    FefetPuf puf = new FefetPuf(FefetPuf.Config.defaults().withCells(4096));
    PufAssessment.Result r = PufAssessment.run(puf, 12, TEMPS, NOISE, NoiseSeed.fromSeed(8));
    assertThat(r.uniformityMean()).isBetween(0.47, 0.53);
    assertThat(r.uniquenessMean()).isBetween(0.47, 0.53);
    double ber25 = ber(r, 25, 1);
    double ber125 = ber(r, 125, 1);
    double noisy = ber(r, 25, 4);
    assertThat(ber25).isPositive().isLessThan(0.2);
    assertThat(ber125).isGreaterThan(ber25);
    assertThat(noisy).isGreaterThan(2 * ber25);
  }

  @Test
  void sameChipSameChallengeGivesTheSameResponseWithoutNoiseAndOtherChipsDiffer() {
    FefetPuf puf = new FefetPuf(FefetPuf.Config.defaults().withCells(1024));
    FefetPuf.Chip a = puf.fabricate(NoiseSeed.fromSeed(1));
    FefetPuf.Chip b = puf.fabricate(NoiseSeed.fromSeed(2));
    boolean[] r1 = a.respond(42, 128, FefetPuf.ENROLMENT_KELVIN, 0, NoiseSeed.fromSeed(3));
    boolean[] r2 = a.respond(42, 128, FefetPuf.ENROLMENT_KELVIN, 0, NoiseSeed.fromSeed(4));
    boolean[] other = b.respond(42, 128, FefetPuf.ENROLMENT_KELVIN, 0, NoiseSeed.fromSeed(3));
    boolean[] otherChallenge = a.respond(43, 128, FefetPuf.ENROLMENT_KELVIN, 0, NoiseSeed.fromSeed(3));
    assertThat(r1).isEqualTo(r2).isNotEqualTo(other).isNotEqualTo(otherChallenge);
  }

  private static double ber(PufAssessment.Result r, double celsius, double noise) {
    return r.reliability().stream()
        .filter(p -> p.celsius() == celsius && p.noiseScale() == noise)
        .findFirst().orElseThrow().bitErrorRate();
  }
}
