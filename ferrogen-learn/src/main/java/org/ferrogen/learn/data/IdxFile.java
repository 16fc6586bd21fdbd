package org.ferrogen.learn.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reader of the IDX format of LeCun's MNIST files (and Fashion-MNIST): a big-endian magic
 * {@code 0x0000 TT DD} (TT the element type, DD the number of dimensions), DD big-endian 32-bit
 * sizes, then the elements. Only unsigned bytes (type {@code 0x08}), the type of every MNIST-family
 * file, are accepted. Files ending in {@code .gz} are decompressed on the fly (as are gzip
 * streams recognised by their own magic). Errors name the file, the byte offset and what was
 * expected there.
 */
public final class IdxFile {

  /** IDX element type of unsigned bytes. */
  static final int UNSIGNED_BYTE = 0x08;

  private IdxFile() {}

  /**
   * An IDX array of unsigned bytes.
   *
   * @param dimensions sizes, outermost first (e.g. {count, 28, 28})
   * @param data the elements, row-major, as unsigned values in a byte array
   */
  public record Array(int[] dimensions, byte[] data) {

    /** Number of items (the outermost dimension). */
    public int count() {
      return dimensions[0];
    }

    /** Elements per item (the product of the inner dimensions; 1 for a label file). */
    public int itemSize() {
      int n = 1;
      for (int d = 1; d < dimensions.length; d++) {
        n *= dimensions[d];
      }
      return n;
    }

    /** Element {@code i} as an unsigned value 0…255. */
    public int unsigned(int i) {
      return data[i] & 0xFF;
    }
  }

  /** Reads a plain or gzip-compressed IDX file of unsigned bytes. */
  public static Array read(Path file) throws IOException {
    InputStream raw;
    try {
      raw = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("IDX file not found: " + file, e);
    }
    try (InputStream in = raw) {
      return read(in, file.toString());
    }
  }

  /**
   * Reads an IDX array from a stream ({@code source} names it in errors); gzip is recognised by its
   * magic bytes 1f 8b.
   */
  public static Array read(InputStream stream, String source) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(stream, 1 << 16);
    buffered.mark(2);
    int b0 = buffered.read();
    int b1 = buffered.read();
    buffered.reset();
    InputStream in = buffered;
    if (b0 == 0x1f && b1 == 0x8b) {
      try {
        in = new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16);
      } catch (IOException e) {
        throw new IllegalArgumentException(source + ": corrupt gzip header (" + e.getMessage() + ")", e);
      }
    }
    try {
      return readIdx(new DataInputStream(in), source);
    } catch (ZipException | EOFException e) {
      // Only a gzip stream throws these past the checks below: a corrupt or cut deflate stream.
      throw new IllegalArgumentException(source + ": corrupt gzip data (" + e.getMessage() + ")", e);
    }
  }

  private static Array readIdx(DataInputStream data, String source) throws IOException {
    long offset = 0;
    int magic;
    try {
      magic = data.readInt();
    } catch (EOFException e) {
      throw new IllegalArgumentException(
          source + ": offset 0: file ends before the 4-byte IDX magic (expected 00 00 08 NN)", e);
    }
    offset += 4;
    int zero = magic >>> 16;
    int type = (magic >>> 8) & 0xFF;
    int rank = magic & 0xFF;
    if (zero != 0 || rank < 1 || rank > 4) {
      throw new IllegalArgumentException(String.format(
          "%s: offset 0: bad IDX magic %08x (expected 00 00 08 NN with NN the number of dimensions,"
              + " 1-4; is this an IDX file?)", source, magic));
    }
    if (type != UNSIGNED_BYTE) {
      throw new IllegalArgumentException(String.format(
          "%s: offset 2: IDX element type 0x%02x is not supported (expected 0x08, unsigned bytes)",
          source, type));
    }
    int[] dims = new int[rank];
    long total = 1;
    for (int d = 0; d < rank; d++) {
      try {
        dims[d] = data.readInt();
      } catch (EOFException e) {
        throw new IllegalArgumentException(
            source + ": offset " + offset + ": file ends inside the header (dimension " + d + " of " + rank + ")", e);
      }
      if (dims[d] < 0) {
        throw new IllegalArgumentException(
            source + ": offset " + offset + ": dimension " + d + " is negative (" + dims[d] + ")");
      }
      offset += 4;
      total *= dims[d];
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          source + ": offset 4: " + total + " elements exceed what one array can hold");
    }
    // readNBytes(n) grows its buffer as bytes arrive instead of allocating what the header
    // promises, so a short file with a header of 2^31 elements fails as truncated, not out of memory.
    byte[] values = data.readNBytes((int) total);
    int read = values.length;
    if (read < total) {
      throw new IllegalArgumentException(
          source + ": offset " + (offset + read) + ": file truncated, " + read + " of " + total
              + " data bytes present (header promises " + describe(dims) + ")");
    }
    return new Array(dims, values);
  }

  private static String describe(int[] dims) {
    StringBuilder s = new StringBuilder();
    for (int d = 0; d < dims.length; d++) {
      s.append(d == 0 ? "" : "×").append(dims[d]);
    }
    return s.toString();
  }
}
