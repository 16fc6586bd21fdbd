package org.ferrogen.device.params;

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
    double bitLineCapacitanceF,
    double readVoltageV,
    double readPulseS,
    double senseOffsetSigmaV,
    double senseAmpEnergyJ) {

  public FeCapCircuitParams {
    Check.positive("fecap.bitLineCapacitanceF", bitLineCapacitanceF);
    Check.positive("fecap.readVoltageV", readVoltageV);
    Check.positive("fecap.readPulseS", readPulseS);
    Check.nonNegative("fecap.senseOffsetSigmaV", senseOffsetSigmaV);
    Check.nonNegative("fecap.senseAmpEnergyJ", senseAmpEnergyJ);
  }
}
