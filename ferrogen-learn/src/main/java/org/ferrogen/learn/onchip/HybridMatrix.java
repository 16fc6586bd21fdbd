package org.ferrogen.learn.onchip;

import java.util.SplittableRandom;
import org.ferrogen.chip.ChipState;
import org.ferrogen.device.hybrid.HybridSynapseArray;
import org.ferrogen.device.seed.StreamSeeds;

/**
 * A weight matrix of CEA-Leti hybrid synapses (Martemucci et al., Nature Electronics 8, 921, 2025):
 * hidden weights h (10-bit sign-magnitude, −511…511) in FeCAPs, analog weights in memristor pairs
 * read through a {@link MemristorCrossbar}. The hidden LSB is {@code lsb = range/511}; code c of the
 * sign + 3 MSBs is worth {@code c·64·lsb}, so the crossbar's full scale (code 7 on the top memristor
 * level) is {@code 448·lsb} and the measured levels between set the intermediate weights.
 *
 * <p>Training (the paper's algorithm): every sample, each weight is selected with probability p
 * (Bernoulli mask); a selected weight whose gradient −lr·δ_o·x_i rounds to a non-zero number of LSBs
 * is incremented in its FeCAPs. Every k samples the synapses whose codes changed are transferred to
 * their memristors. With {@code ideal} the analog weights are the exact codes (no devices' levels,
 * spread or read noise): the quantised baseline.
 */
public final class HybridMatrix extends CrossbarSynapses {

  private static final int CODE_STEP = 1 << HybridSynapseArray.MSB_SHIFT;
  /** Stream coordinate of the Bernoulli update mask. */
  static final long UPDATE_MASK = 0xB3A5_0001L;

  private final HybridSynapseArray array;
  private final boolean ideal;
  private final double deltaG;
  private final float lsb;
  private final float learningRate;
  private final int transferEvery;
  private final GeometricSkips mask;
  private long samples;
  private final double paperFecap;
  private final double paperMemristor;

  /**
   * @param initial initial weights (rows × cols), rounded to hidden LSBs
   * @param range largest hidden weight (511 LSBs)
   */
  public HybridMatrix(int rows, int cols, float[] initial, float range, Devices devices, OnChipConfig config,
      boolean ideal, long seed) {
    super(rows, cols, crossbar(rows, cols, range, devices, config, ideal, seed));
    this.ideal = ideal;
    this.deltaG = devices.deltaG();
    this.lsb = range / HybridSynapseArray.MAX_MAGNITUDE;
    this.learningRate = config.learningRate();
    this.transferEvery = config.transferEvery();
    double sigma = ideal ? 0 : devices.sigma(config);
    this.array = new HybridSynapseArray(devices.params(), rows, cols, sigma, !ideal && config.transferVariability(),
        devices.transfer(), devices.fecapEnergy(), new SplittableRandom(StreamSeeds.derive(seed, StreamSeeds.PROGRAMMING)));
    this.mask = new GeometricSkips(config.updateProbability(), new SplittableRandom(StreamSeeds.derive(seed, UPDATE_MASK)));
    this.paperFecap = devices.paperFecapOpJoules();
    this.paperMemristor = devices.paperMemristorOpJoules();
    for (int i = 0; i < initial.length; i++) {
      array.write(i, Math.round(initial[i] / lsb));
    }
    array.flagAll();
    transfer();
    initialProgrammingDone();
  }

  /** The memristor pairs' crossbar: full scale at code 7 on the top level (448 hidden LSBs). */
  private static MemristorCrossbar crossbar(int rows, int cols, float range, Devices devices, OnChipConfig config,
      boolean ideal, long seed) {
    float lsb = range / HybridSynapseArray.MAX_MAGNITUDE;
    var m = devices.memristor();
    return new MemristorCrossbar(rows, cols, lsb * CODE_STEP * HybridSynapseArray.MAX_CODE, devices.deltaG(),
        ideal ? 0 : m.resetConductanceS(), m.readVoltageV(), ideal ? 0 : m.readNoiseRelative(),
        ideal ? Readout.ideal() : config.readout(), devices.node(), StreamSeeds.derive(seed, StreamSeeds.READ_NOISE));
  }

  private void transfer() {
    double before = array.transferEnergyJoules();
    array.transfer(i -> {
      if (ideal) {
        double g = array.programmedCode(i) * deltaG / HybridSynapseArray.MAX_CODE;
        crossbar.setPair(i, Math.max(g, 0), Math.max(-g, 0));
      } else {
        crossbar.setPair(i, array.conductancePlus(i), array.conductanceMinus(i));
      }
    });
    crossbar.addProgrammingEnergy(array.transferEnergyJoules() - before, 0);
  }

  @Override
  public void update(float[] d, float[] x) {
    int n = rows * cols;
    float step = -learningRate / lsb;
    for (int i = mask.next(); i < n; ) {
      int o = i / cols;
      int c = i - o * cols;
      float g = d[o] * x[c];
      if (g != 0) {
        int delta = Math.round(step * g);
        if (delta != 0) {
          array.add(i, delta);
        }
      }
      int gap = mask.next();
      if (gap >= n - i) {
        break;
      }
      i += gap + 1;
    }
    if (++samples % transferEvery == 0) {
      transfer();
    }
  }

  /** The hidden weight of entry (row, col) in weight units. */
  public float hidden(int row, int col) {
    return array.value(row * cols + col) * lsb;
  }

  /** The weight one hidden LSB stands for. */
  public float lsb() {
    return lsb;
  }

  /**
   * The array as it stands, for a chip's state file: hidden words and memristor conductances, as
   * matrix {@code name} of synapse region {@code region}.
   */
  public ChipState.TrainedSynapses saved(String region, String name) {
    int n = rows * cols;
    short[] hidden = new short[n];
    float[] plus = new float[n];
    float[] minus = new float[n];
    for (int i = 0; i < n; i++) {
      hidden[i] = (short) array.value(i);
      plus[i] = (float) array.conductancePlus(i);
      minus[i] = (float) array.conductanceMinus(i);
    }
    return new ChipState.TrainedSynapses(region, name, rows, cols, lsb, hidden, plus, minus);
  }

  public HybridSynapseArray array() {
    return array;
  }

  @Override
  Wear totalWear() {
    long transfers = array.synapseTransfers();
    long memOps = array.memristorOperations();
    return new Wear(array.size(), array.updates(), array.fecapReads(), array.fecapWrites(), array.maxFecapCycles(),
        transfers, memOps, array.maxMemristorCycles(), array.pairs().beyondEndurance(),
        array.updateEnergyJoules(), array.transferEnergyJoules(),
        paperFecap * array.fecapWrites(),
        paperMemristor * memOps + paperFecap * HybridSynapseArray.TRANSFER_READS * transfers);
  }
}
