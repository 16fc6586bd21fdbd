package org.ferrogen.device.params;

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
    double vthMidV,
    double memoryWindowV,
    double slopeFactor,
    double currentFactorAPerV2,
    double readGateV,
    double readDrainV,
    double readPulseS,
    double programPulseS,
    double maxProgramVoltageV,
    double eraseVoltageV,
    double erasePulseS,
    double vthReadSigmaV,
    double vthCycleSigmaV,
    double vthDeviceSigmaV) {

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
