package org.ferrogen.chip;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ferrogen.chip.spec.ChipSpec;
import org.ferrogen.cim.AnalogMatrix;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.ParameterSets;
import org.ferrogen.device.seed.StreamSeeds;

/**
 * One hybrid FeCAP + memristor synapse region of a {@link Chip} (the spec's {@code synapseArrays}
 * entry): on-chip-learning workloads place their trainable matrices here. The region hands out
 * synapses against its capacity, gives each matrix its own stream seed ({@code derive(chip seed,
 * REGION, region index, matrix index)}) and puts each matrix's read and programming costs into the
 * chip's one ledger. The synapse physics (hidden FeCAP words, memristor pairs, transfer) is built
 * by the workload from {@link #deviceParams()}.
 */
public final class SynapseRegion {

  private final ChipSpec.SynapseArray spec;
  private final int index;
  private final long chipSeed;
  private final ChipLedger ledger;
  private final DeviceParams params;
  private final Map<String, Integer> matrices = new LinkedHashMap<>();
  private int used;

  SynapseRegion(ChipSpec.SynapseArray spec, int index, long chipSeed, ChipLedger ledger) {
    this.spec = spec;
    this.index = index;
    this.chipSeed = chipSeed;
    this.ledger = ledger;
    this.params = ParameterSets.resolve(spec.parameterSet());
    params.requireMemristor();
  }

  public ChipSpec.SynapseArray spec() {
    return spec;
  }

  /** The device parameter set of the region's stack. */
  public DeviceParams deviceParams() {
    return params;
  }

  /**
   * Reserves {@code rows × cols} synapses for matrix {@code name} and returns its stream seed.
   *
   * @throws IllegalArgumentException if the name is taken or the region is too small
   */
  public synchronized long allocate(String name, int rows, int cols) {
    if (matrices.containsKey(name)) {
      throw new IllegalArgumentException("synapse matrix " + name + " is already on region " + spec.name());
    }
    long needed = (long) rows * cols;
    if (used + needed > spec.synapses()) {
      throw new IllegalArgumentException(
          "synapse matrix " + name + " (" + rows + "x" + cols + " = " + needed + " synapses) does not fit region "
              + spec.name() + ": " + (spec.synapses() - used) + " of its " + spec.synapses() + " synapses are free ("
              + spec.transferLines() + " transferLines × " + spec.synapsesPerLine()
              + " synapses per line; raise synapseArrays[].transferLines or choose --chip hybrid-learning)");
    }
    used += needed;
    int k = matrices.size();
    matrices.put(name, k);
    return StreamSeeds.derive(chipSeed, StreamSeeds.REGION, index, k);
  }

  /** Puts {@code matrix}'s ledger (reads, programming) into the chip's ledger. */
  public void track(AnalogMatrix matrix) {
    ledger.track(matrix);
  }

  public synchronized int synapsesUsed() {
    return used;
  }
}
