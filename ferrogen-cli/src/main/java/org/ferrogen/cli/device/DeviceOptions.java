package org.ferrogen.cli.device;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.cli.options.OutDirOption;
import org.ferrogen.cli.options.SeedOption;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.ParameterSets;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by the {@code device} subcommands. */
final class DeviceOptions {
  @Option(
      names = "--device-params",
      required = true,
      paramLabel = "NAME|FILE.yaml",
      description = "Device parameter set: cea-leti-2025, deng-2020-mfm, deng-2020-fefet, or a YAML file.")
  String params;

  @Mixin OutDirOption outDir;

  @Mixin SeedOption seed;

  @Mixin CommonOptions common;

  DeviceParams load() {
    return ParameterSets.resolve(params);
  }

  SplittableRandom rng() {
    return new SplittableRandom(seed.value());
  }

  /** A file in --out-dir (default: the working folder), the folder created. */
  Path file(DeviceParams p, String suffix) throws IOException {
    return outDir.create(Path.of(".")).resolve(p.name() + "-" + suffix);
  }

  /** Prints the text summary, or with --json the files written and {@code figures}. */
  void report(String text, Map<String, Object> figures, Path... files) {
    if (common.json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("device_params", params);
      doc.put("seed", seed.value());
      doc.putAll(figures);
      doc.put("files", List.of(files).stream().map(Path::toString).toList());
      common.printJson(doc);
    } else {
      common.out().print(text + String.format("%nseed %d%n", seed.value()));
      common.out().flush();
    }
  }
}
