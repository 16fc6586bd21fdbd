package org.ferrogen.genai.tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
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
  public final long byteSize() {
    return (long) rowBytes * rows;
  }

  /** Σ_c W[row, c] · x[xOff + c]. */
  public abstract float dot(int row, float[] x, int xOff);

  /** Decodes row {@code row} into {@code dst[off .. off + cols)}. */
  public void decodeRow(int row, float[] dst, int off) {
    GgmlCodec.decode(data, type, (long) row * cols, cols, dst, off);
  }

  // Shared helpers of the subclasses.

  static float half(ByteBuffer b, int p) {
    return Half.toFloat(b.getShort(p));
  }

  static ByteVector bytes(ByteBuffer b, int p) {
    return ByteVector.fromByteBuffer(B, b, p, LE);
  }

  static FloatVector widen(ByteVector v) {
    return (FloatVector) v.convertShape(VectorOperators.B2F, F, 0);
  }

  static FloatVector bc(float v) {
    return FloatVector.broadcast(F, v);
  }

  static FloatVector xs(float[] x, int i) {
    return FloatVector.fromArray(F, x, i);
  }
}
