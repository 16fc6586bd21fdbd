package org.ferrogen.trng.design;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.ferrogen.device.switching.DomainEnsemble;
import org.ferrogen.randomness.sp80022.SpecialFunctions;

/**
 * The exact per-cycle law of one stochastic-switching cell, sampled without stepping domains (the
 * fast path of {@link StochasticCellArray}).
 *
 * <p>Why it is exact ({@link DeviceLaw} has the device part): in a clean cycle (every domain down at
 * the start, no read miss) the released count {@code R} is the write count, Poisson-binomial in the
 * domains' write probabilities; the sensed bit is 1 when {@code R} times the signal per domain plus
 * the Gaussian kT/C noise exceeds the reference less the sense offset, so the bit is a single
 * Bernoulli draw with {@code P(1) = Σ_r PB(r)·Φ((r·v − threshold)/σ)}, tabulated per DAC code. Any
 * other cycle (a read-miss candidate among its slots, or a domain a read missed still up: the
 * physical lag-1 effect) is simulated domain by domain from the same probabilities. All of this
 * matches the domain-stepping path in distribution ({@code CellLawAgreementTest}).
 *
 * <p>What it does not reproduce sample for sample: the realised switched count of a clean cycle is
 * never drawn, so the energy bookkeeping adds its expectation (the mean of the same distribution).
 * Not thread-safe.
 */
final class CellLaw {

  private final DeviceLaw device;
  private final RandomGenerator noise;
  private final double[] oneProbability;
  private final double[] meanSwitched;
  private final double[] poissonBinomial;
  private double fieldPerCode;
  private double fieldOffset;
  private double voltsPerDomain;
  private double threshold;
  private double sigma;
  private double lastWritten;
  private double lastReleased;

  /**
   * @param domains the cell's domains (activation fields; their switching state is not used)
   * @param writeSeconds write pulse width
   * @param dacCodes DAC codes of the write amplitude
   */
  CellLaw(DomainEnsemble domains, RandomGenerator noise, double writeSeconds, int dacCodes) {
    this.device = new DeviceLaw(domains, noise, writeSeconds);
    this.noise = noise;
    this.oneProbability = new double[dacCodes];
    this.meanSwitched = new double[dacCodes];
    this.poissonBinomial = new double[domains.size() + 1];
  }

  /**
   * Sets the operating point; tables are recomputed lazily when it changed.
   *
   * @param writeFieldOffset field of DAC code 0 (V/m); code k gives {@code offset + k·perCode}
   * @param writeFieldPerCode field step per DAC code (V/m)
   * @param readField read field magnitude (V/m)
   * @param readSeconds read pulse width
   * @param temperatureK die temperature
   * @param signalPerDomain bit-line volts one released domain adds
   * @param decisionThreshold reference volts minus the sense amplifier's offset
   * @param noiseSigma rms kT/C noise in volts
   */
  void setOperatingPoint(double writeFieldOffset, double writeFieldPerCode, double readField, double readSeconds,
      double temperatureK, double signalPerDomain, double decisionThreshold, double noiseSigma) {
    device.setRead(readField, readSeconds, temperatureK);
    this.fieldOffset = writeFieldOffset;
    this.fieldPerCode = writeFieldPerCode;
    this.voltsPerDomain = signalPerDomain;
    this.threshold = decisionThreshold;
    this.sigma = noiseSigma;
    Arrays.fill(oneProbability, Double.NaN);
  }

  /** Only the signal per domain changed (slow fatigue of the switchable polarization). */
  void setSignalPerDomain(double signalPerDomain) {
    this.voltsPerDomain = signalPerDomain;
    Arrays.fill(oneProbability, Double.NaN);
  }

  /** One write + read at DAC {@code code}; returns the sensed bit. */
  int cycle(int code) {
    if (device.clean()) {
      double p = oneProbability[code];
      if (p != p) {
        tabulate(code);
        p = oneProbability[code];
      }
      lastWritten = meanSwitched[code];
      lastReleased = lastWritten;
      return noise.nextDouble() < p ? 1 : 0;
    }
    int released = device.cycle(writeProbabilities(code));
    lastWritten = device.lastWritten();
    lastReleased = released;
    double z = released * voltsPerDomain + sigma * noise.nextGaussian();
    return z > threshold ? 1 : 0;
  }

  /** Domains switched up by the last write (its expectation after a clean cycle). */
  double lastWritten() {
    return lastWritten;
  }

  /** Domains released by the last read (its expectation after a clean cycle). */
  double lastReleased() {
    return lastReleased;
  }

  private double[] writeProbabilities(int code) {
    return device.writeProbabilities(code, fieldOffset + code * fieldPerCode);
  }

  /** P(bit = 1) and the mean switched count of a clean cycle at {@code code}. */
  private void tabulate(int code) {
    double[] pb = poissonBinomial;
    double mean = DeviceLaw.poissonBinomial(writeProbabilities(code), pb);
    double one = 0;
    for (int r = 0; r < pb.length; r++) {
      one += pb[r] * SpecialFunctions.normalCdf((r * voltsPerDomain - threshold) / sigma);
    }
    oneProbability[code] = Math.min(1, Math.max(0, one));
    meanSwitched[code] = mean;
  }
}
