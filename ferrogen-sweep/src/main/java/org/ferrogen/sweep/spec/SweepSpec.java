package org.ferrogen.sweep.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ferrogen.sweep.workload.PointConfig;
import org.ferrogen.sweep.workload.Workload;

/**
 * A validated sweep: a workload, its fixed configuration (chip configuration and parameters, every
 * field written out), a grid of axes, repeats and the sweep seed, and the metrics to keep. Read one
 * with {@link SweepSpecReader}.
 *
 * @param name sweep name (the spec's {@code name}, or the file name)
 * @param workload the simulation run at every point
 * @param chip the fixed chip configuration, every field; null for workloads without one
 * @param parameters the fixed workload parameters, every field
 * @param baseDirectory the spec file's folder: relative paths in parameters resolve against it
 * @param grid the axes, in the spec's order (the first varies slowest)
 * @param repeats runs per grid point, each with its own seed
 * @param seed the sweep seed
 * @param metrics the metrics kept, a subset of the workload's in its order
 */
public record SweepSpec(String name, Workload workload, ObjectNode chip, ObjectNode parameters,
    Path baseDirectory, List<GridAxis> grid, int repeats, long seed, List<String> metrics) {

  /** Paths starting with this address the chip configuration; others the workload's parameters. */
  public static final String CHIP_PREFIX = "chip.";

  public SweepSpec {
    grid = List.copyOf(grid);
    metrics = List.copyOf(metrics);
  }

  /** Number of points: the product of the axes' lengths times the repeats. */
  public long pointCount() {
    long n = repeats;
    for (GridAxis a : grid) {
      n *= a.values().size();
    }
    return n;
  }

  /** Every point, axes row-major (the first axis slowest), repeats innermost. */
  public List<SweepPoint> points() {
    long total = pointCount();
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("too many points: " + total);
    }
    List<SweepPoint> out = new ArrayList<>((int) total);
    int[] at = new int[grid.size()];
    for (long i = 0; i < total / repeats; i++) {
      List<Object> values = new ArrayList<>(grid.size());
      StringBuilder coordinates = new StringBuilder();
      for (int a = 0; a < grid.size(); a++) {
        Object v = grid.get(a).values().get(at[a]);
        values.add(v);
        coordinates.append(grid.get(a).path()).append('=').append(GridAxis.canonical(v)).append('\n');
      }
      for (int r = 0; r < repeats; r++) {
        String c = coordinates + "repeat=" + r;
        out.add(new SweepPoint(out.size(), SweepSeeds.pointId(c), r, SweepSeeds.pointSeed(seed, c), List.copyOf(values)));
      }
      for (int a = grid.size() - 1; a >= 0; a--) {
        if (++at[a] < grid.get(a).values().size()) {
          break;
        }
        at[a] = 0;
      }
    }
    return out;
  }

  /** The full configuration of a point with {@code values} on the axes. */
  public PointConfig configFor(List<Object> values) {
    ObjectNode c = chip == null ? null : chip.deepCopy();
    ObjectNode p = parameters.deepCopy();
    for (int a = 0; a < grid.size(); a++) {
      String path = grid.get(a).path();
      if (path.startsWith(CHIP_PREFIX)) {
        set(c, path.substring(CHIP_PREFIX.length()), values.get(a));
      } else {
        set(p, path, values.get(a));
      }
    }
    return new PointConfig(c, p, baseDirectory);
  }

  /** Sets the leaf at a dotted path whose segments may index a list ({@code synapseArrays[0].transferEvery}). */
  static void set(ObjectNode root, String path, Object value) {
    String[] keys = path.split("\\.");
    JsonNode node = root;
    for (int i = 0; i < keys.length - 1; i++) {
      node = child(node, keys[i]);
    }
    String last = keys[keys.length - 1];
    int bracket = last.indexOf('[');
    if (bracket < 0) {
      ((ObjectNode) node).set(last, toNode(value));
    } else {
      ((com.fasterxml.jackson.databind.node.ArrayNode) node.get(last.substring(0, bracket)))
          .set(Integer.parseInt(last.substring(bracket + 1, last.length() - 1)), toNode(value));
    }
  }

  private static JsonNode child(JsonNode node, String segment) {
    int bracket = segment.indexOf('[');
    if (bracket < 0) {
      return node.get(segment);
    }
    return node.get(segment.substring(0, bracket)).get(Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1)));
  }

  static JsonNode toNode(Object value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value instanceof Long l) {
      return f.numberNode(l);
    } else if (value instanceof Double d) {
      return f.numberNode(d);
    } else if (value instanceof Boolean b) {
      return f.booleanNode(b);
    }
    return f.textNode((String) value);
  }
}
