package org.ferrogen.cli.cim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a 2-D weight matrix from a NumPy {@code .npy} file (float32/float64, C order) or a CSV file. */
final class MatrixFiles {

  /** A row-major matrix. */
  record Matrix(int rows, int cols, float[] values) {}

  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private MatrixFiles() {}

  static Matrix read(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".npy") ? readNpy(file) : readCsv(file);
  }

  static Matrix readNpy(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length < 10 || bytes[0] != (byte) 0x93 || !new String(bytes, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
      throw new IllegalArgumentException(file + ": not a .npy file (bad magic)");
    }
    int major = bytes[6];
    int headerLength;
    int start;
    ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (major == 1) {
      headerLength = Short.toUnsignedInt(le.getShort(8));
      start = 10;
    } else if (major == 2 || major == 3) {
      headerLength = le.getInt(8);
      start = 12;
    } else {
      throw new IllegalArgumentException(file + ": unsupported .npy version " + major);
    }
    if (start + headerLength > bytes.length) {
      throw new IllegalArgumentException(file + ": truncated .npy header");
    }
    String header = new String(bytes, start, headerLength, StandardCharsets.ISO_8859_1);
    String descr = find(DESCR, header, file, "descr");
    if (find(ORDER, header, file, "fortran_order").equals("True")) {
      throw new IllegalArgumentException(file + ": Fortran-order arrays are not supported; save with C order");
    }
    String[] dims = find(SHAPE, header, file, "shape").split(",");
    List<Integer> shape = new ArrayList<>();
    for (String d : dims) {
      if (!d.isBlank()) {
        shape.add(Integer.parseInt(d.trim()));
      }
    }
    if (shape.size() != 2) {
      throw new IllegalArgumentException(file + ": expected a 2-D array, shape has " + shape.size() + " dimensions");
    }
    int rows = shape.get(0);
    int cols = shape.get(1);
    int width;
    ByteOrder order;
    switch (descr) {
      case "<f4": width = 4; order = ByteOrder.LITTLE_ENDIAN; break;
      case ">f4": width = 4; order = ByteOrder.BIG_ENDIAN; break;
      case "<f8": width = 8; order = ByteOrder.LITTLE_ENDIAN; break;
      case ">f8": width = 8; order = ByteOrder.BIG_ENDIAN; break;
      default:
        throw new IllegalArgumentException(file + ": dtype " + descr + " not supported (float32 or float64 only)");
    }
    int offset = start + headerLength;
    long need = (long) rows * cols * width;
    if (bytes.length - offset < need) {
      throw new IllegalArgumentException(file + ": truncated data: " + (bytes.length - offset) + " bytes for " + rows + "x" + cols + " " + descr);
    }
    ByteBuffer data = ByteBuffer.wrap(bytes, offset, (int) need).order(order);
    float[] v = new float[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = width == 4 ? data.getFloat() : (float) data.getDouble();
    }
    return new Matrix(rows, cols, v);
  }

  static Matrix readCsv(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<float[]> rows = new ArrayList<>();
    int lineNo = 0;
    for (String line : lines) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("[,;\\s]+");
      float[] row = new float[cells.length];
      for (int i = 0; i < cells.length; i++) {
        try {
          row[i] = Float.parseFloat(cells[i].trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(file + ":" + lineNo + ": not a number: '" + cells[i] + "'");
        }
      }
      if (!rows.isEmpty() && row.length != rows.get(0).length) {
        throw new IllegalArgumentException(
            file + ":" + lineNo + ": " + row.length + " values, earlier rows have " + rows.get(0).length);
      }
      rows.add(row);
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(file + ": no numbers found");
    }
    int cols = rows.get(0).length;
    float[] v = new float[rows.size() * cols];
    for (int r = 0; r < rows.size(); r++) {
      System.arraycopy(rows.get(r), 0, v, r * cols, cols);
    }
    return new Matrix(rows.size(), cols, v);
  }

  private static String find(Pattern p, String header, Path file, String key) {
    Matcher m = p.matcher(header);
    if (!m.find()) {
      throw new IllegalArgumentException(file + ": .npy header lacks '" + key + "'");
    }
    return m.group(1);
  }
}
