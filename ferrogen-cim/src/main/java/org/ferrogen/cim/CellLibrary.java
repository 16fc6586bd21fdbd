package org.ferrogen.cim;

import org.ferrogen.device.AnalogCell;

/** Builds the {@link AnalogCell} a {@link CimConfig.Cell} names. */
public final class CellLibrary {

  private CellLibrary() {}

  public static AnalogCell create(CimConfig.Cell cell) {
    switch (cell.type()) {
      case "fefet":
        return CharacterisedCell.fefetKim2022();
      case "memristor":
        return CharacterisedCell.memristorMartemucci2025();
      case "table":
        // Pulse energy and time of a table cell: the FeFET assumptions of CharacterisedCell.fefetKim2022.
        return new CharacterisedCell(
            "table",
            cell.levelsSiemens(),
            cell.programSigmaSiemens(),
            cell.readNoiseRelative(),
            cell.readVoltage(),
            0.0,
            10e-15,
            100e-9);
      default:
        throw new IllegalArgumentException("cell.type = " + cell.type() + ": unknown");
    }
  }
}
