package org.ferrogen.sweep.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * A point's full configuration.
 *
 * @param chip the chip configuration with every field (null for workloads without one)
 * @param parameters the workload's parameters with every field
 * @param baseDirectory where relative file paths in parameters resolve (the spec file's folder)
 */
public record PointConfig(ObjectNode chip, ObjectNode parameters, Path baseDirectory) {

  public String text(String field) {
    return parameters.get(field).asText();
  }

  public double number(String field) {
    return number(parameters, field, field);
  }

  public int integer(String field) {
    JsonNode node = parameters.get(field);
    if (!node.canConvertToInt() || !node.isIntegralNumber()) {
      throw new IllegalArgumentException(field + " = " + node + ": expected an integer");
    }
    return node.intValue();
  }

  /** A file parameter resolved against the spec's folder. */
  public Path file(String field) {
    Path p = Path.of(text(field));
    return p.isAbsolute() || baseDirectory == null ? p : baseDirectory.resolve(p);
  }

  private static double number(ObjectNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || !v.isNumber()) {
      throw new IllegalArgumentException(path + " = " + v + ": expected a number");
    }
    return v.doubleValue();
  }
}
