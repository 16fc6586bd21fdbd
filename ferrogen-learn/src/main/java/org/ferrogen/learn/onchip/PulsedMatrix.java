package org.ferrogen.learn.onchip;

import java.util.SplittableRandom;
import org.ferrogen.cim.AnalogMatrix;
import org.ferrogen.device.hybrid.DifferentialPairs;
import org.ferrogen.device.hybrid.HybridSynapseArray;
import org.ferrogen.device.seed.StreamSeeds;

/**
 * Memristor pairs trained without FeCAP hidden weights, for the two baselines that program the
 * analog devices directly (each level step is a RESET + SET at the level's nominal compliance
 * current, set by a gate DAC; σ_G applies to every SET):
 *
 * <ul>
 *   <li>{@link Scheme#ANALOG_SGD}: every sample, each weight moves by −lr·δ·x / step levels,
 *       stochastically rounded (the pulse-count update of analog SGD);
 *   <li>{@link Scheme#MIXED_PRECISION} (Nandakumar et al., Front. Neurosci. 14:406, 2020; aihwkit's
 *       MixedPrecisionCompound): the update accumulates in a digital floating-point χ per weight and
 *       whole level steps are programmed when |χ| ≥ 1 step, χ keeping the remainder.
 * </ul>
 *
 * The weight of code c is {@code c·step} with {@code step = range·64/511} (the same grid as the
 * hybrid's analog weights), read through the same {@link MemristorCrossbar}.
 */
public final class PulsedMatrix implements SynapticMatrix {

  private final int rows;
  private final int cols;
  private final boolean accumulate;
  private final DifferentialPairs pairs;
  private final MemristorCrossbar crossbar;
  private final Devices devices;
  private final float step;
  private final float learningRate;
  private final float[] chi;
  private final SplittableRandom random;
  private double programmingEnergy;
  private final double paperMemristor;
  private final Wear programmed;

  public PulsedMatrix(int rows, int cols, float[] initial, float range, Devices devices, OnChipConfig config,
      boolean accumulate, long seed) {
    this.rows = rows;
    this.cols = cols;
    this.accumulate = accumulate;
    this.devices = devices;
    this.step = range * (1 << HybridSynapseArray.MSB_SHIFT) / HybridSynapseArray.MAX_MAGNITUDE;
    this.learningRate = config.learningRate();
    this.random = new SplittableRandom(StreamSeeds.derive(seed, StreamSeeds.PROGRAMMING));
    this.paperMemristor = devices.paperMemristorOpJoules();
    var m = devices.memristor().withConductanceSigmaS(devices.sigma(config));
    this.pairs = new DifferentialPairs(m, rows * cols, this.random);
    this.crossbar = new MemristorCrossbar(rows, cols, step * HybridSynapseArray.MAX_CODE, devices.deltaG(),
        m.resetConductanceS(), m.readVoltageV(), m.readNoiseRelative(), config.readout(), devices.node(),
        StreamSeeds.derive(seed, StreamSeeds.READ_NOISE));
    this.chi = accumulate ? new float[rows * cols] : null;
    for (int i = 0; i < initial.length; i++) {
      int c = Math.max(-HybridSynapseArray.MAX_CODE, Math.min(HybridSynapseArray.MAX_CODE, Math.round(initial[i] / step)));
      program(i, c);
    }
    programmed = totalWear();
  }

  private void program(int i, int code) {
    double before = pairs.energyJoules();
    pairs.program(i, code, code == 0 ? 0 : devices.transfer().nominalCompliance(Math.abs(code)), random);
    programmingEnergy += pairs.energyJoules() - before;
    crossbar.setPair(i, pairs.plus(i), pairs.minus(i));
  }

  @Override
  public int rows() {
    return rows;
  }

  @Override
  public int cols() {
    return cols;
  }

  @Override
  public void forward(float[] x, float[] y) {
    crossbar.multiply(x, y);
  }

  @Override
  public void backward(float[] d, float[] gx) {
    crossbar.multiplyTransposed(d, gx);
  }

  @Override
  public void update(float[] d, float[] x) {
    float scale = -learningRate / step;
    double before = programmingEnergy;
    for (int o = 0; o < rows; o++) {
      float dof = d[o] * scale;
      if (dof == 0) {
        continue;
      }
      int base = o * cols;
      for (int c = 0; c < cols; c++) {
        float levels = dof * x[c];
        if (levels == 0) {
          continue;
        }
        int i = base + c;
        int move;
        if (accumulate) {
          float acc = chi[i] + levels;
          move = (int) acc; // truncation towards zero: whole steps only
          chi[i] = acc - move;
        } else {
          float floor = (float) Math.floor(levels);
          move = (int) floor + (random.nextFloat() < levels - floor ? 1 : 0);
        }
        if (move != 0) {
          int code = pairs.code(i);
          int next = Math.max(-HybridSynapseArray.MAX_CODE, Math.min(HybridSynapseArray.MAX_CODE, code + move));
          if (next != code) {
            program(i, next);
          }
        }
      }
    }
    if (programmingEnergy > before) {
      crossbar.addProgrammingEnergy(programmingEnergy - before, 0);
    }
  }

  @Override
  public AnalogMatrix reads() {
    return crossbar;
  }

  /** Writes and energy of training: the initial programming of the weights is left out. */
  @Override
  public Wear wear() {
    return totalWear().since(programmed);
  }

  private Wear totalWear() {
    long ops = pairs.operations();
    return new Wear(pairs.size(), 0, 0, 0, 0, 0, ops, pairs.maxCycles(), pairs.beyondEndurance(), 0,
        programmingEnergy, 0, paperMemristor * ops);
  }
}
