package org.ferrogen.chip.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ferrogen.cim.CimConfig;

/**
 * Chip presets (YAML resources under {@code org/ferrogen/chip/presets}) and chip spec files. A file
 * overlays the preset its {@code base} key names ({@code edge} when absent): keys it leaves out keep
 * the preset's values, so {@code tiles: {adc: {bits: 6}}} is a whole spec. Every problem is reported
 * with the file and the field path: {@code my.yaml: tiles.adc.bits: must be 1..24, got 0}; an
 * unknown key gets the nearest valid key and the list of valid keys.
 */
public final class ChipSpecs {

  /** Preset names in the order {@code chip presets} lists them. */
  public static final List<String> PRESETS = List.of("edge", "cea-leti-hybrid", "hybrid-learning");

  /** The preset a file builds on when it names no {@code base}. */
  public static final String DEFAULT_PRESET = "edge";

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final Pattern CIM_MESSAGE = Pattern.compile("^([\\w.*\\[\\]]+) = (.*?): (.*)$", Pattern.DOTALL);

  private ChipSpecs() {}

  /** A preset by name; the message lists the presets. */
  public static ChipSpec preset(String name) {
    if (!PRESETS.contains(name)) {
      throw new IllegalArgumentException("unknown chip preset '" + name + "'; presets: " + String.join(", ", PRESETS));
    }
    return read(presetTree(name), "preset " + name);
  }

  /** A preset name or a YAML file: how {@code --chip} is resolved. */
  public static ChipSpec resolve(String presetOrFile) {
    if (PRESETS.contains(presetOrFile)) {
      return preset(presetOrFile);
    }
    Path file = Path.of(presetOrFile);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "--chip " + presetOrFile + ": neither a preset (" + String.join(", ", PRESETS) + ") nor a file");
    }
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Parses a spec file's text overlaid on its {@code base} preset; {@code source} names it in messages. */
  public static ChipSpec parse(String yaml, String source) {
    JsonNode user;
    try {
      user = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": not valid YAML: " + firstLine(e.getOriginalMessage()), e);
    }
    if (user == null || user.isMissingNode() || user.isNull()) {
      user = YAML.createObjectNode();
    }
    if (!user.isObject()) {
      throw new IllegalArgumentException(source + ": expected a mapping of chip spec fields");
    }
    ObjectNode top = (ObjectNode) user;
    String base = DEFAULT_PRESET;
    JsonNode baseNode = top.remove("base");
    if (baseNode != null) {
      if (!baseNode.isTextual() || !PRESETS.contains(baseNode.asText())) {
        throw new IllegalArgumentException(
            source + ": base: must be one of " + PRESETS + ", got " + baseNode);
      }
      base = baseNode.asText();
    }
    ObjectNode merged = presetTree(base);
    if (!top.has("name")) {
      merged.put("name", source);
    }
    overlay(merged, top);
    return read(merged, source);
  }

  /** The spec as YAML, every field written out (reads back to an equal spec). */
  public static String toYaml(ChipSpec spec) {
    try {
      return YAML.writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write chip spec as YAML", e);
    }
  }

  /** The spec as a tree (for {@code chip show}). */
  public static JsonNode toTree(ChipSpec spec) {
    return YAML.valueToTree(spec);
  }

  private static ChipSpec read(JsonNode tree, String source) {
    try {
      return YAML.treeToValue(tree, ChipSpec.class);
    } catch (UnrecognizedPropertyException e) {
      String path = path(e);
      List<String> known = e.getKnownPropertyIds() == null ? List.of()
          : e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
      String nearest = nearest(e.getPropertyName(), known);
      throw new IllegalArgumentException(source + ": " + path + ": unknown key"
          + (nearest != null ? "; did you mean '" + nearest + "'?" : "")
          + " Valid keys here: " + String.join(", ", known), e);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalArgumentException(source + ": " + joinPath(path(e), cause.getMessage()), e);
    } catch (JsonMappingException e) {
      throw new IllegalArgumentException(source + ": " + path(e) + ": " + firstLine(e.getOriginalMessage()), e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": " + firstLine(e.getOriginalMessage()), e);
    }
  }

  /**
   * The record's path joined with its own message. Our records say {@code field: rule, got v}; cim's
   * say {@code section.field = v: rule}, whose last segment is the field.
   */
  static String joinPath(String path, String message) {
    if (message == null) {
      return path + ": invalid";
    }
    Matcher m = CIM_MESSAGE.matcher(message);
    if (m.matches()) {
      String field = m.group(1);
      String last = field.substring(field.lastIndexOf('.') + 1);
      return (path.isEmpty() ? "" : path + ".") + last + ": " + m.group(3) + ", got " + m.group(2);
    }
    return path.isEmpty() ? message : path + "." + message;
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static ObjectNode presetTree(String name) {
    String resource = "/org/ferrogen/chip/presets/" + name + ".yaml";
    try (InputStream in = ChipSpecs.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("preset resource " + resource + " is missing from the build");
      }
      ObjectNode tree = skeleton();
      overlay(tree, (ObjectNode) YAML.readTree(in));
      return tree;
    } catch (IOException e) {
      throw new UncheckedIOException("preset " + name + ": " + e.getMessage(), e);
    }
  }

  /** What every preset starts from: cim's reference tile fields (non-idealities and all). */
  private static ObjectNode skeleton() {
    CimConfig d = CimConfig.defaults();
    ObjectNode tiles = YAML.createObjectNode();
    tiles.set("tile", YAML.valueToTree(d.tile()));
    tiles.set("cell", YAML.valueToTree(d.cell()));
    tiles.set("mapping", YAML.valueToTree(d.mapping()));
    tiles.set("input", YAML.valueToTree(d.input()));
    tiles.set("adc", YAML.valueToTree(d.adc()));
    tiles.set("nonIdealities", YAML.valueToTree(d.nonIdealities()));
    ObjectNode root = YAML.createObjectNode();
    root.set("tiles", tiles);
    return root;
  }

  private static void overlay(ObjectNode base, ObjectNode top) {
    Iterator<Map.Entry<String, JsonNode>> it = top.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode existing = base.get(e.getKey());
      if (existing instanceof ObjectNode && e.getValue() instanceof ObjectNode) {
        overlay((ObjectNode) existing, (ObjectNode) e.getValue());
      } else {
        base.set(e.getKey(), e.getValue());
      }
    }
  }

  /** The valid key closest to {@code key} by edit distance, if it is close enough to be a typo. */
  static String nearest(String key, List<String> valid) {
    if (key == null) {
      return null;
    }
    List<String> ranked = new ArrayList<>(valid);
    ranked.sort(Comparator.comparingInt(v -> distance(key.toLowerCase(), v.toLowerCase())));
    if (ranked.isEmpty()) {
      return null;
    }
    String best = ranked.get(0);
    return distance(key.toLowerCase(), best.toLowerCase()) <= Math.max(2, best.length() / 3) ? best : null;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
