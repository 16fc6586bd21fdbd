package org.ferrogen.device.fecap;

/**
 * Energy of one FeCAP read or write, by component, in joules.
 *
 * @param plateDrive energy the plate driver delivers while charge-sharing onto the bit line, V·Q
 * @param switching the part of {@code plateDrive} caused by polarization switching,
 *     V·C_BL·(V_BL − V_BL,non-switching): the quantity Martemucci 2025 bounds below 200 fJ
 * @param senseAmplifier the sense-amplifier decision
 * @param writeBack restoring the destroyed state (zero when the read did not switch)
 */
public record ReadEnergy(double plateDrive, double switching, double senseAmplifier, double writeBack) {

  public double total() {
    return plateDrive + senseAmplifier + writeBack;
  }
}
