package org.ferrogen.learn.onchip;

/**
 * Writes against endurance and programming energy of one synaptic matrix (or a sum of them).
 *
 * @param synapses weights held
 * @param hiddenUpdates hidden-weight increments applied (FeCAP read-modify-writes); 0 without FeCAPs
 * @param fecapReads FeCAP cell reads (each with its write-back)
 * @param fecapWrites FeCAP cell writes (flipped bits)
 * @param maxFecapCycles the most-cycled FeCAP cell
 * @param synapseTransfers synapses whose memristors were re-programmed from the FeCAPs
 * @param memristorOperations memristor RESETs + SETs
 * @param maxMemristorCycles the most-cycled memristor (SETs)
 * @param memristorsBeyondEndurance memristors cycled past their endurance
 * @param updateEnergyJoules device-model energy of the hidden-weight updates
 * @param transferEnergyJoules device-model energy of programming the memristors (transfers or pulses,
 *     including the transfers' FeCAP reads)
 * @param paperUpdateEnergyJoules the paper's convention: 100 fJ per FeCAP write
 * @param paperTransferEnergyJoules the paper's convention: 1 pJ per memristor operation + 4 FeCAP
 *     operations of 100 fJ per synapse transfer
 */
public record Wear(
    long synapses,
    long hiddenUpdates,
    long fecapReads,
    long fecapWrites,
    long maxFecapCycles,
    long synapseTransfers,
    long memristorOperations,
    long maxMemristorCycles,
    long memristorsBeyondEndurance,
    double updateEnergyJoules,
    double transferEnergyJoules,
    double paperUpdateEnergyJoules,
    double paperTransferEnergyJoules) {

  /** Paper's assumed energy of one FeCAP programming operation (Martemucci 2025): 100 fJ. */
  public static final double PAPER_FECAP_OP_J = 100e-15;
  /** Paper's assumed energy of one memristor programming operation (Martemucci 2025): 1 pJ. */
  public static final double PAPER_MEMRISTOR_OP_J = 1e-12;
  /** FeCAP endurance > 10^7 cycles (Martemucci 2025). */
  public static final double FECAP_ENDURANCE = 1e7;

  public static Wear none() {
    return new Wear(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  /** Totals of two matrices (maxima of the cycle counts). */
  public Wear plus(Wear o) {
    return new Wear(synapses + o.synapses, hiddenUpdates + o.hiddenUpdates, fecapReads + o.fecapReads,
        fecapWrites + o.fecapWrites, Math.max(maxFecapCycles, o.maxFecapCycles),
        synapseTransfers + o.synapseTransfers, memristorOperations + o.memristorOperations,
        Math.max(maxMemristorCycles, o.maxMemristorCycles), memristorsBeyondEndurance + o.memristorsBeyondEndurance,
        updateEnergyJoules + o.updateEnergyJoules, transferEnergyJoules + o.transferEnergyJoules,
        paperUpdateEnergyJoules + o.paperUpdateEnergyJoules, paperTransferEnergyJoules + o.paperTransferEnergyJoules);
  }

  /** Device-model programming energy: updates and transfers. */
  public double energyJoules() {
    return updateEnergyJoules + transferEnergyJoules;
  }

  /** The paper's convention for the same operations. */
  public double paperEnergyJoules() {
    return paperUpdateEnergyJoules + paperTransferEnergyJoules;
  }

  /**
   * The operations and energies since {@code earlier} (e.g. training without the initial programming);
   * cycle maxima and the beyond-endurance count stay those of this wear.
   */
  public Wear since(Wear earlier) {
    return new Wear(synapses, hiddenUpdates - earlier.hiddenUpdates, fecapReads - earlier.fecapReads,
        fecapWrites - earlier.fecapWrites, maxFecapCycles, synapseTransfers - earlier.synapseTransfers,
        memristorOperations - earlier.memristorOperations, maxMemristorCycles, memristorsBeyondEndurance,
        updateEnergyJoules - earlier.updateEnergyJoules, transferEnergyJoules - earlier.transferEnergyJoules,
        paperUpdateEnergyJoules - earlier.paperUpdateEnergyJoules,
        paperTransferEnergyJoules - earlier.paperTransferEnergyJoules);
  }
}
