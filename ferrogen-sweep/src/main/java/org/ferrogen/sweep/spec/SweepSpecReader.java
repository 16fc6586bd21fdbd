package org.ferrogen.sweep.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.ferrogen.chip.spec.ChipSpecs;
import org.ferrogen.sweep.spec.GridAxis.ValueType;
import org.ferrogen.sweep.workload.PointConfig;
import org.ferrogen.sweep.workload.Workload;
import org.ferrogen.sweep.workload.Workloads;

/**
 * Reads and validates a sweep spec (YAML). Every problem is collected with its field path, e.g.
 * {@code grid.chip.tiles.adc.bits[2]}, and all are reported together.
 *
 * <pre>
 * name: compute-tile
 * workload: cim-mvm            # trng-assess | cim-mvm | puf | perplexity
 * chip: edge                   # chip spec: preset, file (relative to this spec) or mapping
 * parameters: {rows: 64, cols: 64, trials: 20}
 * grid:
 *   chip.tiles.adc.bits: [4, 6, 8]                             # list
 *   chip.tiles.nonIdealities.readNoise.scale: {from: 0.5, to: 4, count: 4, scale: log}   # log range
 *   rows: {from: 32, to: 128, step: 32}                        # linear range
 * repeats: 2
 * seed: 7
 * metrics: [relative_l2_error, energy_per_mvm_joules]          # default: all of the workload's
 * </pre>
 */
public final class SweepSpecReader {

  /** Upper bound on a sweep's points: far above what one spec should hold, below memory trouble. */
  public static final long MAX_POINTS = 10_000_000;

  private static final ObjectMapper YAML = new ObjectMapper(
      new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));
  private static final Set<String> TOP_LEVEL =
      Set.of("name", "workload", "chip", "parameters", "grid", "repeats", "seed", "metrics");
  private static final Set<String> RANGE_KEYS = Set.of("from", "to", "step", "count", "scale");
  /** YAML 1.1 leaves {@code 1e4} (no dot, no exponent sign) a string; a sweep means the number. */
  private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
  /** Range values are rounded to 12 significant digits so that 0.1 + 2·0.1 reads 0.3. */
  private static final MathContext RANGE_DIGITS = new MathContext(12);

  private final Function<String, Workload> workloads;

  /** A reader that knows the shipped workloads. */
  public SweepSpecReader() {
    this(Workloads::byName);
  }

  /** A reader resolving workload names with {@code workloads} (tests add their own). */
  public SweepSpecReader(Function<String, Workload> workloads) {
    this.workloads = workloads;
  }

  public SweepSpec read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new SweepSpecException(file.toString(), List.of("no such file"));
    }
    Path dir = file.toAbsolutePath().getParent();
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), dir,
        file.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
  }

  /**
   * Parses spec text.
   *
   * @param source names the spec in messages
   * @param baseDirectory where relative paths in the spec resolve
   * @param defaultName the sweep's name when the spec gives none
   */
  public SweepSpec parse(String yaml, String source, Path baseDirectory, String defaultName) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new SweepSpecException(source, List.of("not valid YAML: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
    }
    if (root == null || !root.isObject()) {
      throw new SweepSpecException(source, List.of("expected a mapping with workload, grid, seed, ..."));
    }
    List<String> problems = new ArrayList<>();
    root.fieldNames().forEachRemaining(k -> {
      if (!TOP_LEVEL.contains(k)) {
        problems.add(k + ": unknown field (known: " + String.join(", ", new java.util.TreeSet<>(TOP_LEVEL)) + ")");
      }
    });

    String name = root.has("name") ? text(root.get("name"), "name", problems) : defaultName;
    Workload workload = null;
    if (!root.has("workload")) {
      problems.add("workload: required (trng-assess, cim-mvm, puf, perplexity)");
    } else {
      String w = text(root.get("workload"), "workload", problems);
      if (w != null) {
        try {
          workload = workloads.apply(w);
        } catch (IllegalArgumentException e) {
          problems.add("workload: " + e.getMessage());
        }
      }
    }
    long seed = 0;
    if (!root.has("seed")) {
      problems.add("seed: required (every point's seed is derived from it)");
    } else if (!root.get("seed").isIntegralNumber() || !root.get("seed").canConvertToLong()) {
      problems.add("seed: expected an integer, got " + root.get("seed"));
    } else {
      seed = root.get("seed").longValue();
    }
    int repeats = 1;
    if (root.has("repeats")) {
      JsonNode r = root.get("repeats");
      if (!r.isIntegralNumber() || !r.canConvertToInt() || r.intValue() < 1 || r.intValue() > 100_000) {
        problems.add("repeats: expected an integer 1..100000, got " + r);
      } else {
        repeats = r.intValue();
      }
    }
    if (workload == null) {
      throw new SweepSpecException(source, problems);
    }

    ObjectNode chip = chip(root.get("chip"), workload, baseDirectory, problems);
    ObjectNode parameters = workload.defaultParameters();
    JsonNode userParameters = root.get("parameters");
    if (userParameters != null && !userParameters.isNull()) {
      if (!userParameters.isObject()) {
        problems.add("parameters: expected a mapping of " + workload.name() + " parameters");
      } else {
        overlay(parameters, (ObjectNode) userParameters, "parameters", problems);
      }
    }
    List<String> metrics = metrics(root.get("metrics"), workload, problems);
    List<GridAxis> grid = grid(root.get("grid"), chip, parameters, workload, problems);
    // The fixed configuration, then each valid axis' values (also when other fields have problems,
    // so that one pass reports them all).
    boolean fixedOk = true;
    try {
      workload.check(new PointConfig(chip, parameters, baseDirectory));
    } catch (IllegalArgumentException e) {
      problems.add("parameters/chip: " + e.getMessage());
      fixedOk = false;
    }
    if (fixedOk) {
      checkEachValue(grid, chip, parameters, workload, baseDirectory, problems);
    }
    SweepSpec spec = new SweepSpec(name, workload, chip, parameters, baseDirectory, grid, repeats, seed, metrics);
    if (problems.isEmpty() && spec.pointCount() > MAX_POINTS) {
      problems.add("grid: " + spec.pointCount() + " points (with repeats) exceed the limit of " + MAX_POINTS + "; split the sweep");
    }
    if (!problems.isEmpty()) {
      throw new SweepSpecException(source, problems);
    }
    return spec;
  }

  private ObjectNode chip(JsonNode node, Workload workload, Path baseDirectory, List<String> problems) {
    ObjectNode defaults = workload.defaultChip();
    if (node == null || node.isNull()) {
      return defaults;
    }
    String yaml;
    String source;
    if (node.isTextual() && defaults != null && ChipSpecs.PRESETS.contains(node.asText())) {
      yaml = "base: " + node.asText() + "\nname: " + node.asText();
      source = "chip preset " + node.asText();
    } else if (node.isTextual()) {
      Path file = Path.of(node.asText());
      if (!file.isAbsolute() && baseDirectory != null) {
        file = baseDirectory.resolve(file);
      }
      if (defaults == null) {
        return loadChip(workload, "", "chip", problems);
      }
      if (!Files.isRegularFile(file)) {
        problems.add("chip: neither a preset (" + String.join(", ", ChipSpecs.PRESETS) + ") nor a file: " + file);
        return defaults;
      }
      try {
        yaml = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        problems.add("chip: cannot read " + file + ": " + e.getMessage());
        return defaults;
      }
      source = "chip " + file;
    } else if (node.isObject()) {
      yaml = node.toString();
      source = "chip";
    } else {
      problems.add("chip: expected a file name or a mapping, got " + node);
      return defaults;
    }
    ObjectNode loaded = loadChip(workload, yaml, source, problems);
    return loaded == null ? defaults : loaded;
  }

  private static ObjectNode loadChip(Workload workload, String yaml, String source, List<String> problems) {
    try {
      return workload.loadChip(yaml, source);
    } catch (IllegalArgumentException e) {
      problems.add("chip: " + e.getMessage());
      return null;
    }
  }

  private static List<String> metrics(JsonNode node, Workload workload, List<String> problems) {
    if (node == null || node.isNull()) {
      return workload.metrics();
    }
    if (!node.isArray() || node.isEmpty()) {
      problems.add("metrics: expected a non-empty list of metric names (available: " + String.join(", ", workload.metrics()) + ")");
      return workload.metrics();
    }
    Set<String> wanted = new HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      String m = node.get(i).asText();
      if (!workload.metrics().contains(m)) {
        problems.add("metrics[" + i + "]: unknown metric '" + m + "' of workload " + workload.name()
            + " (available: " + String.join(", ", workload.metrics()) + ")");
      } else if (!wanted.add(m)) {
        problems.add("metrics[" + i + "]: '" + m + "' is listed twice");
      }
    }
    return workload.metrics().stream().filter(wanted::contains).toList();
  }

  private static List<GridAxis> grid(JsonNode node, ObjectNode chip, ObjectNode parameters, Workload workload,
      List<String> problems) {
    List<GridAxis> axes = new ArrayList<>();
    if (node == null || node.isNull()) {
      problems.add("grid: required: a mapping from parameter paths to lists or ranges");
      return axes;
    }
    if (!node.isObject() || node.isEmpty()) {
      problems.add("grid: expected a non-empty mapping from parameter paths to lists or ranges");
      return axes;
    }
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = e.getKey();
      String where = "grid." + path;
      JsonNode leaf = leaf(path, chip, parameters, workload, where, problems);
      if (leaf == null) {
        continue;
      }
      List<Object> values = values(e.getValue(), where, problems);
      if (values == null) {
        continue;
      }
      ValueType type = type(values, where, problems);
      if (type == null) {
        continue;
      }
      boolean ok = true;
      for (int i = 0; i < values.size(); i++) {
        String problem = fits(leaf, values.get(i));
        if (problem != null) {
          problems.add(where + "[" + i + "] = " + GridAxis.canonical(values.get(i)) + ": " + problem);
          ok = false;
        }
      }
      Set<String> seen = new HashSet<>();
      for (Object v : values) {
        if (!seen.add(GridAxis.canonical(v))) {
          problems.add(where + ": value " + GridAxis.canonical(v) + " appears twice");
          ok = false;
        }
      }
      if (ok) {
        if (type == ValueType.DOUBLE) {
          values = values.stream().map(v -> (Object) ((Number) v).doubleValue()).toList();
        }
        axes.add(new GridAxis(path, type, values));
      }
    }
    return axes;
  }

  /** The existing leaf at {@code path}, or null after recording why there is none. */
  private static JsonNode leaf(String path, ObjectNode chip, ObjectNode parameters, Workload workload, String where,
      List<String> problems) {
    ObjectNode root;
    String rest;
    String rootName;
    if (path.startsWith(SweepSpec.CHIP_PREFIX)) {
      if (chip == null) {
        problems.add(where + ": workload " + workload.name() + " takes no chip configuration");
        return null;
      }
      root = chip;
      rest = path.substring(SweepSpec.CHIP_PREFIX.length());
      rootName = "chip";
    } else {
      root = parameters;
      rest = path;
      rootName = "parameters of " + workload.name();
    }
    String[] keys = rest.split("\\.", -1);
    JsonNode node = root;
    String at = rootName;
    for (String key : keys) {
      if (!(node instanceof ObjectNode obj) || !obj.has(key)) {
        List<String> known = new ArrayList<>();
        node.fieldNames().forEachRemaining(known::add);
        problems.add(where + ": unknown field '" + key + "' in " + at + " (known: " + String.join(", ", known) + ")");
        return null;
      }
      node = obj.get(key);
      at = at.equals(rootName) ? (rootName.equals("chip") ? "chip." + key : key) : at + "." + key;
    }
    if (node.isContainerNode()) {
      List<String> known = new ArrayList<>();
      node.fieldNames().forEachRemaining(known::add);
      problems.add(where + ": is a section, not a value; sweep one of its fields (" + String.join(", ", known) + ")");
      return null;
    }
    return node;
  }

  private static String fits(JsonNode leaf, Object value) {
    if (leaf.isNull()) {
      return null;
    }
    if (leaf.isNumber()) {
      if (!(value instanceof Number)) {
        return "expected a number";
      }
      if (leaf.isIntegralNumber() && value instanceof Double d && d != Math.rint(d)) {
        return "expected an integer";
      }
      return null;
    }
    if (leaf.isBoolean()) {
      return value instanceof Boolean ? null : "expected true or false";
    }
    return value instanceof String ? null : "expected text";
  }

  private static List<Object> values(JsonNode node, String where, List<String> problems) {
    if (node.isArray()) {
      if (node.isEmpty()) {
        problems.add(where + ": empty list");
        return null;
      }
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        Object v = scalar(node.get(i));
        if (v == null) {
          problems.add(where + "[" + i + "]: expected a number, text or true/false, got " + node.get(i));
          return null;
        }
        out.add(v);
      }
      return out;
    }
    if (node.isObject()) {
      return range((ObjectNode) node, where, problems);
    }
    problems.add(where + ": expected a list [a, b, ...] or a range {from, to, step|count, scale: linear|log}, got " + node);
    return null;
  }

  private static List<Object> range(ObjectNode node, String where, List<String> problems) {
    int before = problems.size();
    node.fieldNames().forEachRemaining(k -> {
      if (!RANGE_KEYS.contains(k)) {
        problems.add(where + "." + k + ": unknown range field (known: from, to, step, count, scale)");
      }
    });
    Double from = rangeNumber(node, "from", where, problems, true);
    Double to = rangeNumber(node, "to", where, problems, true);
    Double step = rangeNumber(node, "step", where, problems, false);
    Double count = rangeNumber(node, "count", where, problems, false);
    String scale = node.has("scale") ? node.get("scale").asText() : "linear";
    if (!scale.equals("linear") && !scale.equals("log")) {
      problems.add(where + ".scale: expected linear or log, got " + node.get("scale"));
    }
    if ((step == null) == (count == null)) {
      problems.add(where + ": give exactly one of step and count");
    }
    if (problems.size() > before) {
      return null;
    }
    List<Object> out = new ArrayList<>();
    if (count != null) {
      if (count != Math.rint(count) || count < 1 || count > 1_000_000) {
        problems.add(where + ".count: expected an integer 1..1000000, got " + node.get("count"));
        return null;
      }
      int n = count.intValue();
      if (scale.equals("log")) {
        if (!(from > 0 && to > 0)) {
          problems.add(where + ": a log range needs from > 0 and to > 0");
          return null;
        }
        double lf = Math.log10(from);
        double lt = Math.log10(to);
        for (int i = 0; i < n; i++) {
          out.add(round(n == 1 ? from : Math.pow(10, lf + (lt - lf) * i / (n - 1))));
        }
      } else {
        for (int i = 0; i < n; i++) {
          out.add(round(n == 1 ? from : from + (to - from) * i / (n - 1)));
        }
      }
    } else {
      if (scale.equals("log")) {
        problems.add(where + ": a log range takes count, not step");
        return null;
      }
      if (step == 0 || Math.signum(to - from) * Math.signum(step) < 0) {
        problems.add(where + ".step: " + node.get("step") + " does not lead from " + node.get("from") + " to " + node.get("to"));
        return null;
      }
      // Inclusive end, tolerant of rounding: 0 to 1 step 0.1 has 11 values.
      long n = (long) Math.floor((to - from) / step + 1e-9) + 1;
      if (n > 1_000_000) {
        problems.add(where + ": " + n + " values; at most 1000000");
        return null;
      }
      for (long i = 0; i < n; i++) {
        out.add(round(from + step * i));
      }
    }
    boolean integral = isIntegral(node.get("from")) && isIntegral(node.get("to"))
        && (step == null || isIntegral(node.get("step"))) && scale.equals("linear")
        && out.stream().allMatch(v -> (Double) v == Math.rint((Double) v));
    return integral ? out.stream().map(v -> (Object) ((Double) v).longValue()).toList() : out;
  }

  private static boolean isIntegral(JsonNode n) {
    return n != null && n.isIntegralNumber();
  }

  private static double round(double v) {
    return new BigDecimal(v).round(RANGE_DIGITS).doubleValue();
  }

  private static Double rangeNumber(ObjectNode node, String key, String where, List<String> problems, boolean required) {
    JsonNode v = node.get(key);
    if (v == null) {
      if (required) {
        problems.add(where + "." + key + ": required in a range");
      }
      return null;
    }
    Object s = scalar(v);
    if (!(s instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      problems.add(where + "." + key + ": expected a number, got " + v);
      return null;
    }
    return n.doubleValue();
  }

  /** A YAML scalar as Long, Double, Boolean or String; null for containers and nulls. */
  private static Object scalar(JsonNode v) {
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isTextual()) {
      String t = v.asText().trim();
      if (NUMBER.matcher(t).matches()) {
        return t.matches("[-+]?\\d+") ? (Object) Long.parseLong(t) : (Object) Double.parseDouble(t);
      }
      return v.asText();
    }
    return null;
  }

  private static ValueType type(List<Object> values, String where, List<String> problems) {
    if (values.stream().allMatch(v -> v instanceof Long)) {
      return ValueType.LONG;
    }
    if (values.stream().allMatch(v -> v instanceof Number)) {
      return ValueType.DOUBLE;
    }
    if (values.stream().allMatch(v -> v instanceof Boolean)) {
      return ValueType.BOOLEAN;
    }
    if (values.stream().allMatch(v -> v instanceof String)) {
      return ValueType.STRING;
    }
    problems.add(where + ": values of mixed types " + values);
    return null;
  }

  /** Each axis value applied alone to the fixed configuration must build. */
  private static void checkEachValue(List<GridAxis> grid, ObjectNode chip, ObjectNode parameters, Workload workload,
      Path baseDirectory, List<String> problems) {
    for (GridAxis axis : grid) {
      for (int i = 0; i < axis.values().size(); i++) {
        ObjectNode c = chip == null ? null : chip.deepCopy();
        ObjectNode p = parameters.deepCopy();
        if (axis.path().startsWith(SweepSpec.CHIP_PREFIX)) {
          SweepSpec.set(c, axis.path().substring(SweepSpec.CHIP_PREFIX.length()), axis.values().get(i));
        } else {
          SweepSpec.set(p, axis.path(), axis.values().get(i));
        }
        try {
          workload.check(new PointConfig(c, p, baseDirectory));
        } catch (IllegalArgumentException e) {
          problems.add("grid." + axis.path() + "[" + i + "] = " + GridAxis.canonical(axis.values().get(i)) + ": " + e.getMessage());
        }
      }
    }
  }

  /** Overlays user parameters on the defaults; unknown fields are problems. */
  private static void overlay(ObjectNode base, ObjectNode user, String where, List<String> problems) {
    Iterator<Map.Entry<String, JsonNode>> it = user.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode existing = base.get(e.getKey());
      String path = where + "." + e.getKey();
      if (existing == null) {
        List<String> known = new ArrayList<>();
        base.fieldNames().forEachRemaining(known::add);
        problems.add(path + ": unknown field (known: " + String.join(", ", known) + ")");
      } else if (existing.isObject() && e.getValue().isObject()) {
        overlay((ObjectNode) existing, (ObjectNode) e.getValue(), path, problems);
      } else {
        Object v = e.getValue().isContainerNode() ? null : scalar(e.getValue());
        String problem = v == null ? "expected a value" : fits(existing, v);
        if (problem != null) {
          problems.add(path + " = " + e.getValue() + ": " + problem);
        } else {
          base.set(e.getKey(), SweepSpec.toNode(v));
        }
      }
    }
  }

  private static String text(JsonNode node, String where, List<String> problems) {
    if (!node.isTextual()) {
      problems.add(where + ": expected text, got " + node);
      return null;
    }
    return node.asText();
  }
}
