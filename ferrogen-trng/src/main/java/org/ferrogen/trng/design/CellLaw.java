package org.ferrogen.trng.design;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.ferrogen.device.switching.DomainEnsemble;
import org.ferrogen.randomness.sp80022.SpecialFunctions;

/**
 * The exact per-cycle law of one stochastic-switching cell, sampled without stepping domains (the
 * fast path of {@link StochasticCellArray}).
 *
 * <p>Why it is exact. Under a rectangular pulse the Deng 2020 engine flips each eligible domain
 * independently with {@code p_i = 1 − exp(−(t/τ_i)^β)} ({@link DomainEnsemble#pulseSwitchProbability}),
 * and every polarity change starts a new epoch. A cycle (write pulse, then the opposite read pulse)
 * is therefore a Markov step on the set of domains the last read left up: each down domain switches
 * up with its write probability {@code p_i(V)}, then each up domain switches back with its read
 * probability {@code q_i}; the sensed bit is 1 when the released count {@code R} times the signal
 * per domain plus the Gaussian kT/C noise exceeds the reference less the sense offset. In a cycle
 * that starts with every domain down and in which no read misses a domain, {@code R} is the write
 * count, whose distribution is the Poisson-binomial of the {@code p_i}: the bit is then a single
 * Bernoulli draw with {@code P(1) = Σ_r PB(r)·Φ((r·v − threshold)/σ)}, tabulated per DAC code.
 *
 * <p>Read misses ({@code 1 − q_i ≤ 10⁻³} by the choice of read pulse) are drawn by thinning: each
 * domain slot of each cycle is a candidate with the largest miss probability {@code f_max}, found
 * by geometric skips, and a candidate that is up misses with probability {@code f_i / f_max}.
 * Candidates are independent of the write outcome, so a cycle without one is the clean case above;
 * a cycle with a candidate, or one that starts with a missed domain still up (the physical lag-1
 * effect), is simulated domain by domain from the same {@code p_i} and {@code q_i}. All of this
 * matches the domain-stepping path in distribution ({@code CellLawAgreementTest}); it uses exact
 * {@code Math.exp} where the stepping engine uses a table with relative error below 10⁻⁶.
 *
 * <p>What it does not reproduce sample for sample: the realised switched count of a clean cycle is
 * never drawn, so the energy bookkeeping adds its expectation (the mean of the same distribution).
 * Not thread-safe.
 */
final class CellLaw {

  private final DomainEnsemble domains;
  private final RandomGenerator noise;
  private final int size;
  private final double writeSeconds;
  private final double[] oneProbability;
  private final double[] meanSwitched;
  private final boolean[] stuckUp;
  private final boolean[] candidate;
  private final double[] readMiss;
  private final double[] writeProbability;
  private final double[] poissonBinomial;
  private int writeProbabilityCode = -1;
  private int stuckCount;
  private double maxReadMiss;
  private double logKeep;
  private long slotsToCandidate;
  private double fieldPerCode;
  private double fieldOffset;
  private double kelvin = Double.NaN;
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
    this.domains = domains;
    this.noise = noise;
    this.size = domains.size();
    this.writeSeconds = writeSeconds;
    this.oneProbability = new double[dacCodes];
    this.meanSwitched = new double[dacCodes];
    this.stuckUp = new boolean[size];
    this.candidate = new boolean[size];
    this.readMiss = new double[size];
    this.writeProbability = new double[size];
    this.poissonBinomial = new double[size + 1];
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
    if (temperatureK != kelvin) {
      double max = 0;
      for (int i = 0; i < size; i++) {
        readMiss[i] = 1 - domains.pulseSwitchProbability(i, readField, readSeconds, temperatureK);
        max = Math.max(max, readMiss[i]);
      }
      maxReadMiss = max;
      logKeep = Math.log1p(-Math.min(max, 1 - 1e-12));
      slotsToCandidate = nextSkip();
    }
    this.kelvin = temperatureK;
    this.fieldOffset = writeFieldOffset;
    this.fieldPerCode = writeFieldPerCode;
    this.voltsPerDomain = signalPerDomain;
    this.threshold = decisionThreshold;
    this.sigma = noiseSigma;
    Arrays.fill(oneProbability, Double.NaN);
    writeProbabilityCode = -1;
  }

  /** Only the signal per domain changed (slow fatigue of the switchable polarization). */
  void setSignalPerDomain(double signalPerDomain) {
    this.voltsPerDomain = signalPerDomain;
    Arrays.fill(oneProbability, Double.NaN);
  }

  /** One write + read at DAC {@code code}; returns the sensed bit. */
  int cycle(int code) {
    if (stuckCount == 0 && slotsToCandidate >= size) {
      slotsToCandidate -= size;
      double p = oneProbability[code];
      if (p != p) {
        tabulate(code);
        p = oneProbability[code];
      }
      lastWritten = meanSwitched[code];
      lastReleased = lastWritten;
      return noise.nextDouble() < p ? 1 : 0;
    }
    return domainByDomain(code);
  }

  /** Domains switched up by the last write (its expectation after a clean cycle). */
  double lastWritten() {
    return lastWritten;
  }

  /** Domains released by the last read (its expectation after a clean cycle). */
  double lastReleased() {
    return lastReleased;
  }

  private int domainByDomain(int code) {
    double[] p = writeProbabilities(code);
    while (slotsToCandidate < size) {
      candidate[(int) slotsToCandidate] = true;
      slotsToCandidate += 1 + nextSkip();
    }
    slotsToCandidate -= size;
    int written = 0;
    int released = 0;
    int stuck = 0;
    for (int i = 0; i < size; i++) {
      boolean up = stuckUp[i];
      if (!up && noise.nextDouble() < p[i]) {
        up = true;
        written++;
      }
      boolean missed = up && candidate[i] && noise.nextDouble() * maxReadMiss < readMiss[i];
      candidate[i] = false;
      stuckUp[i] = missed;
      if (missed) {
        stuck++;
      } else if (up) {
        released++;
      }
    }
    stuckCount = stuck;
    lastWritten = written;
    lastReleased = released;
    double z = released * voltsPerDomain + sigma * noise.nextGaussian();
    return z > threshold ? 1 : 0;
  }

  /** Domain slots to skip before the next read-miss candidate: Geometric(f_max) on {0, 1, ...}. */
  private long nextSkip() {
    if (maxReadMiss <= 0) {
      return Long.MAX_VALUE / 4;
    }
    double skip = Math.floor(Math.log(1 - noise.nextDouble()) / logKeep);
    return skip >= Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 4 : (long) skip;
  }

  private double[] writeProbabilities(int code) {
    if (code != writeProbabilityCode) {
      double field = fieldOffset + code * fieldPerCode;
      for (int i = 0; i < size; i++) {
        writeProbability[i] = domains.pulseSwitchProbability(i, field, writeSeconds, kelvin);
      }
      writeProbabilityCode = code;
    }
    return writeProbability;
  }

  /** P(bit = 1) and the mean switched count of a clean cycle at {@code code}. */
  private void tabulate(int code) {
    double[] p = writeProbabilities(code);
    double[] pb = poissonBinomial;
    Arrays.fill(pb, 0);
    pb[0] = 1;
    double mean = 0;
    for (int i = 0; i < size; i++) {
      double pi = p[i];
      mean += pi;
      for (int r = i + 1; r >= 1; r--) {
        pb[r] = pb[r] * (1 - pi) + pb[r - 1] * pi;
      }
      pb[0] *= 1 - pi;
    }
    double one = 0;
    for (int r = 0; r <= size; r++) {
      one += pb[r] * SpecialFunctions.normalCdf((r * voltsPerDomain - threshold) / sigma);
    }
    oneProbability[code] = Math.min(1, Math.max(0, one));
    meanSwitched[code] = mean;
  }
}
