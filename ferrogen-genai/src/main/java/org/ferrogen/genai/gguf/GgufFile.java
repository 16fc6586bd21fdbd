package org.ferrogen.genai.gguf;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GGUF (version 2 or 3) file opened for reading: the metadata key-value pairs and the tensors,
 * whose data are memory-mapped one mapping per tensor so that files over 2 GiB work on Java 17.
 * Everything is validated on {@link #open}: every problem is reported as a {@link
 * GgufFormatException} whose message names the file and what is wrong.
 */
public final class GgufFile {
  /** "GGUF" read as a little-endian uint32. */
  static final int MAGIC = 0x46554747;
  /** ggml's GGML_MAX_DIMS. */
  static final int MAX_DIMS = 4;
  public static final int DEFAULT_ALIGNMENT = 32;

  private final Path path;
  private final int version;
  private final Map<String, GgufValue> metadata;
  private final Map<String, GgufTensor> tensors;
  private final long dataStart;

  private GgufFile(Path path, int version, Map<String, GgufValue> metadata,
      Map<String, GgufTensor> tensors, long dataStart) {
    this.path = path;
    this.version = version;
    this.metadata = Collections.unmodifiableMap(metadata);
    this.tensors = Collections.unmodifiableMap(tensors);
    this.dataStart = dataStart;
  }

  /** Opens and validates {@code path}. */
  public static GgufFile open(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new NoSuchFileException(path.toString());
    }
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      return new Parser(path, ch).parse();
    }
  }

  public Path path() {
    return path;
  }

  public int version() {
    return version;
  }

  /** Metadata in file order. */
  public Map<String, GgufValue> metadata() {
    return metadata;
  }

  /** Tensors in file order, by name. */
  public Map<String, GgufTensor> tensors() {
    return tensors;
  }

  /** Byte offset of the tensor-data section in the file. */
  public long dataStart() {
    return dataStart;
  }

  public GgufValue get(String key) {
    return metadata.get(key);
  }

  /** A required string, with an error naming the key when it is absent or not a string. */
  public String requireString(String key) {
    GgufValue v = metadata.get(key);
    if (v == null || v.type() != GgufValueType.STRING) {
      throw new GgufFormatException(path + ": metadata key " + key + (v == null ? " is missing" : " is not a string"));
    }
    return v.asString();
  }

  /** A required integer, with an error naming the key when it is absent or not an integer. */
  public long requireLong(String key) {
    GgufValue v = metadata.get(key);
    if (v == null) {
      throw new GgufFormatException(path + ": metadata key " + key + " is missing");
    }
    try {
      return v.asLong();
    } catch (IllegalArgumentException e) {
      throw new GgufFormatException(path + ": metadata key " + key + ": " + e.getMessage());
    }
  }

  public long getLong(String key, long fallback) {
    return metadata.containsKey(key) ? requireLong(key) : fallback;
  }

  public double getDouble(String key, double fallback) {
    GgufValue v = metadata.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return v.asDouble();
    } catch (IllegalArgumentException e) {
      throw new GgufFormatException(path + ": metadata key " + key + ": " + e.getMessage());
    }
  }

  /** A tensor that must exist. */
  public GgufTensor requireTensor(String name) {
    GgufTensor t = tensors.get(name);
    if (t == null) {
      throw new GgufFormatException(path + ": tensor " + name + " is missing");
    }
    return t;
  }

  /** Reads the header through a buffered window over the channel, with file-size bounds checks. */
  private static final class Parser {
    private final Path path;
    private final FileChannel ch;
    private final long size;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private long bufStart;

    Parser(Path path, FileChannel ch) throws IOException {
      this.path = path;
      this.ch = ch;
      this.size = ch.size();
      buf.limit(0);
    }

    private GgufFormatException fail(String what) {
      return new GgufFormatException(path + ": " + what);
    }

    private long position() {
      return bufStart + buf.position();
    }

    private void need(int n, String what) throws IOException {
      if (buf.remaining() >= n) {
        return;
      }
      if (position() + n > size) {
        throw fail("truncated file: " + what + " at byte " + position() + " needs " + n
            + " bytes but the file ends at byte " + size);
      }
      long pos = position();
      buf.clear();
      bufStart = pos;
      ch.position(pos);
      while (buf.position() < n) {
        if (ch.read(buf) < 0) {
          throw new EOFException(path + ": truncated file at byte " + pos);
        }
      }
      buf.flip();
    }

    private long remainingInFile() {
      return size - position();
    }

    int u32(String what) throws IOException {
      need(4, what);
      return buf.getInt();
    }

    long u64(String what) throws IOException {
      need(8, what);
      return buf.getLong();
    }

    String string(String what) throws IOException {
      long len = u64(what + " length");
      if (len < 0 || len > remainingInFile()) {
        throw fail("truncated file or absurd length: " + what + " claims " + Long.toUnsignedString(len)
            + " bytes at byte " + position() + " but only " + remainingInFile() + " remain");
      }
      byte[] bytes = new byte[(int) len];
      int done = 0;
      while (done < bytes.length) {
        need(1, what);
        int n = Math.min(buf.remaining(), bytes.length - done);
        buf.get(bytes, done, n);
        done += n;
      }
      try {
        return StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        throw fail(what + " at byte " + (position() - len) + " is not valid UTF-8");
      }
    }

    GgufFile parse() throws IOException {
      if (size < 4) {
        throw fail("truncated file: " + size + " bytes, too short for the GGUF magic");
      }
      int magic = u32("magic");
      if (magic != MAGIC) {
        throw fail(String.format("bad magic 0x%08x: not a GGUF file", magic));
      }
      int version = u32("version");
      if (version != 3 && version != 2) {
        throw fail("unsupported GGUF version " + Integer.toUnsignedString(version) + " (supported: 2, 3)");
      }
      long tensorCount = u64("tensor count");
      long kvCount = u64("metadata count");
      // A tensor info takes at least 8+0+4+8+4+8 bytes and a key-value pair at least 8+0+4+1.
      if (tensorCount < 0 || tensorCount > remainingInFile() / 32) {
        throw fail("absurd tensor count " + Long.toUnsignedString(tensorCount) + " for a file of " + size + " bytes (truncated or corrupted file?)");
      }
      if (kvCount < 0 || kvCount > remainingInFile() / 13) {
        throw fail("absurd metadata count " + Long.toUnsignedString(kvCount) + " for a file of " + size + " bytes (truncated or corrupted file?)");
      }
      Map<String, GgufValue> metadata = new LinkedHashMap<>();
      for (long i = 0; i < kvCount; i++) {
        String key = string("metadata key #" + i);
        int typeId = u32("type of metadata " + key);
        GgufValueType type = GgufValueType.byId(typeId);
        if (type == null) {
          throw fail("metadata " + key + " has unknown value type " + Integer.toUnsignedString(typeId));
        }
        if (metadata.containsKey(key)) {
          throw fail("duplicate metadata key " + key);
        }
        metadata.put(key, value(type, key, 0));
      }
      int alignment = DEFAULT_ALIGNMENT;
      GgufValue al = metadata.get("general.alignment");
      if (al != null) {
        long a;
        try {
          a = al.asLong();
        } catch (IllegalArgumentException e) {
          throw fail("general.alignment is not an integer");
        }
        if (a <= 0 || a > (1 << 30) || Long.bitCount(a) != 1) {
          throw fail("general.alignment " + a + " is not a power of two");
        }
        alignment = (int) a;
      }
      record Info(String name, GgmlType type, long[] ne, long offset) {}
      List<Info> infos = new ArrayList<>();
      java.util.Set<String> names = new java.util.HashSet<>();
      for (long i = 0; i < tensorCount; i++) {
        String name = string("tensor name #" + i);
        if (!names.add(name)) {
          throw fail("duplicate tensor name " + name);
        }
        int nDims = u32("dimension count of tensor " + name);
        if (nDims < 1 || nDims > MAX_DIMS) {
          throw fail("tensor " + name + " has " + Integer.toUnsignedString(nDims) + " dimensions (1 to " + MAX_DIMS + " allowed)");
        }
        long[] ne = new long[nDims];
        long elements = 1;
        for (int d = 0; d < nDims; d++) {
          ne[d] = u64("dimension " + d + " of tensor " + name);
          if (ne[d] <= 0 || ne[d] > size * 8 || Math.multiplyHigh(elements, ne[d]) != 0
              || elements * ne[d] > size * 8 || elements * ne[d] < 0) {
            throw fail("tensor " + name + " has absurd dimension ne[" + d + "] = " + Long.toUnsignedString(ne[d]));
          }
          elements *= ne[d];
        }
        int typeId = u32("type of tensor " + name);
        GgmlType type = GgmlType.byId(typeId);
        if (type == null) {
          throw fail("tensor " + name + " has unknown tensor type " + GgmlType.describe(typeId)
              + " (not a ggml type this build knows)");
        }
        if (ne[0] % type.blockSize() != 0) {
          throw fail("size mismatch: tensor " + name + " of type " + type + " has ne[0] = " + ne[0]
              + ", not a multiple of the block size " + type.blockSize());
        }
        long offset = u64("data offset of tensor " + name);
        if (offset < 0 || offset % alignment != 0) {
          throw fail("misaligned offset: tensor " + name + " at data offset " + Long.toUnsignedString(offset)
              + " is not a multiple of the alignment " + alignment);
        }
        infos.add(new Info(name, type, ne, offset));
      }
      long headerEnd = position();
      long dataStart = (headerEnd + alignment - 1) / alignment * alignment;
      Map<String, GgufTensor> tensors = new LinkedHashMap<>();
      for (Info info : infos) {
        long bytes = info.type.bytesFor(elementsOf(info.ne));
        long start = dataStart + info.offset;
        if (start < dataStart || start > size || bytes > size - start) {
          throw fail("tensor data outside the file (truncated file?): tensor " + info.name
              + " needs bytes " + start + ".." + (start + bytes)
              + " but the file has " + size + " bytes");
        }
        ByteBuffer mapped = bytes > Integer.MAX_VALUE
            ? null
            : ch.map(FileChannel.MapMode.READ_ONLY, start, bytes).order(ByteOrder.LITTLE_ENDIAN);
        tensors.put(info.name, new GgufTensor(info.name, info.type, info.ne, info.offset, mapped));
      }
      checkNoOverlap(tensors);
      return new GgufFile(path, version, metadata, tensors, dataStart);
    }

    private void checkNoOverlap(Map<String, GgufTensor> tensors) {
      List<GgufTensor> sorted = new ArrayList<>(tensors.values());
      sorted.sort((a, b) -> Long.compare(a.offset(), b.offset()));
      for (int i = 1; i < sorted.size(); i++) {
        GgufTensor prev = sorted.get(i - 1);
        if (prev.offset() + prev.byteSize() > sorted.get(i).offset()) {
          throw fail("size mismatch: tensor " + prev.name() + " (" + prev.byteSize() + " bytes at data offset "
              + prev.offset() + ") overlaps tensor " + sorted.get(i).name());
        }
      }
    }

    private static long elementsOf(long[] ne) {
      long n = 1;
      for (long d : ne) {
        n *= d;
      }
      return n;
    }

    private GgufValue value(GgufValueType type, String key, int depth) throws IOException {
      String what = "value of " + key;
      return switch (type) {
        case UINT8, INT8 -> {
          need(1, what);
          byte b = buf.get();
          yield new GgufValue(type, null, type == GgufValueType.UINT8 ? b & 0xff : (int) b);
        }
        case UINT16, INT16 -> {
          need(2, what);
          short s = buf.getShort();
          yield new GgufValue(type, null, type == GgufValueType.UINT16 ? s & 0xffff : (int) s);
        }
        case UINT32, INT32 -> new GgufValue(type, null, u32(what));
        case FLOAT32 -> {
          need(4, what);
          yield new GgufValue(type, null, buf.getFloat());
        }
        case UINT64, INT64 -> new GgufValue(type, null, u64(what));
        case FLOAT64 -> {
          need(8, what);
          yield new GgufValue(type, null, buf.getDouble());
        }
        case BOOL -> {
          need(1, what);
          byte b = buf.get();
          if (b != 0 && b != 1) {
            throw fail("metadata " + key + " has bool value " + b + " (must be 0 or 1)");
          }
          yield new GgufValue(type, null, b == 1);
        }
        case STRING -> new GgufValue(type, null, string(what));
        case ARRAY -> array(key, depth);
      };
    }

    private GgufValue array(String key, int depth) throws IOException {
      if (depth > 8) {
        throw fail("metadata " + key + " nests arrays more than 8 deep");
      }
      int typeId = u32("array element type of " + key);
      GgufValueType et = GgufValueType.byId(typeId);
      if (et == null) {
        throw fail("metadata " + key + " has unknown array element type " + Integer.toUnsignedString(typeId));
      }
      long count = u64("array length of " + key);
      long minBytes = switch (et) {
        case UINT8, INT8, BOOL -> 1;
        case UINT16, INT16 -> 2;
        case UINT32, INT32, FLOAT32 -> 4;
        case STRING, UINT64, INT64, FLOAT64 -> 8;
        case ARRAY -> 12;
      };
      if (count < 0 || count > remainingInFile() / minBytes || count > Integer.MAX_VALUE - 8) {
        throw fail("absurd array length " + Long.toUnsignedString(count) + " for metadata " + key
            + " (the file has " + remainingInFile() + " bytes left)");
      }
      int n = (int) count;
      String what = "array " + key;
      Object arr = switch (et) {
        case UINT8, INT8 -> {
          byte[] a = new byte[n];
          for (int i = 0; i < n; i++) {
            need(1, what);
            a[i] = buf.get();
          }
          yield a;
        }
        case BOOL -> {
          boolean[] a = new boolean[n];
          for (int i = 0; i < n; i++) {
            need(1, what);
            a[i] = buf.get() != 0;
          }
          yield a;
        }
        case UINT16, INT16 -> {
          short[] a = new short[n];
          for (int i = 0; i < n; i++) {
            need(2, what);
            a[i] = buf.getShort();
          }
          yield a;
        }
        case UINT32, INT32 -> {
          int[] a = new int[n];
          for (int i = 0; i < n; i++) {
            a[i] = u32(what);
          }
          yield a;
        }
        case FLOAT32 -> {
          float[] a = new float[n];
          for (int i = 0; i < n; i++) {
            need(4, what);
            a[i] = buf.getFloat();
          }
          yield a;
        }
        case UINT64, INT64 -> {
          long[] a = new long[n];
          for (int i = 0; i < n; i++) {
            a[i] = u64(what);
          }
          yield a;
        }
        case FLOAT64 -> {
          double[] a = new double[n];
          for (int i = 0; i < n; i++) {
            need(8, what);
            a[i] = buf.getDouble();
          }
          yield a;
        }
        case STRING -> {
          String[] a = new String[n];
          for (int i = 0; i < n; i++) {
            a[i] = string(key + "[" + i + "]");
          }
          yield a;
        }
        case ARRAY -> {
          GgufValue[] a = new GgufValue[n];
          for (int i = 0; i < n; i++) {
            a[i] = array(key + "[" + i + "]", depth + 1);
          }
          yield a;
        }
      };
      return new GgufValue(GgufValueType.ARRAY, et, arr);
    }
  }
}
