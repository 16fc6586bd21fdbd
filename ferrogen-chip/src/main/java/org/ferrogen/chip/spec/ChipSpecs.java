package org.ferrogen.chip.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ferrogen.device.config.ConfigException;
import org.ferrogen.device.config.YamlConfig;

/**
 * Chip presets (YAML resources under {@code org/ferrogen/chip/presets}) and chip spec files, both
 * read by the project's one strict configuration reader, {@link YamlConfig}. A file overlays the
 * preset its {@code base} key names ({@code edge} when absent): keys it leaves out keep the preset's
 * values, so {@code tiles: {adc: {bits: 6}}} is a whole spec. Every problem is a one-line {@link
 * ConfigException} naming the file and the field path ({@code my.yaml: tiles.adc.bits: must be 1..24
 * bits, got 0}); an unknown key gets the nearest valid key and the list of valid keys; duplicate
 * keys, several YAML documents and text that is not UTF-8 are refused.
 */
public final class ChipSpecs {

  /** Preset names in the order {@code chip presets} lists them. */
  public static final List<String> PRESETS = List.of("edge", "cea-leti-hybrid", "hybrid-learning");

  /** The preset a file builds on when it names no {@code base}. */
  public static final String DEFAULT_PRESET = "edge";

  /** A file's spec is its base preset under the file's name, overlaid with the file. */
  private static final YamlConfig.Bases<ChipSpec> BASES =
      new YamlConfig.Bases<>("base", DEFAULT_PRESET, PRESETS, (preset, source) -> preset(preset).withName(source));

  /** Presets are immutable records: each is read once. */
  private static final Map<String, ChipSpec> PRESET_CACHE = new ConcurrentHashMap<>();

  private ChipSpecs() {}

  /** A preset by name; the message lists the presets. */
  public static ChipSpec preset(String name) {
    if (!PRESETS.contains(name)) {
      throw new IllegalArgumentException("unknown chip preset '" + name + "'; presets: " + String.join(", ", PRESETS));
    }
    return PRESET_CACHE.computeIfAbsent(name, ChipSpecs::readPreset);
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
    return YamlConfig.readOnBase(file, ChipSpec.class, BASES);
  }

  /** Parses a spec file's text overlaid on its {@code base} preset; {@code source} names it in messages. */
  public static ChipSpec parse(String yaml, String source) {
    return YamlConfig.parseOnBase(yaml, source, ChipSpec.class, BASES);
  }

  /** The spec as YAML, every field written out (reads back to an equal spec). */
  public static String toYaml(ChipSpec spec) {
    return YamlConfig.write(spec);
  }

  /** The spec as a tree (for {@code chip show}). */
  public static JsonNode toTree(ChipSpec spec) {
    return YamlConfig.toTree(spec);
  }

  /** A preset resource; sections of the compute tiles it leaves out are cim's reference sections. */
  private static ChipSpec readPreset(String name) {
    String resource = "/org/ferrogen/chip/presets/" + name + ".yaml";
    try (InputStream in = ChipSpecs.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("preset resource " + resource + " is missing from the build");
      }
      return YamlConfig.parse(in.readAllBytes(), "preset " + name + " (" + name + ".yaml)", ChipSpec.class, null);
    } catch (IOException e) {
      throw new UncheckedIOException("preset " + name + ": " + e.getMessage(), e);
    }
  }
}
