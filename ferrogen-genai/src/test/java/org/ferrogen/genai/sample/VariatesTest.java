package org.ferrogen.genai.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.random.RandomGenerator;
import org.ferrogen.genai.entropy.StudySource;
import org.ferrogen.trng.NoiseSeed;
import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.distribution.continuous.GammaDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.UniformRealDistribution;
import org.hipparchus.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/**
 * Distribution tests of the variates drawn from the TRNG pipeline and a PRNG. Each Kolmogorov–Smirnov
 * test rejects at P < 0.001, so an ideal generator fails one such assertion with probability 0.001;
 * the seeds are fixed, so a run either always passes or always fails. The negative controls show
 * that the same tests do reject variates drawn from a degraded raw source.
 */
class VariatesTest {
  private static final int N = 20_000;
  private static final double REJECT_BELOW = 0.001;
  private final KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();

  @Test
  void gaussianFromTheTrngPipelineIsStandardNormal() {
    double[] x = draw(StudySource.TRNG.open(11, 1L << 22), RandomGenerator::nextGaussian);
    assertThat(ks.kolmogorovSmirnovTest(new NormalDistribution(0, 1), x)).isGreaterThan(REJECT_BELOW);
    assertMoments(x, 0, 1);
  }

  @Test
  void uniformFromTheTrngPipelineIsUniform() {
    double[] x = draw(StudySource.TRNG.open(12, 1L << 22), RandomGenerator::nextDouble);
    assertThat(ks.kolmogorovSmirnovTest(new UniformRealDistribution(0, 1), x)).isGreaterThan(REJECT_BELOW);
    assertMoments(x, 0.5, 1.0 / 12);
  }

  @Test
  void gammaMatchesItsDistributionBelowAndAboveShapeOne() {
    for (double shape : new double[] {0.3, 1.0, 2.5, 30}) {
      RandomGenerator random = NoiseSeed.fromSeed(13);
      double[] x = draw(random, r -> Variates.gamma(r, shape));
      assertThat(ks.kolmogorovSmirnovTest(new GammaDistribution(shape, 1), x))
          .as("gamma shape %s", shape).isGreaterThan(REJECT_BELOW);
      assertMoments(x, shape, shape);
    }
  }

  @Test
  void betaMatchesItsDistribution() {
    double[] x = draw(StudySource.TRNG.open(14, 1L << 22), r -> Variates.beta(r, 2, 5));
    assertThat(ks.kolmogorovSmirnovTest(new BetaDistribution(2, 5), x)).isGreaterThan(REJECT_BELOW);
    assertMoments(x, 2.0 / 7, 10.0 / (49 * 8));
  }

  @Test
  void theSameTestsRejectVariatesFromABiasedRawSource() {
    double[] gaussian = draw(StudySource.BIAS_060.open(15, 1L << 22), RandomGenerator::nextGaussian);
    assertThat(ks.kolmogorovSmirnovTest(new NormalDistribution(0, 1), gaussian)).isLessThan(1e-6);
    double[] uniform = draw(StudySource.BIAS_055.open(15, 1L << 22), RandomGenerator::nextDouble);
    assertThat(ks.kolmogorovSmirnovTest(new UniformRealDistribution(0, 1), uniform)).isLessThan(1e-6);
  }

  @Test
  void rejectsAnInvalidShape() {
    RandomGenerator random = NoiseSeed.fromSeed(1);
    assertThatThrownBy(() -> Variates.gamma(random, 0)).hasMessageContaining("shape");
    assertThatThrownBy(() -> Variates.gamma(random, Double.NaN)).hasMessageContaining("shape");
  }

  /** Mean within 5 standard errors, variance within 5 % (both far beyond chance at N = 20,000). */
  private static void assertMoments(double[] x, double mean, double variance) {
    double m = 0;
    for (double v : x) {
      m += v;
    }
    m /= x.length;
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    s /= x.length - 1;
    assertThat(m).isCloseTo(mean, org.assertj.core.data.Offset.offset(5 * Math.sqrt(variance / x.length)));
    assertThat(s).isCloseTo(variance, org.assertj.core.data.Percentage.withPercentage(5));
  }

  private interface Draw {
    double next(RandomGenerator random);
  }

  private static double[] draw(RandomGenerator random, Draw draw) {
    double[] x = new double[N];
    for (int i = 0; i < N; i++) {
      x[i] = draw.next(random);
    }
    return x;
  }
}
