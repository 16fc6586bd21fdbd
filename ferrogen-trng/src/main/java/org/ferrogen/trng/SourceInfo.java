package org.ferrogen.trng;

import java.util.List;
import java.util.Objects;
import org.ferrogen.device.cost.CostItem;

/**
 * Metadata of an entropy source.
 *
 * @param design short design name, e.g. {@code cell}
 * @param bitsPerSample width of one raw sample (1 for all FerroGen designs)
 * @param claimedMinEntropyPerSample min-entropy per sample the designer claims; the health-test
 *     cutoffs and the conditioner's input accounting use it (SP 800-90B section 4.4 and 3.1.5)
 * @param sampleRateHz raw samples per second of the whole source (all parallel lanes)
 * @param latencySeconds time from the request of one sample to its availability
 * @param energy energy per raw sample, itemised by origin (device, bit line, periphery), in {@link org.ferrogen.device.cost.CostCategory#ENTROPY}
 */
public record SourceInfo(
    String design,
    int bitsPerSample,
    double claimedMinEntropyPerSample,
    double sampleRateHz,
    double latencySeconds,
    List<CostItem> energy) {

  public SourceInfo {
    Objects.requireNonNull(design, "design");
    if (bitsPerSample < 1 || bitsPerSample > 8) {
      throw new IllegalArgumentException("bitsPerSample must be in 1..8, got " + bitsPerSample);
    }
    if (!(claimedMinEntropyPerSample > 0 && claimedMinEntropyPerSample <= bitsPerSample)) {
      throw new IllegalArgumentException(
          "claimedMinEntropyPerSample must be in (0, " + bitsPerSample + "], got "
              + claimedMinEntropyPerSample);
    }
    if (!(sampleRateHz > 0)) {
      throw new IllegalArgumentException("sampleRateHz must be positive, got " + sampleRateHz);
    }
    if (!(latencySeconds >= 0)) {
      throw new IllegalArgumentException("latencySeconds must be >= 0, got " + latencySeconds);
    }
    energy = List.copyOf(energy);
  }

  /** Total energy per raw sample in joules. */
  public double energyPerSampleJoules() {
    return energy.stream().mapToDouble(CostItem::joules).sum();
  }

  /** Energy per raw bit in joules. */
  public double energyPerRawBitJoules() {
    return energyPerSampleJoules() / bitsPerSample;
  }

  /** Raw bit rate in bits per second. */
  public double rawBitRate() {
    return sampleRateHz * bitsPerSample;
  }

  /** The same metadata with another claimed entropy (for experiments with the health tests). */
  public SourceInfo withClaimedMinEntropy(double claimed) {
    return new SourceInfo(design, bitsPerSample, claimed, sampleRateHz, latencySeconds, energy);
  }
}
