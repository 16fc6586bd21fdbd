package org.ferrogen.randomness.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthTestComponentsTest {

    @Test
    void repetitionCountFiresAfterExactlyCutoffMinusOneRepeats() {
        RepetitionCountTest test = new RepetitionCountTest(5);
        byte[] samples = {1, 2, 2, 2, 2, 2, 2, 3};
        // the value 2 starts at index 1; its 4th repeat (5th occurrence) is index 5
        assertThat(test.scan(samples, 0, samples.length)).isEqualTo(5);
        assertThat(test.lastAlarmCount()).isEqualTo(5);
        // after the alarm the run restarts: index 6 starts a new run of length 1
        assertThat(test.scan(samples, 6, samples.length)).isEqualTo(-1);
        assertThat(test.currentRunLength()).isEqualTo(1);
    }

    @Test
    void repetitionCountRunsContinueAcrossCalls() {
        RepetitionCountTest test = new RepetitionCountTest(4);
        assertThat(test.scan(new byte[] {7, 7}, 0, 2)).isEqualTo(-1);
        assertThat(test.scan(new byte[] {7}, 0, 1)).isEqualTo(-1);
        assertThat(test.scan(new byte[] {7}, 0, 1)).isEqualTo(0);
    }

    @Test
    void adaptiveProportionCountsTheReferenceWithinOneWindowOnly() {
        AdaptiveProportionTest test = new AdaptiveProportionTest(8, 4);
        // window 1: reference 5 occurs 3 times (no alarm); window 2: reference 1 occurs 4 times -> alarm
        byte[] samples = {5, 0, 5, 0, 5, 0, 0, 0, 1, 1, 0, 1, 0, 1, 0, 0};
        assertThat(test.scan(samples, 0, samples.length)).isEqualTo(13);
        assertThat(test.windowsCompleted()).isEqualTo(1);
        assertThat(test.lastAlarmCount()).isEqualTo(4);
    }

    @ParameterizedTest
    @CsvSource({"2, 8, 2", "3, 16, 5", "4, 64, 40", "7, 64, 52", "8, 512, 300", "9, 1024, 560", "21, 1024, 589"})
    void bulkScansInChunksAgreeWithSampleBySampleOffers(int rctCutoff, int window, int aptCutoff) {
        SplittableRandom random = new SplittableRandom(20261122L + rctCutoff);
        byte[] samples = new byte[300_000];
        int previous = 0;
        for (int i = 0; i < samples.length; i++) {
            // sticky, biased 2-bit source: long runs and a dominant value so that both tests fire now and then
            double u = random.nextDouble();
            previous = u < 0.75 ? previous : (random.nextInt(10) < 6 ? 0 : random.nextInt(4));
            samples[i] = (byte) previous;
        }
        List<Integer> offered = new ArrayList<>();
        RepetitionCountTest rctOffer = new RepetitionCountTest(rctCutoff);
        AdaptiveProportionTest aptOffer = new AdaptiveProportionTest(window, aptCutoff);
        for (int i = 0; i < samples.length; i++) {
            if (rctOffer.offer(samples[i])) {
                offered.add(i);
            }
            if (aptOffer.offer(samples[i])) {
                offered.add(-i - 1);
            }
        }
        List<Integer> scannedBytes = new ArrayList<>();
        List<Integer> scannedInts = new ArrayList<>();
        RepetitionCountTest rct = new RepetitionCountTest(rctCutoff);
        AdaptiveProportionTest apt = new AdaptiveProportionTest(window, aptCutoff);
        RepetitionCountTest rctInts = new RepetitionCountTest(rctCutoff);
        AdaptiveProportionTest aptInts = new AdaptiveProportionTest(window, aptCutoff);
        int[] asInts = new int[samples.length];
        for (int i = 0; i < samples.length; i++) {
            asInts[i] = samples[i];
        }
        int position = 0;
        while (position < samples.length) {
            int end = Math.min(samples.length, position + 1 + random.nextInt(3000));
            collect(scannedBytes, position, end, (from, to) -> rct.scan(samples, from, to), false);
            collect(scannedBytes, position, end, (from, to) -> apt.scan(samples, from, to), true);
            collect(scannedInts, position, end, (from, to) -> rctInts.scan(asInts, from, to), false);
            collect(scannedInts, position, end, (from, to) -> aptInts.scan(asInts, from, to), true);
            position = end;
        }
        scannedBytes.sort(null);
        scannedInts.sort(null);
        offered.sort(null);
        assertThat(offered.stream().filter(index -> index >= 0).count()).as("RCT alarms").isGreaterThan(5);
        assertThat(offered.stream().filter(index -> index < 0).count()).as("APT alarms").isGreaterThan(5);
        assertThat(scannedBytes).isEqualTo(offered);
        assertThat(scannedInts).isEqualTo(offered);
    }

    private interface Scan {
        int run(int from, int to);
    }

    private static void collect(List<Integer> alarms, int from, int to, Scan scan, boolean negative) {
        int position = from;
        while (position < to) {
            int index = scan.run(position, to);
            if (index < 0) {
                return;
            }
            alarms.add(negative ? -index - 1 : index);
            position = index + 1;
        }
    }
}
