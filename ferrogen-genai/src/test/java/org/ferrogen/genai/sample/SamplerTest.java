package org.ferrogen.genai.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * Empirical token frequencies against the target distributions, by Pearson's chi-square test at a
 * false-failure rate of 1e-4 per test (fixed seeds, so a run is reproducible; the rate says how
 * unlucky a seed would have to be for a correct sampler to fail).
 */
class SamplerTest {
  static final float[] LOGITS = {2.0f, 1.5f, 1.2f, 0.3f, -0.5f, 0.9f, -1.0f, 1.9f};
  static final int DRAWS = 40_000;

  /** Upper 1e-4 quantile of chi-square with df degrees of freedom (Wilson–Hilferty approximation). */
  static double chiSquareCritical(int df) {
    double z = 3.719; // standard normal upper 1e-4 quantile
    double a = 2.0 / (9 * df);
    return df * Math.pow(1 - a + z * Math.sqrt(a), 3);
  }

  /** Draws DRAWS tokens and checks them against {@code p} (zero-probability tokens must never appear). */
  static void assertFrequencies(IntSupplier draw, double[] p) {
    long[] counts = new long[p.length];
    for (int i = 0; i < DRAWS; i++) {
      counts[draw.getAsInt()]++;
    }
    double chi2 = 0;
    int df = -1;
    for (int i = 0; i < p.length; i++) {
      if (p[i] == 0) {
        assertThat(counts[i]).as("draws of excluded token %d", i).isZero();
        continue;
      }
      double e = p[i] * DRAWS;
      chi2 += (counts[i] - e) * (counts[i] - e) / e;
      df++;
    }
    if (df > 0) {
      assertThat(chi2).as("chi-square with %d degrees of freedom", df).isLessThan(chiSquareCritical(df));
    }
  }

  static double[] softmax(float[] l, double t, boolean[] keep) {
    double[] p = new double[l.length];
    double sum = 0;
    for (int i = 0; i < l.length; i++) {
      if (keep == null || keep[i]) {
        p[i] = Math.exp(l[i] / t);
        sum += p[i];
      }
    }
    for (int i = 0; i < l.length; i++) {
      p[i] /= sum;
    }
    return p;
  }

  @Test
  void temperatureSamplingFollowsTheSoftmax() {
    Sampler s = new Sampler(SamplerSettings.pure(0.7), new SplittableRandom(1));
    double[] target = softmax(LOGITS, 0.7, null);
    assertThat(s.distribution(LOGITS)).containsExactly(target, org.assertj.core.api.Assertions.within(1e-12));
    assertFrequencies(() -> s.choose(LOGITS), target);
  }

  @Test
  void topKKeepsTheKMostLikely() {
    Sampler s = new Sampler(new SamplerSettings(1.0, 3, 1, 0, 1, 64), new SplittableRandom(2));
    boolean[] keep = {true, false, false, false, false, false, false, true};
    keep[1] = true; // logits 2.0, 1.9, 1.5
    assertFrequencies(() -> s.choose(LOGITS), softmax(LOGITS, 1.0, keep));
  }

  @Test
  void topPKeepsTheSmallestNucleusThenAppliesTemperature() {
    double topP = 0.6;
    // Nucleus on the untempered softmax, in descending order: find the prefix reaching topP.
    double[] p1 = softmax(LOGITS, 1.0, null);
    Integer[] order = {0, 7, 1, 2, 5, 3, 4, 6};
    boolean[] keep = new boolean[LOGITS.length];
    double cum = 0;
    for (int i : order) {
      keep[i] = true;
      cum += p1[i];
      if (cum >= topP) {
        break;
      }
    }
    Sampler s = new Sampler(new SamplerSettings(1.5, 0, topP, 0, 1, 64), new SplittableRandom(3));
    assertFrequencies(() -> s.choose(LOGITS), softmax(LOGITS, 1.5, keep));
  }

  @Test
  void minPKeepsTokensAtLeastMinPTimesTheTop() {
    double minP = 0.3;
    double[] p1 = softmax(LOGITS, 1.0, null);
    boolean[] keep = new boolean[LOGITS.length];
    for (int i = 0; i < LOGITS.length; i++) {
      keep[i] = p1[i] >= minP * p1[0];
    }
    Sampler s = new Sampler(new SamplerSettings(0.9, 0, 1, minP, 1, 64), new SplittableRandom(4));
    assertFrequencies(() -> s.choose(LOGITS), softmax(LOGITS, 0.9, keep));
  }

  @Test
  void repetitionPenaltyDividesPositiveAndMultipliesNegativeLogits() {
    Sampler s = new Sampler(new SamplerSettings(1.0, 0, 1, 0, 2.0, 4), new SplittableRandom(5));
    for (int t : new int[] {0, 4, 4}) {
      s.accept(t);
    }
    float[] penalised = LOGITS.clone();
    penalised[0] = 1.0f;
    penalised[4] = -1.0f;
    assertFrequencies(() -> s.choose(LOGITS), softmax(penalised, 1.0, null));
    // The window forgets: after 4 more tokens, 0 and 4 are no longer penalised.
    for (int t : new int[] {1, 1, 1, 1}) {
      s.accept(t);
    }
    float[] onlyOne = LOGITS.clone();
    onlyOne[1] = 0.75f;
    assertThat(s.distribution(LOGITS)).containsExactly(softmax(onlyOne, 1.0, null),
        org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void topKOnALargeVocabularyKeepsExactlyTheKLargestWithTiesByLowerId() {
    SplittableRandom r = new SplittableRandom(11);
    float[] l = new float[5000];
    for (int i = 0; i < l.length; i++) {
      l[i] = (float) Math.floor(r.nextGaussian() * 20) / 4; // coarse values: many ties
    }
    Integer[] order = new Integer[l.length];
    for (int i = 0; i < l.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> l[a] != l[b] ? Float.compare(l[b], l[a]) : Integer.compare(a, b));
    double[] p = new Sampler(new SamplerSettings(1.0, 50, 1, 0, 1, 64), r).distribution(l);
    java.util.Set<Integer> kept = new java.util.HashSet<>();
    for (int i = 0; i < p.length; i++) {
      if (p[i] > 0) {
        kept.add(i);
      }
    }
    assertThat(kept).containsExactlyInAnyOrder(java.util.Arrays.copyOf(order, 50));
  }

  @Test
  void greedyTakesTheArgmax() {
    Sampler s = new Sampler(SamplerSettings.greedy(), new SplittableRandom(6));
    assertThat(s.sample(LOGITS)).isZero();
    assertThat(s.sample(new float[] {-3, -1, -2})).isEqualTo(1);
  }

  @Test
  void gumbelMaxIsExactSoftmaxSampling() {
    SplittableRandom r = new SplittableRandom(7);
    assertFrequencies(() -> NoiseNativeSampling.sampleGumbel(LOGITS, 0.8, r), softmax(LOGITS, 0.8, null));
  }

  @Test
  void gaussianNoiseIsMeasurablyNotSoftmaxAndCalibrationHelps() {
    float[] logits = new float[64];
    SplittableRandom r = new SplittableRandom(8);
    for (int i = 0; i < logits.length; i++) {
      logits[i] = (float) (3 * r.nextGaussian());
    }
    double t = 1.0;
    int n = 100_000;
    NoiseNativeSampling.Measurement matched =
        NoiseNativeSampling.measure(logits, t, NoiseNativeSampling.sigmaMatchingGumbel(t), n, 9);
    double sigma = NoiseNativeSampling.calibrateSigma(logits, t, 20_000, 10);
    NoiseNativeSampling.Measurement fitted = NoiseNativeSampling.measure(logits, t, sigma, n, 9);
    // The Gumbel control measures only the estimator's bias, ~(k-1)/(2N) nats.
    assertThat(matched.klGumbelControl()).isLessThan(5.0 * matched.supportSize() / (2.0 * n));
    // Gaussian argmax is a probit, not a softmax: its KL stands well above the bias floor...
    assertThat(fitted.klGaussian()).isGreaterThan(3 * fitted.klGumbelControl());
    // ...and the KL-fitted σ is at least as good as matching the Gumbel's standard deviation.
    assertThat(fitted.klGaussian()).isLessThanOrEqualTo(matched.klGaussian() * 1.05);
    // Pinsker: TV ≤ sqrt(KL/2) for the same pair of distributions; the TV of a probit fitted to a
    // softmax is small but, like its KL, clearly above zero.
    assertThat(fitted.totalVariation()).isLessThanOrEqualTo(Math.sqrt(fitted.klGaussian() / 2));
    assertThat(fitted.totalVariation()).isGreaterThan(0.0);
  }
}
