package org.ferrogen.trng;

/**
 * A simulated entropy source whose environment can change while it runs (temperature excursions,
 * ageing), which real hardware would experience rather than accept as an argument.
 */
public interface SimulatedSource extends EntropySource {

  OperatingConditions conditions();

  /** Changes the environment from the next sample on; device state (domains, counters) is kept. */
  void setConditions(OperatingConditions conditions);

  /**
   * Seconds of operation at the modelled cycle rate until the ferroelectric devices pass their
   * endurance figure (cycling beyond it fatigues them).
   */
  double enduranceLifetimeSeconds();

  /** Design-specific figures for reports (name → value with unit), in a stable order. */
  java.util.Map<String, String> details();
}
