package org.ferrogen.randomness.health;

/** State of a {@link HealthMonitor}. */
public enum HealthState {
    /** Start-up test running: samples are checked but output must not be used yet. */
    STARTUP,
    /** Start-up test passed and no alarm since: output may be used. */
    OPERATIONAL,
    /** An alarm was raised; latched until {@link HealthMonitor#reset()}. */
    FAILED
}
