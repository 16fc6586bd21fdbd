package org.ferrogen.genai.backend;

import java.util.concurrent.atomic.LongAdder;
import org.ferrogen.genai.tensor.WeightTensor;

/**
 * The float reference backend: float32 arithmetic with the Vector API, rows split over a spinning
 * thread team for large matrices. Each matrix is a {@link WeightTensor} read in place from its
 * stored bytes (for a model, the read-only memory mapping of the GGUF file), quantised blocks widened
 * in registers inside each type's dot product; only F16/BF16 matrices and the batched products'
 * panels of a small model are copied to the heap, within {@link #HEAP_COPY_BUDGET}.
 */
public final class FloatBackend implements LinearBackend {
  /**
   * Matrices with fewer multiply-accumulates than this run on the calling thread. Measured on the
   * 2-core development machine: with 1 << 16 the shipped 192-wide model generated 160 tokens/s on two
   * threads against 540 on one (the spinning worker takes a core from the JIT and the products are a
   * few microseconds long); from 1 << 18 on, only matrices worth splitting (the 100M model's) are.
   */
  private static final long PARALLEL_THRESHOLD = 1 << 18;
  /**
   * A product between the two thresholds is split only while the team is {@linkplain
   * SpinningTeam#hot hot} (its workers still spinning after the previous job): back-to-back
   * products, as in every layer of a large model or a batched pass, share the work at no wake-up
   * cost. An isolated product, such as the shipped model's 2048 × 192 output head once per token
   * (393 k multiply-accumulates, tens of microseconds), would have to unpark a worker for each
   * token, which then spins idle until the next product; that made two threads slower than one
   * (issue 17: 443 against 632 tokens/s). From 2^20 multiply-accumulates on, a product is long
   * enough to be worth a wake-up.
   */
  private static final long WAKE_THRESHOLD = 1 << 20;
  /**
   * Multiply-accumulates of the largest matrix programmed so far. A model whose matrices are all
   * below {@link #WAKE_THRESHOLD} runs every product on the calling thread, batched ones too: on the
   * shipped model (largest 393 k) a second thread gained nothing (perplexity 16 k tokens: 4.19 against
   * 4.27 s wall, 2 s more CPU) and slowed the 116-token prompt from 15 to 20-28 ms (quiet 2-core machine,
   * medians of 6), its products being tens of microseconds long on a JVM still compiling.
   */
  private volatile long largestMatrix;
  /**
   * Row chunks per team thread in a parallel product: enough that an idle thread takes over the
   * chunks of one that lost its core, few enough that claiming them (one atomic increment each)
   * costs nothing next to a chunk's tens of thousands of multiply-accumulates.
   */
  private static final int CHUNKS_PER_THREAD = 4;
  /**
   * Heap bytes this backend may spend on copies of F16/BF16 matrices ({@link WeightTensor#heapCopy})
   * and on float panels for batched products ({@link PanelMatrix}): 64 MiB, at most a quarter of the
   * heap. The shipped model (2.75 M weights, 5.5 MB of re-encoded codes, 11 MB of panels) fits; a
   * 100 M-parameter model stays memory-mapped, as do its matrices after the budget is spent.
   */
  private static final long HEAP_COPY_BUDGET = Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 4);

  private final SpinningTeam team;
  private final int threads;
  private final LongAdder products = new LongAdder();
  private final LongAdder macs = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  private long heapBytes;

  /** A backend using all available processors. */
  public FloatBackend() {
    this(Runtime.getRuntime().availableProcessors());
  }

  public FloatBackend(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
    this.team = threads > 1 ? new SpinningTeam(threads) : null;
  }

  @Override
  public String name() {
    return "float";
  }

  public int threads() {
    return threads;
  }

  @Override
  public synchronized LinearLayer program(WeightMatrix w) {
    WeightTensor kernel = WeightTensor.of(w.type(), w.rows(), w.cols(), w.data());
    WeightTensor copy = WeightTensor.heapCopy(kernel, HEAP_COPY_BUDGET - heapBytes);
    if (copy != null) {
      heapBytes += copy.byteSize();
      kernel = copy;
    }
    // The panels for batched products come second: a model that fits the budget with both (the
    // shipped one: 5.5 MB of codes, 11 MB of panels) gets both, a larger one keeps decoding rows per
    // batch.
    long packed = 4L * PanelMatrix.floats(w.rows(), w.cols());
    PanelMatrix panels = null;
    if (heapBytes + packed <= HEAP_COPY_BUDGET) {
      heapBytes += packed;
      panels = PanelMatrix.pack(kernel);
    }
    largestMatrix = Math.max(largestMatrix, (long) w.rows() * w.cols());
    return new Layer(kernel, panels);
  }

  @Override
  public BackendReport report() {
    return new BackendReport(name(), products.sum(), macs.sum(), bytes.sum(), Double.NaN, Double.NaN);
  }

  @Override
  public void resetReport() {
    products.reset();
    macs.reset();
    bytes.reset();
  }

  @Override
  public void close() {
    if (team != null) {
      team.close();
    }
  }

  /** Whether a product of {@code work} multiply-accumulates runs on the team (see {@link #WAKE_THRESHOLD}). */
  private boolean split(long work) {
    return team != null && largestMatrix >= WAKE_THRESHOLD && work >= PARALLEL_THRESHOLD
        && (work >= WAKE_THRESHOLD || team.hot());
  }

  private final class Layer implements LinearLayer {
    private final int rows;
    private final int cols;
    private final long weightBytes;
    private final WeightTensor kernel;
    /** The weights as panels for batched products, or null where they did not fit the budget. */
    private final PanelMatrix panels;

    Layer(WeightTensor kernel, PanelMatrix panels) {
      this.rows = kernel.rows();
      this.cols = kernel.cols();
      this.weightBytes = kernel.byteSize();
      this.kernel = kernel;
      this.panels = panels;
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
    public void multiply(float[] x, float[] y) {
      if (x.length < cols || y.length < rows) {
        throw new IllegalArgumentException("multiply: x has " + x.length + " values (need " + cols
            + "), y has " + y.length + " (need " + rows + ")");
      }
      long work = (long) rows * cols;
      if (!split(work)) {
        kernel.dotRows(0, rows, x, 0, y);
      } else {
        // Contiguous row ranges, a few per thread so that a thread without a core cannot hold up
        // the product: each chunk streams its own part of the weights.
        int parts = Math.min(rows, CHUNKS_PER_THREAD * team.size());
        team.run(parts, p -> {
          int from = (int) ((long) rows * p / parts);
          int to = (int) ((long) rows * (p + 1) / parts);
          kernel.dotRows(from, to, x, 0, y);
        });
      }
      products.increment();
      macs.add(work);
      bytes.add(weightBytes);
    }

    @Override
    public void multiply(float[][] xs, float[][] ys) {
      multiply(xs, ys, xs.length);
    }

    /**
     * A matrix-matrix product: on the matrix's {@link PanelMatrix} where it has one, else with the
     * weights streamed (and decoded) once for the whole batch, two rows at a time, and multiplied
     * with every vector of it by {@link BatchProduct}. Panels or row pairs are spread over the team
     * like the rows of a single product.
     */
    @Override
    public void multiply(float[][] xs, float[][] ys, int n) {
      if (n > xs.length || n > ys.length) {
        throw new IllegalArgumentException("multiply: batch of " + n + " but " + xs.length + " inputs and "
            + ys.length + " outputs");
      }
      if (n == 1 && panels == null) {
        multiply(xs[0], ys[0]);
        return;
      }
      for (int t = 0; t < n; t++) {
        if (xs[t].length < cols || ys[t].length < rows) {
          throw new IllegalArgumentException("multiply: x[" + t + "] has " + xs[t].length + " values (need "
              + cols + "), y[" + t + "] has " + ys[t].length + " (need " + rows + ")");
        }
      }
      long work = (long) rows * cols * n;
      if (panels != null) {
        panelProduct(xs, ys, n, work);
      } else if (!split(work) || rows < 4) {
        batchRows(0, rows, xs, ys, n, scratchSet(1)[0]);
      } else {
        int pairs = rows / 2;
        int parts = Math.min(pairs, CHUNKS_PER_THREAD * team.size());
        float[][] scratches = scratchSet(parts);
        team.run(parts, p -> {
          int from = 2 * (int) ((long) pairs * p / parts);
          int to = p == parts - 1 ? rows : 2 * (int) ((long) pairs * (p + 1) / parts);
          batchRows(from, to, xs, ys, n, scratches[p]);
        });
      }
      products.add(n);
      macs.add(work);
      bytes.add(weightBytes);
    }

    /** A batched product on the panels, whole panels spread over the team. */
    private void panelProduct(float[][] xs, float[][] ys, int n, long work) {
      int count = panels.panels();
      if (!split(work) || count < 2) {
        panels.multiply(xs, ys, n, 0, count, scratchSet(1)[0]);
      } else {
        int parts = Math.min(count, CHUNKS_PER_THREAD * team.size());
        float[][] scratches = scratchSet(parts);
        team.run(parts, p -> panels.multiply(xs, ys, n, (int) ((long) count * p / parts),
            (int) ((long) count * (p + 1) / parts), scratches[p]));
      }
    }

    /**
     * Per chunk of a batched product: two decoded rows (or, with panels, one register block's
     * outputs), allocated on first use and kept.
     */
    private float[][] scratch;

    private float[][] scratchSet(int parts) {
      float[][] s = scratch;
      if (s == null || s.length < parts) {
        s = new float[Math.max(parts, CHUNKS_PER_THREAD * (team == null ? 1 : team.size()))]
            [Math.max(2 * cols, PanelMatrix.BLOCK_FLOATS)];
        scratch = s;
      }
      return s;
    }

    private void batchRows(int from, int to, float[][] xs, float[][] ys, int n, float[] rowPair) {
      int r = from;
      for (; r + 1 < to; r += 2) {
        kernel.decodeRow(r, rowPair, 0);
        kernel.decodeRow(r + 1, rowPair, cols);
        BatchProduct.twoRows(rowPair, 0, cols, cols, xs, ys, n, r);
      }
      if (r < to) {
        kernel.decodeRow(r, rowPair, 0);
        BatchProduct.oneRow(rowPair, 0, cols, xs, ys, n, r);
      }
    }
  }

}
