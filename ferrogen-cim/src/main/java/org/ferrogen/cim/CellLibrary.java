package org.ferrogen.cim;

import org.ferrogen.device.AnalogCell;
import org.ferrogen.device.fefet.FeFetCell;
import org.ferrogen.device.memristor.MemristorCell;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.ParameterSets;

/** Builds the {@link AnalogCell} a {@link CimConfig.Cell} names. */
public final class CellLibrary {

  private CellLibrary() {}

  public static AnalogCell create(CimConfig.Cell cell) {
    switch (cell.type()) {
      case "fefet":
        {
          DeviceParams p = parameters(cell, ParameterSets.DENG_2020_FEFET);
          return cell.levels() == 0
              ? FeFetCell.multiLevel(p)
              : wrap(cell, () -> new FeFetCell(p.withArea(FeFetCell.MULTI_LEVEL_AREA_M2), cell.levels()));
        }
      case "memristor":
        {
          DeviceParams p = parameters(cell, ParameterSets.CEA_LETI_2025);
          return wrap(cell, () -> new MemristorCell(p));
        }
      case "fecap":
        {
          DeviceParams p = parameters(cell, ParameterSets.CEA_LETI_2025);
          int levels = cell.levels() == 0 ? 1 << FeCapChargeCell.DEFAULT_BITS : cell.levels();
          return wrap(cell, () -> new FeCapChargeCell(p, levels));
        }
      case "fefet-kim2022":
        return CharacterisedCell.fefetKim2022();
      case "memristor-cea2025":
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

  private static DeviceParams parameters(CimConfig.Cell cell, String fallback) {
    String name = cell.parameterSet().isEmpty() ? fallback : cell.parameterSet();
    return wrap(cell, () -> ParameterSets.resolve(name));
  }

  private static <T> T wrap(CimConfig.Cell cell, java.util.function.Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cell (" + cell.type() + "): " + e.getMessage(), e);
    }
  }
}
