package org.ferrogen.trng.fault;

import java.util.function.LongConsumer;
import org.ferrogen.randomness.health.HealthMonitor;
import org.ferrogen.randomness.health.HealthTestConfig;
import org.ferrogen.randomness.health.HealthTestFailure;
import org.ferrogen.trng.EntropySource;

/**
 * Counts health-test alarms over a long run of a source: after each alarm the monitor is reset (as
 * an operator would after investigating) and checking continues with the next sample. Used for the
 * false-alarm experiment and for the alarm counts of an assessment.
 */
public final class HealthAlarmCounter {

  /** Alarms of each test over {@code samples} samples. */
  public record Counts(long samples, long repetitionCount, long adaptiveProportion) {}

  private HealthAlarmCounter() {}

  public static Counts run(EntropySource source, HealthTestConfig config, long samples) {
    return run(source, config, samples, n -> {});
  }

  /** As above, calling {@code progress} with the number of samples checked after each chunk. */
  public static Counts run(EntropySource source, HealthTestConfig config, long samples, LongConsumer progress) {
    HealthMonitor monitor = new HealthMonitor(config);
    byte[] chunk = new byte[1 << 16];
    long done = 0;
    while (done < samples) {
      int n = (int) Math.min(chunk.length, samples - done);
      source.read(chunk, 0, n);
      check(monitor, chunk, n);
      done += n;
      progress.accept(n);
    }
    return new Counts(samples, monitor.repetitionCountAlarms(), monitor.adaptiveProportionAlarms());
  }

  /** Alarm counts over samples already drawn. */
  public static Counts count(byte[] samples, HealthTestConfig config) {
    HealthMonitor monitor = new HealthMonitor(config);
    check(monitor, samples, samples.length);
    return new Counts(samples.length, monitor.repetitionCountAlarms(), monitor.adaptiveProportionAlarms());
  }

  private static void check(HealthMonitor monitor, byte[] samples, int length) {
    int from = 0;
    while (from < length) {
      long before = monitor.samplesChecked();
      try {
        monitor.check(samples, from, length);
        from = length;
      } catch (HealthTestFailure e) {
        from += (int) (monitor.samplesChecked() - before);
        monitor.reset();
      }
    }
  }
}
