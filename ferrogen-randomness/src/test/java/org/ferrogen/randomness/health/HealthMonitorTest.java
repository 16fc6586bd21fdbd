package org.ferrogen.randomness.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {

    private static byte[] uniformBytes(long seed, int n) {
        byte[] samples = new byte[n];
        new SplittableRandom(seed).nextBytes(samples);
        return samples;
    }

    @Test
    void startupTestCoversTheFirst1024SamplesThenTheMonitorIsOperational() {
        HealthMonitor monitor = new HealthMonitor(HealthTestConfig.of(8, 8.0));
        byte[] samples = uniformBytes(1, 1500);

        assertThat(monitor.state()).isEqualTo(HealthState.STARTUP);
        assertThat(monitor.check(samples, 0, 1000)).isEqualTo(1000);
        assertThat(monitor.state()).isEqualTo(HealthState.STARTUP);
        assertThat(monitor.startupSamplesRemaining()).isEqualTo(24);
        // the start-up test ends inside this call: samples from index 1024 on are usable
        assertThat(monitor.check(samples, 1000, 1500)).isEqualTo(1024);
        assertThat(monitor.isOperational()).isTrue();
        assertThat(monitor.check(samples, 1200, 1300)).isEqualTo(1200);
        assertThat(monitor.samplesChecked()).isEqualTo(1600);
        assertThat(monitor.totalAlarms()).isZero();
    }

    @Test
    void anAlarmLatchesFailureNotifiesListenersAndBlocksEveryLaterCheckUntilReset() {
        HealthMonitor monitor = new HealthMonitor(HealthTestConfig.of(8, 8.0));
        List<HealthAlarm> heard = new ArrayList<>();
        monitor.addListener(heard::add);
        byte[] healthy = uniformBytes(2, 2000);
        monitor.check(healthy);
        byte stuck = (byte) (healthy[healthy.length - 1] + 1);
        byte[] faulty = new byte[100];
        java.util.Arrays.fill(faulty, stuck);

        assertThatThrownBy(() -> monitor.check(faulty))
                .isInstanceOf(HealthTestFailure.class)
                .hasMessageContaining("repetition count test alarm at sample 2003");
        assertThat(heard).hasSize(1);
        HealthAlarm alarm = heard.get(0);
        assertThat(alarm.test()).isEqualTo(HealthTestKind.REPETITION_COUNT);
        // H = 8, alpha = 2^-20: C = 1 + ceil(20/8) = 4, so the 4th identical sample (3 repeats) fires
        assertThat(alarm.sampleIndex()).isEqualTo(2000 + 3);
        assertThat(alarm.count()).isEqualTo(4);
        assertThat(alarm.duringStartup()).isFalse();
        assertThat(monitor.state()).isEqualTo(HealthState.FAILED);
        assertThat(monitor.repetitionCountAlarms()).isEqualTo(1);
        assertThat(monitor.samplesChecked()).isEqualTo(2004);

        // still failed: healthy samples are refused too, and single-sample checks as well
        assertThatThrownBy(() -> monitor.check(healthy)).isInstanceOf(HealthTestFailure.class);
        assertThatThrownBy(() -> monitor.check(5)).isInstanceOf(HealthTestFailure.class);
        assertThat(heard).hasSize(1);

        monitor.reset();
        assertThat(monitor.state()).isEqualTo(HealthState.STARTUP);
        assertThat(monitor.check(healthy)).isEqualTo(1024);
        assertThat(monitor.isOperational()).isTrue();
        assertThat(monitor.resets()).isEqualTo(1);
        assertThat(monitor.repetitionCountAlarms()).isEqualTo(1);
    }

    @Test
    void aBiasedSourceTripsTheAdaptiveProportionTestDuringStartup() {
        // 4-bit samples claimed at H = 4 (W = 512); the source emits 0 half the time, so the reference 0
        // reaches the cutoff well inside the first window while runs stay short enough for the RCT.
        HealthMonitor monitor = new HealthMonitor(HealthTestConfig.of(4, 4.0));
        SplittableRandom random = new SplittableRandom(3);
        byte[] samples = new byte[1024];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (byte) (i % 2 == 0 ? 0 : 1 + random.nextInt(15));
        }
        assertThatThrownBy(() -> monitor.check(samples)).isInstanceOf(HealthTestFailure.class);
        HealthAlarm alarm = monitor.lastAlarm().orElseThrow();
        assertThat(alarm.test()).isEqualTo(HealthTestKind.ADAPTIVE_PROPORTION);
        assertThat(alarm.duringStartup()).isTrue();
        // the reference 0 occurs at every even index; the C-th occurrence is index 2 (C - 1)
        assertThat(alarm.sampleIndex()).isEqualTo(2L * (monitor.adaptiveProportionCutoff() - 1));
    }

    @Test
    void samplesWiderThanTheConfiguredBitsAreRejectedWithTheirIndex() {
        HealthMonitor monitor = new HealthMonitor(HealthTestConfig.of(1, 1.0));
        assertThatThrownBy(() -> monitor.check(new byte[] {0, 1, 2, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sample 2 at index 2 is wider than 1 bits");
        assertThatThrownBy(() -> monitor.check(new int[] {0, 1, -1}, 0, 3))
                .hasMessageContaining("index 2");
        assertThat(monitor.samplesChecked()).isZero();
    }

    @Test
    void singleSampleAndIntChecksShareTheStreamState() {
        HealthMonitor monitor = new HealthMonitor(HealthTestConfig.of(1, 1.0));
        // RCT cutoff 21 for H = 1: 20 ones via int[] plus one more via check(int) fires
        int[] ones = new int[20];
        java.util.Arrays.fill(ones, 1);
        monitor.check(new int[] {0}, 0, 1);
        monitor.check(ones, 0, ones.length);
        assertThatThrownBy(() -> monitor.check(1)).isInstanceOf(HealthTestFailure.class);
        assertThat(monitor.lastAlarm().orElseThrow().sampleIndex()).isEqualTo(21);
        assertThat(monitor.lastAlarm().orElseThrow().test()).isEqualTo(HealthTestKind.REPETITION_COUNT);
    }
}
