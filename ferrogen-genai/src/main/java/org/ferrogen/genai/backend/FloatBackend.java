package org.ferrogen.genai.backend;

import java.nio.ByteOrder;
import java.util.concurrent.atomic.LongAdder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.ferrogen.genai.gguf.GgmlType;
import org.ferrogen.genai.gguf.Half;

/**
 * The float reference backend: exact float32 arithmetic with the Vector API, rows split over a
 * spinning thread team for large matrices. Quantised weights stay quantised in memory (Q8_0: int8 codes
 * plus one scale per 32; Q4_0: packed nibbles plus scales) and are expanded block by block inside
 * the dot product (Q4_0 unpacked to one code per byte, see {@link Int8BlockKernel}); F16/BF16
 * weights stay 16-bit and are widened in registers.
 */
public final class FloatBackend implements LinearBackend {
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
  /**
   * Matrices with fewer multiply-accumulates than this run on the calling thread. Measured on the
   * 2-core development machine: with 1 << 16 the shipped 192-wide model generated 160 tokens/s on two
   * threads against 540 on one (the spinning worker takes a core from the JIT and the products are a
   * few microseconds long); from 1 << 18 on, only matrices worth splitting (the 100M model's) are.
   */
  private static final long PARALLEL_THRESHOLD = 1 << 18;
  /**
   * Row chunks per team thread in a parallel product: enough that an idle thread takes over the
   * chunks of one that lost its core, few enough that claiming them (one atomic increment each)
   * costs nothing next to a chunk's tens of thousands of multiply-accumulates.
   */
  private static final int CHUNKS_PER_THREAD = 4;

  private final SpinningTeam team;
  private final int threads;
  private final LongAdder products = new LongAdder();
  private final LongAdder macs = new LongAdder();
  private final LongAdder bytes = new LongAdder();

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
  public LinearLayer program(WeightMatrix w) {
    Kernel k = switch (w.type()) {
      case F32 -> new F32Kernel(w);
      case F16 -> new F16Kernel(w);
      case BF16 -> new Bf16Kernel(w);
      case Q8_0 -> Int8BlockKernel.q80(w);
      case Q4_0 -> Int8BlockKernel.q40(w);
    };
    return new Layer(w, k);
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

  /** Row dot products of one storage format. */
  private interface Kernel {
    float dot(int row, float[] x);

    /**
     * Row {@code row} widened to floats into {@code out[off .. off+cols)}: what a batched product
     * decodes once and multiplies with every vector of the batch ({@link BatchProduct}).
     */
    void decodeRow(int row, float[] out, int off);

    /** Bytes of weights one pass over the matrix streams from memory. */
    long residentBytes();
  }

  private final class Layer implements LinearLayer {
    private final int rows;
    private final int cols;
    private final long weightBytes;
    private final Kernel kernel;

    Layer(WeightMatrix w, Kernel kernel) {
      this.rows = w.rows();
      this.cols = w.cols();
      this.weightBytes = kernel.residentBytes();
      this.kernel = kernel;
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
      if (team == null || work < PARALLEL_THRESHOLD) {
        for (int r = 0; r < rows; r++) {
          y[r] = kernel.dot(r, x);
        }
      } else {
        // Contiguous row ranges, a few per thread so that a thread without a core cannot hold up
        // the product: each chunk streams its own part of the weights.
        int parts = Math.min(rows, CHUNKS_PER_THREAD * team.size());
        team.run(parts, p -> {
          int from = (int) ((long) rows * p / parts);
          int to = (int) ((long) rows * (p + 1) / parts);
          for (int r = from; r < to; r++) {
            y[r] = kernel.dot(r, x);
          }
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
     * A matrix-matrix product: the weights are streamed (and decoded) once for the whole batch,
     * two rows at a time, and multiplied with every vector of it by {@link BatchProduct}. Row pairs
     * are spread over the team like the rows of a single product.
     */
    @Override
    public void multiply(float[][] xs, float[][] ys, int n) {
      if (n > xs.length || n > ys.length) {
        throw new IllegalArgumentException("multiply: batch of " + n + " but " + xs.length + " inputs and "
            + ys.length + " outputs");
      }
      if (n == 1) {
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
      if (team == null || work < PARALLEL_THRESHOLD || rows < 4) {
        batchRows(0, rows, xs, ys, n, scratch(0));
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

    /** Two decoded rows per chunk of a batched product, allocated on first use and kept. */
    private float[][] scratch;

    private float[] scratch(int part) {
      return scratchSet(part + 1)[part];
    }

    private float[][] scratchSet(int parts) {
      float[][] s = scratch;
      if (s == null || s.length < parts) {
        s = new float[Math.max(parts, CHUNKS_PER_THREAD * (team == null ? 1 : team.size()))][2 * cols];
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

  private static int checkedSize(WeightMatrix w, long n) {
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("weight " + w.name() + " is too large for the float backend ("
          + n + " elements)");
    }
    return (int) n;
  }

  private static final class F32Kernel implements Kernel {
    private final float[] w;
    private final int cols;

    F32Kernel(WeightMatrix m) {
      cols = m.cols();
      w = new float[checkedSize(m, (long) m.rows() * cols)];
      m.data().duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(w);
    }

    @Override
    public long residentBytes() {
      return 4L * w.length;
    }

    @Override
    public void decodeRow(int row, float[] out, int off) {
      System.arraycopy(w, row * cols, out, off, cols);
    }

    @Override
    public float dot(int row, float[] x) {
      int base = row * cols;
      int bound = F.loopBound(cols);
      FloatVector acc0 = FloatVector.zero(F);
      FloatVector acc1 = FloatVector.zero(F);
      int i = 0;
      for (; i + 2 * F.length() <= bound; i += 2 * F.length()) {
        acc0 = FloatVector.fromArray(F, w, base + i).fma(FloatVector.fromArray(F, x, i), acc0);
        acc1 = FloatVector.fromArray(F, w, base + i + F.length())
            .fma(FloatVector.fromArray(F, x, i + F.length()), acc1);
      }
      for (; i < bound; i += F.length()) {
        acc0 = FloatVector.fromArray(F, w, base + i).fma(FloatVector.fromArray(F, x, i), acc0);
      }
      float sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
      for (; i < cols; i++) {
        sum += w[base + i] * x[i];
      }
      return sum;
    }
  }

  /**
   * binary16 widened in registers with integer arithmetic: normal numbers re-bias the exponent by
   * adding 112 to it, subnormals are their 10-bit mantissa × 2^-24 (exact, and never a float
   * subnormal, which would cost x86 microcode assists), Inf/NaN lanes are patched, the sign is put
   * back.
   */
  private static final class F16Kernel implements Kernel {
    private static final VectorSpecies<Short> S = ShortVector.SPECIES_128;
    private final short[] w;
    private final int cols;

    F16Kernel(WeightMatrix m) {
      cols = m.cols();
      w = new short[checkedSize(m, (long) m.rows() * cols)];
      m.data().duplicate().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(w);
    }

    @Override
    public long residentBytes() {
      return 2L * w.length;
    }

    @Override
    public float dot(int row, float[] x) {
      int base = row * cols;
      FloatVector acc = FloatVector.zero(F);
      int i = 0;
      for (; i + F.length() <= cols; i += F.length()) {
        acc = widen(base + i).fma(FloatVector.fromArray(F, x, i), acc);
      }
      float sum = acc.reduceLanes(VectorOperators.ADD);
      for (; i < cols; i++) {
        sum += Half.toFloat(w[base + i]) * x[i];
      }
      return sum;
    }

    @Override
    public void decodeRow(int row, float[] out, int off) {
      int base = row * cols;
      int i = 0;
      for (; i + F.length() <= cols; i += F.length()) {
        widen(base + i).intoArray(out, off + i);
      }
      for (; i < cols; i++) {
        out[off + i] = Half.toFloat(w[base + i]);
      }
    }

    private FloatVector widen(int offset) {
      IntVector h = ((IntVector) ShortVector.fromArray(S, w, offset)
          .convertShape(VectorOperators.S2I, IntVector.SPECIES_256, 0)).and(0xffff);
      IntVector exp = h.and(0x7c00);
      IntVector mag = h.and(0x7fff).lanewise(VectorOperators.LSHL, 13);
      IntVector subnormal = ((FloatVector) h.and(0x3ff).convertShape(VectorOperators.I2F, F, 0))
          .mul(0x1p-24f).reinterpretAsInts();
      IntVector bits = mag.add(112 << 23)
          .blend(subnormal, exp.eq(0))
          .blend(mag.or(0x7f800000), exp.eq(0x7c00))
          .or(h.and(0x8000).lanewise(VectorOperators.LSHL, 16));
      return bits.reinterpretAsFloats();
    }
  }

  /** bfloat16 widened in registers: the 16 bits become the upper half of a float. */
  private static final class Bf16Kernel implements Kernel {
    private static final VectorSpecies<Short> S = ShortVector.SPECIES_128;
    private final short[] w;
    private final int cols;

    Bf16Kernel(WeightMatrix m) {
      cols = m.cols();
      w = new short[checkedSize(m, (long) m.rows() * cols)];
      m.data().duplicate().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(w);
    }

    @Override
    public long residentBytes() {
      return 2L * w.length;
    }

    @Override
    public float dot(int row, float[] x) {
      int base = row * cols;
      FloatVector acc = FloatVector.zero(F);
      int i = 0;
      for (; i + F.length() <= cols; i += F.length()) {
        acc = widen(base + i).fma(FloatVector.fromArray(F, x, i), acc);
      }
      float sum = acc.reduceLanes(VectorOperators.ADD);
      for (; i < cols; i++) {
        sum += Half.bf16ToFloat(w[base + i]) * x[i];
      }
      return sum;
    }

    @Override
    public void decodeRow(int row, float[] out, int off) {
      int base = row * cols;
      int i = 0;
      for (; i + F.length() <= cols; i += F.length()) {
        widen(base + i).intoArray(out, off + i);
      }
      for (; i < cols; i++) {
        out[off + i] = Half.bf16ToFloat(w[base + i]);
      }
    }

    private FloatVector widen(int offset) {
      return ((IntVector) ShortVector.fromArray(S, w, offset)
              .convertShape(VectorOperators.S2I, IntVector.SPECIES_256, 0))
          .lanewise(VectorOperators.LSHL, 16)
          .reinterpretAsFloats();
    }
  }

  private static float[] scales(WeightMatrix m, int blocks, int bytesPerBlock) {
    float[] d = new float[blocks];
    var data = m.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
    for (int b = 0; b < blocks; b++) {
      d[b] = Half.toFloat(data.getShort(b * bytesPerBlock));
    }
    return d;
  }

  /**
   * Blocks of 32 int8 codes with one float scale each, widened eight codes at a time; block sums
   * are scaled once per block. Holds Q8_0 as stored, and Q4_0 with its nibbles unpacked to one
   * code (q − 8) per byte: on JDK 17 the Vector API's in-register nibble unpacking (byte shifts or
   * int-lane shifts with conversions) measured 4–6× slower than this layout on the development
   * machine, so Q4_0 keeps its 16 levels but streams Q8_0's bytes per weight.
   */
  private static final class Int8BlockKernel implements Kernel {
    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_64;
    private final byte[] q;
    private final float[] d;
    private final int cols;

    private Int8BlockKernel(byte[] q, float[] d, int cols) {
      this.q = q;
      this.d = d;
      this.cols = cols;
    }

    static Int8BlockKernel q80(WeightMatrix m) {
      int n = checkedSize(m, (long) m.rows() * m.cols());
      int blocks = n / 32;
      byte[] q = new byte[n];
      var data = m.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
      for (int b = 0; b < blocks; b++) {
        data.get(b * 34 + 2, q, b * 32, 32);
      }
      return new Int8BlockKernel(q, scales(m, blocks, 34), m.cols());
    }

    static Int8BlockKernel q40(WeightMatrix m) {
      int n = checkedSize(m, (long) m.rows() * m.cols());
      int blocks = n / 32;
      byte[] q = new byte[n];
      var data = m.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
      for (int b = 0; b < blocks; b++) {
        for (int j = 0; j < 16; j++) {
          int packed = data.get(b * 18 + 2 + j) & 0xff;
          q[b * 32 + j] = (byte) ((packed & 0x0f) - 8);
          q[b * 32 + 16 + j] = (byte) ((packed >>> 4) - 8);
        }
      }
      return new Int8BlockKernel(q, scales(m, blocks, 18), m.cols());
    }

    @Override
    public long residentBytes() {
      return q.length + 4L * d.length;
    }

    @Override
    public float dot(int row, float[] x) {
      int base = row * cols;
      int blockBase = base / 32;
      FloatVector acc = FloatVector.zero(F);
      for (int i = 0, b = 0; i < cols; i += 32, b++) {
        FloatVector s = widen(base + i).mul(FloatVector.fromArray(F, x, i));
        s = widen(base + i + 8).fma(FloatVector.fromArray(F, x, i + 8), s);
        s = widen(base + i + 16).fma(FloatVector.fromArray(F, x, i + 16), s);
        s = widen(base + i + 24).fma(FloatVector.fromArray(F, x, i + 24), s);
        acc = s.fma(FloatVector.broadcast(F, d[blockBase + b]), acc);
      }
      return acc.reduceLanes(VectorOperators.ADD);
    }

    @Override
    public void decodeRow(int row, float[] out, int off) {
      int base = row * cols;
      int blockBase = base / 32;
      for (int i = 0, b = 0; i < cols; i += 32, b++) {
        FloatVector scale = FloatVector.broadcast(F, d[blockBase + b]);
        for (int j = 0; j < 32; j += F.length()) {
          widen(base + i + j).mul(scale).intoArray(out, off + i + j);
        }
      }
    }

    private FloatVector widen(int offset) {
      return (FloatVector) ByteVector.fromArray(B, q, offset).convertShape(VectorOperators.B2F, F, 0);
    }
  }
}
