package org.ferrogen.device.cost;

import java.util.List;

/**
 * Per-technology-node parameters of the periphery cost model. Digital energies start from Horowitz,
 * "Computing's energy problem", ISSCC 2014 (45 nm, 0.9 V: 32-bit add 0.1 pJ, 32-bit float multiply
 * 3.7 pJ, 64-bit read of an 8 kB SRAM 10 pJ) and scale with feature size × V² (C·V² switching energy).
 * Analog numbers are assumptions stated next to each preset.
 *
 * @param name preset name, e.g. {@code 28nm}
 * @param featureMetres feature size F
 * @param supplyVolts digital supply
 * @param wordLineCapacitancePerCellFarads word-line wire plus gate capacitance per cell pitch
 * @param dacEnergyPerBitJoules multi-level DAC energy per conversion per bit of resolution
 * @param adcWaldenFomJoules ADC Walden figure of merit, joules per conversion step
 * @param adcConversionSeconds one ADC conversion
 * @param readSeconds integration time of one read pulse
 * @param addEnergyPerBitJoules digital add, per bit of operand width
 * @param multiplyEnergyJoules one 32-bit floating-point multiply (final rescaling, digital units)
 * @param floatAddEnergyJoules one 32-bit floating-point add (digital units)
 * @param sramEnergyPerBitJoules buffer SRAM access per bit
 * @param cellAreaF2 memory cell area in units of F²
 * @param adcAreaPerStepSquareMetres ADC area per conversion step (capacitive-DAC SAR: ∝ 2^bits)
 * @param dacAreaSquareMetres area of one word-line DAC/driver
 * @param flipFlopCapacitanceFarads switched capacitance of one D flip-flop clocking
 * @param counterCapacitanceFarads switched capacitance of one controller count update
 * @param plateLineCapacitancePerCellFarads plate (pulse) line wire capacitance per cell pitch
 */
public record TechnologyNode(
    String name,
    double featureMetres,
    double supplyVolts,
    double wordLineCapacitancePerCellFarads,
    double dacEnergyPerBitJoules,
    double adcWaldenFomJoules,
    double adcConversionSeconds,
    double readSeconds,
    double addEnergyPerBitJoules,
    double multiplyEnergyJoules,
    double floatAddEnergyJoules,
    double sramEnergyPerBitJoules,
    double cellAreaF2,
    double adcAreaPerStepSquareMetres,
    double dacAreaSquareMetres,
    double flipFlopCapacitanceFarads,
    double counterCapacitanceFarads,
    double plateLineCapacitancePerCellFarads) {

  /** Horowitz ISSCC 2014 at 45 nm, 0.9 V: 32-bit add 0.1 pJ → 3.1 fJ per bit. */
  private static final double HOROWITZ_ADD_PER_BIT_45NM = 0.1e-12 / 32;
  /** Horowitz ISSCC 2014: 32-bit float multiply 3.7 pJ at 45 nm. */
  private static final double HOROWITZ_FMUL_45NM = 3.7e-12;
  /** Horowitz ISSCC 2014: 32-bit float add 0.9 pJ at 45 nm. */
  private static final double HOROWITZ_FADD_45NM = 0.9e-12;
  /** Horowitz ISSCC 2014: 8 kB SRAM, 64-bit read 10 pJ at 45 nm → 0.16 pJ per bit. */
  private static final double HOROWITZ_SRAM_PER_BIT_45NM = 10e-12 / 64;

  /**
   * Assumption: at 28 nm a D flip-flop switches 2 fF per clock, a controller count update 3 fF and a
   * plate line 1 fF per cell pitch (order-of-magnitude layout capacitances; no cited measurement of
   * these blocks for a ferroelectric TRNG exists in our references). Other nodes scale them with
   * feature size, as wire and gate capacitance do.
   */
  private static final double FLIP_FLOP_28NM = 2e-15;
  private static final double COUNTER_28NM = 3e-15;
  private static final double PLATE_LINE_PER_CELL_28NM = 1e-15;

  /**
   * SHA-256 compression (FIPS 180-4): 64 rounds of 7 32-bit additions plus 48 message-schedule
   * words of 3 additions = 592 additions; the Σ, σ, Ch and Maj functions counted as as many
   * 32-bit add-equivalents (assumption: bitwise functions of comparable switched capacitance); the
   * 8-word state and 16-word schedule (768 flip-flops) clocked every round.
   */
  private static final int SHA256_ADDS = 64 * 7 + 48 * 3;
  private static final int SHA256_REGISTER_BITS = (8 + 16) * 32;
  private static final int SHA256_ROUNDS = 64;

  /**
   * AES-256 block (FIPS 197): 14 rounds of 16 S-boxes plus 4 key-schedule S-boxes of ≈ 115 gates each
   * (Canright, CHES 2005, composite-field S-box), MixColumns ≈ 108 XORs per column, 128 AddRoundKey
   * and 128 key-expansion XORs; each gate counted as one bit of a Horowitz adder (assumption,
   * covering glitching); 128 state and 256 key flip-flops clocked per round.
   */
  private static final int AES256_ROUNDS = 14;
  private static final int AES_GATES_PER_ROUND = 20 * 115 + 4 * 108 + 128 + 128;
  private static final int AES256_REGISTER_BITS = 128 + 256;

  /** Energy of one D flip-flop clocking, C·V². */
  public double flipFlopClockJoules() {
    return flipFlopCapacitanceFarads * supplyVolts * supplyVolts;
  }

  /** Energy of one controller count update, C·V². */
  public double counterUpdateJoules() {
    return counterCapacitanceFarads * supplyVolts * supplyVolts;
  }

  /** Energy of driving one pulse of {@code volts} onto one cell's share of a plate line, C·V². */
  public double plateLinePulseJoules(double volts) {
    return plateLineCapacitancePerCellFarads * volts * volts;
  }

  /**
   * ASSUMPTION: hardware energy of one SHA-256 compression (one 512-bit block), counted from the
   * algorithm's operations at this node's Horowitz-scaled adder and flip-flop energies (≈ 150 pJ at
   * 28 nm, ≈ 0.3 pJ per hashed bit). Published low-power SHA-256 cores sit in the same decade; no
   * measured figure is in our references.
   */
  public double sha256CompressionJoules() {
    double adds = 2.0 * SHA256_ADDS * 32 * addEnergyPerBitJoules;
    double registers = (double) SHA256_ROUNDS * SHA256_REGISTER_BITS * flipFlopClockJoules();
    return adds + registers;
  }

  /**
   * ASSUMPTION: hardware energy of one AES-256 block (128 bits), counted from the algorithm's gates
   * at this node's Horowitz-scaled energies (≈ 90 pJ at 28 nm, 0.7 pJ per bit). A byte-serial
   * near-threshold core measured more per bit (Intel's 22 nm NanoAES, Mathew et al., IEEE JSSC 2015:
   * 289 Gb/s/W ≈ 3.5 pJ/bit, AES-128): this figure is for a round-parallel datapath.
   */
  public double aesBlockJoules() {
    double gates = (double) AES256_ROUNDS * AES_GATES_PER_ROUND * addEnergyPerBitJoules;
    double registers = (double) AES256_ROUNDS * AES256_REGISTER_BITS * flipFlopClockJoules();
    return gates + registers;
  }

  public static List<String> presetNames() {
    return List.of("28nm", "45nm", "130nm");
  }

  /** One 32-bit floating-point multiply-add on the digital units. */
  public double floatMultiplyAddJoules() {
    return multiplyEnergyJoules + floatAddEnergyJoules;
  }

  /** A preset by name; the exception lists the known names. */
  public static TechnologyNode preset(String name) {
    switch (name) {
      case "28nm":
        // 28 nm HKMG, the node of the FeFET macros of Soliman et al. 2023 and Laleni et al. 2024.
        return scaled(
            name,
            28e-9,
            0.9,
            // Assumption: 0.2 fF/µm wire + FeFET gate ≈ 0.1 fF per 200 nm cell pitch.
            0.15e-15,
            // Assumption: 4 fJ per bit for a current-steering/capacitive word-line DAC.
            4e-15,
            // Assumption: 5 fJ per conversion step. The ADC survey frontier (Murmann, ADC Performance
            // Survey 1997–2024) is near 1 fJ/step for SAR converters; pitch-matched CIM column ADCs
            // sit several times above it. The Laleni et al. 2024 calibration (docs/cim-calibration.md)
            // is most sensitive to this number.
            5e-15,
            // Assumption: 5 ns per SAR conversion (200 MS/s).
            5e-9,
            // Assumption: 10 ns read integration.
            10e-9,
            // Assumption: 1FeFET AND/NOR cell ≈ 30 F².
            30,
            // Assumption: ≈ 1000 µm² for an 8-bit SAR at 28 nm → 4 µm² per step.
            4e-12,
            // Assumption: 20 µm² per word-line driver/DAC.
            20e-12);
      case "45nm":
        // Horowitz's reference node.
        return scaled(name, 45e-9, 0.9, 0.2e-15, 6e-15, 8e-15, 5e-9, 10e-9, 30, 8e-12, 40e-12);
      case "130nm":
        // The node of the CEA-Leti FeCAP/memristor array (Martemucci et al. 2025); 1.2 V assumed.
        return scaled(name, 130e-9, 1.2, 0.5e-15, 20e-15, 20e-15, 10e-9, 20e-9, 30, 60e-12, 300e-12);
      default:
        throw new IllegalArgumentException(
            "technology.node = " + name + ": unknown; known nodes " + presetNames());
    }
  }

  private static TechnologyNode scaled(
      String name,
      double feature,
      double volts,
      double wordLineCap,
      double dacPerBit,
      double walden,
      double adcTime,
      double readTime,
      double cellAreaF2,
      double adcAreaPerStep,
      double dacArea) {
    // Digital energy ∝ C·V²; C ∝ feature size (Dennard-style scaling from Horowitz's 45 nm, 0.9 V).
    double digital = (feature / 45e-9) * (volts / 0.9) * (volts / 0.9);
    return new TechnologyNode(
        name,
        feature,
        volts,
        wordLineCap,
        dacPerBit,
        walden,
        adcTime,
        readTime,
        HOROWITZ_ADD_PER_BIT_45NM * digital,
        HOROWITZ_FMUL_45NM * digital,
        HOROWITZ_FADD_45NM * digital,
        HOROWITZ_SRAM_PER_BIT_45NM * digital,
        cellAreaF2,
        adcAreaPerStep,
        dacArea,
        FLIP_FLOP_28NM * feature / 28e-9,
        COUNTER_28NM * feature / 28e-9,
        PLATE_LINE_PER_CELL_28NM * feature / 28e-9);
  }
}
