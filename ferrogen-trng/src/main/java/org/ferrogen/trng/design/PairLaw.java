package org.ferrogen.trng.design;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.ferrogen.device.switching.DomainEnsemble;
import org.ferrogen.randomness.sp80022.SpecialFunctions;

/**
 * The exact per-cycle law of one race pair, sampled without stepping domains (the fast path of
 * {@link RacePairArray}).
 *
 * <p>Why it is exact ({@link DeviceLaw} has the device part): devices A and B get the race pulse at
 * V + δ and V − δ and are then read destructively; the sense amplifier decides 1 when
 * {@code (R_A − R_B)·v + offset + √2·σ_kTC·Z > 0} ({@code R} the released counts, {@code v} the
 * signal per domain, one kT/C sample per bit line). When both devices' cycles are clean the released
 * counts are their independent Poisson-binomial write counts, so the bit is a single Bernoulli draw
 * with {@code P(1) = Σ_d P(R_A − R_B = d)·Φ((d·v + offset)/(√2·σ))}, tabulated per trim code. When
 * either is not clean (a read-miss candidate, or a domain a read missed still up), both counts are
 * drawn domain by domain from the same probabilities and the decision is made with a drawn Gaussian.
 * {@code PairLawAgreementTest} compares it with the domain-stepping path.
 *
 * <p>As for the cell, the energy bookkeeping of a clean cycle adds the expected switched counts, not
 * realised ones. Not thread-safe.
 */
final class PairLaw {

  private final DeviceLaw a;
  private final DeviceLaw b;
  private final RandomGenerator noise;
  private final double[] oneProbability;
  private final double[] meanA;
  private final double[] meanB;
  private final double[] pbA;
  private final double[] pbB;
  private double raceField;
  private double trimFieldPerCode;
  private int centreCode;
  private double voltsPerDomain;
  private double offset;
  private double sigma;
  private double lastA;
  private double lastB;
  private double lastReleasedA;
  private double lastReleasedB;

  PairLaw(DomainEnsemble deviceA, DomainEnsemble deviceB, RandomGenerator noise, double writeSeconds, int trimCodes) {
    this.a = new DeviceLaw(deviceA, noise, writeSeconds);
    this.b = new DeviceLaw(deviceB, noise, writeSeconds);
    this.noise = noise;
    this.oneProbability = new double[trimCodes];
    this.meanA = new double[trimCodes];
    this.meanB = new double[trimCodes];
    this.pbA = new double[deviceA.size() + 1];
    this.pbB = new double[deviceB.size() + 1];
  }

  /**
   * Sets the operating point; tables are recomputed lazily.
   *
   * @param raceField field of the race pulse without trim (V/m)
   * @param trimFieldPerCode field of one trim code (V/m): A gets {@code race + (code − centre)·step}, B minus
   * @param centre trim code of δ = 0
   * @param readField read field magnitude (V/m)
   * @param readSeconds read pulse width
   * @param temperatureK die temperature
   * @param signalPerDomain bit-line volts one released domain adds
   * @param senseOffset the sense amplifier's offset (volts, in favour of A)
   * @param bitLineSigma rms kT/C noise of one bit line (volts)
   */
  void setOperatingPoint(double raceField, double trimFieldPerCode, int centre, double readField,
      double readSeconds, double temperatureK, double signalPerDomain, double senseOffset, double bitLineSigma) {
    a.setRead(readField, readSeconds, temperatureK);
    b.setRead(readField, readSeconds, temperatureK);
    this.raceField = raceField;
    this.trimFieldPerCode = trimFieldPerCode;
    this.centreCode = centre;
    this.voltsPerDomain = signalPerDomain;
    this.offset = senseOffset;
    this.sigma = Math.sqrt(2) * bitLineSigma;
    Arrays.fill(oneProbability, Double.NaN);
  }

  /** Only the signal per domain changed (slow fatigue of the switchable polarization). */
  void setSignalPerDomain(double signalPerDomain) {
    this.voltsPerDomain = signalPerDomain;
    Arrays.fill(oneProbability, Double.NaN);
  }

  /** One race and read at trim code {@code code}; returns the sensed bit. */
  int race(int code) {
    boolean cleanA = a.clean();
    boolean cleanB = b.clean();
    if (cleanA && cleanB) {
      double p = oneProbability[code];
      if (p != p) {
        tabulate(code);
        p = oneProbability[code];
      }
      lastA = meanA[code];
      lastB = meanB[code];
      lastReleasedA = lastA;
      lastReleasedB = lastB;
      return noise.nextDouble() < p ? 1 : 0;
    }
    double[] pa = probabilitiesA(code);
    int ra = cleanA ? a.cleanCycle(pa) : a.cycle(pa);
    lastA = a.lastWritten();
    double[] pb = probabilitiesB(code);
    int rb = cleanB ? b.cleanCycle(pb) : b.cycle(pb);
    lastB = b.lastWritten();
    lastReleasedA = ra;
    lastReleasedB = rb;
    return (ra - rb) * voltsPerDomain + offset + sigma * noise.nextGaussian() > 0 ? 1 : 0;
  }

  /** Domains A and B switched up by the last race (expectations after a clean cycle). */
  double lastWrittenA() {
    return lastA;
  }

  double lastWrittenB() {
    return lastB;
  }

  /** Domains A and B released by the last read (expectations after a clean cycle). */
  double lastReleasedA() {
    return lastReleasedA;
  }

  double lastReleasedB() {
    return lastReleasedB;
  }

  private double[] probabilitiesA(int code) {
    return a.writeProbabilities(code, raceField + (code - centreCode) * trimFieldPerCode);
  }

  private double[] probabilitiesB(int code) {
    return b.writeProbabilities(code, raceField - (code - centreCode) * trimFieldPerCode);
  }

  /** P(bit = 1) and the mean switched counts of a clean race at {@code code}. */
  private void tabulate(int code) {
    meanA[code] = DeviceLaw.poissonBinomial(probabilitiesA(code), pbA);
    meanB[code] = DeviceLaw.poissonBinomial(probabilitiesB(code), pbB);
    double one = 0;
    for (int ra = 0; ra < pbA.length; ra++) {
      if (pbA[ra] == 0) {
        continue;
      }
      double inner = 0;
      for (int rb = 0; rb < pbB.length; rb++) {
        inner += pbB[rb] * SpecialFunctions.normalCdf(((ra - rb) * voltsPerDomain + offset) / sigma);
      }
      one += pbA[ra] * inner;
    }
    oneProbability[code] = Math.min(1, Math.max(0, one));
  }
}
