package org.ferrogen.cli.device;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.ParameterSets;
import picocli.CommandLine.Option;

/** Options shared by the {@code device} subcommands. */
final class DeviceOptions {
  @Option(
      names = "--params",
      required = true,
      paramLabel = "NAME|FILE.yaml",
      description = "Parameter set: cea-leti-2025, deng-2020-mfm, deng-2020-fefet, or a YAML file.")
  String params;

  @Option(names = "--out", defaultValue = ".", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  DeviceParams load() {
    return ParameterSets.resolve(params);
  }

  SplittableRandom rng() {
    return new SplittableRandom(seed);
  }

  Path file(DeviceParams p, String suffix) {
    return out.resolve(p.name() + "-" + suffix);
  }
}
