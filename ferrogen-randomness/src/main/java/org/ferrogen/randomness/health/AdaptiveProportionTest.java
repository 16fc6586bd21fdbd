package org.ferrogen.randomness.health;

/**
 * Adaptive Proportion Test of SP 800-90B section 4.4.2 as a streaming component.
 *
 * <p>The samples are cut into consecutive, non-overlapping windows of W samples. The first sample of a
 * window is the reference; the test counts how often the reference occurs in the window (the reference
 * itself included) and fires as soon as that count reaches the cutoff C. After an alarm a new window
 * starts with the next sample. Not thread-safe.
 */
public final class AdaptiveProportionTest {

    private final int window;
    private final int cutoff;
    private int reference;
    private int count;
    private int position;
    private int lastAlarmCount;
    private long alarms;
    private long windowsCompleted;

    /**
     * @param window window size W (at least 2)
     * @param cutoff cutoff C, {@code 2 <= C <= W}
     */
    public AdaptiveProportionTest(int window, int cutoff) {
        if (window < 2) {
            throw new IllegalArgumentException("adaptive proportion window must be at least 2, got " + window);
        }
        if (cutoff < 2 || cutoff > window) {
            throw new IllegalArgumentException("adaptive proportion cutoff must be in 2.." + window + ", got " + cutoff);
        }
        this.window = window;
        this.cutoff = cutoff;
    }

    /** A test with the window and cutoff that {@code config} prescribes. */
    public static AdaptiveProportionTest of(HealthTestConfig config) {
        return new AdaptiveProportionTest(config.window(), config.adaptiveProportionCutoff());
    }

    public int window() {
        return window;
    }

    public int cutoff() {
        return cutoff;
    }

    /** Number of alarms since construction or {@link #reset()}. */
    public long alarms() {
        return alarms;
    }

    /** Number of windows that ended without an alarm. */
    public long windowsCompleted() {
        return windowsCompleted;
    }

    /** Occurrences of the reference in the window at the most recent alarm (equals the cutoff). */
    public int lastAlarmCount() {
        return lastAlarmCount;
    }

    /** Forget all history; the next sample opens a new window. */
    public void reset() {
        reference = 0;
        count = 0;
        position = 0;
        lastAlarmCount = 0;
        alarms = 0;
        windowsCompleted = 0;
    }

    /** Checks one sample; returns true when the test fires on it. */
    public boolean offer(int sample) {
        if (position == 0) {
            reference = sample;
            count = 1;
        } else if (sample == reference) {
            count++;
        }
        position++;
        if (count >= cutoff) {
            alarm(count);
            return true;
        }
        if (position == window) {
            position = 0;
            windowsCompleted++;
        }
        return false;
    }

    /**
     * Checks {@code samples[from..to)} (each byte one unsigned sample), stopping at the first alarm.
     *
     * @return the index of the sample on which the test fired, or -1 when the whole range passed
     */
    public int scan(byte[] samples, int from, int to) {
        final int c = cutoff;
        int i = from;
        while (i < to) {
            if (position == 0) {
                reference = samples[i] & 0xFF;
                count = 1;
                position = 1;
                i++;
                continue;
            }
            int end = Math.min(to, i + (window - position));
            int ref = reference;
            int n = count;
            int j = i;
            // Eight samples at a time: count matches of the reference per word; only a word that takes the
            // count to C is rescanned sample by sample to find the exact alarm index.
            long pattern = (ref & 0xFFL) * ByteLanes.ONES;
            while (j + 8 <= end) {
                int matches = Long.bitCount(ByteLanes.zeroLanes(ByteLanes.read(samples, j) ^ pattern));
                if (n + matches >= c) {
                    break;
                }
                n += matches;
                j += 8;
            }
            for (; j < end; j++) {
                int difference = (samples[j] & 0xFF) ^ ref;
                n += ((difference | -difference) >>> 31) ^ 1;
                if (n >= c) {
                    alarm(n);
                    return j;
                }
            }
            count = n;
            position += end - i;
            i = end;
            if (position == window) {
                position = 0;
                windowsCompleted++;
            }
        }
        return -1;
    }

    /** As {@link #scan(byte[], int, int)} for int samples. */
    public int scan(int[] samples, int from, int to) {
        final int c = cutoff;
        int i = from;
        while (i < to) {
            if (position == 0) {
                reference = samples[i];
                count = 1;
                position = 1;
                i++;
                continue;
            }
            int end = Math.min(to, i + (window - position));
            int ref = reference;
            int n = count;
            for (int j = i; j < end; j++) {
                int difference = samples[j] ^ ref;
                n += ((difference | -difference) >>> 31) ^ 1;
                if (n >= c) {
                    alarm(n);
                    return j;
                }
            }
            count = n;
            position += end - i;
            i = end;
            if (position == window) {
                position = 0;
                windowsCompleted++;
            }
        }
        return -1;
    }

    private void alarm(int n) {
        lastAlarmCount = n;
        alarms++;
        position = 0;
        count = 0;
    }
}
