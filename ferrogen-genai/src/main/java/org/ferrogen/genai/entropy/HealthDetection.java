package org.ferrogen.genai.entropy;

import java.util.OptionalLong;
import org.ferrogen.randomness.health.HealthMonitor;
import org.ferrogen.randomness.health.HealthTestConfig;
import org.ferrogen.randomness.health.HealthTestFailure;
import org.ferrogen.trng.EntropySource;

/**
 * How quickly the SP 800-90B continuous health tests (repetition count and adaptive proportion)
 * raise an alarm on a raw source: the number of raw samples, counted from the first, up to and
 * including the sample that triggered the alarm. A pipeline fails closed at that alarm, so no output
 * derived from the degraded samples leaves it.
 */
public final class HealthDetection {
  private HealthDetection() {}

  /**
   * @param claimedEntropy the min-entropy per sample the health tests are configured for (the
   *     designer's claim, not the degraded source's true entropy)
   * @param alpha false-alarm probability per test (SP 800-90B: 2^-20 to 2^-40)
   * @return samples until the alarm, or empty if none came within {@code maxSamples}
   */
  public static OptionalLong samplesToAlarm(EntropySource raw, double claimedEntropy, double alpha,
      long maxSamples) {
    HealthMonitor monitor = new HealthMonitor(new HealthTestConfig(1, claimedEntropy, alpha,
        HealthTestConfig.DEFAULT_STARTUP_SAMPLES));
    byte[] block = new byte[1 << 14];
    long done = 0;
    while (done < maxSamples) {
      int n = (int) Math.min(block.length, maxSamples - done);
      raw.read(block, 0, n);
      for (int i = 0; i < n; i++) {
        try {
          monitor.check(block[i]);
        } catch (HealthTestFailure alarm) {
          return OptionalLong.of(done + i + 1);
        }
      }
      done += n;
    }
    return OptionalLong.empty();
  }
}
