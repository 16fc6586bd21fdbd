package org.ferrogen.genai.tensor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.ferrogen.genai.gguf.GgmlCodec;
import org.ferrogen.genai.gguf.GgmlType;
import org.ferrogen.genai.gguf.Half;

/**
 * A weight matrix read in place from its stored bytes (typically a read-only memory mapping of the
 * GGUF file, so nothing is copied onto the heap): {@code rows} rows of {@code cols} elements encoded
 * as one ggml type, row-major, each row a whole number of blocks. Each type is a small subclass with
 * its own vectorised dot product of a row with a float vector, as in llama3.java.
 *
 * <p>This is the interface batched kernels build on: {@link #dot} for one vector, {@link #decodeRow}
 * to widen a row (or use {@link #data()}, {@link #rowBytes()} and the type's block layout directly).
 * Instances are immutable and safe for concurrent use.
 */
public abstract class WeightTensor {
  /** 256-bit float lanes: the width genai's kernels share (see FloatBackend). */
  static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
  /** Eight bytes, widened to one 256-bit float vector. */
  static final VectorSpecies<Byte> B = ByteVector.SPECIES_64;
  static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
  /**
   * The float lanes of the kernels that step {@code FW.length()} int8 codes ({@link #BW}) at a time:
   * 256 bits, the same shape as {@link #F}, on every machine. 512-bit lanes on AVX-512 made a file
   * of one type faster (the 100 M Q8_0 model: 47-49 against 42 tokens/s on one thread), but C2 keeps
   * one type profile per method, and in a file that mixes types, as llama.cpp's K-quant files do,
   * the shared helpers and the Vector API's own methods saw two vector shapes, lost their intrinsics
   * and ran boxed: llama.cpp's Q4_K_M file of the shipped model (Q5_0 rows beside Q4_K, Q6_K and
   * Q8_0) decoded at 57-65 tokens/s with 512-bit lanes against 552-1,300 with 256 (one thread, quiet
   * AVX-512 machine, `generate --continuations 3`; bisected to the commit that widened Q4_K and
   * Q6_K). One shape for every kernel is the condition for going wider again; the kernels' comments
   * on AVX-512 describe that wider form.
   */
  static final VectorSpecies<Float> FW = FloatVector.SPECIES_256;
  /** As many bytes as {@link #FW} has lanes. */
  static final VectorSpecies<Byte> BW = VectorSpecies.of(byte.class, VectorShape.forBitSize(8 * FW.length()));
  /** Little-endian 16-bit loads from byte arrays: one load where two byte loads and shifts were. */
  private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, LE);
  /** Little-endian 64-bit loads and stores in byte arrays (eight codes at once, see Q6_K). */
  static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, LE);

  protected final GgmlType type;
  protected final int rows;
  protected final int cols;
  protected final int rowBytes;
  /** The stored bytes, little-endian, absolute indexing from 0. */
  protected final ByteBuffer data;

  protected WeightTensor(GgmlType type, int rows, int cols, ByteBuffer data) {
    if (rows <= 0 || cols <= 0 || cols % type.blockSize() != 0) {
      throw new IllegalArgumentException("bad shape " + rows + "x" + cols + " for " + type);
    }
    long bytes = type.bytesFor((long) rows * cols);
    if (data.remaining() != bytes) {
      throw new IllegalArgumentException(data.remaining() + " bytes for a " + rows + "x" + cols + " " + type
          + " matrix needing " + bytes);
    }
    this.type = type;
    this.rows = rows;
    this.cols = cols;
    this.rowBytes = (int) type.bytesFor(cols);
    this.data = data.slice().order(LE);
  }

  /** The tensor class for {@code type} over {@code data} (not copied). */
  public static WeightTensor of(GgmlType type, int rows, int cols, ByteBuffer data) {
    return switch (type) {
      case F32 -> new F32Tensor(rows, cols, data);
      case F16 -> new F16Tensor(rows, cols, data);
      case BF16 -> new Bf16Tensor(rows, cols, data);
      case Q8_0 -> new Q8_0Tensor(rows, cols, data);
      case Q4_0 -> new Q4_0Tensor(rows, cols, data);
      case Q4_1 -> new Q4_1Tensor(rows, cols, data);
      case Q5_0 -> new Q5_0Tensor(rows, cols, data);
      case Q5_1 -> new Q5_1Tensor(rows, cols, data);
      case Q2_K -> new Q2_KTensor(rows, cols, data);
      case Q3_K -> new Q3_KTensor(rows, cols, data);
      case Q4_K -> new Q4_KTensor(rows, cols, data);
      case Q5_K -> new Q5_KTensor(rows, cols, data);
      case Q6_K -> new Q6_KTensor(rows, cols, data);
      default -> throw new IllegalArgumentException("tensor type " + type + " cannot be run by this build (supported: "
          + GgmlType.runnableNames() + ")");
    };
  }

  public final GgmlType type() {
    return type;
  }

  public final int rows() {
    return rows;
  }

  public final int cols() {
    return cols;
  }

  /** Stored bytes per row. */
  public final int rowBytes() {
    return rowBytes;
  }

  /** A read-only little-endian view of the stored bytes, positioned at 0. */
  public final ByteBuffer data() {
    return data.asReadOnlyBuffer().order(LE);
  }

  /** Bytes one pass over the matrix reads. */
  public long byteSize() {
    return (long) rowBytes * rows;
  }

  /** Σ_c W[row, c] · x[xOff + c]. */
  public abstract float dot(int row, float[] x, int xOff);

  /**
   * {@code y[r] = dot(r, x, xOff)} for r in {@code from..to−1}; a type may run several rows at once
   * (with the same result per row).
   */
  public void dotRows(int from, int to, float[] x, int xOff, float[] y) {
    for (int r = from; r < to; r++) {
      y[r] = dot(r, x, xOff);
    }
  }

  /**
   * {@code t} copied to the heap in the form its products run fastest from, when it is F16 or BF16
   * and the copy takes at most {@code maxBytes}: an F16 matrix as re-encoded codes ({@link
   * HalfPairsTensor}, 2 bytes a weight) when they hold every weight exactly, otherwise F16 and BF16
   * as floats ({@link WidenedTensor}, 4 bytes a weight). Either gives products bit-identical to
   * {@code t}'s. Null when {@code t} is of another type or no copy fits.
   */
  public static WeightTensor heapCopy(WeightTensor t, long maxBytes) {
    if (t.type != GgmlType.F16 && t.type != GgmlType.BF16) {
      return null;
    }
    long weights = (long) t.rows * t.cols;
    WeightTensor pairs = 2 * weights <= maxBytes ? HalfPairsTensor.of(t) : null;
    if (pairs != null) {
      return pairs;
    }
    return 4 * weights <= maxBytes ? new WidenedTensor(t) : null;
  }

  /** Decodes row {@code row} into {@code dst[off .. off + cols)}. */
  public void decodeRow(int row, float[] dst, int off) {
    GgmlCodec.decode(data, type, (long) row * cols, cols, dst, off);
  }

  // Shared helpers of the subclasses (little-endian reads from a row buffer).

  /**
   * binary16 → float for every bit pattern (256 KiB, stays in L2): the block scales are converted
   * with one load instead of Half.toFloat's branches, which cost as much as a Q8_0 block's four
   * fused multiply-adds (llama.cpp keeps the same table where the CPU lacks F16C).
   */
  private static final float[] HALF_TO_FLOAT = new float[1 << 16];

  static {
    for (int h = 0; h < HALF_TO_FLOAT.length; h++) {
      HALF_TO_FLOAT[h] = Half.toFloat((short) h);
    }
  }

  static float halfBits(short h) {
    return HALF_TO_FLOAT[h & 0xffff];
  }

  /** Per-thread copy of one row of 16-bit codes (F16, BF16), grown on demand, never shrunk. */
  private static final ThreadLocal<short[]> HALF_ROW = ThreadLocal.withInitial(() -> new short[0]);

  /**
   * Rows {@code row .. row + count − 1} of a 16-bit matrix whose codes are {@code halves}, copied to
   * the start of this thread's buffer: one bulk copy from the mapping (see {@link BlockTensor}), then
   * array loads.
   */
  final short[] storedHalves(ShortBuffer halves, int row, int count) {
    int codes = count * cols;
    short[] w = HALF_ROW.get();
    if (w.length < codes) {
      w = new short[codes];
      HALF_ROW.set(w);
    }
    halves.get(row * cols, w, 0, codes);
    return w;
  }

  static float half(byte[] w, int p) {
    return HALF_TO_FLOAT[(short) SHORT_LE.get(w, p) & 0xffff];
  }

  static int intLE(byte[] w, int p) {
    return (w[p] & 0xff) | (w[p + 1] & 0xff) << 8 | (w[p + 2] & 0xff) << 16 | w[p + 3] << 24;
  }

  static ByteVector bytes(byte[] w, int p) {
    return ByteVector.fromArray(B, w, p);
  }

  /**
   * Q4_K/Q5_K 6-bit scale of sub-block j from the 12 bytes at s (layout in {@link GgmlCodec#scaleK4}).
   *
   * <p>The kernels apply these scales with their fused multiply-adds written out, not through a
   * shared helper that takes and returns vectors (8042ae8's {@code addScaledPair}): once such a
   * helper had been compiled on its own, C2 refused to inline it into the kernel ("already
   * compiled into a big method"), so every call boxed five vectors and the fused multiply-adds ran
   * in the Vector API's Java fallback. A 100 M-parameter Q4_K model decoded at 3.8 tokens/s (its
   * products took 243 ms per token, JFR: {@code FloatVector.lanewiseTemplate}); whether it happened
   * depended on the order of compilations, which is why llama.cpp's Q4_K_M file of the shipped model
   * varied between 300 and 1,300 tokens/s from run to run. Helpers here take and return scalars, or
   * are small enough that C2 always inlines them.
   */
  static int scaleK4(byte[] w, int s, int j) {
    return j < 4 ? w[s + j] & 63 : (w[s + j + 4] & 0x0f) | (((w[s + j - 4] & 0xff) >>> 6) << 4);
  }

  /** Q4_K/Q5_K 6-bit min of sub-block j. */
  static int minK4(byte[] w, int s, int j) {
    return j < 4 ? w[s + j + 4] & 63 : ((w[s + j + 4] & 0xff) >>> 4) | (((w[s + j] & 0xff) >>> 6) << 4);
  }

  /**
   * Bits [from, from + width) of every byte moved to [to, to + width), all other bits cleared.
   * Right moves shift 32-bit lanes and mask off what crossed a byte boundary; left moves mask first
   * and double by addition. Measured on JDK 17 with AVX2 (2 loaded cores, best of 400 passes):
   * byte-lane shifts made the Q4_0 kernel several times slower and left shifts of any lane width
   * the Q6_K kernel of the time (8-byte vectors) more than 10× slower than these forms (that kernel
   * now unpacks its codes in longs instead).
   */
  static ByteVector bits(ByteVector v, int from, int to, int width) {
    if (from >= to) {
      ByteVector moved = from == to ? v
          : v.reinterpretAsInts().lanewise(VectorOperators.LSHR, from - to).reinterpretAsBytes();
      return moved.and((byte) (((1 << width) - 1) << to));
    }
    ByteVector m = v.and((byte) (((1 << width) - 1) << from));
    for (int k = from; k < to; k++) {
      m = m.add(m);
    }
    return m;
  }

  static FloatVector widen(ByteVector v) {
    return (FloatVector) v.convertShape(VectorOperators.B2F, F, 0);
  }

  /** {@link #BW}{@code .length()} int8 codes at p, widened to {@link #FW} floats. */
  static FloatVector widenWide(byte[] w, int p) {
    return widenWide(ByteVector.fromArray(BW, w, p));
  }

  /** {@link #BW} int8 codes widened to {@link #FW} floats. */
  static FloatVector widenWide(ByteVector v) {
    return (FloatVector) v.convertShape(VectorOperators.B2F, FW, 0);
  }

  static FloatVector bc(float v) {
    return FloatVector.broadcast(F, v);
  }

  static FloatVector xs(float[] x, int i) {
    return FloatVector.fromArray(F, x, i);
  }
}
