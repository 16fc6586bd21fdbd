package org.ferrogen.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ferrogen.chip.spec.ChipSpec;
import org.ferrogen.chip.spec.ChipSpecs;
import org.ferrogen.device.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Presets load, resolve and round-trip, and every validation error of the one strict reader
 * (YamlConfig) names the file and the field path.
 */
class ChipSpecTest {

  private static final String SYNAPSES = "{name: s, transferLines: 128, fecapsPerLine: 128, memristorsPerLine: 16,"
      + " fecapsPerSynapse: 14, memristorsPerSynapse: 2, hiddenBits: 10, analogBits: 4, transferEvery: 100,"
      + " fecapProgramJoules: 1e-13, memristorProgramJoules: 1e-12, parameterSet: cea-leti-2025}";

  @Test
  void presetsLoadAndRoundTripThroughYaml() {
    for (String name : ChipSpecs.PRESETS) {
      ChipSpec spec = ChipSpecs.preset(name);
      assertThat(spec.name()).isEqualTo(name);
      assertThat(ChipSpecs.parse(ChipSpecs.toYaml(spec), "round trip").withName(name)).isEqualTo(spec);
    }
  }

  @Test
  void ceaPresetHasTheHybridArrayOfMartemucci2025() {
    ChipSpec.SynapseArray a = ChipSpecs.preset("cea-leti-hybrid").synapseArrays().get(0);
    assertThat(a.devices()).isEqualTo(18_432);
    assertThat(a.transferLines() * a.fecapsPerLine()).isEqualTo(16_384);
    assertThat(a.transferLines() * a.memristorsPerLine()).isEqualTo(2_048);
  }

  @Test
  void aFileOverlaysItsBasePresetAndIsNamedAfterTheFile() {
    ChipSpec spec = ChipSpecs.parse("base: cea-leti-hybrid\ntiles: {adc: {bits: 6}}\n", "my.yaml");
    assertThat(spec.tiles().adc().bits()).isEqualTo(6);
    assertThat(spec.tiles().adc().columnsPerAdc()).isEqualTo(1); // the preset's, not cim's default
    assertThat(spec.technology()).isEqualTo("130nm");
    assertThat(spec.name()).isEqualTo("my.yaml");
    assertThat(ChipSpecs.parse("name: mine\n", "my.yaml").name()).isEqualTo("mine");
  }

  @Test
  void presetsLeaveOutTileSectionsThatAreCimsReference() {
    ChipSpec edge = ChipSpecs.preset("edge");
    assertThat(edge.tiles().nonIdealities()).isEqualTo(org.ferrogen.cim.CimConfig.defaults().nonIdealities());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    // @Range bounds, one per record
    "tiles: {adc: {bits: 0}}|my.yaml: tiles.adc.bits: must be 1..24 bits, got 0",
    "tiles: {count: 0}|my.yaml: tiles.count: must be 1..1000000, got 0",
    "tiles: {tile: {rows: 0}}|my.yaml: tiles.tile.rows: must be 1..65536 word lines, got 0",
    "environment: {celsius: 400}|my.yaml: environment.celsius: must be -55..150 °C, got 400 (automotive range)",
    "environment: {supplyVolts: 0}|my.yaml: environment.supplyVolts: must be 0.1..5 V, got 0",
    "trng: {units: 0}|my.yaml: trng.units: must be 1..65536, got 0",
    "trng: {units: 70000}|my.yaml: trng.units: must be 1..65536, got 70000",
    "digital: {sramBytes: -1}|my.yaml: digital.sramBytes: must be 0..1099511627776 bytes, got -1",
    "digital: {expMultiplyAdds: 0.5}|my.yaml: digital.expMultiplyAdds: must be 1..1000, got 0.5",
    "fecapArrays: [{name: a, rows: 0, cols: 8, parameterSet: cea-leti-2025}]|my.yaml: fecapArrays[0].rows: must be 1..65536 word lines, got 0",
    "synapseArrays: [{name: s, transferLines: 0, fecapsPerLine: 128, memristorsPerLine: 16, fecapsPerSynapse: 14, memristorsPerSynapse: 2, hiddenBits: 10, analogBits: 4, transferEvery: 100, fecapProgramJoules: 1e-13, memristorProgramJoules: 1e-12, parameterSet: cea-leti-2025}]"
        + "|my.yaml: synapseArrays[0].transferLines: must be 1..65536, got 0",
    // types
    "tiles: {count: 1.5}|my.yaml: tiles.count: must be an integer, got 1.5",
    "tiles: {count: many}|my.yaml: tiles.count: must be an integer, got 'many'",
    "environment: {celsius: .nan}|my.yaml: environment.celsius: line 1: must be a finite number, got '.nan'",
    "trng: {carvedFromWeights: 1}|my.yaml: trng.carvedFromWeights: must be true or false, got 1",
    "tiles: {adc: {range: BEST}}|my.yaml: tiles.adc.range: must be one of WORST_CASE, STATISTICAL, got BEST",
    "tiles: 3|my.yaml: tiles: must be a mapping of count, programOutcomeSamples, tile, cell, mapping, input, adc, nonIdealities, got 3",
    // rules across fields, named from the record's path
    "tiles: {programOutcomeSamples: 10}|my.yaml: tiles.programOutcomeSamples: must be 0 (simulate every cell) or 64..1048576, got 10",
    "trng: {design: dice}|my.yaml: trng.design: must be one of [cell, pair, ring], got dice",
    "technology: 7nm|my.yaml: technology: must be one of [28nm, 45nm, 130nm], got 7nm",
    "tiles: {mapping: {quantizeToLevels: false, slices: 2}}|my.yaml: tiles.mapping.slices = 2: must be 1 when quantizeToLevels is false",
  })
  void errorsNameTheFileAndFieldPath(String yaml, String message) {
    assertThatThrownBy(() -> ChipSpecs.parse(yaml, "my.yaml")).isInstanceOf(ConfigException.class).hasMessage(message);
  }

  @Test
  void synapseRulesAcrossFieldsNameTheArray() {
    String tooMany = SYNAPSES.replace("fecapsPerSynapse: 14", "fecapsPerSynapse: 200");
    assertThatThrownBy(() -> ChipSpecs.parse("synapseArrays: [" + tooMany + "]", "my.yaml"))
        .hasMessage("my.yaml: synapseArrays[0].fecapsPerSynapse: must be 1..fecapsPerLine (128), got 200");
    String analog = SYNAPSES.replace("analogBits: 4", "analogBits: 12");
    assertThatThrownBy(() -> ChipSpecs.parse("synapseArrays: [" + analog + "]", "my.yaml"))
        .hasMessage("my.yaml: synapseArrays[0].analogBits: must be 2..hiddenBits (10), got 12");
  }

  @Test
  void unknownKeyGetsTheNearestAndTheValidKeys() {
    assertThatThrownBy(() -> ChipSpecs.parse("tiles: {adc: {bitz: 6}}", "my.yaml"))
        .hasMessage("my.yaml: tiles.adc.bitz: unknown key; did you mean 'bits'? Valid keys here: bits, range, sigmas,"
            + " columnsPerAdc");
    assertThatThrownBy(() -> ChipSpecs.parse("tehcnology: 28nm", "my.yaml"))
        .hasMessageStartingWith("my.yaml: tehcnology: unknown key; did you mean 'technology'? Valid keys here: name,");
  }

  @Test
  void badBaseGetsTheNearestPreset() {
    assertThatThrownBy(() -> ChipSpecs.parse("base: egde", "my.yaml"))
        .hasMessage("my.yaml: base: must be one of edge, cea-leti-hybrid, hybrid-learning, got egde; did you mean 'edge'?");
    assertThatThrownBy(() -> ChipSpecs.parse("base: [edge]", "my.yaml"))
        .hasMessageStartingWith("my.yaml: base: must be one of edge, cea-leti-hybrid, hybrid-learning, got a list");
    assertThatThrownBy(() -> ChipSpecs.resolve("no-such-preset"))
        .hasMessageContaining("neither a preset (edge, cea-leti-hybrid, hybrid-learning) nor a file");
  }

  @Test
  void duplicateKeysSeveralDocumentsAndBadYamlAreRefusedInOneLine() {
    assertThatThrownBy(() -> ChipSpecs.parse("tiles:\n  count: 4\n  count: 5\n", "my.yaml"))
        .hasMessage("my.yaml: tiles.count: line 3: duplicate key; each key may appear once");
    assertThatThrownBy(() -> ChipSpecs.parse("tiles: {count: 4}\n---\ntiles: {count: 5}\n", "my.yaml"))
        .hasMessageStartingWith("my.yaml: holds more than one YAML document");
    assertThatThrownBy(() -> ChipSpecs.parse("tiles: [", "my.yaml"))
        .hasMessageStartingWith("my.yaml: tiles[0]: line 1: not valid YAML").hasMessageNotContaining("\n");
    assertThatThrownBy(() -> ChipSpecs.parse("", "my.yaml"))
        .hasMessage("my.yaml: is empty; expected a mapping of configuration keys");
  }

  @Test
  void filesThatAreNotUtf8TextAreRefusedWithTheirName(@TempDir Path dir) throws IOException {
    Path utf16 = dir.resolve("utf16.yaml");
    Files.write(utf16, "\uFEFFtiles: {count: 4}\n".getBytes(StandardCharsets.UTF_16));
    assertThatThrownBy(() -> ChipSpecs.resolve(utf16.toString()))
        .hasMessage(utf16 + ": is UTF-16 text; save it as UTF-8");
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, "name: puce \u00e0 m\u00e9moire\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> ChipSpecs.resolve(latin1.toString()))
        .hasMessageStartingWith(latin1 + ": is not UTF-8 text (invalid byte 0xE0 at offset 11)");
    Path ok = dir.resolve("ok.yaml");
    Files.writeString(ok, "base: cea-leti-hybrid\ntiles: {count: 2}\n");
    ChipSpec spec = ChipSpecs.resolve(ok.toString());
    assertThat(spec.tiles().count()).isEqualTo(2);
    assertThat(spec.name()).isEqualTo(ok.toString());
  }
}
