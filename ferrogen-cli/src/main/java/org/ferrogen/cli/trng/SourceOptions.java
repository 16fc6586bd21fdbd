package org.ferrogen.cli.trng;

import java.util.random.RandomGenerator;
import org.ferrogen.cli.options.SeedOption;
import org.ferrogen.cli.options.TrngDesignOption;
import org.ferrogen.trng.NoiseSeed;
import org.ferrogen.trng.OperatingConditions;
import org.ferrogen.trng.SimulatedSource;
import org.ferrogen.trng.design.TrngDesign;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options shared by the {@code trng} commands: which design, where it runs, how it is seeded. */
final class SourceOptions {

  @Mixin TrngDesignOption design;

  @Mixin SeedOption seed;

  @Option(names = "--die-temperature", paramLabel = "CELSIUS", defaultValue = "25",
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
    return design.value();
  }

  OperatingConditions conditions() {
    return new OperatingConditions(temperature, supplyNoise, sizeNm, ageCycles);
  }

  /** The physics' noise generator, seeded by --seed or, by the seed policy, a reported SecureRandom draw. */
  RandomGenerator.SplittableGenerator noise() {
    return NoiseSeed.fromSeed(seed.value());
  }

  /** The byte stream of {@code ferrogen trng}, unreported: --seed, or 320 bits from SecureRandom. */
  RandomGenerator.SplittableGenerator streamNoise() {
    return NoiseSeed.of(seed.given());
  }

  SimulatedSource createStream() {
    return design().create(conditions(), streamNoise());
  }

  String seedDescription() {
    return Long.toString(seed.value());
  }
}
