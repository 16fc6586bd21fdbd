package org.ferrogen.cim;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ferrogen.device.cost.AreaReport;
import org.ferrogen.device.cost.CostReport;

/**
 * Runs random matrix-vector products on an analog matrix and compares them with the exact product:
 * relative L2 error over all outputs and trials, and each output's signal-to-noise ratio (Σ y² over
 * Σ (ŷ − y)² across trials).
 */
public final class MvmExperiment {

  private static final int CHUNK = 256;

  private MvmExperiment() {}

  /** Result of {@link #run}. Costs are per MVM (one input vector). */
  public record Result(
      int rows,
      int cols,
      int trials,
      double relativeL2Error,
      double[] snrDb,
      double meanSnrDb,
      double medianSnrDb,
      double minSnrDb,
      CostReport costPerMvm,
      double programmingEnergyJoules,
      AreaReport area) {}

  /**
   * Programs {@code weights} (rows × cols) into {@code matrix} and runs {@code trials} products with
   * standard-normal inputs drawn from {@code seed}.
   */
  public static Result run(AnalogMatrix matrix, float[] weights, int trials, long seed) {
    if (trials < 1) {
      throw new IllegalArgumentException("trials = " + trials + ": must be >= 1");
    }
    int rows = matrix.rows();
    int cols = matrix.cols();
    CostReport before = matrix.ledger().snapshot();
    matrix.program(weights);
    CostReport programmed = matrix.ledger().snapshot();
    SplittableRandom rng = new SplittableRandom(seed);
    double[] signal = new double[rows];
    double[] noise = new double[rows];
    for (int t0 = 0; t0 < trials; t0 += CHUNK) {
      int batch = Math.min(CHUNK, trials - t0);
      float[] xs = new float[batch * cols];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = (float) rng.nextGaussian();
      }
      float[] ys = new float[batch * rows];
      matrix.multiplyBatch(xs, ys, batch);
      for (int b = 0; b < batch; b++) {
        for (int r = 0; r < rows; r++) {
          double exact = 0;
          for (int c = 0; c < cols; c++) {
            exact += (double) weights[r * cols + c] * xs[b * cols + c];
          }
          double d = ys[b * rows + r] - exact;
          signal[r] += exact * exact;
          noise[r] += d * d;
        }
      }
    }
    CostReport compute = matrix.ledger().snapshot().minus(programmed);
    double[] snr = new double[rows];
    double s = 0;
    double n = 0;
    for (int r = 0; r < rows; r++) {
      s += signal[r];
      n += noise[r];
      snr[r] = 10 * Math.log10(signal[r] / Math.max(noise[r], Double.MIN_NORMAL));
    }
    double[] sorted = snr.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(snr).average().orElse(0);
    CostReport perMvm = scale(compute, 1.0 / trials);
    return new Result(
        rows,
        cols,
        trials,
        Math.sqrt(n / s),
        snr,
        mean,
        sorted[rows / 2],
        sorted[0],
        perMvm,
        programmed.minus(before).totalEnergyJoules(),
        matrix.area());
  }

  private static CostReport scale(CostReport r, double f) {
    java.util.EnumMap<org.ferrogen.device.cost.CostCategory, Double> e =
        new java.util.EnumMap<>(org.ferrogen.device.cost.CostCategory.class);
    r.energyJoules().forEach((k, v) -> e.put(k, v * f));
    return new CostReport(e, r.latencySeconds() * f, Math.round(r.operations() * f), Math.round(r.mvms() * f));
  }
}
