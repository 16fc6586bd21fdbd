package org.ferrogen.cim;

import java.nio.file.Path;
import org.ferrogen.device.config.YamlConfig;

/**
 * Reads a {@link CimConfig} from YAML (or JSON). The file overlays {@link CimConfig#defaults()}: a
 * field it leaves out keeps its default, so a file may be as short as {@code adc: {bits: 6}}.
 * Unknown keys, wrong types, out-of-range numbers and invalid values raise a {@link
 * org.ferrogen.device.config.ConfigException} naming the file and the field path (see {@link
 * YamlConfig}).
 */
public final class CimConfigLoader {

  private CimConfigLoader() {}

  public static CimConfig load(Path file) {
    return YamlConfig.read(file, CimConfig.class, CimConfig.defaults());
  }

  /** Parses YAML text; {@code source} names it in error messages. */
  public static CimConfig parse(String yaml, String source) {
    return YamlConfig.parse(yaml, source, CimConfig.class, CimConfig.defaults());
  }

  /** The configuration as YAML, every field written out. */
  public static String toYaml(CimConfig config) {
    return YamlConfig.write(config);
  }
}
