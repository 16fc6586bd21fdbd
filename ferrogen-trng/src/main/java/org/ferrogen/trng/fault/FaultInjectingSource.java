package org.ferrogen.trng.fault;

import java.util.SplittableRandom;
import org.ferrogen.trng.EntropySource;
import org.ferrogen.trng.SimulatedSource;
import org.ferrogen.trng.SourceInfo;

/**
 * Wraps a binary entropy source and injects one {@link Fault} into its raw output, for experiments
 * with the health tests. The fault acts between the source and its consumer (the readout path), so
 * an on-chip bias controller does not see it, except for a temperature excursion, which changes the
 * simulated physics itself.
 */
public final class FaultInjectingSource implements EntropySource {

  private final EntropySource source;
  private final Fault fault;
  private final SplittableRandom faultNoise;
  private long position;
  private int previousOutput = -1;
  private boolean excursionApplied;

  /**
   * @param source the healthy source (binary samples)
   * @param fault the fault to inject
   * @param seed seeds the fault's own randomness (which samples a drift or correlation touches)
   */
  public FaultInjectingSource(EntropySource source, Fault fault, long seed) {
    if (source.info().bitsPerSample() != 1) {
      throw new IllegalArgumentException(
          "fault injection handles binary sources; " + source.info().design() + " has "
              + source.info().bitsPerSample() + " bits per sample");
    }
    if (fault instanceof Fault.TemperatureExcursion && !(source instanceof SimulatedSource)) {
      throw new IllegalArgumentException(
          "a temperature excursion needs a simulated source; " + source.info().design() + " is not one");
    }
    if (fault instanceof Fault.StuckCell stuck && source.lanes() > 1 && stuck.lanes() != source.lanes()) {
      throw new IllegalArgumentException("stuck cell of " + stuck.lanes() + " lanes on a source with "
          + source.lanes() + " cells; use lanes = " + source.lanes());
    }
    this.source = source;
    this.fault = fault;
    this.faultNoise = new SplittableRandom(seed);
  }

  @Override
  public SourceInfo info() {
    return source.info();
  }

  /**
   * The source's cells; a stuck-cell fault on a single-lane reference source defines the lanes it
   * models (its lane count must match a multi-cell source's).
   */
  @Override
  public int lanes() {
    return fault instanceof Fault.StuckCell stuck && source.lanes() == 1 ? stuck.lanes() : source.lanes();
  }

  public Fault fault() {
    return fault;
  }

  /** Raw samples delivered so far. */
  public long position() {
    return position;
  }

  @Override
  public void read(byte[] samples, int offset, int length) {
    if (fault instanceof Fault.TemperatureExcursion excursion && !excursionApplied) {
      readTemperatureExcursion(excursion, samples, offset, length);
      return;
    }
    source.read(samples, offset, length);
    for (int i = 0; i < length; i++) {
      long index = position + i;
      int healthy = samples[offset + i];
      int out = index < fault.onsetSample() ? healthy : apply(index, healthy);
      samples[offset + i] = (byte) out;
      previousOutput = out;
    }
    position += length;
  }

  private void readTemperatureExcursion(
      Fault.TemperatureExcursion excursion, byte[] samples, int offset, int length) {
    long before = Math.max(0, Math.min(length, excursion.onsetSample() - position));
    if (before > 0) {
      source.read(samples, offset, (int) before);
    }
    if (before < length) {
      SimulatedSource simulated = (SimulatedSource) source;
      simulated.setConditions(simulated.conditions().withTemperatureCelsius(
          simulated.conditions().temperatureCelsius() + excursion.deltaCelsius()));
      excursionApplied = true;
      source.read(samples, offset + (int) before, length - (int) before);
    }
    position += length;
    previousOutput = samples[offset + length - 1];
  }

  private int apply(long index, int healthy) {
    if (fault instanceof Fault.StuckCell stuck) {
      return index % stuck.lanes() == stuck.lane() ? stuck.value() : healthy;
    }
    if (fault instanceof Fault.BiasDrift drift) {
      double forced = drift.forcedProbability(index - drift.onsetSample());
      return faultNoise.nextDouble() < forced ? drift.value() : healthy;
    }
    if (fault instanceof Fault.Bias bias) {
      return faultNoise.nextDouble() < bias.forcedProbability() ? bias.value() : healthy;
    }
    if (fault instanceof Fault.CorrelatedOutput correlated) {
      return previousOutput >= 0 && faultNoise.nextDouble() < correlated.repeatProbability()
          ? previousOutput
          : healthy;
    }
    if (fault instanceof Fault.TotalFailure dead) {
      return dead.value();
    }
    return healthy;
  }
}
