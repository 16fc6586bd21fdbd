package org.ferrogen.learn.onchip;

import org.ferrogen.cim.cost.TechnologyNode;
import org.ferrogen.device.hybrid.ChargeSharingTransfer;
import org.ferrogen.device.hybrid.FeCapOperationEnergy;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.MemristorParams;

/**
 * The device physics a training run shares between its layers, built once (the charge-sharing and
 * FeCAP energy simulations take a moment): the parameter set, its transfer characteristic and FeCAP
 * operation energies, and the technology node of the periphery (130 nm, the CEA-Leti process).
 */
public record Devices(
    DeviceParams params, ChargeSharingTransfer transfer, FeCapOperationEnergy fecapEnergy, TechnologyNode node) {

  public static Devices of(DeviceParams params) {
    return new Devices(params, new ChargeSharingTransfer(params), FeCapOperationEnergy.of(params),
        TechnologyNode.preset("130nm"));
  }

  public MemristorParams memristor() {
    return params.requireMemristor();
  }

  /** Memristor span ΔG from the lowest to the highest level. */
  public double deltaG() {
    var levels = memristor().levelMeansS();
    return levels.get(levels.size() - 1) - levels.get(0);
  }

  /** σ_G of a run: the configured one, or the device set's own when NaN. */
  public double sigma(OnChipConfig config) {
    return Double.isNaN(config.conductanceSigmaS()) ? memristor().conductanceSigmaS() : config.conductanceSigmaS();
  }
}
