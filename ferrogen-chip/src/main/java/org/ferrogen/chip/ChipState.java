package org.ferrogen.chip;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.ferrogen.chip.spec.ChipSpec;
import org.ferrogen.chip.spec.ChipSpecs;
import org.ferrogen.cim.Conductances;
import org.ferrogen.cim.ProgrammedCells;
import org.ferrogen.cim.TiledAnalogMatrix;
import org.ferrogen.device.AnalogCell;

/**
 * A programmed chip's non-volatile state, as a file: the spec, the chip seed, the model it holds
 * (file name and SHA-256), what it went through while powered off ({@link StorageHistory}), and every
 * matrix's cells as programmed (conductances, output scales, ADC full scales, float32 exactly as in
 * the simulation).
 *
 * <p>Format, version {@value #VERSION}: the magic line {@code FERROGEN-CHIP-STATE}, a big-endian int
 * version, a big-endian int length and that many bytes of UTF-8 JSON metadata, then per matrix its
 * float32 arrays little-endian (output scales, G+, G−, ADC full scales), then (version 2) per trained
 * synapse array its hidden words as int16 and its memristor pairs' G+ and G− as float32, little-endian,
 * then the CRC-32C of every
 * byte before it (Castagnoli polynomial, RFC 3720; hardware-accelerated, so checking 20 MB costs
 * milliseconds at boot — it guards against truncation and corruption, not tampering). A file that is truncated, altered, of another version or for another model is
 * refused with a one-line message. {@link #write} goes through a temporary file in the same folder,
 * forced to disk and moved into place, so a failed save leaves the previous file as it was. Version 1
 * files (no synapse arrays) are still read.
 */
public record ChipState(
    ChipSpec spec, long seed, ModelIdentity model, StorageHistory history, List<Matrix> matrices,
    List<TrainedSynapses> synapses) {

  public static final int VERSION = 2;
  /** The first version, without synapse arrays: still read. */
  private static final int VERSION_WITHOUT_SYNAPSES = 1;
  private static final byte[] MAGIC = "FERROGEN-CHIP-STATE\n".getBytes(StandardCharsets.US_ASCII);
  private static final int DIGEST_BYTES = 4;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The model a state holds: its file name (for messages) and a fingerprint of its content (size and
   * CRC-32C of its bytes) that tells models apart.
   */
  public record ModelIdentity(String fileName, String fingerprint) {
    /** The identity of a model file. */
    public static ModelIdentity of(Path file) throws IOException {
      return new ModelIdentity(file.getFileName().toString(), ChipState.fingerprint(file));
    }
  }

  /** One matrix as programmed, under its name. */
  public record Matrix(String name, ProgrammedCells cells) {}

  /**
   * One trained matrix of a hybrid FeCAP + memristor synapse region (Martemucci 2025) as it stands:
   * the hidden weights (10-bit sign-magnitude words, −511…511 hidden LSBs, row-major out × in) and
   * the differential memristor pairs' conductances G+ and G− in siemens.
   *
   * @param region the spec's synapse array it lives on
   * @param name the matrix's name on the region
   * @param hiddenLsb the weight one hidden LSB stands for
   */
  public record TrainedSynapses(String region, String name, int rows, int cols, double hiddenLsb, short[] hidden,
      float[] plus, float[] minus) {
    public TrainedSynapses {
      long n = (long) rows * cols;
      if (rows < 1 || cols < 1 || hidden.length != n || plus.length != n || minus.length != n) {
        throw new TrainedSynapsesShapeException("synapse matrix " + name + ": " + rows + "x" + cols + " needs " + n
            + " hidden words and conductance pairs, got " + hidden.length + ", " + plus.length + ", " + minus.length);
      }
    }
  }

  /** A synapse matrix whose arrays do not match its shape. */
  static final class TrainedSynapsesShapeException extends IllegalArgumentException {
    TrainedSynapsesShapeException(String message) {
      super(message);
    }
  }

  public ChipState {
    matrices = List.copyOf(matrices);
    synapses = List.copyOf(synapses);
  }

  /** A state without trained synapse arrays. */
  public ChipState(ChipSpec spec, long seed, ModelIdentity model, StorageHistory history, List<Matrix> matrices) {
    this(spec, seed, model, history, matrices, List.of());
  }

  /** This state holding {@code trained} as its synapse arrays (replacing any it held). */
  public ChipState withSynapses(List<TrainedSynapses> trained) {
    return new ChipState(spec, seed, model, history, matrices, trained);
  }

  /** This state without the compute matrix {@code name} (e.g. a head replaced by a fine-tuned one). */
  public ChipState without(String name) {
    return new ChipState(spec, seed, model, history,
        matrices.stream().filter(m -> !m.name().equals(name)).toList(), synapses);
  }

  /** The state of a programmed chip holding {@code model}, not yet stored. */
  public static ChipState of(Chip chip, ModelIdentity model) {
    List<Matrix> list = new ArrayList<>();
    for (Map.Entry<String, TiledAnalogMatrix> e : chip.matrices().entrySet()) {
      list.add(new Matrix(e.getKey(), e.getValue().programmedCells()));
    }
    return new ChipState(chip.spec(), chip.seed(), model, StorageHistory.none(), list);
  }

  /** This state after one more storage interval. */
  public ChipState aged(StorageHistory.Interval interval) {
    return new ChipState(spec, seed, model, history.plus(interval), matrices, synapses);
  }

  /**
   * Powers the chip on: builds it from the spec and seed and restores every matrix from its cells,
   * aged by the storage history through the cell model's retention law, cell by cell. No
   * programming. {@code threads}: 0 for all processors.
   */
  public Chip boot(int threads) {
    Chip chip = new Chip(spec, seed, threads);
    AnalogCell cell = chip.cell();
    double seconds = history.equivalentSeconds(spec.tiles().cell());
    double kelvin = history.referenceKelvin();
    for (Matrix m : matrices) {
      Conductances g = m.cells().conductances();
      TiledAnalogMatrix matrix = chip.allocate(m.name(), g.rows(), g.cols());
      ProgrammedCells cells = m.cells();
      if (!history.isEmpty()) {
        cells = new ProgrammedCells(cells.outputScale(),
            new Conductances(g.rows(), g.cols(), g.slices(), retained(g.plus(), cell, seconds, kelvin),
                retained(g.minus(), cell, seconds, kelvin)),
            cells.adcFullScale());
      }
      matrix.restore(cells);
    }
    return chip;
  }

  private static float[] retained(float[] g, AnalogCell cell, double seconds, double kelvin) {
    float[] out = new float[g.length];
    IntStream.range(0, g.length).parallel()
        .forEach(i -> out[i] = (float) cell.retainedConductance(g[i], seconds, kelvin));
    return out;
  }

  /** Refuses to boot for a model other than the one programmed. */
  public void requireModel(ModelIdentity other) {
    if (!model.fingerprint().equals(other.fingerprint())) {
      throw new IllegalArgumentException("chip state holds model " + model.fileName() + " (" + model.fingerprint()
          + "), not " + other.fileName() + " (" + other.fingerprint() + ")");
    }
  }

  /** Writes the state atomically: temporary file, forced to disk, moved into place. */
  public void write(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
    boolean done = false;
    try {
      if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
        // A temporary file is private (rw-------); the state is an ordinary file (rw-r--r--).
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      }
      CRC32C crc = new CRC32C();
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        OutputStream raw = java.nio.channels.Channels.newOutputStream(channel);
        BufferedOutputStream buffered = new BufferedOutputStream(raw, 1 << 20);
        DataOutputStream out = new DataOutputStream(new CheckedOutputStream(buffered, crc));
        out.write(MAGIC);
        out.writeInt(VERSION);
        byte[] meta = JSON.writeValueAsBytes(metadata());
        out.writeInt(meta.length);
        out.write(meta);
        for (Matrix m : matrices) {
          ProgrammedCells c = m.cells();
          writeFloats(out, c.outputScale());
          writeFloats(out, c.conductances().plus());
          writeFloats(out, c.conductances().minus());
          writeFloats(out, c.adcFullScale());
        }
        for (TrainedSynapses t : synapses) {
          writeShorts(out, t.hidden());
          writeFloats(out, t.plus());
          writeFloats(out, t.minus());
        }
        out.flush();
        new DataOutputStream(buffered).writeInt((int) crc.getValue());
        buffered.flush();
        channel.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  private ObjectNode metadata() {
    ObjectNode meta = JSON.createObjectNode();
    meta.put("spec_yaml", ChipSpecs.toYaml(spec));
    meta.put("seed", seed);
    ObjectNode m = meta.putObject("model");
    m.put("file", model.fileName());
    m.put("fingerprint", model.fingerprint());
    ArrayNode h = meta.putArray("storage");
    for (StorageHistory.Interval i : history.intervals()) {
      h.addObject().put("seconds", i.seconds()).put("kelvin", i.kelvin());
    }
    ArrayNode list = meta.putArray("matrices");
    for (Matrix x : matrices) {
      Conductances g = x.cells().conductances();
      list.addObject().put("name", x.name()).put("rows", g.rows()).put("cols", g.cols()).put("slices", g.slices())
          .put("adc_full_scales", x.cells().adcFullScale().length);
    }
    ArrayNode trained = meta.putArray("synapse_arrays");
    for (TrainedSynapses t : synapses) {
      trained.addObject().put("region", t.region()).put("name", t.name()).put("rows", t.rows()).put("cols", t.cols())
          .put("hidden_lsb", t.hiddenLsb());
    }
    return meta;
  }

  /** Reads and checks a state file; every refusal is one line naming the file. */
  public static ChipState read(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("chip state " + file + " does not exist");
    }
    String name = "chip state " + file;
    if (bytes.length < MAGIC.length + 8 + DIGEST_BYTES
        || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new IllegalArgumentException(name + ": not a FerroGen chip state (no FERROGEN-CHIP-STATE header)");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
    in.position(MAGIC.length);
    int version = in.getInt();
    if (version != VERSION && version != VERSION_WITHOUT_SYNAPSES) {
      throw new IllegalArgumentException(name + ": format version " + version + ", this FerroGen reads versions "
          + VERSION_WITHOUT_SYNAPSES + " and " + VERSION + "; program the chip again");
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - DIGEST_BYTES);
    if ((int) crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - DIGEST_BYTES, DIGEST_BYTES).getInt()) {
      throw new IllegalArgumentException(name + ": checksum mismatch (file truncated or corrupted)");
    }
    try {
      int metaLength = in.getInt();
      if (metaLength < 0 || metaLength > in.remaining() - DIGEST_BYTES) {
        throw new IllegalArgumentException(name + ": metadata length " + metaLength + " exceeds the file");
      }
      JsonNode meta = JSON.readTree(new String(bytes, in.position(), metaLength, StandardCharsets.UTF_8));
      in.position(in.position() + metaLength);
      ChipSpec spec = ChipSpecs.parse(meta.get("spec_yaml").asText(), name + " (spec)");
      long seed = meta.get("seed").asLong();
      ModelIdentity model = new ModelIdentity(meta.get("model").get("file").asText(), meta.get("model").get("fingerprint").asText());
      List<StorageHistory.Interval> intervals = new ArrayList<>();
      for (JsonNode i : meta.get("storage")) {
        try {
          intervals.add(new StorageHistory.Interval(i.get("seconds").asDouble(), i.get("kelvin").asDouble()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(name + ": storage interval " + intervals.size() + ": " + e.getMessage());
        }
      }
      int slicesOfSpec = spec.tiles().mapping().slices();
      int tileRows = spec.tiles().tile().rows();
      int tileCols = spec.tiles().tile().cols();
      long tilesUsed = 0;
      java.util.Set<String> names = new java.util.HashSet<>();
      ByteBuffer data = in.slice(in.position(), in.remaining() - DIGEST_BYTES).order(ByteOrder.LITTLE_ENDIAN);
      List<Matrix> matrices = new ArrayList<>();
      for (JsonNode m : meta.get("matrices")) {
        // Every shape is checked against the spec here, so that a state that reads also boots
        // (found by ChipStateJazzerTest: a wrong ADC count used to fail inside TiledAnalogMatrix).
        String matrixName = m.get("name").asText();
        String where = name + ": matrix '" + matrixName + "'";
        if (!names.add(matrixName)) {
          throw new IllegalArgumentException(where + " appears twice");
        }
        long rows = m.get("rows").asLong();
        long cols = m.get("cols").asLong();
        long slices = m.get("slices").asLong();
        if (rows < 1 || cols < 1 || rows > Integer.MAX_VALUE || cols > Integer.MAX_VALUE) {
          throw new IllegalArgumentException(where + " has " + rows + "x" + cols + " cells; rows and cols must be 1.."
              + Integer.MAX_VALUE);
        }
        if (slices != slicesOfSpec) {
          throw new IllegalArgumentException(where + " has " + slices + " slices but the spec maps weights onto "
              + slicesOfSpec + " (tiles.mapping.slices)");
        }
        long rowTiles = (cols + tileRows - 1) / tileRows;
        tilesUsed += rowTiles * ((rows + tileCols - 1) / tileCols);
        if (tilesUsed > spec.tiles().count()) {
          throw new IllegalArgumentException(where + " does not fit: the matrices need " + tilesUsed + " tiles of "
              + tileRows + "x" + tileCols + ", the spec has " + spec.tiles().count() + " (tiles.count)");
        }
        long adcFullScales = m.get("adc_full_scales").asLong();
        if (adcFullScales != rowTiles * slices * rows) {
          throw new IllegalArgumentException(where + " has " + adcFullScales + " ADC full scales, its "
              + rowTiles + " row tiles x " + slices + " slices x " + rows + " rows need " + rowTiles * slices * rows);
        }
        float[] scale = readFloats(data, rows, where + " output scales", false);
        float[] plus = readFloats(data, slices * rows * cols, where + " G+", true);
        float[] minus = readFloats(data, slices * rows * cols, where + " G-", true);
        float[] fullScale = readFloats(data, adcFullScales, where + " ADC full scales", true);
        matrices.add(new Matrix(matrixName, new ProgrammedCells(scale,
            new Conductances((int) rows, (int) cols, (int) slices, plus, minus), fullScale)));
      }
      List<TrainedSynapses> trained = new ArrayList<>();
      if (version >= VERSION) {
        for (JsonNode t : meta.get("synapse_arrays")) {
          String where = name + ": synapse array '" + t.get("name").asText() + "'";
          int rows = t.get("rows").asInt();
          int cols = t.get("cols").asInt();
          if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException(where + " has " + rows + "x" + cols + " synapses; rows and cols must be >= 1");
          }
          long n = (long) rows * cols;
          short[] hidden = readShorts(data, n, where + " hidden words");
          trained.add(new TrainedSynapses(t.get("region").asText(), t.get("name").asText(), rows, cols,
              t.get("hidden_lsb").asDouble(), hidden, readFloats(data, n, where + " G+", true),
              readFloats(data, n, where + " G-", true)));
        }
      }
      if (data.hasRemaining()) {
        throw new IllegalArgumentException(name + ": " + data.remaining() + " bytes beyond the last matrix");
      }
      return new ChipState(spec, seed, model, new StorageHistory(intervals), matrices, trained);
    } catch (TrainedSynapsesShapeException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage());
    } catch (JsonProcessingException | NullPointerException | java.nio.BufferUnderflowException e) {
      throw new IllegalArgumentException(name + ": malformed contents (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(Math.min(values.length, 1 << 16) * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int from = 0; from < values.length; from += 1 << 16) {
      int n = Math.min(1 << 16, values.length - from);
      b.clear();
      b.asFloatBuffer().put(values, from, n);
      out.write(b.array(), 0, n * 4);
    }
  }

  private static void writeShorts(DataOutputStream out, short[] values) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(Math.min(values.length, 1 << 16) * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int from = 0; from < values.length; from += 1 << 16) {
      int n = Math.min(1 << 16, values.length - from);
      b.clear();
      b.asShortBuffer().put(values, from, n);
      out.write(b.array(), 0, n * 2);
    }
  }

  private static short[] readShorts(ByteBuffer data, long count, String name) {
    if (count < 0 || count > data.remaining() / 2) {
      throw new IllegalArgumentException(name + ": truncated synapse data (" + count + " values, "
          + data.remaining() / 2 + " left in the file)");
    }
    short[] v = new short[(int) count];
    data.asShortBuffer().get(v);
    data.position(data.position() + v.length * 2);
    return v;
  }

  /** {@code count} float32 values of {@code what}: finite, and non-negative when {@code nonNegative}. */
  private static float[] readFloats(ByteBuffer data, long count, String what, boolean nonNegative) {
    if (count < 0 || count > data.remaining() / 4) {
      throw new IllegalArgumentException(what + ": truncated matrix data (" + count + " values, "
          + data.remaining() / 4 + " left in the file)");
    }
    float[] v = new float[(int) count];
    data.asFloatBuffer().get(v);
    data.position(data.position() + v.length * 4);
    for (int i = 0; i < v.length; i++) {
      if (!Float.isFinite(v[i]) || (nonNegative && v[i] < 0)) {
        throw new IllegalArgumentException(what + ": value " + i + " is " + v[i]
            + (nonNegative ? " (must be finite and >= 0)" : " (must be finite)"));
      }
    }
    return v;
  }

  static String fingerprint(Path file) throws IOException {
    CRC32C crc = new CRC32C();
    long size = 0;
    try (var in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        crc.update(buf, 0, n);
        size += n;
      }
    }
    return String.format("%d bytes, crc32c %08x", size, crc.getValue());
  }
}
