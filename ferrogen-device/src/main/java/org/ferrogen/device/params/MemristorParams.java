package org.ferrogen.device.params;

import java.util.List;

/**
 * The filamentary memristor obtained by forming the ferroelectric stack (Martemucci et al., Nature
 * Electronics 8, 921, 2025).
 *
 * @param levelMeansS mean conductances of the programmable levels, ascending
 * @param conductanceSigmaS programming spread σ_G, the same for every level
 * @param readVoltageV read voltage
 * @param readNoiseRelative read-to-read conductance noise, relative to G
 * @param complianceVoltageV ratio of compliance current to set conductance, G = I_cc / V
 * @param maxComplianceA largest compliance current the access transistor allows
 * @param setVoltageV SET pulse amplitude
 * @param setPulseS SET pulse width
 * @param resetVoltageV RESET pulse amplitude (magnitude)
 * @param resetPulseS RESET pulse width
 * @param resetConductanceS conductance right after a RESET
 * @param formingVoltageV forming pulse amplitude
 * @param formingPulseS forming pulse width
 * @param formingTargetOhms resistance below which forming stops
 * @param formingProbabilityPerPulse probability that one forming pulse completes the filament
 * @param enduranceCycles SET/RESET cycles before the window starts to close
 * @param relaxationPerDecade fractional conductance loss per decade of time after programming
 * @param relaxationActivationEnergyEv Arrhenius energy accelerating relaxation with temperature
 * @param relaxationTemperatureK reference temperature of the relaxation rate
 */
public record MemristorParams(
    List<Double> levelMeansS,
    double conductanceSigmaS,
    double readVoltageV,
    double readNoiseRelative,
    double complianceVoltageV,
    double maxComplianceA,
    double setVoltageV,
    double setPulseS,
    double resetVoltageV,
    double resetPulseS,
    double resetConductanceS,
    double formingVoltageV,
    double formingPulseS,
    double formingTargetOhms,
    double formingProbabilityPerPulse,
    double enduranceCycles,
    double relaxationPerDecade,
    double relaxationActivationEnergyEv,
    double relaxationTemperatureK) {

  public MemristorParams {
    Check.present("memristor.levelMeansS", levelMeansS);
    if (levelMeansS.size() < 2) {
      throw new IllegalArgumentException(
          "memristor.levelMeansS needs at least 2 levels, got " + levelMeansS.size());
    }
    for (int i = 0; i < levelMeansS.size(); i++) {
      Check.positive("memristor.levelMeansS[" + i + "]", Check.present("memristor.levelMeansS[" + i + "]", levelMeansS.get(i)));
      if (i > 0 && levelMeansS.get(i) <= levelMeansS.get(i - 1)) {
        throw new IllegalArgumentException(
            "memristor.levelMeansS must be ascending, but level " + i + " (" + levelMeansS.get(i)
                + ") is not above level " + (i - 1) + " (" + levelMeansS.get(i - 1) + ")");
      }
    }
    levelMeansS = List.copyOf(levelMeansS);
    Check.nonNegative("memristor.conductanceSigmaS", conductanceSigmaS);
    Check.positive("memristor.readVoltageV", readVoltageV);
    Check.nonNegative("memristor.readNoiseRelative", readNoiseRelative);
    Check.positive("memristor.complianceVoltageV", complianceVoltageV);
    Check.positive("memristor.maxComplianceA", maxComplianceA);
    Check.positive("memristor.setVoltageV", setVoltageV);
    Check.positive("memristor.setPulseS", setPulseS);
    Check.positive("memristor.resetVoltageV", resetVoltageV);
    Check.positive("memristor.resetPulseS", resetPulseS);
    Check.positive("memristor.resetConductanceS", resetConductanceS);
    Check.positive("memristor.formingVoltageV", formingVoltageV);
    Check.positive("memristor.formingPulseS", formingPulseS);
    Check.positive("memristor.formingTargetOhms", formingTargetOhms);
    Check.fraction("memristor.formingProbabilityPerPulse", formingProbabilityPerPulse);
    if (formingProbabilityPerPulse == 0) {
      throw new IllegalArgumentException("memristor.formingProbabilityPerPulse must be above 0");
    }
    Check.positive("memristor.enduranceCycles", enduranceCycles);
    Check.fraction("memristor.relaxationPerDecade", relaxationPerDecade);
    Check.nonNegative("memristor.relaxationActivationEnergyEv", relaxationActivationEnergyEv);
    Check.positive("memristor.relaxationTemperatureK", relaxationTemperatureK);
  }

  /** The same device with another programming spread σ_G (e.g. 0 to switch variability off). */
  public MemristorParams withConductanceSigmaS(double sigmaS) {
    return new MemristorParams(levelMeansS, sigmaS, readVoltageV, readNoiseRelative, complianceVoltageV,
        maxComplianceA, setVoltageV, setPulseS, resetVoltageV, resetPulseS, resetConductanceS, formingVoltageV,
        formingPulseS, formingTargetOhms, formingProbabilityPerPulse, enduranceCycles, relaxationPerDecade,
        relaxationActivationEnergyEv, relaxationTemperatureK);
  }
}
