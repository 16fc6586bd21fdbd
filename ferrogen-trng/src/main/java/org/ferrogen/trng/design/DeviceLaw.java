package org.ferrogen.trng.design;

import java.util.random.RandomGenerator;
import org.ferrogen.device.switching.DomainEnsemble;

/**
 * The exact per-cycle law of one FeCAP's domains under a write pulse followed by the opposite,
 * destructive read pulse, sampled without stepping the Deng engine: the part the cell's ({@link
 * CellLaw}) and the pair's ({@link PairLaw}) fast paths share.
 *
 * <p>Under a rectangular pulse the Deng 2020 engine flips each eligible domain independently with
 * {@code p_i = 1 − exp(−(t/τ_i)^β)} ({@link DomainEnsemble#pulseSwitchProbability}); every polarity
 * change starts a new epoch. A cycle is therefore a Markov step on the set of domains the last read
 * left up: each down domain switches up with its write probability {@code p_i(V)}, then each up
 * domain switches back with its read probability {@code q_i}. A cycle that starts with every domain
 * down and in which no read misses a domain is <em>clean</em>: the released count is the written
 * count, whose law is the Poisson-binomial of the {@code p_i} ({@link #poissonBinomial}).
 *
 * <p>Read misses ({@code 1 − q_i ≤ 10⁻³} by the choice of read pulse) are drawn by thinning: each
 * domain slot of each cycle is a candidate with the largest miss probability {@code f_max}, found by
 * geometric skips, and a candidate that is up misses with probability {@code f_i / f_max}.
 * Candidates are independent of the write outcome, so {@link #clean()} can decide before the write
 * whether a cycle is clean; one that is not is simulated domain by domain ({@link #cycle}) from the
 * same {@code p_i} and {@code q_i}, which keeps the physical lag-1 effect of missed domains. Exact
 * {@code Math.exp} is used where the stepping engine uses a table with relative error below 10⁻⁶.
 * Not thread-safe.
 */
final class DeviceLaw {

  private final DomainEnsemble domains;
  private final RandomGenerator noise;
  private final int size;
  private final double writeSeconds;
  private final boolean[] stuckUp;
  private final boolean[] candidate;
  private final double[] readMiss;
  private final double[] writeProbability;
  private int writeProbabilityCode = -1;
  private int stuckCount;
  private double maxReadMiss;
  private double logKeep;
  private long slotsToCandidate;
  private double kelvin = Double.NaN;
  private int lastWritten;

  DeviceLaw(DomainEnsemble domains, RandomGenerator noise, double writeSeconds) {
    this.domains = domains;
    this.noise = noise;
    this.size = domains.size();
    this.writeSeconds = writeSeconds;
    this.stuckUp = new boolean[size];
    this.candidate = new boolean[size];
    this.readMiss = new double[size];
    this.writeProbability = new double[size];
  }

  int size() {
    return size;
  }

  /** Sets the read pulse and the temperature; the read-miss law is recomputed when the temperature changed. */
  void setRead(double readField, double readSeconds, double temperatureK) {
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
    writeProbabilityCode = -1;
  }

  /**
   * Whether the coming cycle is clean (no domain left up, no read-miss candidate among its slots);
   * if so its slots are consumed and the caller draws the cycle from the Poisson-binomial law,
   * otherwise the caller must run {@link #cycle}.
   */
  boolean clean() {
    if (stuckCount == 0 && slotsToCandidate >= size) {
      slotsToCandidate -= size;
      return true;
    }
    return false;
  }

  /**
   * The write probabilities at DAC code {@code code} of field {@code field} (V/m), cached for the
   * last code asked.
   */
  double[] writeProbabilities(int code, double field) {
    if (code != writeProbabilityCode) {
      for (int i = 0; i < size; i++) {
        writeProbability[i] = domains.pulseSwitchProbability(i, field, writeSeconds, kelvin);
      }
      writeProbabilityCode = code;
    }
    return writeProbability;
  }

  /** The Poisson-binomial law of the switched count for probabilities {@code p} into {@code pb} (size + 1). */
  static double poissonBinomial(double[] p, double[] pb) {
    java.util.Arrays.fill(pb, 0);
    pb[0] = 1;
    double mean = 0;
    for (int i = 0; i < p.length; i++) {
      double pi = p[i];
      mean += pi;
      for (int r = i + 1; r >= 1; r--) {
        pb[r] = pb[r] * (1 - pi) + pb[r - 1] * pi;
      }
      pb[0] *= 1 - pi;
    }
    return mean;
  }

  /**
   * A cycle that {@link #clean()} refused, domain by domain: write with probabilities {@code p},
   * read with the miss law. Returns the released count; {@link #lastWritten()} the written one.
   */
  int cycle(double[] p) {
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
    return released;
  }

  /** A clean cycle's count drawn domain by domain (when the other device of a pair was not clean). */
  int cleanCycle(double[] p) {
    int written = 0;
    for (int i = 0; i < size; i++) {
      if (noise.nextDouble() < p[i]) {
        written++;
      }
    }
    lastWritten = written;
    return written;
  }

  /** Domains written by the last {@link #cycle} or {@link #cleanCycle}. */
  int lastWritten() {
    return lastWritten;
  }

  /** Domain slots to skip before the next read-miss candidate: Geometric(f_max) on {0, 1, ...}. */
  private long nextSkip() {
    if (maxReadMiss <= 0) {
      return Long.MAX_VALUE / 4;
    }
    double skip = Math.floor(Math.log(1 - noise.nextDouble()) / logKeep);
    return skip >= Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 4 : (long) skip;
  }
}
