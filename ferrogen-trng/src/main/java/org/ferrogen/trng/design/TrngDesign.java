package org.ferrogen.trng.design;

import org.ferrogen.device.cost.TechnologyNode;

import java.util.Arrays;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.ferrogen.trng.OperatingConditions;
import org.ferrogen.trng.SimulatedSource;

/** The three simulated TRNG circuits, selectable by name ({@code cell}, {@code pair}, {@code ring}). */
public enum TrngDesign {
  /** Stochastic-switching FeCAP cells with closed-loop bias control. */
  CELL("cell", "FeTRNG-Cell"),
  /** Differential FeCAP pair race with a mismatch trim. */
  PAIR("pair", "FeTRNG-Pair"),
  /** FeFET ring oscillators sampled through a metastable flip-flop. */
  RING("ring", "FeTRNG-Ring");

  /**
   * Default device size: 100 nm × 100 nm, ≈ 20 domains of ferrogen-device's assumed 22 nm grain,
   * the stochastic regime where single-domain steps matter (Deng 2020).
   */
  public static final double DEFAULT_DEVICE_SIZE_NM = 100;

  /**
   * Default age: 10^4 cycles, past the ≈ 10^3-cycle wake-up the CEA arrays are given before use
   * (Martemucci 2025).
   */
  public static final double DEFAULT_AGE_CYCLES = 1e4;

  private final String cliName;
  private final String algorithm;

  TrngDesign(String cliName, String algorithm) {
    this.cliName = cliName;
    this.algorithm = algorithm;
  }

  /** Name on the command line. */
  public String cliName() {
    return cliName;
  }

  /** JCA SecureRandom algorithm name in the FerroGen provider. */
  public String algorithm() {
    return algorithm;
  }

  /** 25 °C, clean supply, 100 nm devices, woken up. */
  public OperatingConditions nominalConditions() {
    return new OperatingConditions(25.0, 0.0, DEFAULT_DEVICE_SIZE_NM, DEFAULT_AGE_CYCLES);
  }

  /** The design with its default configuration (periphery on the 28 nm node). */
  public SimulatedSource create(OperatingConditions conditions, RandomGenerator noise) {
    return create(conditions, noise, TechnologyNode.preset(DEFAULT_TECHNOLOGY));
  }

  /** The node the designs' periphery is on unless a chip says otherwise. */
  public static final String DEFAULT_TECHNOLOGY = "28nm";

  /** The design with its default configuration and its CMOS periphery on {@code technology}. */
  public SimulatedSource create(OperatingConditions conditions, RandomGenerator noise, TechnologyNode technology) {
    switch (this) {
      case CELL:
        return new StochasticCellArray(StochasticCellArray.Config.defaults().withTechnology(technology), conditions, noise);
      case PAIR:
        return new RacePairArray(RacePairArray.Config.defaults().withTechnology(technology), conditions, noise);
      case RING:
        return new FefetRingOscillator(FefetRingOscillator.Config.defaults().withTechnology(technology), conditions, noise);
      default:
        throw new IllegalStateException("unhandled design " + this);
    }
  }

  public static TrngDesign byName(String name) {
    for (TrngDesign d : values()) {
      if (d.cliName.equalsIgnoreCase(name) || d.algorithm.equalsIgnoreCase(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown design '" + name + "'; known: "
        + Arrays.stream(values()).map(TrngDesign::cliName).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return cliName.toLowerCase(Locale.ROOT);
  }
}
