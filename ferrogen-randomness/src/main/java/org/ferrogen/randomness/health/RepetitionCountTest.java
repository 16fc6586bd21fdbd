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
        final int c = cutoff;
        int i = from;
        // Eight samples at a time: a word can only raise an alarm if the current run reaches C through its
        // leading repeats, or (for C <= 8) if it holds C - 1 repeats in a row; otherwise the run length
        // after the word follows from the position of its last change.
        while (i + 8 <= to) {
            long word = ByteLanes.read(samples, i);
            long previous = (word << 8) | (lastValue & 0xFFL);
            long same = ByteLanes.zeroLanes(word ^ previous);
            long changed = ~same & ByteLanes.HIGH_BITS;
            if (runLength == 0) {
                changed |= 0x80L; // fresh start: the first sample opens a run
            }
            int leadingRepeats = changed == 0 ? 8 : Long.numberOfTrailingZeros(changed) >>> 3;
            if (runLength + leadingRepeats >= c || (c <= 8 && hasRepeats(same, c - 1))) {
                int index = scanScalar(samples, i, i + 8);
                if (index >= 0) {
                    return index;
                }
            } else {
                runLength = changed == 0 ? runLength + 8 : 8 - ((63 - Long.numberOfLeadingZeros(changed)) >>> 3);
                lastValue = samples[i + 7] & 0xFF;
            }
            i += 8;
        }
        return scanScalar(samples, i, to);
    }

    /** True when {@code same} (flags at bits 8k+7) has {@code length} consecutive set flags. */
    private static boolean hasRepeats(long same, int length) {
        long run = same;
        for (int shift = 1; shift < length && run != 0; shift++) {
            run &= same << (8 * shift);
        }
        return run != 0;
    }

    private int scanScalar(byte[] samples, int from, int to) {
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
