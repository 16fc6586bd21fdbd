package org.ferrogen.trng;

/**
 * A simulated entropy source whose environment can change while it runs (temperature excursions,
 * ageing), which real hardware would experience rather than accept as an argument.
 */
public interface SimulatedSource extends EntropySource {

  OperatingConditions conditions();

  /** Changes the environment from the next sample on; device state (domains, counters) is kept. */
  void setConditions(OperatingConditions conditions);
}
