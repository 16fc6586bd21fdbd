package org.ferrogen.genai.entropy;

import java.util.List;
import java.util.random.RandomGenerator;
import org.ferrogen.device.cost.CostCategory;
import org.ferrogen.device.cost.CostItem;
import org.ferrogen.trng.EntropySource;
import org.ferrogen.trng.SourceInfo;

/**
 * A low-entropy source: fair random bits for one period, then the same period again and again (a
 * sampling clock locked to a periodic disturbance, or a ring oscillator injection-locked to a
 * neighbour). Each bit looks fair and repetition runs stay short, so the SP 800-90B repetition-count
 * and adaptive-proportion tests do not see it, yet the whole output carries only {@code period} bits
 * of entropy. It shows what the continuous health tests cannot catch.
 */
public final class PeriodicSource implements EntropySource {

  private final byte[] period;
  private final SourceInfo info;
  private int position;

  public PeriodicSource(RandomGenerator noise, int periodBits) {
    if (periodBits < 64 || periodBits > 1 << 24) {
      throw new IllegalArgumentException("period must be 64..2^24 bits, got " + periodBits);
    }
    period = new byte[periodBits];
    for (int i = 0; i < periodBits; i++) {
      period[i] = (byte) (noise.nextBoolean() ? 1 : 0);
    }
    info = new SourceInfo("periodic-" + periodBits, 1, 1.0, 1e9, 1e-9,
        List.of(new CostItem(CostCategory.ENTROPY, "none (reference source)", 0.0, "not a hardware model")));
  }

  @Override
  public SourceInfo info() {
    return info;
  }

  @Override
  public void read(byte[] samples, int offset, int length) {
    for (int i = 0; i < length; i++) {
      samples[offset + i] = period[position];
      position = position + 1 == period.length ? 0 : position + 1;
    }
  }
}
