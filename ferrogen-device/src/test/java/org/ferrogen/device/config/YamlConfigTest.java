package org.ferrogen.device.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlConfigTest {

  enum Range2 { STATISTICAL, WORST_CASE }

  record Adc(@Range(min = 1, max = 16, unit = "bits") int bits, Range2 range) {}

  record Tile(
      @Range(min = 1, max = 4096) int rows,
      @Range(min = 1e-9, max = 1e-6, unit = "m", reason = "films are nm thin") double thicknessM,
      Adc adc) {
    Tile {
      if (thicknessM > 1e-7 && rows > 100) {
        throw new IllegalArgumentException("tile: thick films allow at most 100 rows, got " + rows);
      }
    }
  }

  record Chip(String name, List<Tile> tiles, @Range(min = 0, max = 1) List<Double> weights) {}

  record Unbounded(double x) {}

  private static final String TILE = "rows: 64\nthicknessM: 1e-8\nadc: {bits: 8, range: STATISTICAL}\n";

  @Test
  void readsAValidFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tile.yaml");
    Files.writeString(file, TILE);
    assertThat(YamlConfig.read(file, Tile.class)).isEqualTo(new Tile(64, 1e-8, new Adc(8, Range2.STATISTICAL)));
  }

  @Test
  void writtenYamlReadsBackEqual() {
    Chip chip = new Chip("c", List.of(new Tile(3, 2e-8, new Adc(4, Range2.WORST_CASE))), List.of(0.5, 1.0));
    assertThat(YamlConfig.parse(YamlConfig.write(chip), "round-trip", Chip.class)).isEqualTo(chip);
  }

  @Test
  void outOfRangeNamesFilePathLimitUnitAndValue() {
    assertThatThrownBy(() -> YamlConfig.parse(
            "name: c\ntiles:\n  - rows: 1\n    thicknessM: 1e-8\n    adc: {bits: 0, range: STATISTICAL}\n",
            "chip.yaml", Chip.class))
        .isInstanceOf(ConfigException.class)
        .hasMessage("chip.yaml: tiles[0].adc.bits: must be 1..16 bits, got 0")
        .satisfies(e -> assertThat(((ConfigException) e).path()).isEqualTo("tiles[0].adc.bits"));
    assertThatThrownBy(() -> YamlConfig.parse(TILE.replace("1e-8", "1e308"), "t.yaml", Tile.class))
        .hasMessage("t.yaml: thicknessM: must be 1e-9..0.000001 m, got 1e308 (films are nm thin)");
    assertThatThrownBy(() -> YamlConfig.parse("name: c\nweights: [0.5, 2]\n", "w.yaml", Chip.class))
        .hasMessage("w.yaml: weights[1]: must be 0..1, got 2");
  }

  @Test
  void unknownKeySuggestsTheClosestAndListsTheValidOnes() {
    assertThatThrownBy(() -> YamlConfig.parse(TILE.replace("bits:", "bitz:"), "t.yaml", Tile.class))
        .hasMessage("t.yaml: adc.bitz: unknown key; did you mean 'bits'? Valid keys here: bits, range");
    assertThatThrownBy(() -> YamlConfig.parse(TILE + "colour: red\n", "t.yaml", Tile.class))
        .hasMessage("t.yaml: colour: unknown key; Valid keys here: rows, thicknessM, adc");
  }

  @Test
  void badEnumListsTheConstants() {
    assertThatThrownBy(() -> YamlConfig.parse(TILE.replace("STATISTICAL", "STATISTICL"), "t.yaml", Tile.class))
        .hasMessage("t.yaml: adc.range: must be one of STATISTICAL, WORST_CASE, got STATISTICL;"
            + " did you mean 'STATISTICAL'?");
  }

  @Test
  void nonIntegerForAnIntegerIsRefusedButAnIntegralFloatIsAccepted() {
    assertThatThrownBy(() -> YamlConfig.parse(TILE.replace("rows: 64", "rows: 1.5"), "t.yaml", Tile.class))
        .hasMessage("t.yaml: rows: must be an integer, got 1.5");
    assertThatThrownBy(() -> YamlConfig.parse(TILE.replace("rows: 64", "rows: '64'"), "t.yaml", Tile.class))
        .hasMessage("t.yaml: rows: must be an integer, got '64'");
    assertThatThrownBy(() -> YamlConfig.parse(TILE.replace("rows: 64", "rows: 99999999999999999999"), "t.yaml", Tile.class))
        .hasMessage("t.yaml: rows: must be 1..4096, got 99999999999999999999");
    assertThat(YamlConfig.parse(TILE.replace("rows: 64", "rows: 1.0e3"), "t.yaml", Tile.class).rows()).isEqualTo(1000);
  }

  @Test
  void nonFiniteNumbersAreRefused() {
    assertThatThrownBy(() -> YamlConfig.parse(TILE.replace("1e-8", ".nan"), "t.yaml", Tile.class))
        .hasMessage("t.yaml: thicknessM: line 2: must be a finite number, got '.nan'");
    assertThatThrownBy(() -> YamlConfig.parse(TILE.replace("1e-8", ".inf"), "t.yaml", Tile.class))
        .hasMessage("t.yaml: thicknessM: line 2: must be a finite number, got '.inf'");
  }

  @Test
  void duplicateKeysAreRefusedWithTheirPath() {
    assertThatThrownBy(() -> YamlConfig.parse(TILE + "rows: 65\n", "t.yaml", Tile.class))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("t.yaml")
        .hasMessageContaining("rows")
        .hasMessageContaining("duplicate key");
    assertThatThrownBy(() -> YamlConfig.parse(TILE.replace("bits: 8", "bits: 8, bits: 9"), "t.yaml", Tile.class))
        .hasMessageContaining("adc.bits")
        .hasMessageContaining("duplicate key");
  }

  @Test
  void multiDocumentFilesAreRefused() {
    assertThatThrownBy(() -> YamlConfig.parse(TILE + "---\n" + TILE, "t.yaml", Tile.class))
        .hasMessage("t.yaml: holds more than one YAML document (the second one at line 5);"
            + " a configuration is one document");
    assertThat(YamlConfig.parse("---\n" + TILE, "t.yaml", Tile.class).rows()).isEqualTo(64);
  }

  @Test
  void topLevelKeysAreReadAsStrictlyAsARecord(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tile.yaml");
    Files.writeString(file, TILE);
    assertThat(YamlConfig.topLevelKeys(file)).containsExactly("rows", "thicknessM", "adc");
    Files.writeString(file, TILE + "rows: 65\n");
    assertThatThrownBy(() -> YamlConfig.topLevelKeys(file)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("duplicate key");
    Files.writeString(file, "- a list\n");
    assertThatThrownBy(() -> YamlConfig.topLevelKeys(file)).hasMessageStartingWith(file + ": expected a mapping");
  }

  @Test
  void binaryUtf16AndInvalidUtf8FilesAreNamed(@TempDir Path dir) throws Exception {
    Path binary = dir.resolve("binary.yaml");
    Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0});
    assertThatThrownBy(() -> YamlConfig.read(binary, Tile.class))
        .hasMessage(binary + ": is not a text file (a zero byte at offset 7); a configuration must be UTF-8"
            + " YAML (UTF-16 text also has zero bytes: save it as UTF-8)");
    Path utf16 = dir.resolve("utf16.yaml");
    Files.write(utf16, ("\uFEFF" + TILE).getBytes(StandardCharsets.UTF_16LE));
    assertThatThrownBy(() -> YamlConfig.read(utf16, Tile.class))
        .hasMessage(utf16 + ": is UTF-16 text; save it as UTF-8");
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> YamlConfig.read(latin1, Chip.class))
        .hasMessage(latin1 + ": is not UTF-8 text (invalid byte 0xE9 at offset 9); a configuration must be UTF-8 YAML");
    Path bom = dir.resolve("bom.yaml");
    Files.write(bom, ("\uFEFF" + TILE).getBytes(StandardCharsets.UTF_8));
    assertThat(YamlConfig.read(bom, Tile.class).rows()).isEqualTo(64);
    assertThatThrownBy(() -> YamlConfig.read(dir.resolve("absent.yaml"), Tile.class))
        .hasMessage(dir.resolve("absent.yaml") + ": no such file");
  }

  @Test
  void brokenYamlEmptyFilesAndScalarsNameTheFile() {
    assertThatThrownBy(() -> YamlConfig.parse("rows: [unclosed", "t.yaml", Tile.class))
        .isInstanceOf(ConfigException.class)
        .hasMessage("t.yaml: rows[0]: line 1: not valid YAML (expected ',' or ']', but got <stream end>)")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> YamlConfig.parse("", "t.yaml", Tile.class))
        .hasMessage("t.yaml: is empty; expected a mapping of configuration keys");
    assertThatThrownBy(() -> YamlConfig.parse("42", "t.yaml", Tile.class))
        .hasMessage("t.yaml: expected a mapping of configuration keys, got 42");
  }

  @Test
  void missingNumbersAndWrongTypesNameTheField() {
    assertThatThrownBy(() -> YamlConfig.parse("thicknessM: 1e-8\n", "t.yaml", Tile.class))
        .hasMessage("t.yaml: rows: missing; a value is required");
    assertThatThrownBy(() -> YamlConfig.parse("name: [a]\n", "c.yaml", Chip.class))
        .hasMessage("c.yaml: name: must be text, got a list");
    assertThatThrownBy(() -> YamlConfig.parse("name: c\ntiles: 3\n", "c.yaml", Chip.class))
        .hasMessage("c.yaml: tiles: must be a list, got 3");
    assertThatThrownBy(() -> YamlConfig.parse(TILE.replace("adc: {bits: 8, range: STATISTICAL}", "adc: 8"), "t.yaml", Tile.class))
        .hasMessage("t.yaml: adc: must be a mapping of bits, range, got 8");
  }

  @Test
  void theRecordsOwnRuleIsReportedWithTheFile() {
    assertThatThrownBy(() -> YamlConfig.parse(TILE.replace("1e-8", "2e-7").replace("rows: 64", "rows: 200"), "t.yaml", Tile.class))
        .hasMessage("t.yaml: tile: thick films allow at most 100 rows, got 200");
  }

  @Test
  void defaultsFillTheKeysAFileLeavesOut() {
    Tile defaults = new Tile(64, 1e-8, new Adc(8, Range2.STATISTICAL));
    Tile read = YamlConfig.parse("adc: {bits: 6}\n", "t.yaml", Tile.class, defaults);
    assertThat(read).isEqualTo(new Tile(64, 1e-8, new Adc(6, Range2.STATISTICAL)));
  }

  @Test
  void aNumberWithoutRangeIsAProgrammingError() {
    assertThatThrownBy(() -> YamlConfig.parse("x: 1\n", "u.yaml", Unbounded.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no @Range");
  }

  @Test
  void suggestionsNeedAPlausibleTypo() {
    assertThat(YamlConfig.editDistance("bitz", "bits")).isEqualTo(1);
    assertThat(YamlConfig.editDistance("Rows", "rows")).isZero();
    assertThat(YamlConfig.editDistance("kitten", "sitting")).isEqualTo(3);
    assertThat(YamlConfig.suggestion("colour", List.of("rows", "adc"))).isEmpty();
    assertThat(YamlConfig.format(1e-9)).isEqualTo("1e-9");
    assertThat(YamlConfig.format(4096)).isEqualTo("4096");
    assertThat(YamlConfig.format(0.25)).isEqualTo("0.25");
  }

  /** A document whose {@code section} is typed by its {@code kind}: read in two steps. */
  record Document(String kind, com.fasterxml.jackson.databind.JsonNode section) {}

  @Test
  void aSectionTypedByAnotherFieldIsReadLaterWithItsPath() {
    Document d = YamlConfig.parse("kind: tile\nsection: {rows: 64, thicknessM: 1e-8, adc: {bits: 4}}\n", "doc.yaml",
        Document.class);
    assertThat(YamlConfig.read(d.section(), "doc.yaml", "section", Tile.class, null).adc().bits()).isEqualTo(4);
    Tile defaults = new Tile(8, 1e-8, new Adc(8, Range2.STATISTICAL));
    assertThat(YamlConfig.read(d.section(), "doc.yaml", "section", Tile.class, defaults).rows()).isEqualTo(64);
    Document bad = YamlConfig.parse("kind: tile\nsection: {rows: 64, thicknessM: 1e-8, adc: {bitz: 4}}\n", "doc.yaml",
        Document.class);
    assertThatThrownBy(() -> YamlConfig.read(bad.section(), "doc.yaml", "section", Tile.class, defaults))
        .isInstanceOf(ConfigException.class)
        .hasMessage("doc.yaml: section.adc.bitz: unknown key; did you mean 'bits'? Valid keys here: bits, range");
  }
}
