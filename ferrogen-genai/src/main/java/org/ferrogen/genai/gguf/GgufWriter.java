package org.ferrogen.genai.gguf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes a GGUF version 3 file as the specification (ggml docs/gguf.md) lays it out: header (magic,
 * version, tensor count, metadata count), metadata key-value pairs, tensor infos, zero padding to
 * {@code general.alignment} (default 32), then each tensor's data at an offset (relative to the data
 * section) that is a multiple of the alignment, zero-padded between tensors.
 *
 * <p>Tensor data are given as floats and encoded into the requested {@link GgmlType} when written;
 * a supplier lets large models be written one tensor at a time.
 */
public final class GgufWriter {
  private final Map<String, GgufValue> metadata = new LinkedHashMap<>();
  private final List<PendingTensor> tensors = new ArrayList<>();

  private record PendingTensor(String name, GgmlType type, long[] ne, Supplier<float[]> data) {}

  /** Sets a metadata value (replacing an earlier one with the same key). */
  public GgufWriter put(String key, GgufValue value) {
    metadata.put(key, value);
    return this;
  }

  public GgufWriter putString(String key, String value) {
    return put(key, GgufValue.ofString(value));
  }

  public GgufWriter putUint32(String key, long value) {
    return put(key, GgufValue.ofUint32(value));
  }

  public GgufWriter putFloat32(String key, float value) {
    return put(key, GgufValue.ofFloat32(value));
  }

  /**
   * Adds a tensor. {@code ne} are ggml dimensions (ne[0] varies fastest; a weight matrix with
   * {@code out} rows of {@code in} values has ne = [in, out]).
   */
  public GgufWriter addTensor(String name, GgmlType type, long[] ne, float[] data) {
    long n = 1;
    for (long d : ne) {
      n *= d;
    }
    if (n != data.length) {
      throw new IllegalArgumentException("tensor " + name + ": dimensions " + Arrays.toString(ne)
          + " hold " + n + " elements but " + data.length + " were given");
    }
    return addTensor(name, type, ne, () -> data);
  }

  /** Adds a tensor whose floats are produced only when the file is written. */
  public GgufWriter addTensor(String name, GgmlType type, long[] ne, Supplier<float[]> data) {
    if (ne.length < 1 || ne.length > GgufFile.MAX_DIMS) {
      throw new IllegalArgumentException("tensor " + name + ": 1 to 4 dimensions allowed, got " + ne.length);
    }
    if (ne[0] % type.blockSize() != 0) {
      throw new IllegalArgumentException("tensor " + name + ": ne[0] = " + ne[0]
          + " is not a multiple of " + type + "'s block size " + type.blockSize());
    }
    for (PendingTensor t : tensors) {
      if (t.name.equals(name)) {
        throw new IllegalArgumentException("duplicate tensor name " + name);
      }
    }
    tensors.add(new PendingTensor(name, type, ne.clone(), data));
    return this;
  }

  private int alignment() {
    GgufValue a = metadata.get("general.alignment");
    int al = a == null ? GgufFile.DEFAULT_ALIGNMENT : (int) a.asLong();
    if (al <= 0 || Integer.bitCount(al) != 1) {
      throw new IllegalArgumentException("general.alignment " + al + " is not a power of two");
    }
    return al;
  }

  /** Writes the file to {@code out} (buffered here; the stream is flushed, not closed). */
  public void write(OutputStream rawOut) throws IOException {
    int alignment = alignment();
    LeOutput out = new LeOutput(new BufferedOutputStream(rawOut, 1 << 20));
    out.u32(GgufFile.MAGIC);
    out.u32(3);
    out.u64(tensors.size());
    out.u64(metadata.size());
    for (Map.Entry<String, GgufValue> e : metadata.entrySet()) {
      out.string(e.getKey());
      out.u32(e.getValue().type().id());
      writeValue(out, e.getValue());
    }
    long offset = 0;
    long[] offsets = new long[tensors.size()];
    for (int i = 0; i < tensors.size(); i++) {
      PendingTensor t = tensors.get(i);
      out.string(t.name);
      out.u32(t.ne.length);
      for (long d : t.ne) {
        out.u64(d);
      }
      out.u32(t.type.id());
      offsets[i] = offset;
      out.u64(offset);
      offset = align(offset + t.type.bytesFor(count(t.ne)), alignment);
    }
    out.pad(alignment);
    long dataStart = out.written;
    for (int i = 0; i < tensors.size(); i++) {
      PendingTensor t = tensors.get(i);
      float[] values = t.data.get();
      if (values.length != count(t.ne)) {
        throw new IllegalArgumentException("tensor " + t.name + ": dimensions " + Arrays.toString(t.ne)
            + " hold " + count(t.ne) + " elements but " + values.length + " were given");
      }
      if (out.written - dataStart != offsets[i]) {
        throw new IllegalStateException("offset bookkeeping of tensor " + t.name);
      }
      out.bytes(GgmlCodec.encode(values, t.type));
      out.pad(alignment);
    }
    out.flush();
  }

  private static long count(long[] ne) {
    long n = 1;
    for (long d : ne) {
      n *= d;
    }
    return n;
  }

  private static long align(long x, int alignment) {
    return (x + alignment - 1) / alignment * alignment;
  }

  private static void writeValue(LeOutput out, GgufValue v) throws IOException {
    switch (v.type()) {
      case ARRAY -> {
        out.u32(v.elementType().id());
        out.u64(v.length());
        writeArray(out, v.elementType(), v.value());
      }
      default -> writeScalar(out, v.type(), v.value());
    }
  }

  private static void writeScalar(LeOutput out, GgufValueType type, Object value) throws IOException {
    switch (type) {
      case UINT8, INT8 -> out.u8(((Number) value).intValue());
      case UINT16, INT16 -> out.u16(((Number) value).intValue());
      case UINT32, INT32 -> out.u32(((Number) value).intValue());
      case UINT64, INT64 -> out.u64(((Number) value).longValue());
      case FLOAT32 -> out.u32(Float.floatToRawIntBits((Float) value));
      case FLOAT64 -> out.u64(Double.doubleToRawLongBits((Double) value));
      case BOOL -> out.u8((Boolean) value ? 1 : 0);
      case STRING -> out.string((String) value);
      case ARRAY -> throw new IllegalStateException("arrays are written by writeValue");
    }
  }

  private static void writeArray(LeOutput out, GgufValueType et, Object arr) throws IOException {
    switch (et) {
      case UINT8, INT8 -> out.bytes((byte[]) arr);
      case BOOL -> {
        for (boolean b : (boolean[]) arr) {
          out.u8(b ? 1 : 0);
        }
      }
      case UINT16, INT16 -> {
        for (short s : (short[]) arr) {
          out.u16(s);
        }
      }
      case UINT32, INT32 -> {
        for (int x : (int[]) arr) {
          out.u32(x);
        }
      }
      case UINT64, INT64 -> {
        for (long x : (long[]) arr) {
          out.u64(x);
        }
      }
      case FLOAT32 -> {
        for (float x : (float[]) arr) {
          out.u32(Float.floatToRawIntBits(x));
        }
      }
      case FLOAT64 -> {
        for (double x : (double[]) arr) {
          out.u64(Double.doubleToRawLongBits(x));
        }
      }
      case STRING -> {
        for (String s : (String[]) arr) {
          out.string(s);
        }
      }
      case ARRAY -> {
        for (GgufValue inner : (GgufValue[]) arr) {
          writeValue(out, inner);
        }
      }
    }
  }

  /** Little-endian primitive output that counts the bytes written. */
  private static final class LeOutput {
    private final OutputStream out;
    private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    long written;

    LeOutput(OutputStream out) {
      this.out = out;
    }

    void u8(int v) throws IOException {
      out.write(v);
      written++;
    }

    void u16(int v) throws IOException {
      scratch.clear();
      scratch.putShort((short) v);
      out.write(scratch.array(), 0, 2);
      written += 2;
    }

    void u32(int v) throws IOException {
      scratch.clear();
      scratch.putInt(v);
      out.write(scratch.array(), 0, 4);
      written += 4;
    }

    void u64(long v) throws IOException {
      scratch.clear();
      scratch.putLong(v);
      out.write(scratch.array(), 0, 8);
      written += 8;
    }

    void bytes(byte[] b) throws IOException {
      out.write(b);
      written += b.length;
    }

    void string(String s) throws IOException {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      u64(b.length);
      bytes(b);
    }

    void pad(int alignment) throws IOException {
      while (written % alignment != 0) {
        u8(0);
      }
    }

    void flush() throws IOException {
      out.flush();
    }
  }
}
