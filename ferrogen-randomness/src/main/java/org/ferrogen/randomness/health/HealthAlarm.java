package org.ferrogen.randomness.health;

/**
 * One health-test alarm.
 *
 * @param test the test that fired
 * @param sampleIndex zero-based index of the offending sample among all samples the monitor has checked since it was created
 * @param sampleValue value of that sample
 * @param count repetition count (RCT) or occurrences in the window (APT) when the alarm fired
 * @param cutoff the cutoff C that {@code count} reached
 * @param duringStartup whether the alarm happened during the start-up test
 */
public record HealthAlarm(HealthTestKind test, long sampleIndex, int sampleValue, int count, int cutoff,
                          boolean duringStartup) {

    /** A one-line description naming the test, sample and cutoff. */
    public String describe() {
        String name = test == HealthTestKind.REPETITION_COUNT ? "repetition count test" : "adaptive proportion test";
        return name + " alarm" + (duringStartup ? " during start-up" : "") + " at sample " + sampleIndex
                + " (value " + sampleValue + ", count " + count + " reached cutoff " + cutoff + ")";
    }
}
