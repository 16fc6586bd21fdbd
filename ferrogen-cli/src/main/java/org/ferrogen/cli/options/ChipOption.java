package org.ferrogen.cli.options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.ferrogen.cim.CimConfigLoader;
import org.ferrogen.chip.spec.ChipSpec;
import org.ferrogen.chip.spec.ChipSpecs;
import org.ferrogen.cim.CimConfig;
import org.ferrogen.device.config.ConfigException;
import org.ferrogen.device.config.YamlConfig;
import picocli.CommandLine.Option;

/**
 * {@code --chip SPEC|PRESET}: the chip a command simulates, as a chip spec file (YAML overlaid on
 * its {@code base} preset) or the name of a shipped preset ({@link ChipSpecs#PRESETS}); default
 * {@link ChipSpecs#DEFAULT_PRESET}. Resolution is {@link ChipSpecs#resolve}, the one reader of chip specs.
 */
public final class ChipOption {

  @Option(names = "--chip", paramLabel = "SPEC|PRESET",
      description = "Chip: a preset name (`ferrogen chip presets`) or a spec file (YAML, overlaid on its base preset) (default: the edge preset; hybrid-learning for `train`).")
  String chip;

  /** The option's text as given. */
  public Optional<String> value() {
    return Optional.ofNullable(chip);
  }

  /**
   * The chip's spec: the named preset or file, or the default preset. A compute-tile configuration
   * file (the cim YAML: top-level {@code tile}, {@code adc}, ... and no {@code tiles}) becomes the
   * default chip with those tiles ({@link ChipSpec#withTileConfig}).
   */
  public ChipSpec spec() {
    if (chip != null && !ChipSpecs.PRESETS.contains(chip) && isCimConfig(Path.of(chip))) {
      // CimConfigLoader reports unreadable files as a ConfigException naming the file.
      return ChipSpecs.preset(ChipSpecs.DEFAULT_PRESET).withTileConfig(CimConfigLoader.load(Path.of(chip)));
    }
    return ChipSpecs.resolve(chip != null ? chip : ChipSpecs.DEFAULT_PRESET);
  }

  private static final Set<String> CIM_KEYS = Set.of("tile", "cell", "mapping", "input", "adc", "nonIdealities");

  private static boolean isCimConfig(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try {
      Set<String> keys = YamlConfig.topLevelKeys(file);
      return !keys.contains("tiles") && keys.stream().anyMatch(CIM_KEYS::contains);
    } catch (ConfigException e) {
      return false; // ChipSpecs reads it again and reports the problem as a chip spec's
    }
  }

  /** The compute tiles' configuration of the chip. */
  public CimConfig cimConfig() {
    return spec().cimConfig(Runtime.getRuntime().availableProcessors());
  }
}
