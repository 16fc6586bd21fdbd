package org.ferrogen.randomness.health;

/**
 * Repetition Count Test of SP 800-90B section 4.4.1 as a streaming component.
 *
 * <p>It counts how many consecutive samples equal the current one and fires when that count reaches
 * the cutoff C: a source stuck at one value is caught after exactly C - 1 repeats of its first stuck
 * sample. After an alarm the run restarts with the next sample.
 *
 * <p>The scan loops are branch-free on the sample data (the run length is updated arithmetically), so
 * random input costs no branch mispredictions. Not thread-safe.
 */
public final class RepetitionCountTest {

    private final int cutoff;
    private int lastValue;
    private int runLength;
    private int lastAlarmCount;
    private long alarms;

    /** A test with cutoff {@code cutoff >= 2}. */
    public RepetitionCountTest(int cutoff) {
        if (cutoff < 2) {
            throw new IllegalArgumentException("repetition count cutoff must be at least 2, got " + cutoff);
        }
        this.cutoff = cutoff;
    }

    /** A test with the cutoff that {@code config} prescribes. */
    public static RepetitionCountTest of(HealthTestConfig config) {
        return new RepetitionCountTest(config.repetitionCountCutoff());
    }

    public int cutoff() {
        return cutoff;
    }

    /** Length of the current run of identical samples (0 before the first sample and right after an alarm). */
    public int currentRunLength() {
        return runLength;
    }

    /** The run length at the most recent alarm (equals the cutoff). */
    public int lastAlarmCount() {
        return lastAlarmCount;
    }

    /** Number of alarms since construction or {@link #reset()}. */
    public long alarms() {
        return alarms;
    }

    /** Forget all history. */
    public void reset() {
        runLength = 0;
        lastValue = 0;
        lastAlarmCount = 0;
        alarms = 0;
    }

    /** Checks one sample; returns true when the test fires on it. */
    public boolean offer(int sample) {
        int difference = sample ^ lastValue;
        int same = ((difference | -difference) >>> 31) ^ 1;
        int run = (runLength & -same) + 1;
        lastValue = sample;
        if (run >= cutoff) {
            alarm(run);
            return true;
        }
        runLength = run;
        return false;
    }

    /**
     * Checks {@code samples[from..to)} (each byte is one unsigned sample) and stops at the first sample on
     * which the test fires.
     *
     * @return the index of that sample, or -1 when the whole range passed
     */
    public int scan(byte[] samples, int from, int to) {
        int last = lastValue;
        int run = runLength;
        final int c = cutoff;
        for (int i = from; i < to; i++) {
            int value = samples[i] & 0xFF;
            int difference = value ^ last;
            // same = 1 when value == last, else 0; a zero run (fresh start) always restarts at 1
            int same = ((difference | -difference) >>> 31) ^ 1;
            run = (run & -same) + 1;
            last = value;
            if (run >= c) {
                lastValue = last;
                alarm(run);
                return i;
            }
        }
        lastValue = last;
        runLength = run;
        return -1;
    }

    /** As {@link #scan(byte[], int, int)} for int samples. */
    public int scan(int[] samples, int from, int to) {
        int last = lastValue;
        int run = runLength;
        final int c = cutoff;
        for (int i = from; i < to; i++) {
            int value = samples[i];
            int difference = value ^ last;
            int same = ((difference | -difference) >>> 31) ^ 1;
            run = (run & -same) + 1;
            last = value;
            if (run >= c) {
                lastValue = last;
                alarm(run);
                return i;
            }
        }
        lastValue = last;
        runLength = run;
        return -1;
    }

    private void alarm(int run) {
        lastAlarmCount = run;
        alarms++;
        runLength = 0;
    }
}
