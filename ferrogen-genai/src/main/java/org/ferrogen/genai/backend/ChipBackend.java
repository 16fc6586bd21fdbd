package org.ferrogen.genai.backend;

import java.util.ArrayList;
import java.util.List;
import org.ferrogen.chip.Chip;
import org.ferrogen.chip.spec.ChipSpecs;
import org.ferrogen.cim.CimConfig;
import org.ferrogen.cim.TiledAnalogMatrix;
import org.ferrogen.device.cost.AreaReport;
import org.ferrogen.device.cost.CostReport;

/**
 * Runs a model's linear layers on a {@link Chip}: each weight matrix goes onto the chip's compute
 * tiles under its tensor name ({@link Chip#program}); a chip booted from a saved state already holds
 * them, and the matrix of that name is used as it is, without programming. Costs are the chip's one
 * ledger ({@link #cost()}).
 *
 * <p>ADC ranges: a real macro calibrates its converters' full scale on representative inputs, and
 * so can this backend. Between {@link #beginCalibration(int)} and {@link #endCalibration(double)}
 * every layer multiplies with its exact stored weights (the digital twin) and records its inputs;
 * {@code endCalibration} then sets each column's ADC full scale from them ({@link
 * TiledAnalogMatrix#calibrateAdcRanges}). Without calibration the configured range applies.
 */
public final class ChipBackend implements LinearBackend {
  /** The head's name when the model ties it to the embedding (see LlamaModel.load). */
  private static final String TIED_OUTPUT_PREFIX = "output.weight (tied";
  private static final String UNTIED_OUTPUT = "output.weight";

  private final Chip chip;
  private final List<ChipLayer> layers = new ArrayList<>();
  private CostReport baseline = CostReport.zero();
  private volatile int calibrationVectors;

  public ChipBackend(Chip chip) {
    this.chip = chip;
  }

  /** The default edge chip with its compute tiles configured as {@code config}. */
  public ChipBackend(CimConfig config, long seed) {
    this(new Chip(ChipSpecs.preset(ChipSpecs.DEFAULT_PRESET).withTileConfig(config), seed, config.threads()));
  }

  public Chip chip() {
    return chip;
  }

  @Override
  public String name() {
    return "chip";
  }

  @Override
  public synchronized LinearLayer program(WeightMatrix weights) {
    TiledAnalogMatrix matrix = chip.matrices().get(weights.name());
    if (matrix == null && weights.name().startsWith(TIED_OUTPUT_PREFIX)) {
      // A chip whose head was fine-tuned on the chip holds an untied output.weight of its own
      // (`ferrogen train-lm --on-chip`): the model's tied head is then not programmed.
      matrix = chip.matrices().get(UNTIED_OUTPUT);
    }
    if (matrix == null) {
      matrix = chip.program(weights.name(), weights.rows(), weights.cols(), weights.toFloats());
    } else if (matrix.rows() != weights.rows() || matrix.cols() != weights.cols()) {
      throw new IllegalArgumentException(
          "matrix " + weights.name() + " on the chip is " + matrix.rows() + "x" + matrix.cols() + ", the model's is "
              + weights.rows() + "x" + weights.cols());
    }
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

  /** Charges the digital units' work (attention, norms, softmax, sampling) to the chip's ledger. */
  public void charge(DigitalWork work) {
    chip.ledger().chargeDigital(work.multiplyAdds(), work.exponentials(), work.divides(), work.sramBits());
  }

  /** The chip's costs since creation or the last {@link #resetReport()}, by category. */
  public synchronized CostReport cost() {
    return chip.ledger().snapshot().minus(baseline);
  }

  /** Silicon area of all tiles the model occupies. */
  public AreaReport area() {
    return chip.ledger().area();
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
    baseline = chip.ledger().snapshot();
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
