package org.ferrogen.cim;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.ferrogen.device.cost.AreaReport;
import org.ferrogen.device.cost.CostCategory;
import org.ferrogen.device.cost.CostLedger;
import org.ferrogen.device.cost.CostReport;
import org.ferrogen.device.cost.TechnologyNode;
import org.ferrogen.device.AnalogCell;
import org.ferrogen.device.seed.StreamSeeds;

/**
 * The simulator behind {@link AnalogMatrix}: places a rows × cols matrix on as many crossbar tiles as
 * it needs and runs every product through DACs, the analog column sums with their non-idealities,
 * per-column ADCs and digital shift-and-add and accumulation across tiles.
 *
 * <p>Weights map onto differential pairs: |w|/scale is quantised to {@code 2^(b·slices) − 1} steps
 * whose base-2^b digits go to {@code slices} cells of {@code b} bits, each programmed to {@code Gmin +
 * digit/(2^b − 1)·ΔG} on the side of the weight's sign (the other side at Gmin). Inputs are scaled to
 * [−1, 1] and converted to signed DAC codes (or bit-serial ±1 pulses). Each tile column sum is
 * digitised separately, so its ADC error and saturation are those of a real macro.
 *
 * <p>Read noise: the sum over a column of independent per-read Gaussian conductance noises, weighted
 * by the inputs, is itself Gaussian with variance Σ_i σ_i²·u_i²; the default path draws exactly that
 * one Gaussian per column from a precomputed variance matrix (one extra dot product per bit line), and the
 * {@link CimConfig.NoisePath#MONTE_CARLO} path draws every cell's noise as a reference.
 *
 * <p>Random streams depend only on the seed, the call count and the work unit, never on thread
 * scheduling: results are reproducible for any thread count.
 */
public final class TiledAnalogMatrix implements AnalogMatrix {

  /** Digital accumulator width for shift-and-add and buffer traffic (assumption). */
  static final int ACCUMULATOR_BITS = 24;

  private static final Map<Integer, ForkJoinPool> POOLS = new ConcurrentHashMap<>();
  /** Per-thread buffers of the product work units, grown as needed and reused across calls. */
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private final CimConfig config;
  private final AnalogCell cell;
  private final TechnologyNode node;
  private final int rows;
  private final int cols;
  private final long seed;
  private final int rowTiles;
  private final int colTiles;
  private final int bitsPerCell;
  private final double[] sliceCoefficient;
  private final CostLedger ledger = new CostLedger();
  private final AtomicLong calls = new AtomicLong();
  private long programmings;
  private volatile State state;

  /** What one programming produced; replaced as a whole on reprogramming. */
  private record State(
      CrossbarTile[][] tiles, float[] outputScale, double[] wordLineConductance, double[] bitLineConductance) {}

  /**
   * A matrix on {@code config}'s cell type; call {@link #program} before multiplying.
   *
   * @throws IllegalArgumentException if the configuration does not fit the cell
   */
  public TiledAnalogMatrix(CimConfig config, int rows, int cols, long seed) {
    this(config, CellLibrary.create(config.cell()), rows, cols, seed);
  }

  /** A matrix on an explicit cell model (a measured chip's data, a test cell). */
  public TiledAnalogMatrix(CimConfig config, AnalogCell cell, int rows, int cols, long seed) {
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException("matrix shape " + rows + "x" + cols + ": both sides must be >= 1");
    }
    int max = config.cell().maxArrayDimension();
    if (config.tile().rows() > max || config.tile().cols() > max) {
      throw new IllegalArgumentException(
          "tile " + config.tile().rows() + "x" + config.tile().cols() + " is larger than cell type "
              + config.cell().type() + " allows (cell.maxArrayDimension = " + max + ")");
    }
    if (cell instanceof ChargeDomainCell charge) {
      requireChargeDomainFit(config, charge);
    }
    if (!(cell.maxConductance() > cell.minConductance())) {
      throw new IllegalArgumentException(
          "cell " + cell.name() + ": maxConductance " + cell.maxConductance() + " must exceed minConductance "
              + cell.minConductance());
    }
    int levelBits = 31 - Integer.numberOfLeadingZeros(Math.max(2, cell.levels()));
    int b = config.mapping().bitsPerCell() == 0 ? levelBits : config.mapping().bitsPerCell();
    if (b > levelBits) {
      throw new IllegalArgumentException(
          "mapping.bitsPerCell = " + b + ": cell " + cell.name() + " has only " + cell.levels() + " levels ("
              + levelBits + " bits)");
    }
    if (config.mapping().quantizeToLevels() && (long) b * config.mapping().slices() > 30) {
      throw new IllegalArgumentException(
          "mapping: bitsPerCell × slices = " + b * config.mapping().slices() + " exceeds 30 bits");
    }
    this.config = config;
    this.cell = cell;
    this.node = TechnologyNode.preset(config.technology().node());
    this.rows = rows;
    this.cols = cols;
    this.seed = seed;
    this.rowTiles = (cols + config.tile().rows() - 1) / config.tile().rows();
    this.colTiles = (rows + config.tile().cols() - 1) / config.tile().cols();
    this.bitsPerCell = b;
    int slices = config.mapping().slices();
    sliceCoefficient = new double[slices];
    if (config.mapping().quantizeToLevels()) {
      double qMax = (1L << (b * slices)) - 1;
      double mask = (1 << b) - 1;
      for (int s = 0; s < slices; s++) {
        sliceCoefficient[s] = (1L << (b * s)) * mask / qMax;
      }
    } else {
      sliceCoefficient[0] = 1;
    }
  }

  /** What a charge-domain read cannot do: long lines, multi-level input voltages, DC IR drop. */
  private static void requireChargeDomainFit(CimConfig config, ChargeDomainCell cell) {
    int max = cell.maxCellsPerLine();
    if (config.tile().rows() > max || config.tile().cols() > max) {
      throw new IllegalArgumentException(
          "tile " + config.tile().rows() + "x" + config.tile().cols() + " is larger than cell " + cell.name()
              + " allows: at most " + max + " cells share a line in a charge-domain read");
    }
    if (config.input().encoding() != CimConfig.InputEncoding.BIT_SERIAL) {
      throw new IllegalArgumentException(
          "input.encoding = " + config.input().encoding() + ": cell " + cell.name()
              + " needs BIT_SERIAL inputs (its switched polarization charge is all-or-nothing above the"
              + " coercive voltage, so a multi-level DAC voltage does not scale it)");
    }
    if (config.nonIdealities().irDrop().enabled()) {
      throw new IllegalArgumentException(
          "nonIdealities.irDrop.enabled = true: cell " + cell.name()
              + " reads by charge sharing, with no DC current to drop a voltage");
    }
  }

  public CimConfig config() {
    return config;
  }

  public AnalogCell cell() {
    return cell;
  }

  /** Bits each cell holds in the mapping. */
  public int bitsPerCell() {
    return bitsPerCell;
  }

  public int tileCount() {
    return rowTiles * colTiles;
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
  public CostLedger ledger() {
    return ledger;
  }

  @Override
  public synchronized void program(float[] weights) {
    if (weights.length != rows * cols) {
      throw new IllegalArgumentException(
          "weights: " + weights.length + " values for a " + rows + "x" + cols + " matrix");
    }
    float[] scale = new float[rows];
    for (int r = 0; r < rows; r++) {
      float m = 0;
      for (int c = 0; c < cols; c++) {
        float w = weights[r * cols + c];
        if (!Float.isFinite(w)) {
          throw new IllegalArgumentException("weights[" + r + "][" + c + "] = " + w + ": must be finite");
        }
        m = Math.max(m, Math.abs(w));
      }
      scale[r] = m;
    }
    if (config.mapping().weightScaling() == CimConfig.WeightScaling.PER_MATRIX) {
      float m = 0;
      for (float s : scale) {
        m = Math.max(m, s);
      }
      java.util.Arrays.fill(scale, m);
    }
    long programming = ++programmings;
    CrossbarTile[][] tiles = new CrossbarTile[rowTiles][colTiles];
    double[] energy = new double[rowTiles * colTiles];
    parallelFor(
        rowTiles * colTiles,
        t -> {
          int rt = t / colTiles;
          int ct = t % colTiles;
          tiles[rt][ct] = programTile(weights, scale, rt, ct, programming, energy, t);
        });
    double total = 0;
    for (double e : energy) {
      total += e;
    }
    ledger.add(CostReport.of(CostCategory.PROGRAMMING, total, 0));
    state = assemble(tiles, scale);
  }

  /** The state of freshly built tiles: their line conductance totals summed over the matrix. */
  private State assemble(CrossbarTile[][] tiles, float[] scale) {
    double[] wl = new double[cols];
    double[] bl = new double[rows];
    for (int rt = 0; rt < rowTiles; rt++) {
      for (int ct = 0; ct < colTiles; ct++) {
        CrossbarTile tile = tiles[rt][ct];
        for (int i = 0; i < tile.nIn; i++) {
          wl[rt * config.tile().rows() + i] += tile.wordLineConductance[i];
        }
        for (int o = 0; o < tile.nOut; o++) {
          bl[ct * config.tile().cols() + o] += tile.bitLineConductance[o];
        }
      }
    }
    return new State(tiles, scale, wl, bl);
  }

  /**
   * What the cells hold after programming: the conductances, each output's weight scale and every
   * forward ADC's full scale (calibrated or configured). A non-volatile chip keeps exactly this
   * across power-off; {@link #restore} rebuilds the matrix from it without programming.
   */
  public ProgrammedCells programmedCells() {
    State st = requireState();
    int slices = config.mapping().slices();
    float[] fullScale = new float[rowTiles * slices * rows];
    for (int rt = 0; rt < rowTiles; rt++) {
      for (int ct = 0; ct < colTiles; ct++) {
        CrossbarTile.Orientation or = st.tiles[rt][ct].forward;
        for (int s = 0; s < slices; s++) {
          System.arraycopy(
              or.fullScale[s], 0, fullScale, (rt * slices + s) * rows + ct * config.tile().cols(), or.nOut);
        }
      }
    }
    return new ProgrammedCells(st.outputScale.clone(), conductances(), fullScale);
  }

  /**
   * Rebuilds the matrix from cells programmed earlier (a saved, possibly aged, chip): no programming
   * pulses, no programming energy. Read noise and ADC offsets come from this matrix's seed, as after
   * {@link #program}, so a restored chip reads exactly as the programmed one did.
   */
  public synchronized void restore(ProgrammedCells cells) {
    int slices = config.mapping().slices();
    Conductances g = cells.conductances();
    if (g.rows() != rows || g.cols() != cols || g.slices() != slices || cells.outputScale().length != rows
        || cells.adcFullScale().length != rowTiles * slices * rows) {
      throw new IllegalArgumentException(
          "programmed cells of a " + g.rows() + "x" + g.cols() + " matrix with " + g.slices()
              + " slices do not fit this " + rows + "x" + cols + " matrix with " + slices + " slices");
    }
    CrossbarTile[][] tiles = new CrossbarTile[rowTiles][colTiles];
    parallelFor(
        rowTiles * colTiles,
        t -> {
          int rt = t / colTiles;
          int ct = t % colTiles;
          int in0 = rt * config.tile().rows();
          int out0 = ct * config.tile().cols();
          int nIn = Math.min(config.tile().rows(), cols - in0);
          int nOut = Math.min(config.tile().cols(), rows - out0);
          float[][] gp = new float[slices][nIn * nOut];
          float[][] gm = new float[slices][nIn * nOut];
          for (int s = 0; s < slices; s++) {
            for (int o = 0; o < nOut; o++) {
              int from = (s * rows + out0 + o) * cols + in0;
              System.arraycopy(g.plus(), from, gp[s], o * nIn, nIn);
              System.arraycopy(g.minus(), from, gm[s], o * nIn, nIn);
            }
          }
          CrossbarTile tile = buildTile(gp, gm, nIn, nOut, t);
          for (int s = 0; s < slices; s++) {
            System.arraycopy(cells.adcFullScale(), (rt * slices + s) * rows + out0, tile.forward.fullScale[s], 0, nOut);
          }
          tiles[rt][ct] = tile;
        });
    state = assemble(tiles, cells.outputScale().clone());
  }

  private CrossbarTile programTile(
      float[] weights, float[] scale, int rt, int ct, long programming, double[] energy, int t) {
    int in0 = rt * config.tile().rows();
    int out0 = ct * config.tile().cols();
    int nIn = Math.min(config.tile().rows(), cols - in0);
    int nOut = Math.min(config.tile().cols(), rows - out0);
    int slices = config.mapping().slices();
    // Static per-cell properties (d2d gain, stuck state) come from a stream that depends only on the
    // seed and the tile, so they stay with the physical cell across reprogramming.
    SplittableRandom device = new SplittableRandom(StreamSeeds.derive(seed, StreamSeeds.DEVICE_VARIATION, t));
    SplittableRandom write = new SplittableRandom(StreamSeeds.derive(seed, StreamSeeds.PROGRAMMING, programming, t));
    double gMin = cell.minConductance();
    double gMax = cell.maxConductance();
    double deltaG = gMax - gMin;
    boolean quantize = config.mapping().quantizeToLevels();
    long qMax = quantize ? (1L << (bitsPerCell * slices)) - 1 : 0;
    int mask = (1 << bitsPerCell) - 1;
    float[][] gp = new float[slices][nIn * nOut];
    float[][] gm = new float[slices][nIn * nOut];
    double[] spent = new double[1];
    for (int o = 0; o < nOut; o++) {
      float sc = scale[out0 + o];
      for (int i = 0; i < nIn; i++) {
        float w = weights[(out0 + o) * cols + in0 + i];
        double magnitude = sc > 0 ? Math.min(1.0, Math.abs(w) / sc) : 0;
        long q = quantize ? Math.round(magnitude * qMax) : 0;
        for (int s = 0; s < slices; s++) {
          double level = quantize ? ((q >>> (bitsPerCell * s)) & mask) / (double) mask : magnitude;
          double target = gMin + level * deltaG;
          int k = o * nIn + i;
          double plus = realise(w >= 0 ? target : gMin, device, write, spent);
          double minus = realise(w >= 0 ? gMin : target, device, write, spent);
          gp[s][k] = (float) plus;
          gm[s][k] = (float) minus;
        }
      }
    }
    energy[t] = spent[0];
    return buildTile(gp, gm, nIn, nOut, t);
  }

  /** Tile {@code t} holding these conductances, with their read-noise sigmas from the cell model. */
  private CrossbarTile buildTile(float[][] gp, float[][] gm, int nIn, int nOut, int t) {
    CimConfig.NonIdealities ni = config.nonIdealities();
    boolean noise = ni.readNoise().enabled();
    float[][] sp = null;
    float[][] sm = null;
    if (noise) {
      double noiseScale = ni.readNoise().scale();
      sp = new float[gp.length][];
      sm = new float[gm.length][];
      for (int s = 0; s < gp.length; s++) {
        sp[s] = new float[gp[s].length];
        sm[s] = new float[gm[s].length];
        for (int k = 0; k < gp[s].length; k++) {
          sp[s][k] = (float) (noiseScale * cell.readNoiseSigma(gp[s][k]));
          sm[s][k] = (float) (noiseScale * cell.readNoiseSigma(gm[s][k]));
        }
      }
    }
    IntToDoubleFunction lineNoise = cell instanceof ChargeDomainCell charge ? charge::lineNoiseSigma : null;
    double deltaG = cell.maxConductance() - cell.minConductance();
    return new CrossbarTile(
        config, nIn, nOut, gp, gm, sp, sm, deltaG, lineNoise, StreamSeeds.derive(seed, StreamSeeds.ADC_OFFSET, t));
  }

  /** Programs one cell towards {@code target} and applies the enabled programming non-idealities. */
  private double realise(double target, SplittableRandom device, SplittableRandom write, double[] spent) {
    CimConfig.NonIdealities ni = config.nonIdealities();
    double d2d = device.nextGaussian();
    double stuck = device.nextDouble();
    double g = target;
    if (ni.programming().enabled()) {
      AnalogCell.ProgramResult r =
          cell.program(target, ni.programming().relativeTolerance(), ni.programming().maxIterations(), write);
      g = r.conductance();
      spent[0] += r.energyJoules();
    }
    if (ni.deviceToDevice().enabled()) {
      g *= 1 + ni.deviceToDevice().relativeSigma() * d2d;
    }
    if (ni.cycleToCycle().enabled()) {
      g *= 1 + ni.cycleToCycle().relativeSigma() * write.nextGaussian();
    }
    if (ni.stuckCells().enabled()) {
      if (stuck < ni.stuckCells().stuckOnFraction()) {
        g = cell.maxConductance();
      } else if (stuck < ni.stuckCells().stuckOnFraction() + ni.stuckCells().stuckOffFraction()) {
        g = cell.minConductance();
      }
    }
    g = Math.max(0, g);
    if (ni.retention().enabled()) {
      g = cell.retainedConductance(g, ni.retention().seconds(), ni.retention().kelvin());
    }
    return g;
  }

  @Override
  public void multiplyBatch(float[] xs, float[] ys, int batch) {
    run(false, xs, ys, batch);
  }

  @Override
  public void multiplyTransposedBatch(float[] ds, float[] xs, int batch) {
    run(true, ds, xs, batch);
  }

  /** Normalised, DAC-converted inputs: one pair (u, u²) per input pulse plane. */
  private record Prepared(float[] vectorScale, float[][] u, float[][] q, double[] planeCoefficient) {}

  private void run(boolean transposed, float[] in, float[] out, int batch) {
    State st = state;
    if (st == null) {
      throw new IllegalStateException("matrix not programmed: call program(weights) first");
    }
    int nIn = transposed ? rows : cols;
    int nOut = transposed ? cols : rows;
    if (batch < 1 || in.length < batch * nIn || out.length < batch * nOut) {
      throw new IllegalArgumentException(
          "batch " + batch + ": input has " + in.length + " values (needs " + batch * nIn + "), output "
              + out.length + " (needs " + batch * nOut + ")");
    }
    int inTile = transposed ? config.tile().cols() : config.tile().rows();
    int outTile = transposed ? config.tile().rows() : config.tile().cols();
    int inTiles = transposed ? colTiles : rowTiles;
    int outTiles = transposed ? rowTiles : colTiles;
    Prepared p = prepare(in, batch, nIn, transposed ? st.outputScale : null);
    float[] outScale = transposed ? null : st.outputScale;
    long call = calls.incrementAndGet();
    int width = MvmKernels.panelWidth();
    int panelsPerTile = MvmKernels.panels(outTile);
    CimConfig.ReadNoise rn = config.nonIdealities().readNoise();
    boolean noise = rn.enabled();
    boolean monteCarlo = noise && rn.path() == CimConfig.NoisePath.MONTE_CARLO;
    CimConfig.AdcError adcError = config.nonIdealities().adcError();
    ColumnConverter adc = new ColumnConverter(config.adc().bits(), adcError.enabled() ? adcError.inlLsb() : 0);
    parallelFor(
        outTiles * panelsPerTile,
        unit -> {
          int ot = unit / panelsPerTile;
          int o0 = (unit % panelsPerTile) * width;
          int tileOuts = Math.min(outTile, nOut - ot * outTile);
          if (o0 >= tileOuts) {
            return;
          }
          int used = Math.min(width, tileOuts - o0);
          Scratch sc = SCRATCH.get().ensure(batch * width, width);
          // acc[b·width + (o − o0)]: digital partial sums of this unit's outputs.
          double[] acc = sc.acc;
          java.util.Arrays.fill(acc, 0, batch * width, 0);
          SplittableRandom cellNoise = monteCarlo ? new SplittableRandom(StreamSeeds.derive(seed, StreamSeeds.READ_NOISE, call, unit)) : null;
          VectorNormals columnNoise = noise && !monteCarlo ? new VectorNormals(StreamSeeds.derive(seed, StreamSeeds.READ_NOISE, call, unit)) : null;
          for (int it = 0; it < inTiles; it++) {
            CrossbarTile tile = transposed ? st.tiles[ot][it] : st.tiles[it][ot];
            CrossbarTile.Orientation or = transposed ? tile.backward() : tile.forward;
            int uBase = it * inTile;
            int len = or.nIn;
            int pOff = or.panelOffset(o0);
            for (int s = 0; s < or.g.length; s++) {
              for (int pl = 0; pl < p.u.length; pl++) {
                double coef = sliceCoefficient[s] * p.planeCoefficient[pl];
                float[] u = p.u[pl];
                MvmKernels.panelProduct(or.g[s], pOff, len, u, uBase, nIn, batch, sc.mean);
                if (monteCarlo) {
                  double lineSigma = Math.sqrt(or.lineVariance);
                  for (int b = 0; b < batch; b++) {
                    for (int o = o0; o < o0 + used; o++) {
                      double line = lineSigma == 0 ? 0 : lineSigma * cellNoise.nextGaussian();
                      sc.mean[b * width + o - o0] +=
                          (float) (monteCarloNoise(or, s, o, u, b * nIn + uBase, len, cellNoise) + line);
                    }
                  }
                } else if (noise) {
                  MvmKernels.panelProduct(or.variance[s], pOff, len, p.q[pl], uBase, nIn, batch, sc.variance);
                  columnNoise.fill(sc.normals, batch * width);
                }
                for (int k = 0; k < width; k++) {
                  // Columns past the tile edge (padding of the last panel) convert to nothing.
                  double fs = k < used ? or.fullScale[s][o0 + k] : 0;
                  sc.inverseLsb[k] = k < used ? adc.halfCodes / fs : 0;
                  sc.step[k] = coef * fs / adc.halfCodes;
                  sc.offset[k] = k < used && or.offsetLsb != null ? or.offsetLsb[s][o0 + k] : 0;
                }
                adc.convert(
                    sc.mean,
                    noise && !monteCarlo ? sc.variance : null,
                    sc.normals,
                    or.lineVariance,
                    sc.wide,
                    sc.wideVariance,
                    batch * width,
                    width,
                    sc.inverseLsb,
                    sc.offset,
                    sc.step,
                    acc);
              }
            }
          }
          int go0 = ot * outTile + o0;
          for (int b = 0; b < batch; b++) {
            for (int k = 0; k < used; k++) {
              double os = outScale == null ? 1 : outScale[go0 + k];
              out[b * nOut + go0 + k] = (float) (p.vectorScale[b] * os * acc[b * width + k]);
            }
          }
        });
    ledger.add(cost(transposed, p, batch, st, inTiles, outTiles));
  }

  /** Buffers of one work unit: column sums, their variances and noise draws, ADC settings, sums. */
  private static final class Scratch {
    float[] mean = new float[0];
    float[] variance = new float[0];
    double[] normals = new double[0];
    double[] wide = new double[0];
    double[] wideVariance = new double[0];
    double[] acc = new double[0];
    double[] inverseLsb = new double[0];
    double[] step = new double[0];
    double[] offset = new double[0];

    Scratch ensure(int values, int width) {
      if (mean.length < values) {
        mean = new float[values];
        variance = new float[values];
        normals = new double[values];
        wide = new double[values];
        wideVariance = new double[values];
        acc = new double[values];
      }
      if (step.length < width) {
        inverseLsb = new double[width];
        step = new double[width];
        offset = new double[width];
      }
      return this;
    }
  }

  /** One column's read noise drawn cell by cell: Σ_i u_i·(σ+_i·z − σ−_i·z'). */
  private static double monteCarloNoise(
      CrossbarTile.Orientation or, int s, int o, float[] u, int uOff, int len, SplittableRandom rng) {
    float[] sp = or.sigmaPlus[s];
    float[] sm = or.sigmaMinus[s];
    double n = 0;
    for (int i = 0; i < len; i++) {
      int k = i * or.nOut + o;
      n += u[uOff + i] * (sp[k] * rng.nextGaussian() - sm[k] * rng.nextGaussian());
    }
    return n;
  }

  private Prepared prepare(float[] in, int batch, int n, float[] inputWeightScale) {
    CimConfig.Input ic = config.input();
    int dMax = (1 << (ic.bits() - 1)) - 1;
    float[] vectorScale = new float[batch];
    boolean serial = ic.encoding() == CimConfig.InputEncoding.BIT_SERIAL;
    int planes = serial ? ic.bits() - 1 : 1;
    float[][] u = new float[planes][batch * n];
    float[][] q = new float[planes][batch * n];
    double[] planeCoefficient = new double[planes];
    for (int pl = 0; pl < planes; pl++) {
      planeCoefficient[pl] = serial ? Math.scalb(1.0, pl) / dMax : 1;
    }
    for (int b = 0; b < batch; b++) {
      float a;
      if (ic.scaling() == CimConfig.InputScaling.FIXED) {
        a = (float) ic.fixedRange();
      } else {
        a = 0;
        for (int i = 0; i < n; i++) {
          float x = in[b * n + i] * (inputWeightScale == null ? 1 : inputWeightScale[i]);
          if (!Float.isFinite(x)) {
            throw new IllegalArgumentException("input[" + b + "][" + i + "] = " + x + ": must be finite");
          }
          a = Math.max(a, Math.abs(x));
        }
        if (a == 0) {
          a = 1;
        }
      }
      vectorScale[b] = a;
      for (int i = 0; i < n; i++) {
        double x = in[b * n + i] * (inputWeightScale == null ? 1 : inputWeightScale[i]) / a;
        x = x < -1 ? -1 : (x > 1 ? 1 : x);
        // Round to the nearest DAC code: the shifted value is ≥ 0, so truncation is the floor.
        long code = (long) (x * dMax + dMax + 0.5) - dMax;
        int k = b * n + i;
        if (serial) {
          long mag = Math.abs(code);
          float sign = code < 0 ? -1 : 1;
          for (int pl = 0; pl < planes; pl++) {
            float bit = ((mag >>> pl) & 1) != 0 ? sign : 0;
            u[pl][k] = bit;
            q[pl][k] = bit * bit;
          }
        } else {
          float v = (float) code / dMax;
          u[0][k] = v;
          q[0][k] = v * v;
        }
      }
    }
    return new Prepared(vectorScale, u, q, planeCoefficient);
  }

  private CostReport cost(boolean transposed, Prepared p, int batch, State st, int inTiles, int outTiles) {
    int nIn = transposed ? rows : cols;
    int nOut = transposed ? cols : rows;
    int slices = config.mapping().slices();
    int planes = p.u.length;
    double[] lineConductance = transposed ? st.bitLineConductance : st.wordLineConductance;
    double squares = 0;
    double conductanceWeighted = 0;
    for (int pl = 0; pl < planes; pl++) {
      float[] q = p.q[pl];
      for (int b = 0; b < batch; b++) {
        for (int i = 0; i < nIn; i++) {
          double v = q[b * nIn + i];
          squares += v;
          conductanceWeighted += v * lineConductance[i];
        }
      }
    }
    double v = cell.readVoltage();
    // Word lines swing to the supply (FeFET gates, access transistors); the cell sees readVoltage.
    double vdd = node.supplyVolts();
    // Cells on one driven line: every output's slices and polarities across the other dimension.
    double cellsPerLine = 2.0 * slices * nOut;
    double conversions = (double) batch * planes * slices * nOut * inTiles;
    EnumMap<CostCategory, Double> e = new EnumMap<>(CostCategory.class);
    if (cell instanceof ChargeDomainCell charge) {
      // Σ over driven cells of Q/V = G_equivalent·t; the dielectric part does not switch.
      double capacitance = conductanceWeighted * charge.integrationSeconds();
      double dielectric = squares * cellsPerLine * charge.dielectricCapacitanceFarads();
      // Plate drive C·V² of the driven cells, then the write-back of the switched charge Q_P·V.
      e.put(CostCategory.CELL_READ, v * v * (2 * capacitance - dielectric));
      // Assumption: each read resets both lines of every output pair and the charge-sensing front
      // end swings them by up to the supply: C_BL·V_DD² per line and conversion.
      int lineCells = transposed ? config.tile().cols() : config.tile().rows();
      e.put(
          CostCategory.BIT_LINE,
          2 * conversions * lineCells * charge.bitLineCapacitancePerCellFarads() * vdd * vdd);
    } else {
      e.put(CostCategory.CELL_READ, v * v * node.readSeconds() * conductanceWeighted);
    }
    boolean dac = config.input().encoding() == CimConfig.InputEncoding.DAC;
    e.put(
        CostCategory.DAC,
        dac ? (double) batch * nIn * outTiles * config.input().bits() * node.dacEnergyPerBitJoules() : 0);
    e.put(CostCategory.WORD_LINE, node.wordLineCapacitancePerCellFarads() * cellsPerLine * vdd * vdd * squares);
    e.put(CostCategory.ADC, conversions * node.adcWaldenFomJoules() * Math.scalb(1.0, config.adc().bits()));
    e.put(CostCategory.SHIFT_ADD, conversions * ACCUMULATOR_BITS * node.addEnergyPerBitJoules());
    e.put(
        CostCategory.ACCUMULATE,
        (double) batch * nOut * ((inTiles - 1) * ACCUMULATOR_BITS * node.addEnergyPerBitJoules()
            + node.multiplyEnergyJoules()));
    e.put(
        CostCategory.BUFFER,
        (double) batch * ((double) nIn * outTiles * config.input().bits() + (double) nOut * 32)
            * node.sramEnergyPerBitJoules());
    // A charge-domain read is destructive: the read pulse and the write-back pulse.
    double read = cell instanceof ChargeDomainCell charge ? 2 * charge.integrationSeconds() : node.readSeconds();
    double latency = batch * planes * (read + config.adc().columnsPerAdc() * node.adcConversionSeconds());
    return new CostReport(e, latency, 2L * rows * cols * batch, batch);
  }

  /**
   * Range calibration from data: sets every forward ADC's full scale to {@code headroom} times the
   * largest |column sum| that the sample inputs {@code xs} ({@code batch} × cols) produce on the
   * programmed (noiseless) conductances. Typical activations are far from uniform, so this gives
   * finer LSBs than the configured range; values beyond the calibrated range saturate. Call it
   * between products, not concurrently with them.
   */
  public void calibrateAdcRanges(float[] xs, int batch, double headroom) {
    State st = requireState();
    if (!(headroom > 0)) {
      throw new IllegalArgumentException("headroom = " + headroom + ": must be > 0");
    }
    if (batch < 1 || xs.length < batch * cols) {
      throw new IllegalArgumentException("calibration batch " + batch + ": needs " + batch * cols + " inputs, got " + xs.length);
    }
    Prepared p = prepare(xs, batch, cols, null);
    int width = MvmKernels.panelWidth();
    parallelFor(
        rowTiles * colTiles,
        t -> {
          int rt = t / colTiles;
          CrossbarTile.Orientation or = st.tiles[rt][t % colTiles].forward;
          int base = rt * config.tile().rows();
          float[] sums = new float[batch * width];
          for (int s = 0; s < or.g.length; s++) {
            double[] peak = new double[or.nOut];
            for (float[] u : p.u) {
              for (int o0 = 0; o0 < or.nOut; o0 += width) {
                MvmKernels.panelProduct(or.g[s], or.panelOffset(o0), or.nIn, u, base, cols, batch, sums);
                for (int b = 0; b < batch; b++) {
                  for (int o = o0; o < Math.min(o0 + width, or.nOut); o++) {
                    peak[o] = Math.max(peak[o], Math.abs(sums[b * width + o - o0]));
                  }
                }
              }
            }
            for (int o = 0; o < or.nOut; o++) {
              if (peak[o] > 0) {
                or.fullScale[s][o] = (float) (headroom * peak[o]);
              }
            }
          }
        });
  }

  /** Energy, latency and operations of one MVM with {@code x} as input, without running it. */
  public CostReport estimate(float[] x) {
    State st = state;
    if (st == null) {
      throw new IllegalStateException("matrix not programmed: call program(weights) first");
    }
    return cost(false, prepare(x, 1, cols, null), 1, st, rowTiles, colTiles);
  }

  @Override
  public AreaReport area() {
    int tiles = rowTiles * colTiles;
    int slices = config.mapping().slices();
    double f = node.featureMetres();
    double cells = 2.0 * slices * config.tile().rows() * config.tile().cols() * node.cellAreaF2() * f * f;
    int adcs = (config.tile().cols() * slices + config.adc().columnsPerAdc() - 1) / config.adc().columnsPerAdc();
    double adc = adcs * node.adcAreaPerStepSquareMetres() * Math.scalb(1.0, config.adc().bits());
    double dacs = config.tile().rows() * node.dacAreaSquareMetres();
    return new AreaReport(tiles * cells, tiles * adc, tiles * dacs, tiles);
  }

  @Override
  public float[] effectiveWeights() {
    State st = requireState();
    float[] w = new float[rows * cols];
    for (int rt = 0; rt < rowTiles; rt++) {
      for (int ct = 0; ct < colTiles; ct++) {
        CrossbarTile t = st.tiles[rt][ct];
        for (int o = 0; o < t.nOut; o++) {
          int r = ct * config.tile().cols() + o;
          for (int i = 0; i < t.nIn; i++) {
            double sum = 0;
            for (int s = 0; s < t.slices; s++) {
              sum += sliceCoefficient[s] * t.forward.g(s, i, o);
            }
            w[r * cols + rt * config.tile().rows() + i] = (float) (st.outputScale[r] * sum);
          }
        }
      }
    }
    return w;
  }

  @Override
  public Conductances conductances() {
    State st = requireState();
    int slices = config.mapping().slices();
    float[] plus = new float[slices * rows * cols];
    float[] minus = new float[slices * rows * cols];
    for (int rt = 0; rt < rowTiles; rt++) {
      for (int ct = 0; ct < colTiles; ct++) {
        CrossbarTile t = st.tiles[rt][ct];
        for (int s = 0; s < slices; s++) {
          for (int o = 0; o < t.nOut; o++) {
            int r = ct * config.tile().cols() + o;
            for (int i = 0; i < t.nIn; i++) {
              int idx = (s * rows + r) * cols + rt * config.tile().rows() + i;
              plus[idx] = t.gPlus[s][o * t.nIn + i];
              minus[idx] = t.gMinus[s][o * t.nIn + i];
            }
          }
        }
      }
    }
    return new Conductances(rows, cols, slices, plus, minus);
  }

  /**
   * The worst-case |error| of each output of {@code W·x} for an ideal chip (every non-ideality off):
   * half an ADC LSB per conversion, scaled by its slice and plane weight, plus the weight quantisation
   * (half a step of 2^(b·slices) − 1 per weight, times |x|) and the input quantisation (half a DAC step
   * times |ŵ|). Holds while no ADC saturates, which {@link CimConfig.AdcRange#WORST_CASE} guarantees.
   */
  public double[] quantisationBound(float[] x) {
    State st = requireState();
    Prepared p = prepare(x, 1, cols, null);
    double a = p.vectorScale[0];
    int dMax = (1 << (config.input().bits() - 1)) - 1;
    double qMax = config.mapping().quantizeToLevels() ? Math.scalb(1.0, bitsPerCell * config.mapping().slices()) - 1 : 0;
    double halfCodes = Math.scalb(1.0, config.adc().bits() - 1);
    double[] bound = new double[rows];
    float[] w = effectiveWeights();
    for (int r = 0; r < rows; r++) {
      int ct = r / config.tile().cols();
      int o = r % config.tile().cols();
      double adc = 0;
      for (int rt = 0; rt < rowTiles; rt++) {
        CrossbarTile.Orientation or = st.tiles[rt][ct].forward;
        for (int s = 0; s < or.g.length; s++) {
          for (int pl = 0; pl < p.u.length; pl++) {
            adc += sliceCoefficient[s] * p.planeCoefficient[pl] * or.fullScale[s][o] / halfCodes / 2;
          }
        }
      }
      double sumAbsX = 0;
      double sumAbsW = 0;
      for (int c = 0; c < cols; c++) {
        sumAbsX += Math.abs(x[c]);
        sumAbsW += Math.abs(w[r * cols + c]);
      }
      double weightStep = qMax > 0 ? st.outputScale[r] / (2 * qMax) : 0;
      double inputStep = a / (2.0 * dMax);
      bound[r] = a * st.outputScale[r] * adc + weightStep * sumAbsX + inputStep * sumAbsW
          + 1e-5 * (sumAbsW + cols * weightStep) * (sumAbsX + cols * inputStep);
    }
    return bound;
  }

  private State requireState() {
    State st = state;
    if (st == null) {
      throw new IllegalStateException("matrix not programmed: call program(weights) first");
    }
    return st;
  }

  private void parallelFor(int n, IntConsumer body) {
    int threads = config.threads();
    if (threads == 1 || n == 1) {
      for (int i = 0; i < n; i++) {
        body.accept(i);
      }
    } else if (threads == 0) {
      IntStream.range(0, n).parallel().forEach(body);
    } else {
      POOLS.computeIfAbsent(threads, ForkJoinPool::new)
          .submit(() -> IntStream.range(0, n).parallel().forEach(body))
          .join();
    }
  }
}
