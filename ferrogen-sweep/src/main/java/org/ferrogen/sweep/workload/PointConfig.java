package org.ferrogen.sweep.workload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.ferrogen.device.config.ConfigException;
import org.ferrogen.device.config.YamlConfig;

/**
 * A point's full configuration.
 *
 * @param chip the chip configuration with every field (null for workloads without one)
 * @param parameters the workload's parameters with every field
 * @param baseDirectory where relative file paths in parameters resolve (the spec file's folder)
 */
public record PointConfig(ObjectNode chip, ObjectNode parameters, Path baseDirectory) {

  /** Where parameter problems are said to come from; stripped again from the message. */
  private static final String SOURCE = "point";

  /**
   * The parameters as the workload's parameter record, read and checked by {@link YamlConfig}
   * (bounded numbers, integers, known keys); a problem is an {@link IllegalArgumentException} naming
   * the field, e.g. {@code parameters.samples: must be 1000..10000000, got 10}.
   */
  public <T> T parameters(Class<T> type) {
    try {
      return YamlConfig.read(parameters, SOURCE, "parameters", type, null);
    } catch (ConfigException e) {
      throw new IllegalArgumentException(e.getMessage().substring(SOURCE.length() + 2), e);
    }
  }

  /** A file parameter resolved against the spec's folder. */
  public Path file(String path) {
    Path p = Path.of(path);
    return p.isAbsolute() || baseDirectory == null ? p : baseDirectory.resolve(p);
  }
}
