package org.ferrogen.device.switching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.KineticsParams;
import org.ferrogen.device.params.ParameterSets;
import org.junit.jupiter.api.Test;

class SwitchingKineticsTest {
  private static final DeviceParams MFM = ParameterSets.byName("deng-2020-mfm");
  private static final DeviceParams FEFET = ParameterSets.byName("deng-2020-fefet");

  private static double switchedAfterPulse(
      KineticsParams k, int n, double volts, double width, double thickness, long seed) {
    DomainEnsemble e = DomainEnsemble.sample(k, n, new SplittableRandom(seed));
    e.apply(Waveform.pulse(volts, width), thickness, 300);
    return e.upFraction();
  }

  @Test
  void switchingProbabilityVersusAmplitudeIsAMonotoneSigmoid() {
    double t = MFM.film().thicknessM();
    double[] fraction = new double[30];
    for (int i = 0; i < fraction.length; i++) {
      double volts = 0.5 + 0.1 * i;
      fraction[i] = switchedAfterPulse(MFM.kinetics(), 4000, volts, 1e-6, t, 11);
    }
    assertThat(fraction[0]).isLessThan(0.02);
    assertThat(fraction[fraction.length - 1]).isGreaterThan(0.98);
    // Monotone up to the binomial noise of 4000 domains (σ ≤ 0.008; 0.03 is > 3.5σ).
    for (int i = 1; i < fraction.length; i++) {
      assertThat(fraction[i]).isGreaterThan(fraction[i - 1] - 0.03);
    }
    // Sigmoid: the steepest rise lies strictly inside the sweep and the curve is flat at both ends.
    int steepest = 1;
    for (int i = 1; i < fraction.length; i++) {
      if (fraction[i] - fraction[i - 1] > fraction[steepest] - fraction[steepest - 1]) {
        steepest = i;
      }
    }
    assertThat(steepest).isBetween(3, fraction.length - 3);
    assertThat(fraction[1] - fraction[0]).isLessThan(0.3 * (fraction[steepest] - fraction[steepest - 1]));
    assertThat(fraction[fraction.length - 1] - fraction[fraction.length - 2])
        .isLessThan(0.3 * (fraction[steepest] - fraction[steepest - 1]));
  }

  @Test
  void spreadOverRepeatedTrialsShrinksAsOneOverSqrtN() {
    double t = FEFET.film().thicknessM();
    // Amplitude near the 50 % point of a 75 ns pulse; each trial is a new device (d2d) and a new
    // stochastic pulse (c2c).
    double volts = 2.05;
    double small = spread(16, volts, t);
    double large = spread(256, volts, t);
    // Expected ratio √(256/16) = 4; with 400 trials each the ratio of sample σ has ≈ 5 % relative
    // error, so [3.2, 5.0] is a > 4σ band (false-failure rate < 1e-4).
    assertThat(small / large).isBetween(3.2, 5.0);
  }

  private static double spread(int n, double volts, double t) {
    int trials = 400;
    double s = 0;
    double s2 = 0;
    for (int i = 0; i < trials; i++) {
      double f = switchedAfterPulse(FEFET.kinetics(), n, volts, 75e-9, t, 1000L * n + i);
      s += f;
      s2 += f * f;
    }
    double mean = s / trials;
    assertThat(mean).isBetween(0.2, 0.8);
    return Math.sqrt(s2 / trials - mean * mean);
  }

  @Test
  void subThresholdPulseTrainsAccumulate() {
    double t = FEFET.film().thicknessM();
    KineticsParams k = FEFET.kinetics();
    double volts = 1.2;
    DomainEnsemble one = DomainEnsemble.sample(k, 5000, new SplittableRandom(5));
    one.apply(Waveform.pulse(volts, 75e-9), t, 300);
    assertThat(one.upFraction()).isLessThan(0.05);

    DomainEnsemble train = DomainEnsemble.sample(k, 5000, new SplittableRandom(6));
    double previous = 0;
    for (int block = 0; block < 5; block++) {
      train.apply(Waveform.pulseTrain(volts, 75e-9, 1e-6, 40), t, 300);
      assertThat(train.upFraction()).isGreaterThanOrEqualTo(previous);
      previous = train.upFraction();
    }
    // 200 pulses: accumulated h is 200× one pulse's, so h^β grows 40,000-fold for β = 2.
    assertThat(train.upFraction()).isGreaterThan(0.3);
    // The same total time at the same field in one pulse switches the same amount (accumulation
    // depends only on ∫dt/τ), within binomial noise.
    DomainEnsemble longPulse = DomainEnsemble.sample(k, 5000, new SplittableRandom(7));
    longPulse.apply(Waveform.pulse(volts, 200 * 75e-9), t, 300);
    assertThat(longPulse.upFraction()).isCloseTo(train.upFraction(), within(0.04));
  }

  @Test
  void aSingleDomainSwitchesAllOrNothingWithTheWeibullProbability() {
    KineticsParams k = FEFET.kinetics();
    double t = FEFET.film().thicknessM();
    double[] ea = {k.activationField().mean()};
    SplittableRandom rng = new SplittableRandom(9);
    DomainEnsemble d = DomainEnsemble.of(k, ea, rng);
    double volts = 2.3;
    double p = d.pulseSwitchProbability(0, volts / t, 75e-9, 300);
    assertThat(p).isBetween(0.2, 0.9);
    int ups = 0;
    int trials = 4000;
    for (int i = 0; i < trials; i++) {
      d.setAll(false);
      d.apply(Waveform.pulse(volts, 75e-9), t, 300);
      assertThat(d.upFraction()).isIn(0.0, 1.0);
      ups += d.upCount();
    }
    // Binomial σ ≤ 0.008; 0.035 is > 4σ.
    assertThat((double) ups / trials).isCloseTo(p, within(0.035));
  }

  @Test
  void hotterFilmsSwitchAtLowerAmplitude() {
    double t = MFM.film().thicknessM();
    double ecCold = CoerciveField.predict(MFM.kinetics(), 3.0 / t, 1e3, 250);
    double ecHot = CoerciveField.predict(MFM.kinetics(), 3.0 / t, 1e3, 400);
    assertThat(ecHot).isLessThan(0.95 * ecCold);
  }

  @Test
  void negExpMatchesMathExp() {
    for (double x = 0; x < 60; x += 0.0371) {
      assertThat(NegExp.of(x)).isCloseTo(Math.exp(-x), within(2e-6 * Math.exp(-x)));
    }
    assertThat(NegExp.of(70)).isLessThan(1e-27); // clamped at e^-64
  }
}
