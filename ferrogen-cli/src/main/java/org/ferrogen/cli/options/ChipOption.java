package org.ferrogen.cli.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.ferrogen.cim.CimConfig;
import org.ferrogen.cim.CimConfigLoader;
import picocli.CommandLine.Option;

/**
 * {@code --chip SPEC|PRESET}: the chip a command simulates, as a spec file (YAML, overlaid on the
 * defaults) or the name of a shipped preset. Without it, commands use the default chip.
 */
public final class ChipOption {

  @Option(names = "--chip", paramLabel = "SPEC|PRESET",
      description = "Chip: a spec file (YAML, overlaid on the defaults) or a preset name (default: the default chip).")
  String chip;

  /** The option's text as given. */
  public Optional<String> value() {
    return Optional.ofNullable(chip);
  }

  /** The spec file named by --chip, or an error naming the value when it is neither a file nor a preset. */
  public Optional<Path> file() {
    if (chip == null) {
      return Optional.empty();
    }
    Path p = Path.of(chip);
    if (!Files.isRegularFile(p)) {
      throw new IllegalArgumentException("--chip " + chip + ": no such spec file"
          + (chip.endsWith(".yaml") || chip.endsWith(".yml") ? "" : " or preset"));
    }
    return Optional.of(p);
  }

  /** The compute-in-memory configuration of the chip: the defaults, overlaid with the spec file. */
  public CimConfig cimConfig() throws IOException {
    Optional<Path> f = file();
    return f.isPresent() ? CimConfigLoader.load(f.get()) : CimConfig.defaults();
  }
}
