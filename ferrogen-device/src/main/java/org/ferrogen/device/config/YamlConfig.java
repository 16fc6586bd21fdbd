package org.ferrogen.device.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Strict reading of immutable configuration records from YAML (JSON is YAML too). Jackson reads
 * the text; this class checks it against the record types first, so a user sees a one-line
 * {@link ConfigException} naming the file and the field path, never a library's message:
 *
 * <ul>
 *   <li>unknown keys: {@code adc.bitz: unknown key; did you mean 'bits'? Valid keys here: bits,
 *       range, sigmas};
 *   <li>duplicate keys, several YAML documents in one file, a file that is not UTF-8 text (binary,
 *       UTF-16) are refused;
 *   <li>every number must lie in the {@link Range} its record component declares (a numeric
 *       component without one is a programming error), integers must be integers ({@code rows:
 *       1.5} is refused), and numbers must be finite;
 *   <li>strings, booleans, enums (by constant name), lists, maps, nested records and
 *       {@link JsonTypeInfo}-tagged interfaces are checked by type.
 * </ul>
 *
 * A record's own constructor runs last, for rules across fields; its {@link
 * IllegalArgumentException} is reported with the file and the record's path.
 *
 * <p>Example:
 *
 * <pre>{@code
 * public record Adc(@Range(min = 1, max = 16, unit = "bits") int bits, AdcRange range) {}
 * public record TileSpec(@Range(min = 1, max = 4096) int rows, Adc adc) {}
 *
 * TileSpec spec = YamlConfig.read(Path.of("tile.yaml"), TileSpec.class);
 * // tile.yaml: adc.bits: must be 1..16 bits, got 0
 * TileSpec custom = YamlConfig.read(Path.of("tile.yaml"), TileSpec.class, TileSpec.defaults());
 * // keys the file leaves out keep the defaults' values
 * String text = YamlConfig.write(spec); // reads back equal
 * }</pre>
 */
public final class YamlConfig {

  /** Larger files are refused before parsing: configurations are hand-written text. */
  public static final int MAX_FILE_BYTES = 4 << 20;

  private static final ObjectMapper MAPPER = mapper();

  private YamlConfig() {}

  /** Reads a record of {@code type} from a YAML file; every field without a default must be given. */
  public static <T> T read(Path file, Class<T> type) {
    return parse(bytes(file), file.toString(), type, null);
  }

  /** Reads a YAML file overlaid on {@code defaults}: keys it leaves out keep the defaults' values. */
  public static <T> T read(Path file, Class<T> type, T defaults) {
    return parse(bytes(file), file.toString(), type, defaults);
  }

  /** Parses YAML text; {@code source} names it in messages. */
  public static <T> T parse(String yaml, String source, Class<T> type) {
    return parse(yaml, source, type, null);
  }

  /** Parses YAML text overlaid on {@code defaults} (null: no defaults). */
  public static <T> T parse(String yaml, String source, Class<T> type, T defaults) {
    return read(tree(yaml, source), source, "", type, defaults);
  }

  /**
   * The named configurations a file may build on (presets): the file's {@code key} names one
   * ({@code base: cea-leti-hybrid}), {@code fallback} when it names none, and the file is overlaid
   * on it. {@code lookup} turns a name of {@code names} into that configuration; it is given the
   * file's source name too, e.g. to name the result after the file.
   *
   * @param key top-level key that names the base
   * @param fallback base of a file without {@code key}
   * @param names the valid bases, in the order messages list them
   * @param lookup (base name, source) to the base configuration
   */
  public record Bases<T>(String key, String fallback, List<String> names, BiFunction<String, String, T> lookup) {
    public Bases {
      names = List.copyOf(names);
      if (!names.contains(fallback)) {
        throw new IllegalArgumentException("fallback base " + fallback + " is not one of " + names);
      }
    }
  }

  /** Reads a YAML file overlaid on the base it names ({@link Bases}). */
  public static <T> T readOnBase(Path file, Class<T> type, Bases<T> bases) {
    String source = file.toString();
    return parseOnBase(text(bytes(file), source), source, type, bases);
  }

  /** Parses YAML text overlaid on the base it names ({@link Bases}); {@code source} names it in messages. */
  public static <T> T parseOnBase(String yaml, String source, Class<T> type, Bases<T> bases) {
    ObjectNode tree = (ObjectNode) tree(yaml, source);
    JsonNode tag = tree.remove(bases.key());
    String base = bases.fallback();
    if (tag != null) {
      String given = tag.isTextual() ? tag.asText() : kind(tag);
      if (!tag.isTextual() || !bases.names().contains(given)) {
        throw new ConfigException(source, bases.key(), Checker.oneOf(bases.names(), given), null);
      }
      base = given;
    }
    return read(tree, source, "", type, bases.lookup().apply(base, source));
  }

  /**
   * The top-level keys of a YAML file, read as strictly as {@link #read} reads it, for callers that
   * choose the record type by what a file holds.
   *
   * @throws ConfigException naming the file when it cannot be read or is not a mapping
   */
  public static Set<String> topLevelKeys(Path file) {
    String source = file.toString();
    JsonNode tree = tree(text(bytes(file), source), source);
    Set<String> keys = new LinkedHashSet<>();
    tree.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** The record as a JSON tree, as {@link #write} writes it (for reports that walk every field). */
  public static JsonNode toTree(Object config) {
    return MAPPER.valueToTree(config);
  }

  /**
   * Reads a record from a section of an already parsed document: a component typed {@link
   * JsonNode} that its reader could only type once it knew another field (a sweep spec's {@code
   * parameters} depend on its {@code workload}). Checked as {@link #parse} checks a file; messages
   * name {@code source} and the section's path, e.g. {@code sweep.yaml: parameters.samples: must be
   * 1000..10000000, got 10}.
   *
   * @param section the section; a mapping
   * @param path the section's field path in the document ({@code parameters}), empty for the root
   * @param defaults values of the keys the section leaves out (null: no defaults)
   */
  public static <T> T read(JsonNode section, String source, String path, Class<T> type, T defaults) {
    JsonNode tree = section;
    if (tree == null || !tree.isObject()) {
      throw new ConfigException(source, path, "expected a mapping, got " + (tree == null ? "nothing" : kind(tree)), null);
    }
    if (defaults != null) {
      ObjectNode merged = MAPPER.valueToTree(defaults);
      overlay(merged, (ObjectNode) tree.deepCopy());
      tree = merged;
    }
    new Checker(source).check(tree, type, path);
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (JsonMappingException e) {
      String relative = path(e);
      String where = Checker.join(path, relative);
      Throwable cause = e.getCause();
      if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
        // A record's own cross-field rule; its message usually names the field already.
        String message = cause.getMessage();
        throw new ConfigException(source, path, joinRuleMessage(relative, message), e);
      }
      if (cause instanceof NullPointerException && cause.getMessage() != null) {
        // Objects.requireNonNull(section, "name") in a record constructor: a section left empty.
        throw new ConfigException(source, where, "'" + cause.getMessage() + "' is missing; a value is required", e);
      }
      throw new ConfigException(source, where, "cannot be read: " + firstLine(e.getOriginalMessage()), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(source, path, "cannot be read: " + firstLine(e.getOriginalMessage()), e);
    }
  }

  /** Parses raw bytes, refusing anything but UTF-8 text (a leading UTF-8 byte-order mark is allowed). */
  public static <T> T parse(byte[] bytes, String source, Class<T> type, T defaults) {
    return parse(text(bytes, source), source, type, defaults);
  }

  /** The record as YAML that {@link #parse} reads back to an equal record. */
  public static String write(Object config) {
    try {
      return MAPPER.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + config.getClass().getSimpleName() + " as YAML", e);
    }
  }

  private static ObjectMapper mapper() {
    LoaderOptions loader = new LoaderOptions();
    loader.setAllowDuplicateKeys(false);
    loader.setMaxAliasesForCollections(20); // no "billion laughs"
    loader.setNestingDepthLimit(64);
    loader.setCodePointLimit(MAX_FILE_BYTES);
    YAMLFactory factory =
        YAMLFactory.builder()
            .loaderOptions(loader)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            // type ids as a plain key (kind: normal), which the tree check can see, not a YAML tag
            .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();
    factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return new ObjectMapper(factory)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  }

  private static byte[] bytes(Path file) {
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new ConfigException(file.toString(), "",
            "is " + size + " bytes; a configuration file may have at most " + MAX_FILE_BYTES, null);
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file.toString(), "", "no such file", e);
    } catch (IOException e) {
      throw new ConfigException(file.toString(), "", "cannot be read (" + e.getMessage() + ")", e);
    }
  }

  private static String text(byte[] bytes, String source) {
    if (bytes.length > MAX_FILE_BYTES) {
      throw new ConfigException(source, "",
          "is " + bytes.length + " bytes; a configuration file may have at most " + MAX_FILE_BYTES, null);
    }
    int start = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      start = 3;
    } else if (bytes.length >= 2
        && ((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF
            || (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE)) {
      throw new ConfigException(source, "", "is UTF-16 text; save it as UTF-8", null);
    }
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new ConfigException(source, "",
            "is not a text file (a zero byte at offset " + i + "); a configuration must be UTF-8 YAML"
                + " (UTF-16 text also has zero bytes: save it as UTF-8)",
            null);
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new ConfigException(source, "",
          "is not UTF-8 text (invalid byte 0x" + String.format("%02X", bytes[in.position()] & 0xff)
              + " at offset " + in.position() + "); a configuration must be UTF-8 YAML",
          null);
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  private static JsonNode tree(String yaml, String source) {
    try (JsonParser parser = MAPPER.getFactory().createParser(yaml)) {
      JsonNode tree = MAPPER.readTree(parser);
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        throw new ConfigException(source, "", "is empty; expected a mapping of configuration keys", null);
      }
      if (!tree.isObject()) {
        throw new ConfigException(source, "",
            "expected a mapping of configuration keys, got " + kind(tree), null);
      }
      if (parser.nextToken() != null) {
        throw new ConfigException(source, "",
            "holds more than one YAML document (the second one at line "
                + parser.currentLocation().getLineNr() + "); a configuration is one document",
            null);
      }
      return tree;
    } catch (ConfigException e) {
      throw e;
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
      String path = e.getProcessor() instanceof JsonParser p ? dotted(p.getParsingContext()) : "";
      if (message.startsWith("Duplicate field")) {
        throw new ConfigException(source, path, where + "duplicate key; each key may appear once", e);
      }
      if (message.startsWith("Malformed numeric value")) {
        // Jackson reads YAML's .inf and .nan this way; configuration numbers must be finite anyway.
        throw new ConfigException(source, path, where + "must be a finite number, got "
            + message.substring(message.indexOf('\'')).strip(), e);
      }
      if (e.getCause() instanceof MarkedYAMLException m && m.getProblem() != null) {
        where = m.getProblemMark() == null ? where : "line " + (m.getProblemMark().getLine() + 1) + ": ";
        message = m.getProblem();
      }
      throw new ConfigException(source, path, where + "not valid YAML (" + firstLine(message) + ")", e);
    } catch (IOException | RuntimeException e) {
      // SnakeYAML reports some problems (duplicate keys, limits) with its own unchecked exceptions.
      String message = firstLine(e.getMessage());
      if (message.contains("found duplicate key")) {
        throw new ConfigException(source, "", message.replaceFirst(".*found duplicate key", "duplicate key"), e);
      }
      throw new ConfigException(source, "", "not valid YAML (" + message + ")", e);
    }
  }

  /**
   * A record constructor's message placed under the record's path. Messages name their field from
   * the record ({@code fecapsPerSynapse: must be <= fecapsPerLine}), from its section
   * ({@code mapping.slices = 2: ...} at path {@code tiles.mapping}) or from the root (they start
   * with the whole path); each ends up with the full path once.
   */
  static String joinRuleMessage(String path, String message) {
    if (path.isEmpty() || message.startsWith(path)) {
      return message;
    }
    int dot = path.lastIndexOf('.');
    String parent = dot < 0 ? "" : path.substring(0, dot);
    String last = path.substring(dot + 1);
    if (!last.endsWith("]") && message.startsWith(last + ".")) {
      return parent.isEmpty() ? message : parent + "." + message;
    }
    if (FIELD_MESSAGE.matcher(message).lookingAt()) {
      return path + "." + message;
    }
    return path + ": " + message;
  }

  private static final Pattern FIELD_MESSAGE = Pattern.compile("[A-Za-z_]\\w*(: | = )");

  private static String dotted(JsonStreamContext context) {
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      parts.add(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : c.getCurrentName());
    }
    return String.join(".", parts).replace(".[", "[");
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
      } else {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    String line = message.strip();
    int newline = line.indexOf('\n');
    return newline < 0 ? line : line.substring(0, newline).strip();
  }

  private static void overlay(ObjectNode base, ObjectNode top) {
    Iterator<Map.Entry<String, JsonNode>> it = top.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode existing = base.get(e.getKey());
      if (existing instanceof ObjectNode o && e.getValue() instanceof ObjectNode v) {
        overlay(o, v);
      } else {
        base.set(e.getKey(), e.getValue());
      }
    }
  }

  private static String kind(JsonNode node) {
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isNull() || node.isTextual() && node.asText().isEmpty()) {
      return "nothing"; // "key:" with no value reads as an empty string
    }
    String text = node.asText();
    return (node.isTextual() ? "'" + text + "'" : text);
  }

  /** Formats a limit or value without binary noise: 1e-9, 1000, 0.25. */
  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    String s = BigDecimal.valueOf(value).stripTrailingZeros().toString();
    return s.replace("E+", "e").replace("E", "e");
  }

  /** Levenshtein distance, case-insensitive: the "did you mean" measure. */
  static int editDistance(String a, String b) {
    a = a.toLowerCase(Locale.ROOT);
    b = b.toLowerCase(Locale.ROOT);
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /**
   * " did you mean 'x'?" for the closest candidate when it is plausibly a typo, else "": the hint
   * of unknown keys, public for readers that check names of their own (a sweep's grid paths).
   */
  public static String suggestion(String given, List<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = editDistance(given, c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    boolean plausible = best != null && bestDistance <= Math.max(2, Math.min(given.length(), best.length()) / 2);
    return plausible ? " did you mean '" + best + "'?" : "";
  }

  /** Walks a YAML tree alongside the record types it must fill. */
  private static final class Checker {
    private final String source;

    Checker(String source) {
      this.source = source;
    }

    private ConfigException error(String path, String problem) {
      return new ConfigException(source, path, problem, null);
    }

    void check(JsonNode node, Type type, String path) {
      check(node, type, path, null);
    }

    private void check(JsonNode node, Type type, String path, Range range) {
      Class<?> raw = raw(type);
      if (node == null || node.isNull()) {
        if (raw.isPrimitive()) {
          throw error(path, "missing; a value is required");
        }
        return; // the record's constructor decides whether an absent section is allowed
      }
      if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
        integer(node, path, range, raw == int.class || raw == Integer.class);
      } else if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
        real(node, path, range);
      } else if (raw == boolean.class || raw == Boolean.class) {
        if (!node.isBoolean()) {
          throw error(path, "must be true or false, got " + kind(node));
        }
      } else if (raw == String.class) {
        if (!node.isTextual()) {
          throw error(path, "must be text, got " + kind(node) + (node.isValueNode() ? " (quote it)" : ""));
        }
      } else if (raw.isEnum()) {
        enumeration(node, raw, path);
      } else if (raw.isRecord()) {
        record(node, raw, path);
      } else if (List.class.isAssignableFrom(raw)) {
        if (!node.isArray()) {
          throw error(path, "must be a list, got " + kind(node));
        }
        Type element = argument(type, 0, path);
        for (int i = 0; i < node.size(); i++) {
          check(node.get(i), element, path + "[" + i + "]", range);
        }
      } else if (Map.class.isAssignableFrom(raw)) {
        if (!node.isObject()) {
          throw error(path, "must be a mapping, got " + kind(node));
        }
        Type value = argument(type, 1, path);
        node.fields().forEachRemaining(e -> check(e.getValue(), value, join(path, e.getKey()), range));
      } else if (JsonNode.class.isAssignableFrom(raw)) {
        // A section its reader types later, from another field (read(JsonNode, ...)); any YAML here.
      } else if (raw.isInterface() && raw.isAnnotationPresent(JsonTypeInfo.class)) {
        tagged(node, raw, path);
      } else {
        throw new IllegalStateException(
            "configuration type " + raw.getName() + " at '" + path + "' is not supported by YamlConfig");
      }
    }

    private void integer(JsonNode node, String path, Range range, boolean isInt) {
      requireRange(range, path);
      if (!node.isNumber()) {
        throw error(path, "must be an integer, got " + kind(node));
      }
      double value = node.doubleValue();
      if (!node.isIntegralNumber() && (!Double.isFinite(value) || value != Math.rint(value))) {
        throw error(path, "must be an integer, got " + node.asText());
      }
      double max = Math.min(range.max(), isInt ? Integer.MAX_VALUE : Long.MAX_VALUE);
      boolean inside = node.isIntegralNumber()
          ? node.bigIntegerValue().compareTo(BigDecimal.valueOf(range.min()).toBigInteger()) >= 0
              && node.bigIntegerValue().compareTo(BigDecimal.valueOf(max).toBigInteger()) <= 0
          : value >= range.min() && value <= max;
      if (!inside) {
        throw error(path, "must be " + format(range.min()) + ".." + format(range.max()) + unit(range)
            + ", got " + node.asText() + reason(range));
      }
    }

    private void real(JsonNode node, String path, Range range) {
      requireRange(range, path);
      if (!node.isNumber()) {
        throw error(path, "must be a number, got " + kind(node));
      }
      double value = node.doubleValue();
      if (!Double.isFinite(value)) {
        throw error(path, "must be a finite number, got " + node.asText());
      }
      if (value < range.min() || value > range.max()) {
        throw error(path, "must be " + format(range.min()) + ".." + format(range.max()) + unit(range)
            + ", got " + format(value) + reason(range));
      }
    }

    private void requireRange(Range range, String path) {
      if (range == null) {
        throw new IllegalStateException(
            "configuration number at '" + path + "' has no @Range: every number read must be bounded");
      }
    }

    private void enumeration(JsonNode node, Class<?> raw, String path) {
      List<String> names = new ArrayList<>();
      for (Object constant : raw.getEnumConstants()) {
        names.add(((Enum<?>) constant).name());
      }
      if (!node.isTextual() || !names.contains(node.asText())) {
        String given = node.isTextual() ? node.asText() : kind(node);
        throw error(path, oneOf(names, given));
      }
    }

    private void record(JsonNode node, Class<?> raw, String path) {
      if (!node.isObject()) {
        throw error(path, "must be a mapping of " + String.join(", ", keys(raw)) + ", got " + kind(node));
      }
      fields(node, raw, path, List.of());
    }

    private void fields(JsonNode node, Class<?> raw, String path, List<String> extraKeys) {
      Map<String, RecordComponent> components = new LinkedHashMap<>();
      for (RecordComponent c : raw.getRecordComponents()) {
        components.put(c.getName(), c);
      }
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String key = names.next();
        if (!components.containsKey(key) && !extraKeys.contains(key)) {
          List<String> valid = keys(raw);
          throw error(join(path, key),
              "unknown key;" + suggestion(key, valid) + " Valid keys here: " + String.join(", ", valid));
        }
      }
      for (RecordComponent c : components.values()) {
        check(node.get(c.getName()), c.getGenericType(), join(path, c.getName()), c.getAnnotation(Range.class));
      }
    }

    private void tagged(JsonNode node, Class<?> raw, String path) {
      JsonTypeInfo info = raw.getAnnotation(JsonTypeInfo.class);
      JsonSubTypes subtypes = raw.getAnnotation(JsonSubTypes.class);
      if (info.use() != JsonTypeInfo.Id.NAME || subtypes == null) {
        throw new IllegalStateException(raw.getName() + ": YamlConfig reads only named subtypes");
      }
      Map<String, Class<?>> byName = new LinkedHashMap<>();
      for (JsonSubTypes.Type t : subtypes.value()) {
        byName.put(t.name(), t.value());
      }
      List<String> names = new ArrayList<>(byName.keySet());
      if (!node.isObject()) {
        throw error(path, "must be a mapping with '" + info.property() + "' (" + String.join(", ", names)
            + "), got " + kind(node));
      }
      JsonNode tag = node.get(info.property());
      if (tag == null || !tag.isTextual() || !byName.containsKey(tag.asText())) {
        String given = tag == null ? "nothing" : tag.isTextual() ? tag.asText() : kind(tag);
        throw error(join(path, info.property()), oneOf(names, given));
      }
      fields(node, byName.get(tag.asText()), path, List.of(info.property()));
    }

    private static String oneOf(List<String> names, String given) {
      String hint = suggestion(given, names);
      return "must be one of " + String.join(", ", names) + ", got " + given + (hint.isEmpty() ? "" : ";" + hint);
    }

    private static List<String> keys(Class<?> raw) {
      List<String> keys = new ArrayList<>();
      for (RecordComponent c : raw.getRecordComponents()) {
        keys.add(c.getName());
      }
      return keys;
    }

    static String join(String path, String key) {
      return path.isEmpty() ? key : path + "." + key;
    }

    private static String unit(Range range) {
      return range.unit().isEmpty() ? "" : " " + range.unit();
    }

    private static String reason(Range range) {
      return range.reason().isEmpty() ? "" : " (" + range.reason() + ")";
    }

    private static Class<?> raw(Type type) {
      if (type instanceof Class<?> c) {
        return c;
      }
      if (type instanceof ParameterizedType p) {
        return (Class<?>) p.getRawType();
      }
      throw new IllegalStateException("unsupported configuration type " + type);
    }

    private static Type argument(Type type, int index, String path) {
      if (type instanceof ParameterizedType p) {
        return p.getActualTypeArguments()[index];
      }
      throw new IllegalStateException("raw collection type at '" + path + "'");
    }
  }
}
