package org.ferrogen.device.params;

import org.ferrogen.device.config.Range;

/**
 * The 1T-1C read/write circuit around a FeCAP: destructive read by charge sharing onto the bit line
 * and a latch sense amplifier.
 *
 * @param bitLineCapacitanceF bit-line parasitic capacitance C_BL
 * @param readVoltageV plate (source-line) voltage of the read and write pulses
 * @param readPulseS duration of the read and write pulses
 * @param senseOffsetSigmaV standard deviation of the sense amplifier's input-referred offset
 * @param senseAmpEnergyJ energy of one sense-amplifier decision
 */
public record FeCapCircuitParams(
    @Range(min = 1e-18, max = 1e-9, unit = "F") double bitLineCapacitanceF,
    @Range(min = 1e-3, max = 100, unit = "V") double readVoltageV,
    @Range(min = 1e-12, max = 1, unit = "s") double readPulseS,
    @Range(min = 0, max = 10, unit = "V") double senseOffsetSigmaV,
    @Range(min = 0, max = 1e-6, unit = "J") double senseAmpEnergyJ) {

  public FeCapCircuitParams {
    Check.positive("fecap.bitLineCapacitanceF", bitLineCapacitanceF);
    Check.positive("fecap.readVoltageV", readVoltageV);
    Check.positive("fecap.readPulseS", readPulseS);
    Check.nonNegative("fecap.senseOffsetSigmaV", senseOffsetSigmaV);
    Check.nonNegative("fecap.senseAmpEnergyJ", senseAmpEnergyJ);
  }
}
