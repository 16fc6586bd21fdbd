package org.ferrogen.trng;

import org.ferrogen.device.cost.CostCategory;
import org.ferrogen.device.cost.CostItem;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A reference source of independent bits with P(1) = {@code p}, drawn from the noise generator. It
 * models no hardware: it calibrates the health tests (false-alarm rate at p = 1/2 with a claimed
 * entropy of 1) and the alarm-delay formulas, where an exactly known distribution is needed.
 */
public final class IdealBinarySource implements EntropySource {

  private final RandomGenerator noise;
  private final double p;
  private final SourceInfo info;

  public IdealBinarySource(RandomGenerator noise, double p, double claimedEntropy) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("P(1) must be in (0, 1), got " + p);
    }
    this.noise = noise;
    this.p = p;
    this.info = new SourceInfo("ideal", 1, claimedEntropy, 1e9, 1e-9,
        List.of(new CostItem(CostCategory.ENTROPY, "none (reference source)", 0.0, "not a hardware model")));
  }

  /** A fair coin claiming one bit of entropy per sample. */
  public static IdealBinarySource fair(RandomGenerator noise) {
    return new IdealBinarySource(noise, 0.5, 1.0);
  }

  @Override
  public SourceInfo info() {
    return info;
  }

  @Override
  public void read(byte[] samples, int offset, int length) {
    if (p == 0.5) {
      int i = 0;
      while (i < length) {
        long bits = noise.nextLong();
        int n = Math.min(64, length - i);
        for (int b = 0; b < n; b++) {
          samples[offset + i + b] = (byte) ((bits >>> b) & 1);
        }
        i += n;
      }
    } else {
      for (int i = 0; i < length; i++) {
        samples[offset + i] = (byte) (noise.nextDouble() < p ? 1 : 0);
      }
    }
  }
}
