package org.ferrogen.sweep.spec;

import java.io.Serializable;
import java.util.List;

/**
 * One swept parameter: its path (in the chip configuration when it starts with {@code chip.},
 * else in the workload's parameters) and its values.
 *
 * @param path dotted parameter path, e.g. {@code chip.tiles.adc.bits}, {@code
 *     chip.synapseArrays[0].transferEvery} or {@code ageCycles}
 * @param type the values' common type, which is the output column's type
 * @param values {@code Long}, {@code Double}, {@code Boolean} or {@code String} values
 */
public record GridAxis(String path, ValueType type, List<Object> values) implements Serializable {

  /** Type of an axis' values and of its output column. */
  public enum ValueType { LONG, DOUBLE, BOOLEAN, STRING }

  /** The value as text for canonical coordinates (stable across runs and JVMs). */
  public static String canonical(Object value) {
    if (value instanceof String s) {
      return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
    return String.valueOf(value);
  }
}
