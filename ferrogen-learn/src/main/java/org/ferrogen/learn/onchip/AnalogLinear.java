package org.ferrogen.learn.onchip;

import java.util.List;
import org.ferrogen.learn.Parameter;
import org.ferrogen.learn.nn.Layer;

/**
 * A bias-free fully connected layer {@code y = W·x} whose weights live in a {@link SynapticMatrix}
 * on the chip. {@link #forward} and {@link #backward} read the array (forward W·x, backward Wᵀ·δ);
 * the weights are not {@link Parameter}s — no optimiser touches them — and the array learns only
 * through {@link #applyUpdate(float)}, which hands it the last sample's δ and input. Rows are processed
 * one at a time (online learning); {@link #applyUpdate(float)} uses the last row.
 */
public final class AnalogLinear implements Layer {

  private final SynapticMatrix matrix;
  private final int in;
  private final int out;
  private float[] input;
  private int rows;
  private float[] output = new float[0];
  private float[] gradInput = new float[0];
  private final float[] rowIn;
  private final float[] rowOut;
  private final float[] lastInput;
  private final float[] lastDelta;

  public AnalogLinear(SynapticMatrix matrix) {
    this.matrix = matrix;
    this.in = matrix.cols();
    this.out = matrix.rows();
    rowIn = new float[Math.max(in, out)];
    rowOut = new float[Math.max(in, out)];
    lastInput = new float[in];
    lastDelta = new float[out];
  }

  public SynapticMatrix matrix() {
    return matrix;
  }

  @Override
  public int inputWidth() {
    return in;
  }

  @Override
  public int outputWidth() {
    return out;
  }

  @Override
  public float[] forward(float[] x, int batchRows) {
    input = x;
    rows = batchRows;
    if (output.length < rows * out) {
      output = new float[rows * out];
      gradInput = new float[rows * in];
    }
    for (int r = 0; r < rows; r++) {
      System.arraycopy(x, r * in, rowIn, 0, in);
      matrix.forward(rowIn, rowOut);
      System.arraycopy(rowOut, 0, output, r * out, out);
    }
    return output;
  }

  @Override
  public float[] backward(float[] gradOutput) {
    for (int r = 0; r < rows; r++) {
      System.arraycopy(gradOutput, r * out, rowIn, 0, out);
      matrix.backward(rowIn, rowOut);
      System.arraycopy(rowOut, 0, gradInput, r * in, in);
    }
    System.arraycopy(input, (rows - 1) * in, lastInput, 0, in);
    System.arraycopy(gradOutput, (rows - 1) * out, lastDelta, 0, out);
    return gradInput;
  }

  /**
   * Applies the last backward pass's update to the array at {@code learningRateScale} times its
   * learning rate (1 for a constant rate; less under a decaying schedule): ΔW = −(scale·lr)·δ·xᵀ, so
   * the array's own rounding, thresholds and mask act on the scheduled step.
   */
  public void applyUpdate(float learningRateScale) {
    if (learningRateScale != 1f) {
      for (int o = 0; o < out; o++) {
        lastDelta[o] *= learningRateScale;
      }
    }
    matrix.update(lastDelta, lastInput);
  }

  /** None: the weights are on the chip, trained by {@link #applyUpdate(float)}. */
  @Override
  public List<Parameter> parameters() {
    return List.of();
  }
}
