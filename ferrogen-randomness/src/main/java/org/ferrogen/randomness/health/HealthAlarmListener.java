package org.ferrogen.randomness.health;

/** Notified once for every alarm a {@link HealthMonitor} raises, before the failure is thrown. */
@FunctionalInterface
public interface HealthAlarmListener {
    void onAlarm(HealthAlarm alarm);
}
