package org.ferrogen.device.params;

import org.ferrogen.device.config.Range;

/**
 * Wake-up, fatigue, imprint and retention of a ferroelectric film.
 *
 * @param wakeUpCycles cycles over which the switchable polarization opens up (e-folding count)
 * @param pristinePolarizationFraction switchable fraction of Pr before any cycling
 * @param enduranceCycles cycles after which fatigue sets in
 * @param fatigueLossPerDecade fraction of Pr lost per decade of cycles beyond the endurance figure
 * @param imprintFieldPerDecadeVPerM imprint field gained per decade of storage time (at the
 *     retention reference temperature), favouring the stored state
 * @param retentionTimeS stretched-exponential time constant of polarization loss at {@code
 *     retentionTemperatureK}
 * @param retentionStretch stretch exponent (0 &lt; value ≤ 1) of the retention loss
 * @param retentionTemperatureK reference temperature of {@code retentionTimeS}
 * @param retentionActivationEnergyEv Arrhenius activation energy that accelerates retention loss
 *     and imprint with temperature
 */
public record AgeingParams(
    @Range(min = 0, max = 1e15, unit = "cycles") double wakeUpCycles,
    @Range(min = 0, max = 1) double pristinePolarizationFraction,
    @Range(min = 1, max = 1e18, unit = "cycles") double enduranceCycles,
    @Range(min = 0, max = 1) double fatigueLossPerDecade,
    @Range(min = 0, max = 1e9, unit = "V/m") double imprintFieldPerDecadeVPerM,
    @Range(min = 1e-9, max = 1e18, unit = "s") double retentionTimeS,
    @Range(min = 0.01, max = 1) double retentionStretch,
    @Range(min = 1, max = 1000, unit = "K") double retentionTemperatureK,
    @Range(min = 0, max = 10, unit = "eV") double retentionActivationEnergyEv) {

  public AgeingParams {
    Check.nonNegative("ageing.wakeUpCycles", wakeUpCycles);
    Check.fraction("ageing.pristinePolarizationFraction", pristinePolarizationFraction);
    Check.positive("ageing.enduranceCycles", enduranceCycles);
    Check.fraction("ageing.fatigueLossPerDecade", fatigueLossPerDecade);
    Check.nonNegative("ageing.imprintFieldPerDecadeVPerM", imprintFieldPerDecadeVPerM);
    Check.positive("ageing.retentionTimeS", retentionTimeS);
    Check.positive("ageing.retentionStretch", retentionStretch);
    if (retentionStretch > 1) {
      throw new IllegalArgumentException(
          "ageing.retentionStretch must be at most 1 (a stretched exponential), got " + retentionStretch);
    }
    Check.positive("ageing.retentionTemperatureK", retentionTemperatureK);
    Check.nonNegative("ageing.retentionActivationEnergyEv", retentionActivationEnergyEv);
  }
}
