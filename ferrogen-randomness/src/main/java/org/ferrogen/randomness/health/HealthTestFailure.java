package org.ferrogen.randomness.health;

/**
 * Thrown when a health test fires, and again on every later use of the failed monitor until it is reset:
 * the owner cannot miss it and must stop emitting output (fail closed).
 */
public final class HealthTestFailure extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient HealthAlarm alarm;

    public HealthTestFailure(HealthAlarm alarm, String message) {
        super(message);
        this.alarm = alarm;
    }

    /** The alarm that put the monitor into the failed state. */
    public HealthAlarm alarm() {
        return alarm;
    }
}
