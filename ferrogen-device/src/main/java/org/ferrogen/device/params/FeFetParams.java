package org.ferrogen.device.params;

import org.ferrogen.device.config.Range;

/**
 * Transistor part of a FeFET: threshold voltage set by the polarization and an EKV-style compact
 * drain current (Enz, Krummenacher, Vittoz, Analog Integr. Circ. Signal Process. 8, 83, 1995) that
 * covers subthreshold and above-threshold operation with one expression.
 *
 * @param vthMidV threshold voltage with zero net polarization
 * @param memoryWindowV Vth difference between full negative and full positive polarization
 * @param slopeFactor subthreshold slope factor n (swing = n·ln10·kT/q)
 * @param currentFactorAPerV2 μ·C_ox·W/L
 * @param readGateV gate voltage of a read
 * @param readDrainV drain voltage of a read (the cell's read voltage)
 * @param readPulseS duration of a verify or compute read
 * @param programPulseS width of a programming pulse
 * @param maxProgramVoltageV largest programming amplitude the driver supplies
 * @param eraseVoltageV amplitude of the (negative) erase pulse
 * @param erasePulseS width of the erase pulse
 * @param vthReadSigmaV read-to-read threshold noise (input-referred)
 * @param vthCycleSigmaV cycle-to-cycle threshold scatter of each programming operation
 * @param vthDeviceSigmaV device-to-device threshold offset
 */
public record FeFetParams(
    @Range(min = -10, max = 10, unit = "V") double vthMidV,
    @Range(min = 1e-3, max = 20, unit = "V") double memoryWindowV,
    @Range(min = 1, max = 10) double slopeFactor,
    @Range(min = 1e-12, max = 1, unit = "A/V²") double currentFactorAPerV2,
    @Range(min = -20, max = 20, unit = "V") double readGateV,
    @Range(min = 1e-3, max = 20, unit = "V") double readDrainV,
    @Range(min = 1e-12, max = 1, unit = "s") double readPulseS,
    @Range(min = 1e-12, max = 1, unit = "s") double programPulseS,
    @Range(min = 1e-3, max = 50, unit = "V") double maxProgramVoltageV,
    @Range(min = 1e-3, max = 50, unit = "V") double eraseVoltageV,
    @Range(min = 1e-12, max = 1, unit = "s") double erasePulseS,
    @Range(min = 0, max = 5, unit = "V") double vthReadSigmaV,
    @Range(min = 0, max = 5, unit = "V") double vthCycleSigmaV,
    @Range(min = 0, max = 5, unit = "V") double vthDeviceSigmaV) {

  public FeFetParams {
    Check.finite("fefet.vthMidV", vthMidV);
    Check.positive("fefet.memoryWindowV", memoryWindowV);
    Check.positive("fefet.slopeFactor", slopeFactor);
    if (slopeFactor < 1) {
      throw new IllegalArgumentException("fefet.slopeFactor must be at least 1, got " + slopeFactor);
    }
    Check.positive("fefet.currentFactorAPerV2", currentFactorAPerV2);
    Check.finite("fefet.readGateV", readGateV);
    Check.positive("fefet.readDrainV", readDrainV);
    Check.positive("fefet.readPulseS", readPulseS);
    Check.positive("fefet.programPulseS", programPulseS);
    Check.positive("fefet.maxProgramVoltageV", maxProgramVoltageV);
    Check.positive("fefet.eraseVoltageV", eraseVoltageV);
    Check.positive("fefet.erasePulseS", erasePulseS);
    Check.nonNegative("fefet.vthReadSigmaV", vthReadSigmaV);
    Check.nonNegative("fefet.vthCycleSigmaV", vthCycleSigmaV);
    Check.nonNegative("fefet.vthDeviceSigmaV", vthDeviceSigmaV);
  }
}
