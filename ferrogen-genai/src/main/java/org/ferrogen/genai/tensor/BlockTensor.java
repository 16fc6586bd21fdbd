package org.ferrogen.genai.tensor;

import java.nio.ByteBuffer;
import org.ferrogen.genai.gguf.GgmlType;

/**
 * A block-quantised type whose kernel multiplies a row after copying its stored bytes into this
 * thread's row buffer ({@link #row(int, byte[])}): {@link #dotRows} fetches the buffer once for all
 * its rows instead of once per row.
 */
abstract class BlockTensor extends WeightTensor {
  BlockTensor(GgmlType type, int rows, int cols, ByteBuffer data) {
    super(type, rows, cols, data);
  }

  /** Σ_c W[c] · x[xOff + c] for the row whose bytes start at {@code w[0]}. */
  abstract float dotStored(byte[] w, float[] x, int xOff);

  @Override
  public final float dot(int row, float[] x, int xOff) {
    return dotStored(row(row), x, xOff);
  }

  @Override
  public final void dotRows(int from, int to, float[] x, int xOff, float[] y) {
    byte[] w = rowBuffer();
    for (int r = from; r < to; r++) {
      y[r] = dotStored(row(r, w), x, xOff);
    }
  }
}
