package org.ferrogen.cli.trng;

import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import org.ferrogen.trng.NoiseSeed;
import org.ferrogen.trng.OperatingConditions;
import org.ferrogen.trng.SimulatedSource;
import org.ferrogen.trng.design.TrngDesign;
import picocli.CommandLine.Option;

/** The options shared by the {@code trng} commands: which design, where it runs, how it is seeded. */
final class SourceOptions {

  @Option(names = {"--trng-design", "--design"}, paramLabel = "cell|pair|ring",
      description = "Circuit: cell (stochastic-switching cells), pair (FeCAP pair race), ring (FeFET ring oscillator).")
  String design;

  @Option(names = "--seed", paramLabel = "S",
      description = "Seed the simulated physics for a reproducible (and predictable) run. Default: seeded from the host's SecureRandom.")
  Long seed;

  @Option(names = "--temperature", paramLabel = "C", defaultValue = "25",
      description = "Die temperature in °C (default ${DEFAULT-VALUE}).")
  double temperature;

  @Option(names = "--size", paramLabel = "NM", defaultValue = "100",
      description = "Ferroelectric device side in nm; sets the domain count (default ${DEFAULT-VALUE}).")
  double sizeNm;

  @Option(names = "--age", paramLabel = "CYCLES", defaultValue = "1e4",
      description = "Cycles the devices have already seen (wake-up, fatigue; default ${DEFAULT-VALUE}).")
  double ageCycles;

  @Option(names = "--supply-noise", paramLabel = "FRACTION", defaultValue = "0",
      description = "Relative rms supply noise per pulse (default ${DEFAULT-VALUE}).")
  double supplyNoise;

  TrngDesign design() {
    if (design == null) {
      throw new IllegalArgumentException("missing required option --design (cell, pair or ring)");
    }
    return TrngDesign.byName(design);
  }

  OperatingConditions conditions() {
    return new OperatingConditions(temperature, supplyNoise, sizeNm, ageCycles);
  }

  OptionalLong seed() {
    return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
  }

  RandomGenerator.SplittableGenerator noise() {
    return NoiseSeed.of(seed());
  }

  SimulatedSource create() {
    return design().create(conditions(), noise());
  }

  String seedDescription() {
    return seed == null ? "host SecureRandom" : Long.toString(seed);
  }
}
