package org.ferrogen.learn.onchip;

import java.util.EnumMap;
import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.ferrogen.cim.AnalogMatrix;
import org.ferrogen.cim.Conductances;
import org.ferrogen.device.cost.AreaReport;
import org.ferrogen.device.cost.CostCategory;
import org.ferrogen.device.cost.CostLedger;
import org.ferrogen.device.cost.CostReport;
import org.ferrogen.device.cost.TechnologyNode;

/**
 * A crossbar of differential memristor pairs read in both directions, as on-chip training needs:
 * forward {@code y = W·x} drives the rows' inputs and senses the columns, backward {@code Wᵀ·δ}
 * drives the other side (the same cells, as the CEA-Leti array reads them). The weight of a pair is
 * {@code scale·(G+ − G−)/ΔG}, ΔG the span of the memristor's levels. Every product goes through
 * {@link Readout}: abs-max input scaling, DAC rounding, the column sum of the conductances, the cells'
 * read noise (Gaussian, variance Σ_i u_i²·(σ+_i² + σ−_i²), σ = the device's relative read noise ×
 * G, drawn as one normal per column), clipping at the bound and ADC rounding.
 *
 * <p>Pairs are updated in place ({@link #setPair}) after each transfer, so the cost of a transfer is
 * that of the synapses it touched. Energies go to the cim {@link CostLedger} (cell reads at the read
 * voltage for the 130 nm node's read time, DAC and ADC conversions; programming is added by the
 * owner). Hand-written kernels (Vector API) because the products are one vector at a time and the
 * weights change between them. Not thread-safe.
 */
public final class MemristorCrossbar implements AnalogMatrix {

  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_256;

  private final int rows;
  private final int cols;
  private final float scale;
  private final double deltaG;
  private final double readVolts;
  private final double readNoiseRelative;
  private final Readout readout;
  private final TechnologyNode node;
  private final float[] gPlus;
  private final float[] gMinus;
  /** Normalised weights (G+ − G−)/ΔG, rows × cols. */
  private final float[] weight;
  /** Read-noise variance per cell pair, (σ+² + σ−²)/ΔG², rows × cols. */
  private final float[] variance;
  private final float[] u;
  private final float[] u2;
  private final float[] sum;
  private final float[] var;
  private final SplittableRandom noise;
  private final CostLedger ledger = new CostLedger();
  private double conductanceSum;
  private double cellEnergy;
  private double dacEnergy;
  private double adcEnergy;
  private double latency;
  private long operations;
  private long mvms;

  /**
   * @param scale weight of a pair at G+ − G− = ΔG
   * @param deltaG conductance span ΔG, siemens
   * @param resetG conductance of both sides before any programming, siemens
   * @param readVolts read voltage (0.4 V for the CEA memristor)
   * @param readNoiseRelative read-to-read noise relative to G
   */
  public MemristorCrossbar(int rows, int cols, float scale, double deltaG, double resetG, double readVolts,
      double readNoiseRelative, Readout readout, TechnologyNode node, long seed) {
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException("crossbar " + rows + "×" + cols + ": both sides must be >= 1");
    }
    this.rows = rows;
    this.cols = cols;
    this.scale = scale;
    this.deltaG = deltaG;
    this.readVolts = readVolts;
    this.readNoiseRelative = readNoiseRelative;
    this.readout = readout;
    this.node = node;
    int n = rows * cols;
    gPlus = new float[n];
    gMinus = new float[n];
    weight = new float[n];
    variance = new float[n];
    int width = Math.max(rows, cols) + SPECIES.length();
    u = new float[width];
    u2 = new float[width];
    sum = new float[width];
    var = new float[width];
    noise = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      setPair(i, resetG, resetG);
    }
  }

  @Override
  public int rows() {
    return rows;
  }

  @Override
  public int cols() {
    return cols;
  }

  /** The pair at {@code index} (row-major) now conducts {@code plus} and {@code minus} siemens. */
  public void setPair(int index, double plus, double minus) {
    conductanceSum += plus + minus - gPlus[index] - gMinus[index];
    gPlus[index] = (float) plus;
    gMinus[index] = (float) minus;
    weight[index] = (float) ((plus - minus) / deltaG);
    double sp = readNoiseRelative * plus / deltaG;
    double sm = readNoiseRelative * minus / deltaG;
    variance[index] = (float) (sp * sp + sm * sm);
  }

  /** Ideal programming of weights in units of {@code scale}: G± = reset + max(±w, 0)/scale·ΔG. */
  @Override
  public void program(float[] weights) {
    if (weights.length != rows * cols) {
      throw new IllegalArgumentException("weights: " + weights.length + " values for a " + rows + "x" + cols + " matrix");
    }
    for (int i = 0; i < weights.length; i++) {
      double w = Math.max(-1, Math.min(1, weights[i] / scale)) * deltaG;
      setPair(i, Math.max(w, 0), Math.max(-w, 0));
    }
  }

  @Override
  public void multiplyBatch(float[] xs, float[] ys, int batch) {
    for (int b = 0; b < batch; b++) {
      product(false, xs, b * cols, ys, b * rows);
    }
  }

  @Override
  public void multiplyTransposedBatch(float[] ds, float[] xs, int batch) {
    for (int b = 0; b < batch; b++) {
      product(true, ds, b * rows, xs, b * cols);
    }
  }

  private void product(boolean transposed, float[] in, int inOff, float[] out, int outOff) {
    int nIn = transposed ? rows : cols;
    int nOut = transposed ? cols : rows;
    float a = 0;
    for (int i = 0; i < nIn; i++) {
      a = Math.max(a, Math.abs(in[inOff + i]));
    }
    if (a == 0) {
      java.util.Arrays.fill(out, outOff, outOff + nOut, 0f);
      return;
    }
    int dMax = readout.dacBits() == 0 ? 0 : (1 << (readout.dacBits() - 1)) - 1;
    double squares = 0;
    for (int i = 0; i < nIn; i++) {
      float x = in[inOff + i] / a;
      if (dMax > 0) {
        x = Math.round(x * dMax) / (float) dMax;
      }
      u[i] = x;
      u2[i] = x * x;
      squares += x * x;
    }
    boolean noisy = readout.readNoise() && readNoiseRelative > 0;
    if (transposed) {
      columnsOf(weight, u, sum, nIn, nOut);
      if (noisy) {
        columnsOf(variance, u2, var, nIn, nOut);
      }
    } else {
      rowsOf(weight, u, sum, nOut, nIn);
      if (noisy) {
        rowsOf(variance, u2, var, nOut, nIn);
      }
    }
    double bound = readout.outputBound();
    double step = readout.adcBits() == 0 ? 0 : 2 * bound / ((1 << readout.adcBits()) - 2);
    float back = a * scale;
    for (int o = 0; o < nOut; o++) {
      double y = sum[o];
      if (noisy) {
        y += Math.sqrt(var[o]) * noise.nextGaussian();
      }
      y = Math.max(-bound, Math.min(bound, y));
      if (step > 0) {
        y = Math.rint(y / step) * step;
      }
      out[outOff + o] = (float) (y * back);
    }
    account(nIn, nOut, squares);
  }

  /** out[o] = Σ_i m[o·n + i]·v[i] for o < rowsOut (row dot products). */
  private static void rowsOf(float[] m, float[] v, float[] out, int rowsOut, int n) {
    int bound = SPECIES.loopBound(n);
    for (int o = 0; o < rowsOut; o++) {
      int base = o * n;
      FloatVector acc = FloatVector.zero(SPECIES);
      int i = 0;
      for (; i < bound; i += SPECIES.length()) {
        acc = FloatVector.fromArray(SPECIES, m, base + i).fma(FloatVector.fromArray(SPECIES, v, i), acc);
      }
      float s = acc.reduceLanes(VectorOperators.ADD);
      for (; i < n; i++) {
        s += m[base + i] * v[i];
      }
      out[o] = s;
    }
  }

  /** out[c] = Σ_r m[r·nOut + c]·v[r] for c < nOut (column sums, one axpy per row). */
  private static void columnsOf(float[] m, float[] v, float[] out, int nRows, int nOut) {
    java.util.Arrays.fill(out, 0, nOut, 0f);
    int bound = SPECIES.loopBound(nOut);
    for (int r = 0; r < nRows; r++) {
      float vr = v[r];
      if (vr == 0) {
        continue;
      }
      int base = r * nOut;
      FloatVector s = FloatVector.broadcast(SPECIES, vr);
      int c = 0;
      for (; c < bound; c += SPECIES.length()) {
        FloatVector.fromArray(SPECIES, m, base + c).fma(s, FloatVector.fromArray(SPECIES, out, c)).intoArray(out, c);
      }
      for (; c < nOut; c++) {
        out[c] += m[base + c] * vr;
      }
    }
  }

  /**
   * Cell energy of one product: every driven line at (u·V_read) across the cells on it, for the
   * node's read time; the average line's conductance stands for each (ASSUMPTION, exact for uniform
   * lines). DAC per input and ADC per output (Walden figure of merit × 2^bits).
   */
  private void account(int nIn, int nOut, double squares) {
    double lineConductance = conductanceSum / nIn;
    cellEnergy += readVolts * readVolts * node.readSeconds() * lineConductance * squares;
    if (readout.dacBits() > 0) {
      dacEnergy += (double) nIn * readout.dacBits() * node.dacEnergyPerBitJoules();
    }
    if (readout.adcBits() > 0) {
      adcEnergy += nOut * node.adcWaldenFomJoules() * Math.scalb(1.0, readout.adcBits());
      latency += node.readSeconds() + nOut * node.adcConversionSeconds();
    } else {
      latency += node.readSeconds();
    }
    operations += 2L * rows * cols;
    mvms++;
  }

  /** Adds programming energy (joules) spent on this array's cells. */
  public void addProgrammingEnergy(double joules, double seconds) {
    EnumMap<CostCategory, Double> e = new EnumMap<>(CostCategory.class);
    e.put(CostCategory.PROGRAMMING, joules);
    ledger.add(new CostReport(e, seconds, 0, 0));
  }

  @Override
  public float[] effectiveWeights() {
    float[] w = new float[weight.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = weight[i] * scale;
    }
    return w;
  }

  @Override
  public Conductances conductances() {
    return new Conductances(rows, cols, 1, gPlus.clone(), gMinus.clone());
  }

  /** The ledger, with the reads since the last call folded in. */
  @Override
  public CostLedger ledger() {
    if (mvms > 0) {
      EnumMap<CostCategory, Double> e = new EnumMap<>(CostCategory.class);
      e.put(CostCategory.CELL_READ, cellEnergy);
      e.put(CostCategory.DAC, dacEnergy);
      e.put(CostCategory.ADC, adcEnergy);
      ledger.add(new CostReport(e, latency, operations, mvms));
      cellEnergy = dacEnergy = adcEnergy = latency = 0;
      operations = mvms = 0;
    }
    return ledger;
  }

  /** Two memristors per weight at the node's cell area; converters: one DAC per row, one ADC per column. */
  @Override
  public AreaReport area() {
    double f = node.featureMetres();
    double cells = 2.0 * rows * cols * node.cellAreaF2() * f * f;
    double adc = readout.adcBits() == 0 ? 0 : cols * node.adcAreaPerStepSquareMetres() * Math.scalb(1.0, readout.adcBits());
    return new AreaReport(cells, adc, rows * node.dacAreaSquareMetres(), 1);
  }
}
