package org.ferrogen.cim;

import org.ferrogen.device.cost.AreaReport;
import org.ferrogen.device.cost.CostLedger;

/**
 * The hardware seam of compute-in-memory: a weight matrix of {@link #rows()} outputs by
 * {@link #cols()} inputs held in analog memory. Program it once, then run many matrix-vector
 * products; every call adds its energy and latency to {@link #ledger()}. A driver for a real chip
 * could implement this in place of the simulator. Arrays are row-major; batched calls take
 * {@code batch} vectors back to back.
 */
public interface AnalogMatrix {

  /** Outputs of {@code y = W·x} (rows of W). */
  int rows();

  /** Inputs of {@code y = W·x} (columns of W). */
  int cols();

  /** Writes {@code weights} (rows × cols, row-major) into the cells, replacing what was there. */
  void program(float[] weights);

  /** {@code y = W·x}; {@code x} has {@link #cols()} entries, {@code y} {@link #rows()}. */
  default void multiply(float[] x, float[] y) {
    multiplyBatch(x, y, 1);
  }

  /** {@code batch} products: {@code xs} is batch × cols, {@code ys} batch × rows, row-major. */
  void multiplyBatch(float[] xs, float[] ys, int batch);

  /** {@code x' = Wᵀ·d} (for backward passes): {@code d} has {@link #rows()} entries, result {@link #cols()}. */
  default void multiplyTransposed(float[] d, float[] x) {
    multiplyTransposedBatch(d, x, 1);
  }

  /** {@code batch} transposed products: {@code ds} is batch × rows, {@code xs} batch × cols. */
  void multiplyTransposedBatch(float[] ds, float[] xs, int batch);

  /** The weights the array holds, as a noiseless read would see them (rows × cols, row-major). */
  float[] effectiveWeights();

  /** The programmed conductances, siemens. */
  Conductances conductances();

  /** Running energy/latency/operation totals of every call so far (and of programming). */
  CostLedger ledger();

  /** Silicon area of the tiles this matrix occupies. */
  AreaReport area();
}
