package org.ferrogen.cim;

import org.ferrogen.device.AnalogCell;

/**
 * A cell that computes in the charge domain: a read pulse of {@link #readVoltage()} moves a
 * state-dependent charge Q onto the bit line, and a column forms Σ Q_i by charge sharing instead of
 * Σ G_i·V_i as a DC read current. Such a cell reports, through the {@link AnalogCell} conductance
 * methods, its equivalent conductance Q/(V·t) with t = {@link #integrationSeconds()}: a column sum of
 * equivalent conductances times V·t is exactly the shared charge, so mapping, tiling, read noise
 * and ADCs treat both kinds of cell alike, while the cost model charges C·V² to the cells and bit
 * lines instead of a read current.
 */
public interface ChargeDomainCell extends AnalogCell {

  /** The read pulse over which the charge is shared, seconds (the t of the equivalent conductance). */
  double integrationSeconds();

  /** The state-independent (dielectric) part of the cell's capacitance, farads. */
  double dielectricCapacitanceFarads();

  /** Bit-line capacitance each cell on a line adds (wire and access junction), farads. */
  double bitLineCapacitancePerCellFarads();

  /**
   * σ, in equivalent siemens, of the input-independent charge noise of one read of a bit line with
   * {@code cellsOnLine} cells (kT/C of the line's reset and charge-sharing phases).
   */
  double lineNoiseSigma(int cellsOnLine);

  /** The longest bit or word line, in cells, the charge-sharing read supports. */
  int maxCellsPerLine();
}
