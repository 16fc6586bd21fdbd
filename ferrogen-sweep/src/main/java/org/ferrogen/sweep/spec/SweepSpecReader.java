package org.ferrogen.sweep.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ferrogen.chip.spec.ChipSpecs;
import org.ferrogen.device.config.ConfigException;
import org.ferrogen.device.config.Range;
import org.ferrogen.device.config.YamlConfig;
import org.ferrogen.sweep.spec.GridAxis.ValueType;
import org.ferrogen.sweep.workload.PointConfig;
import org.ferrogen.sweep.workload.Trees;
import org.ferrogen.sweep.workload.Workload;
import org.ferrogen.sweep.workload.Workloads;

/**
 * Reads and validates a sweep spec. The file is read by FerroGen's one strict configuration reader,
 * {@link YamlConfig}: unknown keys get a did-you-mean, numbers are bounded by {@link Range}, and the
 * workload's {@code parameters} are read into the workload's own parameter record the same way.
 * After that first, structural pass, every problem of the grid, parameters, chip and metrics is
 * collected with its field path, e.g. {@code grid.chip.tiles.adc.bits[2]}, and all are reported
 * together.
 *
 * <pre>
 * name: compute-tile
 * workload: cim-mvm            # trng-assess | cim-mvm | puf | train | perplexity
 * chip: edge                   # chip spec: preset, file (relative to this spec) or mapping
 * parameters: {rows: 64, cols: 64, trials: 20}
 * grid:
 *   chip.tiles.adc.bits: [4, 6, 8]                             # list
 *   chip.tiles.nonIdealities.readNoise.scale: {from: 0.5, to: 4, count: 4, scale: log}   # log range
 *   chip.synapseArrays[0].transferEvery: [10, 100]             # an element of a list
 *   rows: {from: 32, to: 128, step: 32}                        # linear range
 * repeats: 2
 * seed: 7
 * metrics: [relative_l2_error, energy_per_mvm_joules]          # default: all of the workload's
 * </pre>
 */
public final class SweepSpecReader {

  /** Upper bound on a sweep's points: far above what one spec should hold, below memory trouble. */
  public static final long MAX_POINTS = 10_000_000;

  /** Most values one range may expand to. */
  private static final int MAX_RANGE_VALUES = 1_000_000;

  /**
   * The spec file as {@link YamlConfig} reads it. {@code chip}, {@code parameters} and the grid's
   * values stay trees here: their types depend on the workload (and a grid value is a list or a
   * range), so they are read in a second step, with their paths.
   *
   * @param name the sweep's name (default: the file name)
   * @param workload the simulation run at every point
   * @param chip a chip preset, a chip spec file (relative to the spec) or a mapping
   * @param parameters the workload's parameters (its parameter record)
   * @param grid parameter path to a list of values or a range
   * @param repeats runs per grid point (default 1)
   * @param seed the sweep seed
   * @param metrics the metrics kept (default: all of the workload's)
   */
  public record SpecFile(
      String name,
      String workload,
      JsonNode chip,
      JsonNode parameters,
      Map<String, JsonNode> grid,
      @Range(min = 1, max = 100_000, reason = "runs per grid point") Integer repeats,
      @Range(min = -9.2e18, max = 9.2e18) Long seed,
      List<String> metrics) {}

  /**
   * A range of values on one grid axis: {@code {from, to, step}} (linear, end included within
   * rounding) or {@code {from, to, count, scale: linear|log}}.
   */
  public record RangeSpec(
      @Range(min = -1e300, max = 1e300) Double from,
      @Range(min = -1e300, max = 1e300) Double to,
      @Range(min = -1e300, max = 1e300) Double step,
      @Range(min = 1, max = MAX_RANGE_VALUES) Integer count,
      String scale) {}

  /** YAML 1.1 leaves {@code 1e4} (no dot, no exponent sign) a string; YAML 1.2 and a sweep mean the number. */
  private static final Pattern EXPONENT_NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)[eE][-+]?\\d+");
  /** A path segment naming an element of a list: {@code synapseArrays[0]}. */
  private static final Pattern INDEXED = Pattern.compile("([^\\[\\]]+)\\[(\\d+)]");
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
    return parse(Files.readAllBytes(file), file.toString(), dir,
        file.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
  }

  /** Parses spec text; see {@link #parse(byte[], String, Path, String)}. */
  public SweepSpec parse(String yaml, String source, Path baseDirectory, String defaultName) {
    return parse(yaml.getBytes(StandardCharsets.UTF_8), source, baseDirectory, defaultName);
  }

  /**
   * Parses a spec.
   *
   * @param source names the spec in messages
   * @param baseDirectory where relative paths in the spec resolve
   * @param defaultName the sweep's name when the spec gives none
   */
  public SweepSpec parse(byte[] yaml, String source, Path baseDirectory, String defaultName) {
    SpecFile file;
    try {
      file = YamlConfig.parse(yaml, source, SpecFile.class, null);
    } catch (ConfigException e) {
      throw new SweepSpecException(source, List.of(withoutSource(e)));
    }
    List<String> problems = new ArrayList<>();
    String name = file.name() == null ? defaultName : file.name();
    Workload workload = null;
    if (file.workload() == null) {
      problems.add("workload: required (" + String.join(", ", Workloads.names()) + ")");
    } else {
      try {
        workload = workloads.apply(file.workload());
      } catch (IllegalArgumentException e) {
        problems.add("workload: " + e.getMessage());
      }
    }
    if (file.seed() == null) {
      problems.add("seed: required (every point's seed is derived from it)");
    }
    if (file.grid() == null || file.grid().isEmpty()) {
      problems.add("grid: required: a mapping from parameter paths to lists or ranges");
    }
    int repeats = file.repeats() == null ? 1 : file.repeats();
    if (workload == null) {
      throw new SweepSpecException(source, problems);
    }

    ObjectNode chip = chip(file.chip(), workload, baseDirectory, problems);
    ObjectNode parameters = parameters(file.parameters(), workload, source, problems);
    List<String> metrics = metrics(file.metrics(), workload, problems);
    List<GridAxis> grid = file.grid() == null ? List.of()
        : grid(file.grid(), chip, parameters, workload, source, problems);
    // The fixed configuration, then each valid axis' values (also when other fields have problems,
    // so that one pass reports them all).
    boolean fixedOk = parameters != null;
    if (fixedOk) {
      try {
        workload.check(new PointConfig(chip, parameters, baseDirectory));
      } catch (IllegalArgumentException e) {
        problems.add((chip == null ? "parameters: " : "parameters/chip: ") + e.getMessage());
        fixedOk = false;
      }
    }
    if (fixedOk) {
      checkEachValue(grid, chip, parameters, workload, baseDirectory, problems);
    }
    if (!problems.isEmpty()) {
      throw new SweepSpecException(source, problems);
    }
    SweepSpec spec = new SweepSpec(name, workload, chip, parameters, baseDirectory, grid, repeats, file.seed(), metrics);
    if (spec.pointCount() > MAX_POINTS) {
      throw new SweepSpecException(source, List.of(
          "grid: " + spec.pointCount() + " points (with repeats) exceed the limit of " + MAX_POINTS + "; split the sweep"));
    }
    return spec;
  }

  /** The message of a configuration problem without its source, which the sweep's message names. */
  private static String withoutSource(ConfigException e) {
    String message = e.getMessage();
    return message.startsWith(e.source() + ": ") ? message.substring(e.source().length() + 2) : message;
  }

  /** The workload's parameter record read over its defaults, as a tree with every field; null on problems. */
  private static ObjectNode parameters(JsonNode node, Workload workload, String source, List<String> problems) {
    JsonNode section = node == null || node.isNull() ? JsonNodeFactory.instance.objectNode() : yaml12Numbers(node);
    try {
      return Trees.tree(read(workload, section, source));
    } catch (ConfigException e) {
      problems.add(withoutSource(e));
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T read(Workload workload, JsonNode section, String source) {
    Class<T> type = (Class<T>) workload.parametersType();
    return YamlConfig.read(section, source, "parameters", type, (T) workload.defaultParameters());
  }

  private ObjectNode chip(JsonNode node, Workload workload, Path baseDirectory, List<String> problems) {
    ObjectNode defaults = workload.defaultChip();
    if (node == null || node.isNull()) {
      return defaults;
    }
    if (defaults == null) {
      problems.add("chip: workload " + workload.name() + " takes no chip configuration");
      return null;
    }
    String yaml;
    String source;
    if (node.isTextual() && ChipSpecs.PRESETS.contains(node.asText())) {
      yaml = "base: " + node.asText() + "\nname: " + node.asText();
      source = "chip preset " + node.asText();
    } else if (node.isTextual()) {
      Path file = Path.of(node.asText());
      if (!file.isAbsolute() && baseDirectory != null) {
        file = baseDirectory.resolve(file);
      }
      if (!Files.isRegularFile(file)) {
        problems.add("chip: neither a preset (" + String.join(", ", ChipSpecs.PRESETS) + ";"
            + YamlConfig.suggestion(node.asText(), List.copyOf(ChipSpecs.PRESETS)) + ") nor a file: " + file);
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
      yaml = node.toString(); // JSON is YAML: the chip spec's own reader checks the mapping
      source = "chip";
    } else {
      problems.add("chip: expected a preset, a file name or a mapping, got " + node);
      return defaults;
    }
    try {
      return workload.loadChip(yaml, source);
    } catch (IllegalArgumentException e) {
      problems.add("chip: " + e.getMessage());
      return defaults;
    }
  }

  private static List<String> metrics(List<String> given, Workload workload, List<String> problems) {
    if (given == null) {
      return workload.metrics();
    }
    if (given.isEmpty()) {
      problems.add("metrics: expected a non-empty list of metric names (available: " + String.join(", ", workload.metrics()) + ")");
      return workload.metrics();
    }
    Set<String> wanted = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      String m = given.get(i);
      if (!workload.metrics().contains(m)) {
        problems.add("metrics[" + i + "]: unknown metric '" + m + "' of workload " + workload.name() + ";"
            + YamlConfig.suggestion(m, workload.metrics()) + " available: " + String.join(", ", workload.metrics()));
      } else if (!wanted.add(m)) {
        problems.add("metrics[" + i + "]: '" + m + "' is listed twice");
      }
    }
    return workload.metrics().stream().filter(wanted::contains).toList();
  }

  private static List<GridAxis> grid(Map<String, JsonNode> node, ObjectNode chip, ObjectNode parameters,
      Workload workload, String source, List<String> problems) {
    List<GridAxis> axes = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : node.entrySet()) {
      String path = e.getKey();
      String where = "grid." + path;
      JsonNode leaf = leaf(path, chip, parameters, workload, where, problems);
      List<Object> values = values(e.getValue(), where, source, problems);
      if (leaf == null || values == null) {
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
    JsonNode node;
    String rest;
    String at;
    if (path.startsWith(SweepSpec.CHIP_PREFIX)) {
      if (chip == null) {
        problems.add(where + ": workload " + workload.name() + " takes no chip configuration");
        return null;
      }
      node = chip;
      rest = path.substring(SweepSpec.CHIP_PREFIX.length());
      at = "chip";
    } else {
      if (parameters == null) {
        return null; // the parameters' own problem is reported
      }
      node = parameters;
      rest = path;
      at = "parameters of " + workload.name();
    }
    boolean top = true;
    for (String segment : rest.split("\\.", -1)) {
      Matcher indexed = INDEXED.matcher(segment);
      String key = indexed.matches() ? indexed.group(1) : segment;
      if (!(node instanceof ObjectNode obj) || !obj.has(key)) {
        List<String> known = new ArrayList<>();
        node.fieldNames().forEachRemaining(known::add);
        problems.add(where + ": unknown field '" + key + "' in " + at + ";" + YamlConfig.suggestion(key, known)
            + " known: " + String.join(", ", known));
        return null;
      }
      node = obj.get(key);
      at = top ? (at.equals("chip") ? "chip." + key : key) : at + "." + key;
      top = false;
      if (indexed.matches()) {
        int index = Integer.parseInt(indexed.group(2));
        if (!node.isArray() || index >= node.size()) {
          problems.add(where + ": " + at + (node.isArray() ? " has " + node.size() + " elements, no [" + index + "]"
              : " is not a list"));
          return null;
        }
        node = node.get(index);
        at = at + "[" + index + "]";
      }
    }
    if (node.isContainerNode()) {
      List<String> known = new ArrayList<>();
      node.fieldNames().forEachRemaining(known::add);
      problems.add(where + ": is a " + (node.isArray() ? "list; sweep one element, e.g. " + path + "[0]"
          : "section, not a value; sweep one of its fields (" + String.join(", ", known) + ")"));
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

  private static List<Object> values(JsonNode node, String where, String source, List<String> problems) {
    if (node != null && node.isArray()) {
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
    if (node != null && node.isObject()) {
      RangeSpec range;
      try {
        range = YamlConfig.read(yaml12Numbers(node), source, where, RangeSpec.class, null);
      } catch (ConfigException e) {
        problems.add(withoutSource(e));
        return null;
      }
      return range(range, node, where, problems);
    }
    problems.add(where + ": expected a list [a, b, ...] or a range {from, to, step|count, scale: linear|log}, got "
        + (node == null ? "nothing" : node));
    return null;
  }

  private static List<Object> range(RangeSpec r, JsonNode node, String where, List<String> problems) {
    int before = problems.size();
    if (r.from() == null) {
      problems.add(where + ".from: required in a range");
    }
    if (r.to() == null) {
      problems.add(where + ".to: required in a range");
    }
    String scale = r.scale() == null ? "linear" : r.scale();
    if (!scale.equals("linear") && !scale.equals("log")) {
      problems.add(where + ".scale: must be linear or log, got " + scale + ";"
          + YamlConfig.suggestion(scale, List.of("linear", "log")));
    }
    if ((r.step() == null) == (r.count() == null)) {
      problems.add(where + ": give exactly one of step and count");
    }
    if (problems.size() > before) {
      return null;
    }
    double from = r.from();
    double to = r.to();
    List<Object> out = new ArrayList<>();
    if (r.count() != null) {
      int n = r.count();
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
      double step = r.step();
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
      if (n > MAX_RANGE_VALUES) {
        problems.add(where + ": " + n + " values; at most " + MAX_RANGE_VALUES);
        return null;
      }
      for (long i = 0; i < n; i++) {
        out.add(round(from + step * i));
      }
    }
    boolean integral = isIntegral(node.get("from")) && isIntegral(node.get("to"))
        && (r.step() == null || isIntegral(node.get("step"))) && scale.equals("linear")
        && out.stream().allMatch(v -> (Double) v == Math.rint((Double) v));
    return integral ? out.stream().map(v -> (Object) ((Double) v).longValue()).toList() : out;
  }

  private static boolean isIntegral(JsonNode n) {
    return n != null && n.isIntegralNumber();
  }

  private static double round(double v) {
    return new BigDecimal(v).round(RANGE_DIGITS).doubleValue();
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
      return EXPONENT_NUMBER.matcher(v.asText().trim()).matches() ? (Object) Double.parseDouble(v.asText().trim()) : v.asText();
    }
    return null;
  }

  /** A copy of {@code node} with YAML 1.1's textual exponent numbers ({@code 1e4}) as numbers. */
  static JsonNode yaml12Numbers(JsonNode node) {
    if (node.isTextual() && EXPONENT_NUMBER.matcher(node.asText().trim()).matches()) {
      return JsonNodeFactory.instance.numberNode(Double.parseDouble(node.asText().trim()));
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      node.fields().forEachRemaining(e -> out.set(e.getKey(), yaml12Numbers(e.getValue())));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(e -> out.add(yaml12Numbers(e)));
      return out;
    }
    return node;
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
}
