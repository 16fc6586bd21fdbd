package org.ferrogen.sweep.workload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A simulation a sweep runs at every point: from a configuration (the chip configuration and the
 * workload's own parameters, both as trees whose every field a grid path may name) and a seed, to
 * named metrics. Implementations are stateless and serializable: Spark ships them to executors.
 */
public interface Workload extends Serializable {

  /** Name in the sweep spec's {@code workload} field. */
  String name();

  /** One line for listings. */
  String description();

  /** Every metric the workload reports, snake_case with the unit in the name, in report order. */
  List<String> metrics();

  /**
   * The type of the workload's parameters: a record whose every number carries a {@link
   * org.ferrogen.device.config.Range}, read by {@link org.ferrogen.device.config.YamlConfig} from the
   * spec's {@code parameters} and, at every point, from the point's values ({@link
   * PointConfig#parameters}). Its fields are what a grid path without {@code chip.} may name.
   */
  Class<? extends Record> parametersType();

  /** The parameters' defaults: the values of the fields a spec leaves out. */
  Record defaultParameters();

  /**
   * The default chip configuration as a tree with every field written out, or null when the
   * workload takes none (its hardware is set by parameters).
   */
  ObjectNode defaultChip();

  /**
   * Reads {@code chip} (the text of a chip configuration file, or a mapping) over the defaults; the
   * result names every field. Throws {@link IllegalArgumentException} naming the field.
   */
  ObjectNode loadChip(String yaml, String source);

  /**
   * Builds the workload's configuration objects from {@code config} without running anything, so
   * that invalid values are reported before a sweep starts; throws {@link IllegalArgumentException}
   * naming the field.
   */
  void check(PointConfig config);

  /**
   * Runs one point. Every stochastic part draws from streams derived from {@code seed}.
   *
   * @return a value for every name of {@link #metrics()}
   */
  LinkedHashMap<String, Double> run(PointConfig config, long seed) throws Exception;
}
