package org.ferrogen.device.switching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.ParameterSets;
import org.junit.jupiter.api.Test;

class SwitchingCurveTest {
  private static final DeviceParams FEFET = ParameterSets.byName("deng-2020-fefet");

  @Test
  void precomputedMajorityProbabilityMatchesTheDomainEngine() {
    SplittableRandom rng = new SplittableRandom(17);
    DomainEnsemble device = DomainEnsemble.sample(FEFET.kinetics(), 9, rng);
    double t = FEFET.film().thicknessM();
    SwitchingCurve curve = SwitchingCurve.overAmplitude(device, t, 75e-9, 300, 1.0, 3.5, 26);
    double v50 = curve.valueForMajorityProbability(0.5);
    assertThat(v50).isBetween(1.0, 3.5);
    int trials = 4000;
    int majority = 0;
    for (int i = 0; i < trials; i++) {
      device.setAll(false);
      device.apply(Waveform.pulse(v50, 75e-9), t, 300);
      if (device.upCount() > device.size() / 2) {
        majority++;
      }
    }
    // Binomial σ = 0.008 at p = 0.5; 0.04 is 5σ (the grid interpolation adds < 0.01).
    assertThat((double) majority / trials).isCloseTo(0.5, within(0.04));
  }

  @Test
  void curvesRiseWithAmplitudeAndWidth() {
    SplittableRandom rng = new SplittableRandom(2);
    DomainEnsemble device = DomainEnsemble.sample(FEFET.kinetics(), 64, rng);
    double t = FEFET.film().thicknessM();
    SwitchingCurve amp = SwitchingCurve.overAmplitude(device, t, 75e-9, 300, 0.5, 5, 40);
    SwitchingCurve width = SwitchingCurve.overWidth(device, t, 2.0, 300, 1e-9, 1e-3, 40);
    for (int j = 1; j < 40; j++) {
      assertThat(amp.meanFraction(j)).isGreaterThanOrEqualTo(amp.meanFraction(j - 1));
      assertThat(width.meanFraction(j)).isGreaterThanOrEqualTo(width.meanFraction(j - 1));
      assertThat(amp.majorityProbability(j)).isGreaterThanOrEqualTo(amp.majorityProbability(j - 1) - 1e-12);
    }
    assertThat(amp.meanFraction(0)).isLessThan(0.01);
    assertThat(amp.meanFraction(39)).isGreaterThan(0.99);
  }

  @Test
  void majorityOfPoissonBinomialIsExactForSmallCases() {
    assertThat(SwitchingCurve.majorityOf(new double[] {0.3})).isCloseTo(0.3, within(1e-12));
    // Two domains: P(both) + ½·P(exactly one).
    double p1 = 0.2;
    double p2 = 0.3;
    double expected = p1 * p2 + 0.5 * (p1 * (1 - p2) + (1 - p1) * p2);
    assertThat(SwitchingCurve.majorityOf(new double[] {p1, p2})).isCloseTo(expected, within(1e-12));
  }
}
