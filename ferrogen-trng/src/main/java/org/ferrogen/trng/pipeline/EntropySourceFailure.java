package org.ferrogen.trng.pipeline;

import org.ferrogen.randomness.health.HealthAlarm;

/**
 * The entropy pipeline stopped because a continuous health test raised an alarm; it emits nothing
 * until {@link EntropyPipeline#reset()} succeeds (fail closed). Thrown on every request while failed.
 */
public final class EntropySourceFailure extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final transient HealthAlarm alarm;

  public EntropySourceFailure(String design, HealthAlarm alarm, Throwable cause) {
    super("entropy source '" + design + "' failed its health tests, output stopped: "
        + (alarm == null ? cause.getMessage() : alarm.describe()), cause);
    this.alarm = alarm;
  }

  /** The alarm that stopped the pipeline. */
  public HealthAlarm alarm() {
    return alarm;
  }
}
