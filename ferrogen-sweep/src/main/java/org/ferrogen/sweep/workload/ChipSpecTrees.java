package org.ferrogen.sweep.workload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ferrogen.chip.Chip;
import org.ferrogen.chip.spec.ChipSpec;
import org.ferrogen.chip.spec.ChipSpecs;

/**
 * The chip spec (ferrogen-chip) as the tree a sweep's {@code chip.…} paths address: every field
 * written out, so that a grid may name any of them ({@code chip.tiles.adc.bits},
 * {@code chip.technology}, …), and read back through {@link ChipSpecs}, which checks every field.
 */
final class ChipSpecTrees {

  private ChipSpecTrees() {}

  static ObjectNode defaults() {
    return (ObjectNode) ChipSpecs.toTree(ChipSpecs.preset(ChipSpecs.DEFAULT_PRESET));
  }

  /** A spec file's text (or {@code base: PRESET}) over its base preset, every field written out. */
  static ObjectNode load(String yaml, String source) {
    return (ObjectNode) ChipSpecs.toTree(ChipSpecs.parse(yaml, source));
  }

  static ChipSpec spec(PointConfig config) {
    return ChipSpecs.parse(config.chip().toString(), "chip");
  }

  /** A chip of the point's spec; one thread, since Spark runs points side by side. */
  static Chip chip(PointConfig config, long seed) {
    return new Chip(spec(config), seed, 1);
  }
}
