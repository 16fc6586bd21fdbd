package org.ferrogen.learn.onchip;

import java.util.SplittableRandom;
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
public final class PulsedMatrix extends CrossbarSynapses {

  private final boolean accumulate;
  private final DifferentialPairs pairs;
  private final Devices devices;
  private final float step;
  private final float learningRate;
  private final float[] chi;
  private final SplittableRandom random;
  private double programmingEnergy;
  private final double paperMemristor;

  public PulsedMatrix(int rows, int cols, float[] initial, float range, Devices devices, OnChipConfig config,
      boolean accumulate, long seed) {
    super(rows, cols, crossbar(rows, cols, step(range), devices, config, seed));
    this.accumulate = accumulate;
    this.devices = devices;
    this.step = step(range);
    this.learningRate = config.learningRate();
    this.random = new SplittableRandom(StreamSeeds.derive(seed, StreamSeeds.PROGRAMMING));
    this.paperMemristor = devices.paperMemristorOpJoules();
    var m = devices.memristor().withConductanceSigmaS(devices.sigma(config));
    this.pairs = new DifferentialPairs(m, rows * cols, this.random);
    this.chi = accumulate ? new float[rows * cols] : null;
    for (int i = 0; i < initial.length; i++) {
      int c = Math.max(-HybridSynapseArray.MAX_CODE, Math.min(HybridSynapseArray.MAX_CODE, Math.round(initial[i] / step)));
      program(i, c);
    }
    initialProgrammingDone();
  }

  /** The weight of one level code: the hybrid's analog grid, range·64/511. */
  private static float step(float range) {
    return range * (1 << HybridSynapseArray.MSB_SHIFT) / HybridSynapseArray.MAX_MAGNITUDE;
  }

  private static MemristorCrossbar crossbar(int rows, int cols, float step, Devices devices, OnChipConfig config,
      long seed) {
    var m = devices.memristor().withConductanceSigmaS(devices.sigma(config));
    return new MemristorCrossbar(rows, cols, step * HybridSynapseArray.MAX_CODE, devices.deltaG(),
        m.resetConductanceS(), m.readVoltageV(), m.readNoiseRelative(), config.readout(), devices.node(),
        StreamSeeds.derive(seed, StreamSeeds.READ_NOISE));
  }

  private void program(int i, int code) {
    double before = pairs.energyJoules();
    pairs.program(i, code, code == 0 ? 0 : devices.transfer().nominalCompliance(Math.abs(code)), random);
    programmingEnergy += pairs.energyJoules() - before;
    crossbar.setPair(i, pairs.plus(i), pairs.minus(i));
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
  Wear totalWear() {
    long ops = pairs.operations();
    return new Wear(pairs.size(), 0, 0, 0, 0, 0, ops, pairs.maxCycles(), pairs.beyondEndurance(), 0,
        programmingEnergy, 0, paperMemristor * ops);
  }
}
