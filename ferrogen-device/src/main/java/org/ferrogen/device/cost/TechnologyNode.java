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
    double dacAreaSquareMetres) {

  /** Horowitz ISSCC 2014 at 45 nm, 0.9 V: 32-bit add 0.1 pJ → 3.1 fJ per bit. */
  private static final double HOROWITZ_ADD_PER_BIT_45NM = 0.1e-12 / 32;
  /** Horowitz ISSCC 2014: 32-bit float multiply 3.7 pJ at 45 nm. */
  private static final double HOROWITZ_FMUL_45NM = 3.7e-12;
  /** Horowitz ISSCC 2014: 32-bit float add 0.9 pJ at 45 nm. */
  private static final double HOROWITZ_FADD_45NM = 0.9e-12;
  /** Horowitz ISSCC 2014: 8 kB SRAM, 64-bit read 10 pJ at 45 nm → 0.16 pJ per bit. */
  private static final double HOROWITZ_SRAM_PER_BIT_45NM = 10e-12 / 64;

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
        dacArea);
  }
}
