package org.ferrogen.device.params;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ferrogen.device.config.YamlConfig;

/**
 * The built-in parameter sets, selectable by name, and their YAML form. Every number below cites
 * its source (see {@code ../shared/reference/literature.md}); numbers the sources do not give are
 * marked ASSUMPTION with the reasoning behind the chosen value.
 */
public final class ParameterSets {

  /** Martemucci et al., Nature Electronics 8, 921 (2025): Si:HfO2 FeCAP / memristor stack. */
  public static final String CEA_LETI_2025 = "cea-leti-2025";
  /** Deng et al., VLSI 2020: Monte-Carlo fit of an HZO metal-ferroelectric-metal capacitor. */
  public static final String DENG_2020_MFM = "deng-2020-mfm";
  /** Deng et al., VLSI 2020: default FeFET of the public model code (boltma/Scalable-FeFET). */
  public static final String DENG_2020_FEFET = "deng-2020-fefet";

  private static final double MV_PER_CM = 1e8; // 1 MV/cm in V/m
  private static final double UC_PER_CM2 = 0.01; // 1 µC/cm² in C/m²

  // ASSUMPTION (all sets): one domain ≈ a 22 nm × 22 nm grain, inside the 10–30 nm HZO grain sizes
  // that mark the NLS/KAI crossover (Wei et al.); with it the Deng FeFET's 100 nm × 100 nm gate
  // holds Deng's default 20 domains.
  private static final double DOMAIN_AREA_M2 = 5e-16;

  // ASSUMPTION (all sets): retention time constant chosen so that a stretched exponential with
  // stretch 0.5 loses 10 % of the polarization after 10 years at 85 °C, the FeFET retention
  // target that is reported as met by extrapolation (literature.md §2, retention); 1.0 eV is an
  // assumed activation energy, the stretch 0.5 an assumed value for imprint-driven loss (APL 118,
  // 082901, 2021 reports the stretched-exponential form, not these numbers).
  private static final double TEN_YEARS_S = 10 * 365.25 * 86400;
  private static final double RETENTION_STRETCH = 0.5;
  private static final double RETENTION_TIME_85C_S =
      TEN_YEARS_S / Math.pow(-Math.log(0.9), 1 / RETENTION_STRETCH);
  private static final double KELVIN_85C = 358.15;

  private static final Map<String, DeviceParams> BUILT_IN =
      Map.of(
          CEA_LETI_2025, ceaLeti2025(),
          DENG_2020_MFM, deng2020Mfm(),
          DENG_2020_FEFET, deng2020Fefet());

  private ParameterSets() {}

  /** Names of the built-in sets, sorted. */
  public static List<String> names() {
    return BUILT_IN.keySet().stream().sorted().collect(Collectors.toList());
  }

  /** A built-in set by name, or an exception listing the known names. */
  public static DeviceParams byName(String name) {
    DeviceParams p = BUILT_IN.get(name);
    if (p == null) {
      throw new IllegalArgumentException(
          "unknown parameter set '" + name + "'; known sets: " + String.join(", ", names())
              + " (or give a .yaml file)");
    }
    return p;
  }

  /** A built-in name, or the path of a YAML file when the argument ends in .yaml or .yml. */
  public static DeviceParams resolve(String nameOrFile) {
    if (nameOrFile.endsWith(".yaml") || nameOrFile.endsWith(".yml")) {
      return load(Path.of(nameOrFile));
    }
    return byName(nameOrFile);
  }

  /** Reads and validates a YAML parameter file (see {@link YamlConfig} for what is checked). */
  public static DeviceParams load(Path file) {
    return YamlConfig.read(file, DeviceParams.class);
  }

  /** Parses and validates YAML text; {@code source} names it in error messages. */
  public static DeviceParams parse(String yaml, String source) {
    return YamlConfig.parse(yaml, source, DeviceParams.class);
  }

  /** The set as YAML text that {@link #parse} reads back to an equal record. */
  public static String toYaml(DeviceParams params) {
    return YamlConfig.write(params);
  }

  private static DeviceParams ceaLeti2025() {
    FilmParams film =
        new FilmParams(
            10e-9, // 10 nm Si:HfO2 (Martemucci 2025)
            600e-9 * 600e-9, // 600 nm × 600 nm capacitors (Martemucci 2025)
            // 2Pr ≈ 20 µC/cm² is derived from the 360 mV median window (literature.md §1); we take
            // 2Pr = 19 µC/cm² so that the switching energy at 3 V with the 188 fF bit line stays
            // below the measured 200 fJ (both CEA figures cannot hold exactly at once).
            9.5 * UC_PER_CM2,
            29.7, // ε_r (Martemucci 2025); gives C_D ≈ 9.5 fF as reported
            DOMAIN_AREA_M2);
    KineticsParams kinetics =
        new KineticsParams(
            19e-9, // ASSUMPTION: τ0, α, β of the Deng 2020 FeFET default (no CEA kinetics published)
            3,
            2,
            // ASSUMPTION: Deng-FeFET-shaped normal Ea distribution (same 17 % relative spread),
            // mean chosen so that the 1 kHz loop has Ec ≈ 1 MV/cm, the Si:HfO2 coercive field of
            // Schroeder et al.; 3 V / 2 µs pulses then switch fully, as the CEA array does.
            new ActivationFieldDistribution.Normal(2.05 * MV_PER_CM, 0.35 * MV_PER_CM),
            300); // ASSUMPTION: parameters taken as room-temperature values
    AgeingParams ageing =
        new AgeingParams(
            1000, // wake-up = 1,000 programming cycles (Martemucci 2025)
            0.6, // ASSUMPTION: pristine switchable fraction (pinched pristine loops open on cycling)
            1e7, // FeCAP endurance > 10^7 cycles (Martemucci 2025)
            0.2, // ASSUMPTION: 20 % of Pr lost per decade of cycling past the endurance figure
            0.01 * MV_PER_CM, // ASSUMPTION: imprint of 0.01 MV/cm per decade of storage time
            RETENTION_TIME_85C_S,
            RETENTION_STRETCH,
            KELVIN_85C,
            1.0); // ASSUMPTION: retention activation energy
    FeCapCircuitParams fecap =
        new FeCapCircuitParams(
            188e-15, // bit-line parasitic C_BL ≈ 188 fF (Martemucci 2025)
            3.0, // 3 V read/write pulses (Martemucci 2025)
            2e-6, // 2 µs pulses (Martemucci 2025)
            10e-3, // ASSUMPTION: 10 mV sense-amplifier offset σ (typical latch in 130 nm)
            5e-15); // ASSUMPTION: 5 fJ per sense decision
    MemristorParams memristor =
        new MemristorParams(
            // 8 levels, means in µS, constant σ_G = 8.7 µS, read at 0.4 V (Martemucci 2025)
            List.of(1.4e-6, 11.9e-6, 36.5e-6, 58.3e-6, 73.9e-6, 85.5e-6, 95.9e-6, 103.9e-6),
            8.7e-6,
            0.4,
            0.01, // ASSUMPTION: 1 % read-to-read noise
            // [derived] 103.9 µS top level at the ≈ 67 µA maximum compliance: G ≈ I_cc / 0.645 V
            67e-6 / 103.9e-6,
            67e-6, // compliance current up to ~67 µA (Martemucci 2025)
            2.3, // memristor source line 2.3 V (Martemucci 2025)
            10e-6, // for 10 µs (Martemucci 2025)
            1.5, // ASSUMPTION: RESET amplitude
            10e-6, // ASSUMPTION: RESET width equal to the SET width
            1.4e-6, // lowest CEA level, 1.4 µS, taken as the RESET state (Martemucci 2025)
            6.0, // forming: 6 V (Martemucci 2025)
            300e-6, // 300 µs pulses (Martemucci 2025)
            50e3, // until 50 kΩ (Martemucci 2025)
            0.3, // ASSUMPTION: each forming pulse completes the filament with probability 0.3
            1e5, // SET/RESET endurance ≈ 10^5 (Martemucci 2025)
            0.003, // ASSUMPTION: 0.3 % per decade, consistent with "stable for a month"
            1.0, // ASSUMPTION: relaxation activation energy
            300);
    return new DeviceParams(
        CEA_LETI_2025,
        "M. Martemucci et al., \"A ferroelectric-memristor memory for both training and inference\","
            + " Nature Electronics 8, 921-933 (2025), doi:10.1038/s41928-025-01454-7",
        film, kinetics, ageing, fecap, null, memristor);
  }

  private static DeviceParams deng2020Mfm() {
    FilmParams film =
        new FilmParams(
            10e-9, // ASSUMPTION: 10 nm HZO, the common ALD thickness (Xu et al., IEDM 2025)
            1e-12, // ASSUMPTION: 1 µm² simulated capacitor (2,000 domains, smooth NLS regime)
            22.7 * UC_PER_CM2, // Pr = 22.7 µC/cm² (Deng 2020 MFM fit)
            30, // ASSUMPTION: ε_r between CEA's 29.7 and Deng's FeFET 28
            DOMAIN_AREA_M2);
    KineticsParams kinetics =
        new KineticsParams(
            446e-9, // τ0 = 446 ns (Deng 2020 MFM fit)
            4.24, // α (Deng 2020 MFM fit)
            1.91, // β (Deng 2020 MFM fit)
            // Ea ~ generalised beta, scale 1.67 MV/cm, a = 6.76, p = 2.10, q = 1.36 (Deng 2020)
            new ActivationFieldDistribution.GeneralizedBeta(1.67 * MV_PER_CM, 6.76, 2.10, 1.36),
            300); // ASSUMPTION: fit taken as room temperature
    AgeingParams ageing =
        new AgeingParams(
            1000, // ASSUMPTION: wake-up over ~10^3 cycles as in the CEA arrays (Martemucci 2025)
            0.6, // ASSUMPTION: pristine switchable fraction
            1e11, // HZO capacitor endurance 10^11–10^12 cycles (literature.md §2)
            0.2, // ASSUMPTION
            0.01 * MV_PER_CM, // ASSUMPTION
            RETENTION_TIME_85C_S,
            RETENTION_STRETCH,
            KELVIN_85C,
            1.0); // ASSUMPTION
    FeCapCircuitParams fecap =
        new FeCapCircuitParams(
            188e-15, // ASSUMPTION: the CEA bit line (Martemucci 2025) reused for this capacitor
            3.0, // ASSUMPTION: 3 V read as in Martemucci 2025
            1e-6, // ASSUMPTION: 1 µs read pulse, > 2·τ0·e^((Ea/E)^α) for nearly all domains
            10e-3, // ASSUMPTION: 10 mV sense offset σ
            5e-15); // ASSUMPTION: 5 fJ per sense decision
    return new DeviceParams(
        DENG_2020_MFM,
        "S. Deng et al., \"A Comprehensive Model for Ferroelectric FET Capturing the Key Behaviors:"
            + " Scalability, Variation, Stochasticity, and Accumulation\", VLSI 2020 (MFM fit)",
        film, kinetics, ageing, fecap, null, null);
  }

  private static DeviceParams deng2020Fefet() {
    FilmParams film =
        new FilmParams(
            8e-9, // 8 nm ferroelectric (Deng 2020 FeFET default)
            100e-9 * 100e-9, // ASSUMPTION: 100 nm × 100 nm gate → Deng's default 20 domains
            25 * UC_PER_CM2, // Pr = 25 µC/cm² (Deng 2020 FeFET default)
            28, // ε_FE = 28 (Deng 2020 FeFET default)
            DOMAIN_AREA_M2);
    KineticsParams kinetics =
        new KineticsParams(
            19e-9, // τ0 = 19 ns (Deng 2020 FeFET default)
            3, // α = 3 (Deng 2020)
            2, // β = 2 (Deng 2020)
            // Ea ~ N(2.3 V, 0.4 V) across 8 nm ≈ 2.9 ± 0.5 MV/cm (Deng 2020 FeFET default)
            new ActivationFieldDistribution.Normal(2.3 / 8e-9, 0.4 / 8e-9),
            300); // ASSUMPTION: room temperature
    AgeingParams ageing =
        new AgeingParams(
            10, // ASSUMPTION: FeFETs show little wake-up; 10-cycle e-folding
            0.9, // ASSUMPTION: pristine switchable fraction
            1e5, // silicon-channel FeFET endurance ≈ 10^4–10^6 (literature.md §2)
            0.2, // ASSUMPTION
            0.01 * MV_PER_CM, // ASSUMPTION
            RETENTION_TIME_85C_S, // FeFET 10 years at 85 °C (extrapolated), see constant above
            RETENTION_STRETCH,
            KELVIN_85C,
            1.0); // ASSUMPTION
    FeCapCircuitParams fecap =
        new FeCapCircuitParams(
            188e-15, // ASSUMPTION: the CEA bit line (Martemucci 2025)
            4.0, // ASSUMPTION: 4 V, 1.7× the 2.3 V mean activation voltage (Deng 2020)
            1e-6, // ASSUMPTION
            10e-3, // ASSUMPTION
            5e-15); // ASSUMPTION
    double vthMid = 0.7; // ASSUMPTION: mid-window threshold of a 28 nm-class high-k FeFET
    double window = 1.0; // memory window ≈ 1 V (Tan et al., literature.md §5)
    FeFetParams fefet =
        new FeFetParams(
            vthMid,
            window,
            1.3, // ASSUMPTION: slope factor n = 1.3 (≈ 78 mV/dec at 300 K)
            // ASSUMPTION: μ·C_ox·W/L = 30 µA/V² (a narrow cell), so the on-state conductance stays
            // in the tens of µS that crossbar columns of hundreds of cells tolerate.
            3e-5,
            // Read gate 20 mV below the erased threshold: with the 0.1 V drain bias the range every
            // device reaches (FeFetCell) spans G_max/G_min ≈ 45, as in Jerry et al., IEDM 2017
            // (32 levels, 45×).
            vthMid + window / 2 - 0.02,
            0.1, // ASSUMPTION: 0.1 V drain read bias (linear region)
            10e-9, // ASSUMPTION: 10 ns read
            75e-9, // 75 ns programming pulses (Jerry et al., IEDM 2017)
            5.0, // ASSUMPTION: 5 V maximum program amplitude
            5.0, // ASSUMPTION: −5 V erase
            1e-6, // ASSUMPTION: 1 µs erase
            2e-3, // ASSUMPTION: 2 mV read noise (input-referred)
            // ASSUMPTION: 5 mV cycle-to-cycle and 20 mV device-to-device threshold scatter, of the
            // order of Kim et al., Sci. Adv. 2022 (c2c 1.3 %, d2d 3.7 % of the conductance)
            5e-3,
            20e-3);
    return new DeviceParams(
        DENG_2020_FEFET,
        "S. Deng et al., \"A Comprehensive Model for Ferroelectric FET Capturing the Key Behaviors:"
            + " Scalability, Variation, Stochasticity, and Accumulation\", VLSI 2020 (FeFET"
            + " default); multi-level figures from Jerry et al., IEDM 2017 and Kim et al., Sci. Adv."
            + " 2022",
        film, kinetics, ageing, fecap, fefet, null);
  }
}
