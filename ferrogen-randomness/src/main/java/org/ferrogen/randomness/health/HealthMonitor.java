package org.ferrogen.randomness.health;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The SP 800-90B continuous health tests of one noise source: every sample goes through the Repetition
 * Count Test and the Adaptive Proportion Test, the first {@code startupSamples} samples after creation
 * or reset form the start-up test (section 4.3), and any alarm latches the monitor in
 * {@link HealthState#FAILED}.
 *
 * <p>Contract for the owner (an entropy pipeline): call one of the {@code check} methods on every raw
 * sample, in order, before using it. A {@code check} that sees an alarm notifies the listeners and
 * throws {@link HealthTestFailure}; every later {@code check} throws the same failure again until
 * {@link #reset()} is called, so output cannot continue by accident. Samples before the index that
 * {@code check} returns belong to the start-up test and must not be used as output.
 *
 * <p>Cost: for byte samples, three passes that handle eight samples per {@code long} (range check for
 * samples narrower than 8 bits, RCT, APT), under 1 ns per sample; no allocation on the hot path. Not
 * thread-safe: one monitor per sample stream.
 */
public final class HealthMonitor {

    private final HealthTestConfig config;
    private final RepetitionCountTest repetitionCount;
    private final AdaptiveProportionTest adaptiveProportion;
    private final int maxSampleValue;
    private final List<HealthAlarmListener> listeners = new CopyOnWriteArrayList<>();

    private HealthState state = HealthState.STARTUP;
    private long samplesChecked;
    private long samplesSinceReset;
    private long repetitionCountAlarms;
    private long adaptiveProportionAlarms;
    private long resets;
    private HealthAlarm lastAlarm;

    public HealthMonitor(HealthTestConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.repetitionCount = RepetitionCountTest.of(config);
        this.adaptiveProportion = AdaptiveProportionTest.of(config);
        this.maxSampleValue = (1 << config.bitsPerSample()) - 1;
    }

    public HealthTestConfig config() {
        return config;
    }

    /** Repetition Count Test cutoff C in use. */
    public int repetitionCountCutoff() {
        return repetitionCount.cutoff();
    }

    /** Adaptive Proportion Test cutoff C in use. */
    public int adaptiveProportionCutoff() {
        return adaptiveProportion.cutoff();
    }

    /** Adaptive Proportion Test window W in use. */
    public int adaptiveProportionWindow() {
        return adaptiveProportion.window();
    }

    /** Registers a listener called on every alarm (before the failure is thrown). */
    public void addListener(HealthAlarmListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(HealthAlarmListener listener) {
        listeners.remove(listener);
    }

    public HealthState state() {
        return state;
    }

    /** True once the start-up test has passed and no alarm has been raised since. */
    public boolean isOperational() {
        return state == HealthState.OPERATIONAL;
    }

    public boolean isFailed() {
        return state == HealthState.FAILED;
    }

    /** Samples checked since creation (across resets), up to and including an alarming sample. */
    public long samplesChecked() {
        return samplesChecked;
    }

    /** Samples checked since creation or the last reset. */
    public long samplesSinceReset() {
        return samplesSinceReset;
    }

    /** Samples still to pass before the start-up test completes (0 once operational). */
    public long startupSamplesRemaining() {
        return state == HealthState.STARTUP ? Math.max(0, config.startupSamples() - samplesSinceReset) : 0;
    }

    /** Repetition Count Test alarms since creation. */
    public long repetitionCountAlarms() {
        return repetitionCountAlarms;
    }

    /** Adaptive Proportion Test alarms since creation. */
    public long adaptiveProportionAlarms() {
        return adaptiveProportionAlarms;
    }

    /** Alarms of both tests since creation. */
    public long totalAlarms() {
        return repetitionCountAlarms + adaptiveProportionAlarms;
    }

    /** Number of {@link #reset()} calls. */
    public long resets() {
        return resets;
    }

    /** The alarm that caused the current (or most recent) failure. */
    public Optional<HealthAlarm> lastAlarm() {
        return Optional.ofNullable(lastAlarm);
    }

    /**
     * Clears a failure and restarts both tests and the start-up test (SP 800-90B section 4.3 requires
     * the start-up tests to be repeated after a failure). Alarm counters are kept.
     */
    public void reset() {
        repetitionCount.reset();
        adaptiveProportion.reset();
        samplesSinceReset = 0;
        state = HealthState.STARTUP;
        resets++;
    }

    /** Checks all of {@code samples}; see {@link #check(byte[], int, int)}. */
    public int check(byte[] samples) {
        return check(samples, 0, samples.length);
    }

    /**
     * Checks {@code samples[from..to)}, one unsigned sample per byte in its low {@code bitsPerSample} bits.
     *
     * @return the index of the first sample past the start-up test: {@code from} when the monitor was
     *         already operational, {@code to} when the start-up test is still running after this call
     * @throws HealthTestFailure on an alarm in this range, or immediately when the monitor is failed
     * @throws IllegalArgumentException when a sample has bits above {@code bitsPerSample}
     */
    public int check(byte[] samples, int from, int to) {
        Objects.checkFromToIndex(from, to, samples.length);
        throwIfFailed();
        if (maxSampleValue != 0xFF) {
            long union = 0;
            int i = from;
            for (; i + 8 <= to; i += 8) {
                union |= ByteLanes.read(samples, i);
            }
            for (; i < to; i++) {
                union |= samples[i] & 0xFF;
            }
            if ((union & ~(maxSampleValue * ByteLanes.ONES)) != 0) {
                throw outOfRange(samples, from, to);
            }
        }
        int rctIndex = repetitionCount.scan(samples, from, to);
        int aptIndex = adaptiveProportion.scan(samples, from, to);
        if (rctIndex >= 0 || aptIndex >= 0) {
            boolean rctFirst = rctIndex >= 0 && (aptIndex < 0 || rctIndex <= aptIndex);
            int index = rctFirst ? rctIndex : aptIndex;
            raise(rctFirst, index - from, samples[index] & 0xFF);
        }
        return advance(from, to);
    }

    /** As {@link #check(byte[], int, int)} for int samples. */
    public int check(int[] samples, int from, int to) {
        Objects.checkFromToIndex(from, to, samples.length);
        throwIfFailed();
        int union = 0;
        for (int i = from; i < to; i++) {
            union |= samples[i];
        }
        if ((union & ~maxSampleValue) != 0) {
            for (int i = from; i < to; i++) {
                if ((samples[i] & ~maxSampleValue) != 0) {
                    throw new IllegalArgumentException("sample " + samples[i] + " at index " + i + " is wider than "
                            + config.bitsPerSample() + " bits");
                }
            }
        }
        int rctIndex = repetitionCount.scan(samples, from, to);
        int aptIndex = adaptiveProportion.scan(samples, from, to);
        if (rctIndex >= 0 || aptIndex >= 0) {
            boolean rctFirst = rctIndex >= 0 && (aptIndex < 0 || rctIndex <= aptIndex);
            int index = rctFirst ? rctIndex : aptIndex;
            raise(rctFirst, index - from, samples[index]);
        }
        return advance(from, to);
    }

    /**
     * Checks one sample.
     *
     * @return true when the sample lies past the start-up test (may be used as output)
     */
    public boolean check(int sample) {
        throwIfFailed();
        if ((sample & ~maxSampleValue) != 0) {
            throw new IllegalArgumentException("sample " + sample + " is wider than " + config.bitsPerSample()
                    + " bits");
        }
        boolean rct = repetitionCount.offer(sample);
        boolean apt = adaptiveProportion.offer(sample);
        if (rct || apt) {
            raise(rct, 0, sample);
        }
        return advance(0, 1) == 0;
    }

    private int advance(int from, int to) {
        int length = to - from;
        samplesChecked += length;
        samplesSinceReset += length;
        if (state == HealthState.STARTUP) {
            long pastStartup = samplesSinceReset - config.startupSamples();
            if (pastStartup < 0) {
                return to;
            }
            state = HealthState.OPERATIONAL;
            return (int) (to - Math.min(length, pastStartup));
        }
        return from;
    }

    private void raise(boolean repetition, int offset, int value) {
        long index = samplesChecked + offset;
        boolean duringStartup = state == HealthState.STARTUP;
        HealthAlarm alarm;
        if (repetition) {
            repetitionCountAlarms++;
            alarm = new HealthAlarm(HealthTestKind.REPETITION_COUNT, index, value, repetitionCount.lastAlarmCount(),
                    repetitionCount.cutoff(), duringStartup);
        } else {
            adaptiveProportionAlarms++;
            alarm = new HealthAlarm(HealthTestKind.ADAPTIVE_PROPORTION, index, value,
                    adaptiveProportion.lastAlarmCount(), adaptiveProportion.cutoff(), duringStartup);
        }
        samplesChecked += offset + 1;
        samplesSinceReset += offset + 1;
        lastAlarm = alarm;
        state = HealthState.FAILED;
        for (HealthAlarmListener listener : listeners) {
            listener.onAlarm(alarm);
        }
        throw failure();
    }

    private void throwIfFailed() {
        if (state == HealthState.FAILED) {
            throw failure();
        }
    }

    private HealthTestFailure failure() {
        return new HealthTestFailure(lastAlarm, "health test failed: " + lastAlarm.describe()
                + "; output stays blocked until reset()");
    }

    private IllegalArgumentException outOfRange(byte[] samples, int from, int to) {
        for (int i = from; i < to; i++) {
            if ((samples[i] & 0xFF & ~maxSampleValue) != 0) {
                return new IllegalArgumentException("sample " + (samples[i] & 0xFF) + " at index " + i
                        + " is wider than " + config.bitsPerSample() + " bits");
            }
        }
        throw new IllegalStateException("no out-of-range sample found");
    }
}
