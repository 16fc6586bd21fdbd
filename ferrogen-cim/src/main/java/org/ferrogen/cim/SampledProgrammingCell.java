package org.ferrogen.cim;

import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.random.RandomGenerator;
import org.ferrogen.device.AnalogCell;
import org.ferrogen.device.seed.StreamSeeds;

/**
 * A cell whose program-and-verify outcomes are drawn from a table of simulated ones. Programming a
 * multi-level cell by program-and-verify on the device model is a Monte-Carlo experiment whose
 * outcome (conductance reached, pulses, energy, time) depends only on the target, the tolerance, the
 * pulse budget and the random draws, not on the cell's neighbours. With quantised weights there are
 * only a few dozen targets, so this decorator runs {@code samples} independent experiments per
 * target once, on the wrapped cell's full model, and hands each programmed cell one of them drawn
 * uniformly: the outcome distribution is the experiments' empirical distribution, without running
 * the device model millions of times (how lookup-table device models speed up array simulators,
 * e.g. CrossSim's). Events rarer than about 1/samples are under-represented, so a study of rare
 * programming failures should use the wrapped cell directly. Everything else delegates.
 *
 * <p>Reproducible: experiment k of a target runs on a stream derived from the table seed, the
 * target's bits and k, whatever thread asks first. Thread-safe.
 */
public final class SampledProgrammingCell implements AnalogCell {

  private final AnalogCell cell;
  private final int samples;
  private final long seed;
  private final ConcurrentHashMap<Key, ProgramResult[]> tables = new ConcurrentHashMap<>();
  /** Memo of read-noise sigmas: conductance float bits (high word) and sigma float bits (low word). */
  private final AtomicLongArray sigmas = new AtomicLongArray(SIGMA_SLOTS);
  private static final int SIGMA_SLOTS = 1 << 20;
  private static final int SIGMA_PROBES = 16;

  private record Key(double target, double tolerance, int maxIterations) {}

  /**
   * @param cell the cell model whose experiments fill the tables
   * @param samples experiments per distinct target (at least 64)
   * @param seed seed of the experiments
   */
  public SampledProgrammingCell(AnalogCell cell, int samples, long seed) {
    if (samples < 64) {
      throw new IllegalArgumentException("programming outcome samples = " + samples + ": must be >= 64");
    }
    if (cell instanceof ChargeDomainCell) {
      throw new IllegalArgumentException(
          "cell " + cell.name() + " reads by charge sharing; program it directly (its read path needs the cell itself)");
    }
    this.cell = cell;
    this.samples = samples;
    this.seed = seed;
  }

  /** The cell model behind the tables. */
  public AnalogCell cell() {
    return cell;
  }

  public int samples() {
    return samples;
  }

  @Override
  public ProgramResult program(
      double targetConductance, double relativeTolerance, int maxIterations, RandomGenerator rng) {
    ProgramResult[] table =
        tables.computeIfAbsent(new Key(targetConductance, relativeTolerance, maxIterations), this::experiments);
    return table[rng.nextInt(samples)];
  }

  private ProgramResult[] experiments(Key key) {
    ProgramResult[] table = new ProgramResult[samples];
    long targetSeed = StreamSeeds.derive(seed, Double.doubleToLongBits(key.target()),
        Double.doubleToLongBits(key.tolerance()), key.maxIterations());
    for (int k = 0; k < samples; k++) {
      table[k] = cell.program(key.target(), key.tolerance(), key.maxIterations(),
          new SplittableRandom(StreamSeeds.derive(targetSeed, k)));
    }
    return table;
  }

  @Override
  public String name() {
    return cell.name();
  }

  @Override
  public double minConductance() {
    return cell.minConductance();
  }

  @Override
  public double maxConductance() {
    return cell.maxConductance();
  }

  @Override
  public int levels() {
    return cell.levels();
  }

  @Override
  public double readVoltage() {
    return cell.readVoltage();
  }

  /**
   * The wrapped cell's read-noise sigma, rounded to float (as the tiles store it), memoised: cells
   * programmed from the tables hold at most a few hundred thousand distinct conductances, so booting
   * a saved chip of millions of cells does not rerun the cell model's conductance-table search for
   * each. Every call returns the same value whether memoised or not.
   */
  @Override
  public double readNoiseSigma(double conductance) {
    float g = (float) conductance;
    if (g != conductance || g == 0) {
      return (float) cell.readNoiseSigma(conductance);
    }
    long key = Float.floatToRawIntBits(g);
    int slot = (int) StreamSeeds.derive(0, key) & (SIGMA_SLOTS - 1);
    for (int probe = 0; probe < SIGMA_PROBES; probe++) {
      int i = (slot + probe) & (SIGMA_SLOTS - 1);
      long entry = sigmas.get(i);
      if (entry == 0) {
        float sigma = (float) cell.readNoiseSigma(conductance);
        sigmas.compareAndSet(i, 0, key << 32 | (Float.floatToRawIntBits(sigma) & 0xFFFF_FFFFL));
        return sigma;
      }
      if (entry >>> 32 == key) {
        return Float.intBitsToFloat((int) entry);
      }
    }
    return (float) cell.readNoiseSigma(conductance);
  }

  @Override
  public double retainedConductance(double conductance, double seconds, double kelvin) {
    return cell.retainedConductance(conductance, seconds, kelvin);
  }
}
