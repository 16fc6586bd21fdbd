package org.ferrogen.device.params;

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
    double wakeUpCycles,
    double pristinePolarizationFraction,
    double enduranceCycles,
    double fatigueLossPerDecade,
    double imprintFieldPerDecadeVPerM,
    double retentionTimeS,
    double retentionStretch,
    double retentionTemperatureK,
    double retentionActivationEnergyEv) {

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
