package org.ferrogen.chip.spec;

import java.util.List;
import java.util.Objects;
import org.ferrogen.cim.CimConfig;
import org.ferrogen.device.config.Range;
import org.ferrogen.device.cost.TechnologyNode;

/**
 * A whole chip, as data: one technology node, the memory regions (FeFET compute tiles, FeCAP arrays,
 * memristor arrays, hybrid FeCAP + memristor synapse arrays), the TRNG units, the digital periphery,
 * and the operating point. Presets are YAML resources ({@link ChipSpecs}); every field is listed with
 * its unit, meaning and source in {@code fields.tsv} beside them ({@code ferrogen chip show}).
 *
 * <p>Files and presets are read by the one strict configuration reader, {@link
 * org.ferrogen.device.config.YamlConfig} (through {@link ChipSpecs}): every number carries its
 * {@link Range}, so a user sees {@code my.yaml: tiles.adc.bits: must be 1..24 bits, got 0}. Each
 * record's constructor keeps the rules across fields (and guards specs built in code), naming the
 * field relative to itself.
 *
 * @param name preset or file name
 * @param description one line for {@code chip presets}
 * @param technology technology node of every periphery and digital block ({@link TechnologyNode})
 * @param environment operating temperature and supply
 * @param tiles the FeFET (or other analog cell) compute tiles that hold weight matrices
 * @param fecapArrays binary FeCAP memory arrays
 * @param memristorArrays multi-level memristor arrays
 * @param synapseArrays hybrid FeCAP + memristor arrays for on-chip learning
 * @param trng the true random number generator units
 * @param digital the digital periphery: SRAM buffers and the units outside the matrix products
 */
public record ChipSpec(
    String name,
    String description,
    String technology,
    Environment environment,
    Tiles tiles,
    List<MemoryArray> fecapArrays,
    List<MemoryArray> memristorArrays,
    List<SynapseArray> synapseArrays,
    Trng trng,
    Digital digital) {

  public ChipSpec {
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    Objects.requireNonNull(technology, "technology");
    if (!TechnologyNode.presetNames().contains(technology)) {
      throw new IllegalArgumentException(
          "technology: must be one of " + TechnologyNode.presetNames() + ", got " + technology);
    }
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(tiles, "tiles");
    fecapArrays = fecapArrays == null ? List.of() : List.copyOf(fecapArrays);
    memristorArrays = memristorArrays == null ? List.of() : List.copyOf(memristorArrays);
    synapseArrays = synapseArrays == null ? List.of() : List.copyOf(synapseArrays);
    Objects.requireNonNull(trng, "trng");
    Objects.requireNonNull(digital, "digital");
  }

  /** The technology node's parameters. */
  public TechnologyNode technologyNode() {
    return TechnologyNode.preset(technology);
  }

  /** The compute tiles' configuration for cim, on this chip's technology, with {@code threads}. */
  public CimConfig cimConfig(int threads) {
    return new CimConfig(
        tiles.tile(), tiles.cell(), tiles.mapping(), tiles.input(), tiles.adc(), tiles.nonIdealities(),
        new CimConfig.Technology(technology), threads);
  }

  /**
   * This spec with compute tiles configured as {@code config} (tile, cell, mapping, converters,
   * non-idealities) and the chip on {@code config}'s technology node: how a cim configuration file
   * becomes a chip.
   */
  public ChipSpec withTileConfig(CimConfig config) {
    Tiles t = new Tiles(tiles.count(), tiles.programOutcomeSamples(), config.tile(), config.cell(), config.mapping(),
        config.input(), config.adc(), config.nonIdealities());
    return new ChipSpec(name, description, config.technology().node(), environment, t, fecapArrays, memristorArrays,
        synapseArrays, trng, digital);
  }

  /** This spec under another name (a file's specs are named after the file). */
  public ChipSpec withName(String newName) {
    return new ChipSpec(newName, description, technology, environment, tiles, fecapArrays, memristorArrays,
        synapseArrays, trng, digital);
  }

  /** This spec with {@code count} compute tiles. */
  public ChipSpec withTileCount(int count) {
    Tiles t = new Tiles(count, tiles.programOutcomeSamples(), tiles.tile(), tiles.cell(), tiles.mapping(),
        tiles.input(), tiles.adc(), tiles.nonIdealities());
    return new ChipSpec(name, description, technology, environment, t, fecapArrays, memristorArrays, synapseArrays,
        trng, digital);
  }

  /**
   * Operating point of the whole chip.
   *
   * @param celsius die temperature, °C
   * @param supplyVolts core supply; the technology's digital energies scale with its square
   */
  public record Environment(
      @Range(min = -55, max = 150, unit = "°C", reason = "automotive range") double celsius,
      @Range(min = 0.1, max = 5, unit = "V") double supplyVolts) {
    public Environment {
      check(celsius >= -55 && celsius <= 150, "celsius", celsius, "must be -55..150 °C (automotive range)");
      check(supplyVolts >= 0.1 && supplyVolts <= 5, "supplyVolts", supplyVolts, "must be 0.1..5 V");
    }

    public double kelvin() {
      return celsius + 273.15;
    }
  }

  /**
   * The compute tiles: {@code count} tiles of the cim configuration's size, cell, mapping and
   * converters (cim's own records, so a tile means the same here as in {@code ferrogen cim mvm}).
   *
   * @param count tiles on the chip; a model needing more does not fit
   * @param programOutcomeSamples program-and-verify experiments per target level drawn from when
   *     programming ({@code SampledProgrammingCell}); 0 simulates every cell's programming
   */
  public record Tiles(
      @Range(min = 1, max = 1_000_000) int count,
      @Range(min = 0, max = 1 << 20, reason = "0 simulates every cell, else 64..1048576 samples per level")
          int programOutcomeSamples,
      CimConfig.Tile tile,
      CimConfig.Cell cell,
      CimConfig.Mapping mapping,
      CimConfig.Input input,
      CimConfig.Adc adc,
      CimConfig.NonIdealities nonIdealities) {
    public Tiles {
      check(count >= 1 && count <= 1_000_000, "count", count, "must be 1..1000000");
      check(programOutcomeSamples == 0 || (programOutcomeSamples >= 64 && programOutcomeSamples <= 1 << 20),
          "programOutcomeSamples", programOutcomeSamples, "must be 0 (simulate every cell) or 64..1048576");
      // A section left out is cim's reference section (CimConfig.defaults()), so presets give only
      // what differs from the reference tile.
      CimConfig reference = CimConfig.defaults();
      tile = tile == null ? reference.tile() : tile;
      cell = cell == null ? reference.cell() : cell;
      mapping = mapping == null ? reference.mapping() : mapping;
      input = input == null ? reference.input() : input;
      adc = adc == null ? reference.adc() : adc;
      nonIdealities = nonIdealities == null ? reference.nonIdealities() : nonIdealities;
    }
  }

  /**
   * A plain memory array of FeCAP or memristor cells.
   *
   * @param name region name, unique on the chip
   * @param rows word lines
   * @param cols bit lines
   * @param parameterSet ferrogen-device parameter set of its cells
   */
  public record MemoryArray(
      String name,
      @Range(min = 1, max = 65_536, unit = "word lines") int rows,
      @Range(min = 1, max = 65_536, unit = "bit lines") int cols,
      String parameterSet) {
    public MemoryArray {
      Objects.requireNonNull(name, "name");
      check(rows >= 1 && rows <= 65_536, "rows", rows, "must be 1..65536");
      check(cols >= 1 && cols <= 65_536, "cols", cols, "must be 1..65536");
      Objects.requireNonNull(parameterSet, "parameterSet");
    }

    public long cells() {
      return (long) rows * cols;
    }
  }

  /**
   * A hybrid FeCAP + memristor synapse array (Martemucci et al., Nat. Electron. 8, 921, 2025): each
   * transfer line carries FeCAPs holding the hidden high-precision weights and memristors holding the
   * analog weights as differential pairs; the memristors are re-programmed from the FeCAPs' most
   * significant bits every {@code transferEvery} samples.
   *
   * @param name region name
   * @param transferLines transfer lines (CEA: 128)
   * @param fecapsPerLine FeCAPs per line (CEA: 128)
   * @param memristorsPerLine memristors per line (CEA: 16)
   * @param fecapsPerSynapse FeCAPs per synapse (CEA: 14 = sign + 3 MSBs as 4:2:1 capacitors + 6 LSBs)
   * @param memristorsPerSynapse memristors per synapse (CEA: 2, the pair G+ − G−)
   * @param hiddenBits sign-magnitude bits of the hidden weight (CEA: 10)
   * @param analogBits sign + magnitude bits copied to the memristor pair (CEA: sign + 3 MSBs = 4)
   * @param transferEvery samples between transfers, k (CEA: 100)
   * @param fecapProgramJoules energy of one FeCAP program operation (CEA's assumed cost)
   * @param memristorProgramJoules energy of one memristor program operation (CEA's assumed cost)
   * @param parameterSet ferrogen-device parameter set of the stack
   */
  public record SynapseArray(
      String name,
      @Range(min = 1, max = 65_536) int transferLines,
      @Range(min = 1, max = 4096) int fecapsPerLine,
      @Range(min = 1, max = 4096) int memristorsPerLine,
      @Range(min = 1, max = 4096) int fecapsPerSynapse,
      @Range(min = 1, max = 4096) int memristorsPerSynapse,
      @Range(min = 2, max = 32, unit = "bits") int hiddenBits,
      @Range(min = 2, max = 32, unit = "bits") int analogBits,
      @Range(min = 1, max = 1_000_000, unit = "samples") int transferEvery,
      @Range(min = 0, max = 1e-9, unit = "J") double fecapProgramJoules,
      @Range(min = 0, max = 1e-9, unit = "J") double memristorProgramJoules,
      String parameterSet) {
    public SynapseArray {
      Objects.requireNonNull(name, "name");
      check(transferLines >= 1 && transferLines <= 65_536, "transferLines", transferLines, "must be 1..65536");
      check(fecapsPerLine >= 1 && fecapsPerLine <= 4096, "fecapsPerLine", fecapsPerLine, "must be 1..4096");
      check(memristorsPerLine >= 1 && memristorsPerLine <= 4096, "memristorsPerLine", memristorsPerLine, "must be 1..4096");
      check(fecapsPerSynapse >= 1 && fecapsPerSynapse <= fecapsPerLine, "fecapsPerSynapse", fecapsPerSynapse,
          "must be 1..fecapsPerLine (" + fecapsPerLine + ")");
      check(memristorsPerSynapse >= 1 && memristorsPerSynapse <= memristorsPerLine, "memristorsPerSynapse",
          memristorsPerSynapse, "must be 1..memristorsPerLine (" + memristorsPerLine + ")");
      check(hiddenBits >= 2 && hiddenBits <= 32, "hiddenBits", hiddenBits, "must be 2..32");
      check(analogBits >= 2 && analogBits <= hiddenBits, "analogBits", analogBits, "must be 2..hiddenBits (" + hiddenBits + ")");
      check(transferEvery >= 1 && transferEvery <= 1_000_000, "transferEvery", transferEvery, "must be 1..1000000");
      check(fecapProgramJoules >= 0 && fecapProgramJoules <= 1e-9, "fecapProgramJoules", fecapProgramJoules, "must be 0..1e-9 J");
      check(memristorProgramJoules >= 0 && memristorProgramJoules <= 1e-9, "memristorProgramJoules",
          memristorProgramJoules, "must be 0..1e-9 J");
      Objects.requireNonNull(parameterSet, "parameterSet");
      int perLine = Math.min(fecapsPerLine / fecapsPerSynapse, memristorsPerLine / memristorsPerSynapse);
      check(perLine >= 1, "fecapsPerSynapse", fecapsPerSynapse, "leaves no whole synapse on a line");
    }

    /** Synapses per transfer line: as many as both the FeCAPs and the memristors allow. */
    public int synapsesPerLine() {
      return Math.min(fecapsPerLine / fecapsPerSynapse, memristorsPerLine / memristorsPerSynapse);
    }

    public int synapses() {
      return transferLines * synapsesPerLine();
    }

    /** Devices on the array (FeCAPs and memristors). */
    public long devices() {
      return (long) transferLines * (fecapsPerLine + memristorsPerLine);
    }
  }

  /**
   * The TRNG units. The hardware energy of their SHA-256 conditioner and DRBG comes from the chip's
   * technology node ({@link TechnologyNode#sha256CompressionJoules()}, {@link
   * TechnologyNode#aesBlockJoules()}), as every other figure of the chip does.
   *
   * @param design circuit: {@code cell}, {@code pair} or {@code ring} ({@code ferrogen-trng})
   * @param units parallel units; the bit rate scales with them
   * @param carvedFromWeights whether the TRNG cells are cells of the weight arrays (the "triple duty"
   *     of the product brief): their cycling then wears those arrays
   */
  public record Trng(
      String design,
      @Range(min = 1, max = 65_536) int units,
      boolean carvedFromWeights) {
    public Trng {
      Objects.requireNonNull(design, "design");
      check(List.of("cell", "pair", "ring").contains(design), "design", design, "must be one of [cell, pair, ring]");
      check(units >= 1 && units <= 65_536, "units", units, "must be 1..65536");
    }
  }

  /**
   * The digital periphery: on-chip SRAM and the fp32 units that run what is not a matrix product.
   * Energies per operation come from the chip's technology node (Horowitz, ISSCC 2014, scaled);
   * operations without a Horowitz figure are counted in fp32 multiply-adds.
   *
   * @param sramBytes on-chip SRAM for activations, KV cache and buffers
   * @param expMultiplyAdds fp32 multiply-adds one exponential costs (range reduction + polynomial)
   * @param divideMultiplyAdds fp32 multiply-adds one divide or reciprocal square root costs
   */
  public record Digital(
      @Range(min = 0, max = 1L << 40, unit = "bytes") long sramBytes,
      @Range(min = 1, max = 1000) double expMultiplyAdds,
      @Range(min = 1, max = 1000) double divideMultiplyAdds) {
    public Digital {
      check(sramBytes >= 0 && sramBytes <= (1L << 40), "sramBytes", sramBytes, "must be 0..2^40 bytes");
      check(expMultiplyAdds >= 1 && expMultiplyAdds <= 1000, "expMultiplyAdds", expMultiplyAdds, "must be 1..1000");
      check(divideMultiplyAdds >= 1 && divideMultiplyAdds <= 1000, "divideMultiplyAdds", divideMultiplyAdds,
          "must be 1..1000");
    }
  }

  /** Throws a path-relative message: {@code field: rule, got value}. */
  static void check(boolean ok, String field, Object value, String rule) {
    if (!ok) {
      throw new IllegalArgumentException(field + ": " + rule + ", got " + value);
    }
  }
}
