package org.ferrogen.learn.onchip;

import org.ferrogen.chip.SynapseRegion;
import org.ferrogen.device.cost.TechnologyNode;
import org.ferrogen.device.hybrid.ChargeSharingTransfer;
import org.ferrogen.device.hybrid.FeCapOperationEnergy;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.MemristorParams;

/**
 * The device physics a training run shares between its layers, built once (the charge-sharing and
 * FeCAP energy simulations take a moment): the parameter set, its transfer characteristic and FeCAP
 * operation energies, the technology node of the periphery, and the per-operation programming costs
 * the paper assumes (100 fJ per FeCAP, 1 pJ per memristor operation in Martemucci 2025).
 */
public record Devices(
    DeviceParams params,
    ChargeSharingTransfer transfer,
    FeCapOperationEnergy fecapEnergy,
    TechnologyNode node,
    double paperFecapOpJoules,
    double paperMemristorOpJoules) {

  /** The physics of a chip's synapse region, on the chip's technology node. */
  public static Devices of(SynapseRegion region, TechnologyNode node) {
    DeviceParams p = region.deviceParams();
    return new Devices(p, new ChargeSharingTransfer(p), FeCapOperationEnergy.of(p), node,
        region.spec().fecapProgramJoules(), region.spec().memristorProgramJoules());
  }

  /** A parameter set on the CEA-Leti 130 nm node with the paper's assumed operation costs. */
  public static Devices of(DeviceParams params) {
    return new Devices(params, new ChargeSharingTransfer(params), FeCapOperationEnergy.of(params),
        TechnologyNode.preset("130nm"), Wear.PAPER_FECAP_OP_J, Wear.PAPER_MEMRISTOR_OP_J);
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
