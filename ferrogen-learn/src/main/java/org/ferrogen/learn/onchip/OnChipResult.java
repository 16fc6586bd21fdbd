package org.ferrogen.learn.onchip;

import java.util.List;
import org.ferrogen.device.cost.CostReport;

/**
 * Outcome of an on-chip training run.
 *
 * @param config the run's settings
 * @param layerSizes widths, input first (e.g. 784, 200, 100, 100, 10)
 * @param trainSamples training samples per epoch
 * @param epochs per-epoch accuracies, losses and wear
 * @param wear writes, cycles and programming energy of all weight arrays (zero for {@link Scheme#FLOAT})
 * @param reads the arrays' ledger: read energy (cells, DAC, ADC) and programming (device model)
 * @param seconds wall time of training and evaluation
 */
public record OnChipResult(
    OnChipConfig config, int[] layerSizes, int trainSamples, List<EpochResult> epochs, Wear wear, CostReport reads,
    double seconds) {

  /** Test accuracy after the last epoch. */
  public double testAccuracy() {
    return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).testAccuracy();
  }
}
