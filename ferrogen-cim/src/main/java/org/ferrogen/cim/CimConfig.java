package org.ferrogen.cim;

import java.util.List;
import java.util.Objects;
import org.ferrogen.device.config.Range;

/**
 * Immutable description of a compute-in-memory chip: tile geometry, memory cell, weight mapping,
 * converters, non-idealities and the technology used for the cost model. Every record validates its
 * own fields and names the offending field in the exception message. {@link #defaults()} is the
 * reference configuration; {@link CimConfigLoader} overlays a YAML file on it.
 */
public record CimConfig(
    Tile tile,
    Cell cell,
    Mapping mapping,
    Input input,
    Adc adc,
    NonIdealities nonIdealities,
    Technology technology,
    @Range(min = 0, max = 1024, reason = "0 = all processors; more threads than cores only add overhead")
        int threads) {

  public CimConfig {
    Objects.requireNonNull(tile, "tile");
    Objects.requireNonNull(cell, "cell");
    Objects.requireNonNull(mapping, "mapping");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(adc, "adc");
    Objects.requireNonNull(nonIdealities, "nonIdealities");
    Objects.requireNonNull(technology, "technology");
    require(threads >= 0, "threads", threads, "must be >= 0 (0 = all processors)");
  }

  /** The reference chip: 256x256 FeFET tiles, 8-bit DAC and ADC, programming error and read noise. */
  public static CimConfig defaults() {
    return new CimConfig(
        new Tile(256, 256),
        Cell.defaults(),
        new Mapping(WeightScaling.PER_OUTPUT, 0, 1, true),
        new Input(InputEncoding.DAC, 8, InputScaling.PER_VECTOR_ABS_MAX, 1.0),
        new Adc(8, AdcRange.STATISTICAL, 4.0, 8),
        NonIdealities.defaults(),
        new Technology("28nm"),
        0);
  }

  /** Every non-ideality off; converters as configured. */
  public CimConfig ideal() {
    return withNonIdealities(NonIdealities.none());
  }

  public CimConfig withTile(Tile t) {
    return new CimConfig(t, cell, mapping, input, adc, nonIdealities, technology, threads);
  }

  public CimConfig withCell(Cell c) {
    return new CimConfig(tile, c, mapping, input, adc, nonIdealities, technology, threads);
  }

  public CimConfig withMapping(Mapping m) {
    return new CimConfig(tile, cell, m, input, adc, nonIdealities, technology, threads);
  }

  public CimConfig withInput(Input i) {
    return new CimConfig(tile, cell, mapping, i, adc, nonIdealities, technology, threads);
  }

  public CimConfig withAdc(Adc a) {
    return new CimConfig(tile, cell, mapping, input, a, nonIdealities, technology, threads);
  }

  public CimConfig withNonIdealities(NonIdealities n) {
    return new CimConfig(tile, cell, mapping, input, adc, n, technology, threads);
  }

  public CimConfig withTechnology(Technology t) {
    return new CimConfig(tile, cell, mapping, input, adc, nonIdealities, t, threads);
  }

  public CimConfig withThreads(int n) {
    return new CimConfig(tile, cell, mapping, input, adc, nonIdealities, technology, n);
  }

  /** Crossbar tile size: {@code rows} word lines (inputs) by {@code cols} bit lines (outputs). */
  public record Tile(
      @Range(min = 1, max = 65536, unit = "word lines") int rows,
      @Range(min = 1, max = 65536, unit = "bit lines") int cols) {
    public Tile {
      require(rows >= 1, "tile.rows", rows, "must be >= 1");
      require(cols >= 1, "tile.cols", cols, "must be >= 1");
    }
  }

  /**
   * Memory cell. {@code type}: {@code fefet} (multi-level FeFET, Deng et al. 2020 switching physics
   * from ferrogen-device), {@code memristor} (CEA-Leti memristor, Martemucci et al. 2025, from
   * ferrogen-device), {@code fecap} (charge-domain cell of binary-weighted ferroelectric capacitors
   * on the CEA-Leti film by default, see {@link FeCapChargeCell}; needs bit-serial inputs),
   * {@code fefet-kim2022} and {@code memristor-cea2025} (fast characterisation-data cells, see
   * {@link CharacterisedCell}), or {@code table} (your own data: {@code levelsSiemens},
   * {@code programSigmaSiemens}, {@code readNoiseRelative}, {@code readVoltage}). {@code parameterSet}
   * picks a ferrogen-device parameter set by name or YAML file (empty: the type's default);
   * {@code levels} sets the FeFET's or FeCAP's level count (0: its default; a power of two for
   * {@code fecap}). {@code maxArrayDimension} is the largest word- or bit-line length the
   * configuration allows (sneak paths and line loading limit it); a charge-domain cell type adds its
   * own, smaller limit ({@link ChargeDomainCell#maxCellsPerLine()}).
   */
  public record Cell(
      String type,
      String parameterSet,
      @Range(min = 0, max = 1024, reason = "0 = the type's default") int levels,
      @Range(min = 0, max = 1, unit = "S") List<Double> levelsSiemens,
      @Range(min = 0, max = 1, unit = "S") double programSigmaSiemens,
      @Range(min = 0, max = 10) double readNoiseRelative,
      @Range(min = 1e-3, max = 10, unit = "V") double readVoltage,
      @Range(min = 1, max = 65536, unit = "cells") int maxArrayDimension) {
    public Cell {
      Objects.requireNonNull(type, "cell.type");
      parameterSet = parameterSet == null ? "" : parameterSet;
      require(levels == 0 || levels >= 2, "cell.levels", levels, "must be 0 (type default) or >= 2");
      levelsSiemens = levelsSiemens == null ? List.of() : List.copyOf(levelsSiemens);
      require(
          TYPES.contains(type),
          "cell.type",
          type,
          "must be one of " + TYPES);
      require(programSigmaSiemens >= 0, "cell.programSigmaSiemens", programSigmaSiemens, "must be >= 0");
      require(readNoiseRelative >= 0, "cell.readNoiseRelative", readNoiseRelative, "must be >= 0");
      require(readVoltage > 0, "cell.readVoltage", readVoltage, "must be > 0");
      require(maxArrayDimension >= 1, "cell.maxArrayDimension", maxArrayDimension, "must be >= 1");
      for (double g : levelsSiemens) {
        require(g >= 0, "cell.levelsSiemens", g, "must all be >= 0");
      }
      if (type.equals("table")) {
        require(levelsSiemens.size() >= 2, "cell.levelsSiemens", levelsSiemens.size(), "a table cell needs >= 2 levels");
      }
    }

    public static final List<String> TYPES =
        List.of("fefet", "memristor", "fecap", "fefet-kim2022", "memristor-cea2025", "table");

    /**
     * The multi-level FeFET. 1024 lines: assumption, the largest array dimension we allow for a
     * FeFET AND/NOR array before line loading dominates.
     */
    public static Cell defaults() {
      return new Cell("fefet", "", 0, List.of(), 0, 0, 0.1, 1024);
    }

    /** A {@code table} cell from characterisation data. */
    public static Cell table(List<Double> levelsSiemens, double programSigmaSiemens, double readNoiseRelative, double readVoltage) {
      return new Cell("table", "", 0, levelsSiemens, programSigmaSiemens, readNoiseRelative, readVoltage, 1024);
    }
  }

  /** How the maximum |weight| maps onto the conductance range. */
  public enum WeightScaling {
    /** One scale for the whole matrix. */
    PER_MATRIX,
    /** One scale per output (per bit line), undone digitally after the ADC. */
    PER_OUTPUT
  }

  /**
   * Weight mapping onto differential pairs G+ − G−. {@code bitsPerCell} = 0 means "as many as the
   * cell's levels allow" (floor(log2(levels))); {@code slices} cells of {@code bitsPerCell} bits each
   * hold one weight magnitude and are recombined by digital shift-and-add. {@code quantizeToLevels} =
   * false programs continuous targets (one slice only).
   */
  public record Mapping(
      WeightScaling weightScaling,
      @Range(min = 0, max = 16, unit = "bits") int bitsPerCell,
      @Range(min = 1, max = 8) int slices,
      boolean quantizeToLevels) {
    public Mapping {
      Objects.requireNonNull(weightScaling, "mapping.weightScaling");
      require(bitsPerCell >= 0 && bitsPerCell <= 16, "mapping.bitsPerCell", bitsPerCell, "must be 0..16");
      require(slices >= 1 && slices <= 8, "mapping.slices", slices, "must be 1..8");
      require(quantizeToLevels || slices == 1, "mapping.slices", slices, "must be 1 when quantizeToLevels is false");
    }
  }

  public enum InputEncoding {
    /** One multi-level DAC voltage per word line per MVM. */
    DAC,
    /** One binary (±V) pulse per input bit, each converted separately and shift-added. */
    BIT_SERIAL
  }

  public enum InputScaling {
    /** Each input vector is divided by its largest |x| before the DAC and multiplied back after. */
    PER_VECTOR_ABS_MAX,
    /** Inputs are divided by {@code Input.fixedRange}; larger values saturate the DAC. */
    FIXED
  }

  /** Input conversion: signed {@code bits}-bit DAC codes (sign included). */
  public record Input(
      InputEncoding encoding,
      @Range(min = 2, max = 24, unit = "bits") int bits,
      InputScaling scaling,
      @Range(min = 1e-12, max = 1e12) double fixedRange) {
    public Input {
      Objects.requireNonNull(encoding, "input.encoding");
      Objects.requireNonNull(scaling, "input.scaling");
      require(bits >= 2 && bits <= 24, "input.bits", bits, "must be 2..24 (sign bit included)");
      require(fixedRange > 0, "input.fixedRange", fixedRange, "must be > 0");
    }
  }

  public enum AdcRange {
    /** Full scale = the largest possible column sum: never saturates, coarse LSB. */
    WORST_CASE,
    /**
     * Full scale = {@code sigmas} standard deviations of the column sum for independent inputs
     * uniform in [−1, 1] (assumption); larger sums saturate.
     */
    STATISTICAL
  }

  /**
   * Per-column ADC: signed {@code bits} bits (sign included), full-scale range chosen by {@code range},
   * {@code columnsPerAdc} bit lines multiplexed onto one converter.
   */
  public record Adc(
      @Range(min = 1, max = 24, unit = "bits") int bits,
      AdcRange range,
      @Range(min = 0.1, max = 100) double sigmas,
      @Range(min = 1, max = 65536) int columnsPerAdc) {
    public Adc {
      Objects.requireNonNull(range, "adc.range");
      require(bits >= 1 && bits <= 24, "adc.bits", bits, "must be 1..24");
      require(sigmas > 0, "adc.sigmas", sigmas, "must be > 0");
      require(columnsPerAdc >= 1, "adc.columnsPerAdc", columnsPerAdc, "must be >= 1");
    }
  }

  /** Switchable non-idealities, each with its cited default magnitude. */
  public record NonIdealities(
      Programming programming,
      Variation deviceToDevice,
      Variation cycleToCycle,
      ReadNoise readNoise,
      Retention retention,
      IrDrop irDrop,
      StuckCells stuckCells,
      AdcError adcError) {
    public NonIdealities {
      Objects.requireNonNull(programming, "nonIdealities.programming");
      Objects.requireNonNull(deviceToDevice, "nonIdealities.deviceToDevice");
      Objects.requireNonNull(cycleToCycle, "nonIdealities.cycleToCycle");
      Objects.requireNonNull(readNoise, "nonIdealities.readNoise");
      Objects.requireNonNull(retention, "nonIdealities.retention");
      Objects.requireNonNull(irDrop, "nonIdealities.irDrop");
      Objects.requireNonNull(stuckCells, "nonIdealities.stuckCells");
      Objects.requireNonNull(adcError, "nonIdealities.adcError");
    }

    /** Programming error and read noise on; the rest off but with their cited magnitudes filled in. */
    public static NonIdealities defaults() {
      return new NonIdealities(
          // Program-and-verify to 2 % within 20 pulses. Assumption in the range of multi-level
          // FeFET write schemes (Jerry et al., IEDM 2017: 75 ns pulses, 32 levels).
          new Programming(true, 0.02, 20),
          // Kim et al., Sci. Adv. 2022 (64-level FeFET): device-to-device 3.7 %.
          new Variation(false, 0.037),
          // Kim et al., Sci. Adv. 2022: cycle-to-cycle 1.3 %.
          new Variation(false, 0.013),
          new ReadNoise(true, 1.0, NoisePath.COLUMN),
          // FeFET retention is specified as 10 years at 85 °C (literature.md §2); one day at 85 °C here.
          new Retention(false, 86_400, 358.15),
          // Assumption: ~1 Ω of copper line per cell pitch at 28 nm (ρ ≈ 4e-8 Ω·m with size effects,
          // 100 nm pitch, 50 nm × 100 nm cross-section).
          new IrDrop(false, 1.0),
          // Assumption: 0.1 % stuck-on and 0.1 % stuck-off cells; the 28 nm FeFET array of Müller et
          // al. (IMW 2023) shows a 4 % multi-level write bit-error rate, most of it near-miss levels.
          new StuckCells(false, 0.001, 0.001),
          // Assumption: 0.5 LSB offset sigma and 1 LSB peak integral non-linearity, a typical SAR spec.
          new AdcError(false, 0.5, 1.0));
    }

    public static NonIdealities none() {
      NonIdealities d = defaults();
      return new NonIdealities(
          d.programming.withEnabled(false),
          d.deviceToDevice.withEnabled(false),
          d.cycleToCycle.withEnabled(false),
          d.readNoise.withEnabled(false),
          d.retention.withEnabled(false),
          d.irDrop.withEnabled(false),
          d.stuckCells.withEnabled(false),
          d.adcError.withEnabled(false));
    }

    public NonIdealities withProgramming(Programming p) {
      return new NonIdealities(p, deviceToDevice, cycleToCycle, readNoise, retention, irDrop, stuckCells, adcError);
    }

    public NonIdealities withDeviceToDevice(Variation v) {
      return new NonIdealities(programming, v, cycleToCycle, readNoise, retention, irDrop, stuckCells, adcError);
    }

    public NonIdealities withCycleToCycle(Variation v) {
      return new NonIdealities(programming, deviceToDevice, v, readNoise, retention, irDrop, stuckCells, adcError);
    }

    public NonIdealities withReadNoise(ReadNoise r) {
      return new NonIdealities(programming, deviceToDevice, cycleToCycle, r, retention, irDrop, stuckCells, adcError);
    }

    public NonIdealities withRetention(Retention r) {
      return new NonIdealities(programming, deviceToDevice, cycleToCycle, readNoise, r, irDrop, stuckCells, adcError);
    }

    public NonIdealities withIrDrop(IrDrop i) {
      return new NonIdealities(programming, deviceToDevice, cycleToCycle, readNoise, retention, i, stuckCells, adcError);
    }

    public NonIdealities withStuckCells(StuckCells s) {
      return new NonIdealities(programming, deviceToDevice, cycleToCycle, readNoise, retention, irDrop, s, adcError);
    }

    public NonIdealities withAdcError(AdcError a) {
      return new NonIdealities(programming, deviceToDevice, cycleToCycle, readNoise, retention, irDrop, stuckCells, a);
    }
  }

  /**
   * Program-and-verify through {@link org.ferrogen.device.AnalogCell#program}. Disabled: the
   * conductance equals its target exactly.
   */
  public record Programming(
      boolean enabled,
      @Range(min = 0, max = 1) double relativeTolerance,
      @Range(min = 1, max = 1000, reason = "every cell is simulated pulse by pulse; program-and-verify schemes use tens of pulses")
          int maxIterations) {
    public Programming {
      require(relativeTolerance >= 0, "nonIdealities.programming.relativeTolerance", relativeTolerance, "must be >= 0");
      require(maxIterations >= 1, "nonIdealities.programming.maxIterations", maxIterations, "must be >= 1");
    }

    public Programming withEnabled(boolean e) {
      return new Programming(e, relativeTolerance, maxIterations);
    }
  }

  /**
   * Relative Gaussian variation of the programmed conductance that verify does not see (e.g. verify at
   * a different bias than the MVM read). Device-to-device: fixed per physical cell; cycle-to-cycle:
   * drawn anew at every programming.
   */
  public record Variation(boolean enabled, @Range(min = 0, max = 1) double relativeSigma) {
    public Variation {
      require(relativeSigma >= 0, "relativeSigma", relativeSigma, "must be >= 0 (noise cannot be negative)");
    }

    public Variation withEnabled(boolean e) {
      return new Variation(e, relativeSigma);
    }
  }

  /** How read noise is drawn: exact column-level Gaussian, or per-cell Monte Carlo (reference). */
  public enum NoisePath {
    COLUMN,
    MONTE_CARLO
  }

  /** Per-read Gaussian conductance noise with σ from the cell model, times {@code scale}. */
  public record ReadNoise(boolean enabled, @Range(min = 0, max = 100) double scale, NoisePath path) {
    public ReadNoise {
      require(scale >= 0, "nonIdealities.readNoise.scale", scale, "must be >= 0 (noise cannot be negative)");
      Objects.requireNonNull(path, "nonIdealities.readNoise.path");
    }

    public ReadNoise withEnabled(boolean e) {
      return new ReadNoise(e, scale, path);
    }
  }

  /** Conductance as read after {@code seconds} at {@code kelvin}, from the cell's retention model. */
  public record Retention(
      boolean enabled,
      @Range(min = 0, max = 1e10, unit = "s", reason = "about 300 years") double seconds,
      @Range(min = 1, max = 1000, unit = "K") double kelvin) {
    public Retention {
      require(seconds >= 0, "nonIdealities.retention.seconds", seconds, "must be >= 0");
      require(kelvin > 0, "nonIdealities.retention.kelvin", kelvin, "must be > 0");
    }

    public Retention withEnabled(boolean e) {
      return new Retention(e, seconds, kelvin);
    }
  }

  /** First-order IR drop on word and bit lines with {@code wireResistanceOhms} per cell pitch. */
  public record IrDrop(boolean enabled, @Range(min = 0, max = 1e6, unit = "Ω") double wireResistanceOhms) {
    public IrDrop {
      require(wireResistanceOhms >= 0, "nonIdealities.irDrop.wireResistanceOhms", wireResistanceOhms, "must be >= 0");
    }

    public IrDrop withEnabled(boolean e) {
      return new IrDrop(e, wireResistanceOhms);
    }
  }

  /** Fractions of cells stuck at the highest (on) or lowest (off) conductance. */
  public record StuckCells(
      boolean enabled,
      @Range(min = 0, max = 1) double stuckOnFraction,
      @Range(min = 0, max = 1) double stuckOffFraction) {
    public StuckCells {
      require(stuckOnFraction >= 0 && stuckOnFraction <= 1, "nonIdealities.stuckCells.stuckOnFraction", stuckOnFraction, "must be in [0, 1]");
      require(stuckOffFraction >= 0 && stuckOffFraction <= 1, "nonIdealities.stuckCells.stuckOffFraction", stuckOffFraction, "must be in [0, 1]");
      require(stuckOnFraction + stuckOffFraction <= 1, "nonIdealities.stuckCells", stuckOnFraction + stuckOffFraction, "fractions must sum to <= 1");
    }

    public StuckCells withEnabled(boolean e) {
      return new StuckCells(e, stuckOnFraction, stuckOffFraction);
    }
  }

  /** Static per-column ADC offset (Gaussian, σ in LSB) and a bow-shaped integral non-linearity. */
  public record AdcError(
      boolean enabled,
      @Range(min = 0, max = 1000, unit = "LSB") double offsetSigmaLsb,
      @Range(min = 0, max = 1000, unit = "LSB") double inlLsb) {
    public AdcError {
      require(offsetSigmaLsb >= 0, "nonIdealities.adcError.offsetSigmaLsb", offsetSigmaLsb, "must be >= 0");
      require(inlLsb >= 0, "nonIdealities.adcError.inlLsb", inlLsb, "must be >= 0");
    }

    public AdcError withEnabled(boolean e) {
      return new AdcError(e, offsetSigmaLsb, inlLsb);
    }
  }

  /** Technology node of the periphery, by name (see {@code cost.TechnologyNode}). */
  public record Technology(String node) {
    public Technology {
      Objects.requireNonNull(node, "technology.node");
    }
  }

  static void require(boolean ok, String field, Object value, String rule) {
    if (!ok) {
      throw new IllegalArgumentException(field + " = " + value + ": " + rule);
    }
  }
}
