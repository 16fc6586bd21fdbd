package org.ferrogen.genai.backend;

import java.util.ArrayList;
import java.util.List;
import org.ferrogen.cim.CellLibrary;
import org.ferrogen.cim.CimConfig;
import org.ferrogen.cim.TiledAnalogMatrix;
import org.ferrogen.cim.cost.AreaReport;
import org.ferrogen.cim.cost.CostReport;
import org.ferrogen.device.AnalogCell;

/**
 * The chip: every weight matrix is programmed into {@code ferrogen-cim} crossbar tiles (program
 * and verify, with the configured non-idealities), and every product runs through the DACs, the
 * analog column sums with read noise, the ADCs and digital accumulation, charging the tiles' cost
 * ledgers. {@link #report()} sums the ledgers; {@link #cost()} keeps the breakdown by category.
 *
 * <p>ADC ranges: a real macro calibrates its converters' full scale on representative inputs, and
 * so can this backend. Between {@link #beginCalibration(int)} and {@link #endCalibration(double)}
 * every layer multiplies with its exact stored weights (the digital twin) and records its inputs;
 * {@code endCalibration} then sets each column's ADC full scale from them ({@link
 * TiledAnalogMatrix#calibrateAdcRanges}). Without calibration the configured range applies.
 *
 * <p>Each matrix gets its own seed derived from the backend's seed and its programming order, so a
 * model loads onto the same simulated cells in every run with the same seed.
 */
public final class ChipBackend implements LinearBackend {
  private final CimConfig config;
  private final AnalogCell cell;
  private final long seed;
  private final List<ChipLayer> layers = new ArrayList<>();
  private CostReport baseline = CostReport.zero();
  private volatile int calibrationVectors;

  /** A chip of {@code config}'s cell type; the cell model is built once and shared by every matrix. */
  public ChipBackend(CimConfig config, long seed) {
    this(config, CellLibrary.create(config.cell()), seed);
  }

  /** A chip on an explicit cell model (a measured chip's data, a test cell). */
  public ChipBackend(CimConfig config, AnalogCell cell, long seed) {
    this.config = config;
    this.cell = cell;
    this.seed = seed;
  }

  @Override
  public String name() {
    return "chip";
  }

  @Override
  public synchronized LinearLayer program(WeightMatrix weights) {
    long matrixSeed = seed + 0x9E3779B97F4A7C15L * (layers.size() + 1);
    TiledAnalogMatrix matrix = new TiledAnalogMatrix(config, cell, weights.rows(), weights.cols(), matrixSeed);
    matrix.program(weights.toFloats());
    ChipLayer layer = new ChipLayer(weights, matrix);
    layers.add(layer);
    return layer;
  }

  /**
   * Starts ADC calibration: until {@link #endCalibration}, products use the exact stored weights and
   * each layer keeps its first {@code maxVectors} inputs.
   */
  public synchronized void beginCalibration(int maxVectors) {
    if (maxVectors < 1) {
      throw new IllegalArgumentException("calibration needs at least 1 vector, got " + maxVectors);
    }
    for (ChipLayer l : layers) {
      l.calibration = new float[maxVectors * l.cols()];
      l.calibrated = 0;
    }
    calibrationVectors = maxVectors;
  }

  /**
   * Ends calibration: each layer's ADC full scale becomes {@code headroom} × the largest column sum
   * its recorded inputs produced. Returns the number of layers calibrated (those that saw inputs).
   */
  public synchronized int endCalibration(double headroom) {
    if (calibrationVectors == 0) {
      throw new IllegalStateException("endCalibration without beginCalibration");
    }
    int done = 0;
    for (ChipLayer l : layers) {
      if (l.calibrated > 0) {
        l.matrix.calibrateAdcRanges(l.calibration, l.calibrated, headroom);
        done++;
      }
      l.calibration = null;
    }
    calibrationVectors = 0;
    return done;
  }

  /** Costs since creation or the last {@link #resetReport()}, by category (programming included). */
  public synchronized CostReport cost() {
    return total().minus(baseline);
  }

  /** Silicon area of all tiles the model occupies. */
  public synchronized AreaReport area() {
    double cells = 0;
    double adcs = 0;
    double dacs = 0;
    int tiles = 0;
    for (ChipLayer l : layers) {
      AreaReport a = l.matrix.area();
      cells += a.cellsSquareMetres();
      adcs += a.adcsSquareMetres();
      dacs += a.dacsSquareMetres();
      tiles += a.tiles();
    }
    return new AreaReport(cells, adcs, dacs, tiles);
  }

  private CostReport total() {
    CostReport sum = CostReport.zero();
    for (ChipLayer l : layers) {
      sum = sum.plus(l.matrix.ledger().snapshot());
    }
    return sum;
  }

  /** One programmed matrix (by its GGUF tensor name) and its cost since the last {@link #resetReport()}. */
  public record LayerCost(String name, int rows, int cols, CostReport cost) {}

  /** Each matrix's cost since creation or the last {@link #resetReport()}, in programming order. */
  public synchronized List<LayerCost> layerCosts() {
    List<LayerCost> out = new ArrayList<>(layers.size());
    for (ChipLayer l : layers) {
      out.add(new LayerCost(l.weights.name(), l.rows(), l.cols(), l.matrix.ledger().snapshot().minus(l.costAtReset)));
    }
    return out;
  }

  @Override
  public synchronized BackendReport report() {
    CostReport c = cost();
    long macs = 0;
    for (ChipLayer l : layers) {
      macs += l.macs - l.macsAtReset;
    }
    return new BackendReport(name(), c.mvms(), macs, 0, c.computeEnergyJoules(), c.latencySeconds());
  }

  @Override
  public synchronized void resetReport() {
    baseline = total();
    for (ChipLayer l : layers) {
      l.macsAtReset = l.macs;
      l.costAtReset = l.matrix.ledger().snapshot();
    }
  }

  /** One matrix on its tiles. */
  private final class ChipLayer implements LinearLayer {
    private final WeightMatrix weights;
    private final TiledAnalogMatrix matrix;
    private float[] calibration;
    private int calibrated;
    private long macs;
    private long macsAtReset;
    private CostReport costAtReset = CostReport.zero();

    ChipLayer(WeightMatrix weights, TiledAnalogMatrix matrix) {
      this.weights = weights;
      this.matrix = matrix;
    }

    @Override
    public int rows() {
      return matrix.rows();
    }

    @Override
    public int cols() {
      return matrix.cols();
    }

    @Override
    public void multiply(float[] x, float[] y) {
      if (calibrationVectors > 0) {
        record(x);
        exact(x, y);
        return;
      }
      matrix.multiply(x, y);
      macs += (long) rows() * cols();
    }

    @Override
    public void multiply(float[][] xs, float[][] ys) {
      if (calibrationVectors > 0 || xs.length == 1) {
        for (int i = 0; i < xs.length; i++) {
          multiply(xs[i], ys[i]);
        }
        return;
      }
      int n = cols();
      int m = rows();
      float[] in = new float[xs.length * n];
      for (int i = 0; i < xs.length; i++) {
        System.arraycopy(xs[i], 0, in, i * n, n);
      }
      float[] out = new float[xs.length * m];
      matrix.multiplyBatch(in, out, xs.length);
      for (int i = 0; i < xs.length; i++) {
        System.arraycopy(out, i * m, ys[i], 0, m);
      }
      macs += (long) xs.length * m * n;
    }

    private void record(float[] x) {
      float[] buffer = calibration;
      if (buffer != null && (calibrated + 1) * cols() <= buffer.length) {
        System.arraycopy(x, 0, buffer, calibrated * cols(), cols());
        calibrated++;
      }
    }

    /** y = W·x with the stored (digital) weights, row by row. */
    private void exact(float[] x, float[] y) {
      float[] row = new float[cols()];
      for (int r = 0; r < rows(); r++) {
        weights.decodeRow(r, row, 0);
        double s = 0;
        for (int c = 0; c < row.length; c++) {
          s += row[c] * x[c];
        }
        y[r] = (float) s;
      }
    }
  }
}
