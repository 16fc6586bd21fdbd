package org.ferrogen.genai.tensor;

import java.nio.ByteBuffer;
import org.ferrogen.genai.gguf.GgmlType;

/**
 * A block-quantised type whose kernel multiplies rows after copying their stored bytes from the
 * mapping into a small per-thread heap buffer that stays in the L1 cache. {@link #dotRows} copies a
 * run of consecutive rows of up to {@link #RUN_BYTES} with one call and then multiplies them from
 * the buffer. The model stays mapped: only this buffer per thread is ever on the heap.
 *
 * <p>Why copy: measured on JDK 17 (2 loaded cores, same JVM, interleaved), Q8_0 dot products with
 * ByteVector.fromByteBuffer on the mapped (direct) buffer ran 3-6× slower than on a heap array, and
 * with 512-bit lanes 22-34 ms against 18-24 ms per token of the 100 M-parameter model.
 *
 * <p>Why runs: on JDK 17 a bulk get from a direct buffer is a call into the VM that copies 8 bytes
 * at a time, with a fixed cost per call; a 100 M-parameter model has some 127,000 rows per token.
 * Measured on the AVX-512 development machine (the 100 M Q8_0 model's products of one token, one
 * thread, thread CPU time, same JVM, variants interleaved, loaded): medians of 9 rounds 21.1 / 22.4
 * ms with one copy per row against 18.6 ms with 16 KiB runs (and 17.5 / 18.4 ms with runs and two
 * rows per pass, not kept: see {@link Q8_0Tensor#dotStored}). Copying with 64-byte vector loads
 * from the buffer (11-15 ms for the copies alone, against 8-9) or with 8-byte {@code getLong}s
 * (28-35 ms) was slower.
 */
abstract class BlockTensor extends WeightTensor {
  /** Bytes copied per call in {@link #dotRows}: a few rows, well inside a 32-48 KiB L1 cache. */
  static final int RUN_BYTES = 16 << 10;

  /** Per-thread row buffer (grown on demand, never shrunk). */
  private static final ThreadLocal<byte[]> ROWS = ThreadLocal.withInitial(() -> new byte[0]);
  /** Per-thread copy of x for a product at a nonzero offset into x (see {@link #atZero}). */
  private static final ThreadLocal<float[]> SHIFTED = ThreadLocal.withInitial(() -> new float[0]);

  /** Rows per copied run (at least one). */
  private final int runRows;

  BlockTensor(GgmlType type, int rows, int cols, ByteBuffer data) {
    super(type, rows, cols, data);
    this.runRows = Math.max(1, RUN_BYTES / rowBytes);
  }

  /**
   * Σ_c W[c] · x[c] for the row whose stored bytes start at {@code w[p]}. x is indexed from 0: with
   * the offset a parameter, the kernels' indices {@code xOff + i} kept C2 from hoisting the range
   * checks on x out of the loop (the 100 M Q8_0 model's products of one token, one thread, kernel
   * bench on the loaded development machine: 18.2 ms against 16.5 ms with the offset 0 constant);
   * {@link #atZero} moves a slice at another offset to index 0 first.
   */
  abstract float dotStored(byte[] w, int p, float[] x);

  @Override
  public final float dot(int row, float[] x, int xOff) {
    float[] x0 = atZero(x, xOff);
    return dotStored(storedRow(row), 0, x0);
  }

  @Override
  public final void dotRows(int from, int to, float[] x, int xOff, float[] y) {
    float[] x0 = atZero(x, xOff);
    byte[] w = buffer(Math.min(runRows, to - from) * rowBytes);
    for (int r = from; r < to; r += runRows) {
      int n = Math.min(runRows, to - r);
      data.get(r * rowBytes, w, 0, n * rowBytes);
      for (int k = 0; k < n; k++) {
        y[r + k] = dotStored(w, k * rowBytes, x0);
      }
    }
  }

  /**
   * x itself when {@code xOff} is 0 (every product of the backends), else {@code x[xOff .. xOff +
   * cols)} copied to the start of a per-thread array.
   */
  private float[] atZero(float[] x, int xOff) {
    if (xOff == 0) {
      return x;
    }
    float[] x0 = SHIFTED.get();
    if (x0.length < cols) {
      x0 = new float[cols];
      SHIFTED.set(x0);
    }
    System.arraycopy(x, xOff, x0, 0, cols);
    return x0;
  }

  /**
   * Row {@code row}'s stored bytes, copied to the start of this thread's row buffer, for {@link
   * #dot} and the vectorised {@code decodeRow}s: vector loads straight from a ByteBuffer ({@code
   * fromByteBuffer}) exist only up to JDK 18, and with them every quantised model failed to load on
   * JDK 19 and newer.
   */
  final byte[] storedRow(int row) {
    byte[] w = buffer(rowBytes);
    data.get(row * rowBytes, w, 0, rowBytes);
    return w;
  }

  /** This thread's row buffer, at least {@code bytes} long. */
  private static byte[] buffer(int bytes) {
    byte[] w = ROWS.get();
    if (w.length < bytes) {
      w = new byte[bytes];
      ROWS.set(w);
    }
    return w;
  }
}
