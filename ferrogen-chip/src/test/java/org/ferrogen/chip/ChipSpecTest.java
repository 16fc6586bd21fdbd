package org.ferrogen.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ferrogen.chip.spec.ChipSpec;
import org.ferrogen.chip.spec.ChipSpecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Presets load, resolve, round-trip, and every validation error names its field path. */
class ChipSpecTest {

  @Test
  void presetsLoadAndRoundTripThroughYaml() {
    for (String name : ChipSpecs.PRESETS) {
      ChipSpec spec = ChipSpecs.preset(name);
      assertThat(spec.name()).isEqualTo(name);
      assertThat(ChipSpecs.parse(ChipSpecs.toYaml(spec), "round trip")).isEqualTo(spec);
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
  void aFileOverlaysItsBasePreset() {
    ChipSpec spec = ChipSpecs.parse("base: cea-leti-hybrid\ntiles: {adc: {bits: 6}}\n", "my.yaml");
    assertThat(spec.tiles().adc().bits()).isEqualTo(6);
    assertThat(spec.technology()).isEqualTo("130nm");
    assertThat(spec.name()).isEqualTo("my.yaml");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "tiles: {adc: {bits: 0}}|my.yaml: tiles.adc.bits: must be 1..24, got 0",
    "tiles: {count: 0}|my.yaml: tiles.count: must be 1..1000000, got 0",
    "tiles: {tile: {rows: 0}}|my.yaml: tiles.tile.rows: must be >= 1, got 0",
    "environment: {celsius: 400}|my.yaml: environment.celsius: must be -55..150 °C (automotive range), got 400.0",
    "trng: {design: dice}|my.yaml: trng.design: must be one of [cell, pair, ring], got dice",
    "technology: 7nm|my.yaml: technology: must be one of [28nm, 45nm, 130nm], got 7nm",
    "synapseArrays: [{name: s, transferLines: 0, fecapsPerLine: 128, memristorsPerLine: 16, fecapsPerSynapse: 14, memristorsPerSynapse: 2, hiddenBits: 10, analogBits: 4, transferEvery: 100, fecapProgramJoules: 1e-13, memristorProgramJoules: 1e-12, parameterSet: cea-leti-2025}]"
        + "|my.yaml: synapseArrays[0].transferLines: must be 1..65536, got 0",
  })
  void errorsNameTheFieldPath(String yaml, String message) {
    assertThatThrownBy(() -> ChipSpecs.parse(yaml, "my.yaml")).hasMessage(message);
  }

  @Test
  void unknownKeyGetsTheNearestAndTheValidKeys() {
    assertThatThrownBy(() -> ChipSpecs.parse("tiles: {adc: {bitz: 6}}", "my.yaml"))
        .hasMessageStartingWith("my.yaml: tiles.adc.bitz: unknown key; did you mean 'bits'?")
        .hasMessageContaining("Valid keys here: bits, columnsPerAdc, range, sigmas");
  }

  @Test
  void badYamlAndBadBaseAreOneLine() {
    assertThatThrownBy(() -> ChipSpecs.parse("tiles: [", "my.yaml"))
        .hasMessageStartingWith("my.yaml: not valid YAML").hasMessageNotContaining("\n");
    assertThatThrownBy(() -> ChipSpecs.parse("base: huge", "my.yaml"))
        .hasMessage("my.yaml: base: must be one of [edge, cea-leti-hybrid, hybrid-learning], got \"huge\"");
    assertThatThrownBy(() -> ChipSpecs.resolve("no-such-preset"))
        .hasMessageContaining("neither a preset (edge, cea-leti-hybrid, hybrid-learning) nor a file");
  }
}
