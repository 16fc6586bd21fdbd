package org.ferrogen.genai.gguf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A tensor of a GGUF file: its name, type, dimensions (ggml order: {@code ne[0]} varies fastest) and
 * its bytes, memory-mapped read-only and little-endian.
 */
public final class GgufTensor {
  private final String name;
  private final GgmlType type;
  private final long[] ne;
  private final long offset;
  private final ByteBuffer data;

  GgufTensor(String name, GgmlType type, long[] ne, long offset, ByteBuffer data) {
    this.name = name;
    this.type = type;
    this.ne = ne.clone();
    this.offset = offset;
    this.data = data;
  }

  public String name() {
    return name;
  }

  public GgmlType type() {
    return type;
  }

  /** Dimensions in ggml order: for a weight matrix, {@code [in, out]}. */
  public long[] dimensions() {
    return ne.clone();
  }

  public long dimension(int i) {
    return i < ne.length ? ne[i] : 1;
  }

  public long elementCount() {
    long n = 1;
    for (long d : ne) {
      n *= d;
    }
    return n;
  }

  public long byteSize() {
    return type.bytesFor(elementCount());
  }

  /** Offset of the data relative to the start of the file's tensor-data section. */
  public long offset() {
    return offset;
  }

  /** The tensor's bytes (a fresh read-only little-endian view positioned at 0). */
  public ByteBuffer data() {
    if (data == null) {
      throw new GgufFormatException(
          "tensor '" + name + "' has " + byteSize() + " bytes; single tensors over 2 GiB are not supported");
    }
    return data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** All elements decoded to float (for small tensors such as norms, and for tests). */
  public float[] toFloats() {
    long n = elementCount();
    if (n > Integer.MAX_VALUE - 8) {
      throw new GgufFormatException("tensor '" + name + "' has too many elements (" + n + ") to decode at once");
    }
    float[] out = new float[(int) n];
    GgmlCodec.decode(data(), type, 0, (int) n, out, 0);
    return out;
  }

  @Override
  public String toString() {
    return name + " " + type + " " + Arrays.toString(ne);
  }
}
