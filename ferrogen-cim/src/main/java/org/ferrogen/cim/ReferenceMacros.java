package org.ferrogen.cim;

import java.util.ArrayList;
import java.util.List;

/**
 * Published FeFET compute-in-memory macros, configured as closely as their papers let us, for
 * calibrating the cost model (docs/cim-calibration.md).
 */
public final class ReferenceMacros {

  /** Laleni et al., IEEE JXCDC 10, 153 (2024): 1F1C charge-domain macro, 2-bit FeFET, 28 nm. */
  public static final double LALENI_2024_TOPS_PER_WATT = 111.6;

  private ReferenceMacros() {}

  /**
   * The Laleni et al. 2024 macro. From the paper: 28 nm, 2-bit FeFET cells (4 levels), charge-domain
   * accumulation. Assumed (not in the abstract): 64×64 array, 4-bit bit-serial inputs (sign + 3
   * magnitude pulses), 5-bit column ADCs shared by 8 columns, differential weights.
   */
  public static CimConfig laleni2024() {
    List<Double> levels = new ArrayList<>();
    // 2-bit FeFET: 4 levels over the Kim et al. 2022 33× range with a 10 µS top level (assumption).
    for (int i = 0; i < 4; i++) {
      levels.add(10e-6 / 33 + (10e-6 - 10e-6 / 33) * i / 3.0);
    }
    return CimConfig.defaults()
        .withTile(new CimConfig.Tile(64, 64))
        .withCell(CimConfig.Cell.table(levels, 0.013 * 10e-6, 0.01, 0.1))
        .withMapping(new CimConfig.Mapping(CimConfig.WeightScaling.PER_OUTPUT, 2, 1, true))
        .withInput(new CimConfig.Input(CimConfig.InputEncoding.BIT_SERIAL, 4, CimConfig.InputScaling.PER_VECTOR_ABS_MAX, 1))
        .withAdc(new CimConfig.Adc(5, CimConfig.AdcRange.STATISTICAL, 4, 8))
        .withTechnology(new CimConfig.Technology("28nm"));
  }
}
