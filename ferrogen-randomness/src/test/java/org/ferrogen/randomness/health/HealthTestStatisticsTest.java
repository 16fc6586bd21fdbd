package org.ferrogen.randomness.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Measured behaviour of the health tests against what their formulas predict: false-alarm rates on ideal
 * sources (with alpha raised to 2^-8 so that ~10^7..10^8 samples show hundreds of alarms) and detection
 * delays on faulty sources. All sources use fixed seeds, so the tests are deterministic; the acceptance
 * bands are chosen so that a correct implementation would fail them with probability below about 1e-6
 * per assertion for an arbitrary seed (5 standard deviations, or the stated tolerance).
 */
class HealthTestStatisticsTest {

    private static final double ALPHA = 0x1p-8;
    private static final int CHUNK = 1 << 20;

    /** Alarm counts are Poisson-like; accept |observed - expected| <= 5 sqrt(expected) (two-sided ~6e-7). */
    private static void assertPoissonClose(long observed, double expected) {
        assertThat((double) observed).isBetween(expected - 5 * Math.sqrt(expected), expected + 5 * Math.sqrt(expected));
    }

    /** Fills {@code samples} with ideal 1-bit samples. */
    private static void idealBits(SplittableRandom random, byte[] samples) {
        for (int i = 0; i < samples.length; i += 64) {
            long bits = random.nextLong();
            int n = Math.min(64, samples.length - i);
            for (int b = 0; b < n; b++) {
                samples[i + b] = (byte) ((bits >>> b) & 1);
            }
        }
    }

    /**
     * Expected transitions T until C - 1 consecutive "same as previous" events of probability r:
     * E[T] = (1 - r^(C-1)) / ((1 - r) r^(C-1)) (waiting time for a success run of length C - 1).
     */
    private static double expectedRunWait(double r, int cutoff) {
        double rk = Math.pow(r, cutoff - 1);
        return (1 - rk) / ((1 - r) * rk);
    }

    @Test
    void repetitionCountFalseAlarmRateOnIdealBinarySourceMatchesRenewalPrediction() {
        RepetitionCountTest test = new RepetitionCountTest(HealthCutoffs.repetitionCountCutoff(1.0, ALPHA));
        assertThat(test.cutoff()).isEqualTo(9);
        SplittableRandom random = new SplittableRandom(9001);
        byte[] samples = new byte[CHUNK];
        long total = 0;
        for (int chunk = 0; chunk < 10; chunk++) {
            idealBits(random, samples);
            scanAll(test, samples);
            total += samples.length;
        }
        // After each alarm the run restarts; an alarm cycle lasts 1 + E[T] samples with r = 1/2.
        double predictedRate = 1 / (1 + expectedRunWait(0.5, test.cutoff()));
        assertThat(HealthCutoffs.repetitionCountAlarmRate(1.0, test.cutoff())).isCloseTo(predictedRate,
                org.assertj.core.data.Offset.offset(1e-15));
        assertPoissonClose(test.alarms(), predictedRate * total);
        assertThat((double) test.alarms() / total).isLessThanOrEqualTo(ALPHA);
    }

    @Test
    void repetitionCountFalseAlarmRateOnIdealByteSourceMatchesRenewalPrediction() {
        RepetitionCountTest test = new RepetitionCountTest(HealthCutoffs.repetitionCountCutoff(8.0, ALPHA));
        assertThat(test.cutoff()).isEqualTo(2);
        SplittableRandom random = new SplittableRandom(9002);
        byte[] samples = new byte[CHUNK];
        long total = 0;
        for (int chunk = 0; chunk < 10; chunk++) {
            random.nextBytes(samples);
            scanAll(test, samples);
            total += samples.length;
        }
        double predictedRate = 1 / (1 + expectedRunWait(1.0 / 256, test.cutoff()));
        assertPoissonClose(test.alarms(), predictedRate * total);
        assertThat((double) test.alarms() / total).isLessThanOrEqualTo(ALPHA);
    }

    @Test
    void adaptiveProportionFalseAlarmRatePerWindowMatchesBinomialTail() {
        // binary: W = 1024, H = 1; bytes: W = 512, H = 8 — 10^8 samples of each
        for (int bits : new int[] {1, 8}) {
            double entropy = bits;
            int window = HealthCutoffs.windowSize(bits);
            AdaptiveProportionTest test = new AdaptiveProportionTest(window,
                    HealthCutoffs.adaptiveProportionCutoff(window, entropy, ALPHA));
            SplittableRandom random = new SplittableRandom(9100 + bits);
            byte[] samples = new byte[CHUNK];
            for (int chunk = 0; chunk < 96; chunk++) {
                if (bits == 1) {
                    idealBits(random, samples);
                } else {
                    random.nextBytes(samples);
                }
                scanAll(test, samples);
            }
            // The reference is one of the W samples; the other W - 1 match it with probability 2^-H each.
            // This exact per-window probability is not alpha: 0.91 alpha (binary) and 1.12 alpha (bytes) here.
            double perWindow = HealthCutoffs.binomialUpperTail(window - 1, Math.pow(2, -entropy), test.cutoff() - 1);
            assertThat(HealthCutoffs.adaptiveProportionWindowAlarmProbability(window, entropy, test.cutoff()))
                    .isEqualTo(perWindow);
            assertThat(perWindow / ALPHA).isBetween(0.5, 2.0);
            long windows = test.windowsCompleted() + test.alarms();
            assertPoissonClose(test.alarms(), perWindow * windows);
        }
    }

    @Test
    void stuckSourceIsCaughtByTheRepetitionCountTestAfterExactlyCutoffMinusOneRepeats() {
        for (double entropy : new double[] {0.5, 1.0}) {
            HealthMonitor monitor = new HealthMonitor(HealthTestConfig.of(1, entropy));
            byte[] healthy = new byte[100_000];
            idealBits(new SplittableRandom(77), healthy);
            monitor.check(healthy);
            byte[] stuck = new byte[1000];
            java.util.Arrays.fill(stuck, (byte) (1 - healthy[healthy.length - 1]));
            try {
                monitor.check(stuck);
            } catch (HealthTestFailure expected) {
                // fail closed: handled below through the latched state
            }
            HealthAlarm alarm = monitor.lastAlarm().orElseThrow();
            int cutoff = HealthCutoffs.repetitionCountCutoff(entropy, HealthCutoffs.DEFAULT_ALPHA);
            assertThat(alarm.test()).isEqualTo(HealthTestKind.REPETITION_COUNT);
            assertThat(alarm.sampleIndex() - healthy.length).isEqualTo(cutoff - 1);
        }
    }

    @Test
    void biasedBinarySourceDetectionDelayOfTheAdaptiveProportionTestMatchesPrediction() {
        // P(1) = 0.8 against a claim of H = 1: a window whose reference is 1 reaches C = 589 almost surely
        // (mean count 819); a window whose reference is 0 essentially never does (mean 205).
        double p1 = 0.8;
        int window = 1024;
        int cutoff = HealthCutoffs.adaptiveProportionCutoff(window, 1.0, HealthCutoffs.DEFAULT_ALPHA);
        double detectIfOne = HealthCutoffs.binomialUpperTail(window - 1, p1, cutoff - 1);
        double detectIfZero = HealthCutoffs.binomialUpperTail(window - 1, 1 - p1, cutoff - 1);
        double perWindow = p1 * detectIfOne + (1 - p1) * detectIfZero;
        // Wasted windows are geometric; inside the detecting window the (C-1)-th further 1 arrives after
        // (C-1)/p1 samples on average (negative binomial), plus the reference sample itself.
        double predictedDelay = (1 - perWindow) / perWindow * window + 1 + (cutoff - 1) / p1;

        SplittableRandom random = new SplittableRandom(4242);
        int trials = 3000;
        byte[] samples = new byte[window * 12];
        double sumDelay = 0;
        for (int trial = 0; trial < trials; trial++) {
            AdaptiveProportionTest test = new AdaptiveProportionTest(window, cutoff);
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (byte) (random.nextDouble() < p1 ? 1 : 0);
            }
            int index = test.scan(samples, 0, samples.length);
            assertThat(index).isNotNegative();
            sumDelay += index + 1;
        }
        double meanDelay = sumDelay / trials;
        // per-trial sd is about 600 samples, so the mean of 3000 has sd about 11 (1.1 %); allow 5 %
        assertThat(meanDelay).isBetween(predictedDelay * 0.95, predictedDelay * 1.05);
    }

    @Test
    void strongLagOneCorrelationDetectionDelayOfTheRepetitionCountTestMatchesPrediction() {
        // Binary Markov source: each sample repeats the previous one with probability 0.9 (marginal P(1) = 1/2,
        // so a bias test alone would not see it). RCT C = 21 for H = 1 fires on the first run of 21.
        double repeat = 0.9;
        int cutoff = HealthCutoffs.repetitionCountCutoff(1.0, HealthCutoffs.DEFAULT_ALPHA);
        double predictedDelay = 1 + expectedRunWait(repeat, cutoff);

        SplittableRandom random = new SplittableRandom(5151);
        int trials = 4000;
        byte[] samples = new byte[4096];
        double sumDelay = 0;
        for (int trial = 0; trial < trials; trial++) {
            RepetitionCountTest test = new RepetitionCountTest(cutoff);
            int previous = random.nextInt(2);
            for (int i = 0; i < samples.length; i++) {
                previous = random.nextDouble() < repeat ? previous : 1 - previous;
                samples[i] = (byte) previous;
            }
            int index = test.scan(samples, 0, samples.length);
            assertThat(index).isNotNegative();
            sumDelay += index + 1;
        }
        double meanDelay = sumDelay / trials;
        // the waiting time has sd close to its mean (~73), so the mean of 4000 has sd about 1.6 %; allow 8 %
        assertThat(meanDelay).isBetween(predictedDelay * 0.92, predictedDelay * 1.08);
    }

    private static void scanAll(RepetitionCountTest test, byte[] samples) {
        int position = 0;
        while (position < samples.length) {
            int index = test.scan(samples, position, samples.length);
            if (index < 0) {
                return;
            }
            position = index + 1;
        }
    }

    private static void scanAll(AdaptiveProportionTest test, byte[] samples) {
        int position = 0;
        while (position < samples.length) {
            int index = test.scan(samples, position, samples.length);
            if (index < 0) {
                return;
            }
            position = index + 1;
        }
    }
}
