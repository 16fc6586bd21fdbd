package org.ferrogen.genai.backend;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import org.ferrogen.genai.gguf.GgmlCodec;
import org.ferrogen.genai.gguf.GgmlType;
import org.ferrogen.genai.gguf.GgufFormatException;
import org.ferrogen.genai.gguf.GgufTensor;

/**
 * A weight matrix in its stored (possibly quantised) form: {@code rows} output rows of {@code cols}
 * input values, row-major, encoded as {@code type} (GGUF dims ne = [cols, rows]); y[r] = Σ_c W[r,c]·x[c].
 *
 * @param name tensor name, e.g. {@code blk.0.attn_q.weight}
 * @param rows number of outputs
 * @param cols number of inputs (a multiple of the type's block size)
 * @param type element encoding
 * @param data the encoded bytes, little-endian, exactly {@code type.bytesFor(rows*cols)} long
 */
public record WeightMatrix(String name, int rows, int cols, GgmlType type, ByteBuffer data) {

  public WeightMatrix {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (rows <= 0 || cols <= 0 || cols % type.blockSize() != 0) {
      throw new IllegalArgumentException("weight " + name + ": bad shape " + rows + "x" + cols + " for " + type);
    }
    if (data.remaining() != type.bytesFor((long) rows * cols)) {
      throw new IllegalArgumentException("weight " + name + ": " + data.remaining() + " bytes for a "
          + rows + "x" + cols + " " + type + " matrix needing " + type.bytesFor((long) rows * cols));
    }
    data = data.slice().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** The matrix held by a two-dimensional GGUF tensor (ne = [cols, rows]). */
  public static WeightMatrix of(GgufTensor t) {
    long[] ne = t.dimensions();
    if (ne.length != 2 || ne[0] > Integer.MAX_VALUE || ne[1] > Integer.MAX_VALUE) {
      throw new GgufFormatException("tensor " + t.name() + " has dimensions " + java.util.Arrays.toString(ne)
          + "; a weight matrix needs two");
    }
    return new WeightMatrix(t.name(), (int) ne[1], (int) ne[0], t.type(), t.data());
  }

  /** Encodes a row-major float matrix as {@code type}. */
  public static WeightMatrix encode(String name, int rows, int cols, float[] values, GgmlType type) {
    if (values.length != (long) rows * cols) {
      throw new IllegalArgumentException("weight " + name + ": " + values.length + " values for " + rows + "x" + cols);
    }
    return new WeightMatrix(name, rows, cols, type, ByteBuffer.wrap(GgmlCodec.encode(values, type)));
  }

  /** Decodes row {@code row} into {@code dst[off .. off+cols)}. */
  public void decodeRow(int row, float[] dst, int off) {
    GgmlCodec.decode(data, type, (long) row * cols, cols, dst, off);
  }

  /** All weights decoded, row-major (what a backend that stores floats, e.g. analog tiles, programs). */
  public float[] toFloats() {
    long n = (long) rows * cols;
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("weight " + name + " is too large to decode at once");
    }
    float[] out = new float[(int) n];
    GgmlCodec.decode(data, type, 0, (int) n, out, 0);
    return out;
  }

  /** Bytes of the stored form (what one pass over the matrix reads from memory). */
  public long byteSize() {
    return type.bytesFor((long) rows * cols);
  }
}
