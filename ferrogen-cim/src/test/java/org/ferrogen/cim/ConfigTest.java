package org.ferrogen.cim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

  @Test
  void yamlOverlaysTheDefaults() {
    CimConfig c = CimConfigLoader.parse("adc: {bits: 6}\nnonIdealities:\n  irDrop: {enabled: true}\n", "chip.yaml");
    assertThat(c.adc().bits()).isEqualTo(6);
    assertThat(c.adc().range()).isEqualTo(CimConfig.defaults().adc().range());
    assertThat(c.nonIdealities().irDrop().enabled()).isTrue();
    assertThat(c.nonIdealities().irDrop().wireResistanceOhms())
        .isEqualTo(CimConfig.defaults().nonIdealities().irDrop().wireResistanceOhms());
    assertThat(c.tile()).isEqualTo(CimConfig.defaults().tile());
  }

  @Test
  void writtenYamlReadsBackEqual() {
    CimConfig c = CimConfig.defaults().withAdc(new CimConfig.Adc(5, CimConfig.AdcRange.WORST_CASE, 3, 4));
    assertThat(CimConfigLoader.parse(CimConfigLoader.toYaml(c), "round-trip")).isEqualTo(c);
  }

  @Test
  void adcBitsZeroIsRejectedWithTheFieldName() {
    assertThatThrownBy(() -> CimConfigLoader.parse("adc: {bits: 0}", "chip.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chip.yaml")
        .hasMessage("chip.yaml: adc.bits: must be 1..24 bits, got 0");
  }

  @Test
  void negativeNoiseIsRejected() {
    assertThatThrownBy(() -> CimConfigLoader.parse("nonIdealities: {readNoise: {scale: -1}}", "n.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n.yaml: nonIdealities.readNoise.scale: must be 0..100, got -1");
    assertThatThrownBy(() -> new CimConfig.Variation(true, -0.1)).hasMessageContaining("relativeSigma");
  }

  @Test
  void unknownFieldsAndBadEnumsNameTheField() {
    assertThatThrownBy(() -> CimConfigLoader.parse("adc: {bitz: 3}", "x.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x.yaml")
        .hasMessageContaining("bitz");
    assertThatThrownBy(() -> CimConfigLoader.parse("adc: {range: SOMETIMES}", "x.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("adc.range");
  }

  // Issue 16: this program-and-verify loop never finished.
  @Test
  void programmingIterationsAreBounded() {
    assertThatThrownBy(() -> CimConfigLoader.parse(
            "nonIdealities: {programming: {maxIterations: 2147483647, relativeTolerance: 0}}", "p.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("p.yaml: nonIdealities.programming.maxIterations: must be 1..1000, got 2147483647");
  }

  // Issue 16: threads: 100000 printed a bare IllegalArgumentException.
  @Test
  void threadsAreBounded() {
    assertThatThrownBy(() -> CimConfigLoader.parse("threads: 100000", "t.yaml"))
        .hasMessageStartingWith("t.yaml: threads: must be 0..1024, got 100000");
  }

  // Issue 16: cim messages did not name the field path; tile.rows: 1.5, duplicate keys and
  // multi-document files were accepted silently.
  @Test
  void malformedFilesAreRefusedWithFileAndPath(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> CimConfigLoader.parse("tile: {rows: 1.5}", "r.yaml"))
        .hasMessage("r.yaml: tile.rows: must be an integer, got 1.5");
    assertThatThrownBy(() -> CimConfigLoader.parse("adc: {bits: 6}\nadc: {bits: 7}\n", "d.yaml"))
        .hasMessage("d.yaml: adc: line 2: duplicate key; each key may appear once");
    assertThatThrownBy(() -> CimConfigLoader.parse("adc: {bits: 6}\n---\nadc: {bits: 7}\n", "m.yaml"))
        .hasMessageStartingWith("m.yaml: holds more than one YAML document");
    assertThatThrownBy(() -> CimConfigLoader.parse("nonIdealities: {readNoise: {scael: 1}}", "s.yaml"))
        .hasMessage("s.yaml: nonIdealities.readNoise.scael: unknown key; did you mean 'scale'?"
            + " Valid keys here: enabled, scale, path");
    Path utf16 = dir.resolve("utf16.yaml");
    Files.write(utf16, "adc: {bits: 6}\n".getBytes(StandardCharsets.UTF_16));
    assertThatThrownBy(() -> CimConfigLoader.load(utf16)).hasMessage(utf16 + ": is UTF-16 text; save it as UTF-8");
    Path binary = dir.resolve("binary.yaml");
    Files.write(binary, new byte[] {(byte) 0xC3, 0x28, 0x0A});
    assertThatThrownBy(() -> CimConfigLoader.load(binary))
        .hasMessage(binary + ": is not UTF-8 text (invalid byte 0xC3 at offset 0); a configuration must be UTF-8 YAML");
  }

  @Test
  void anEmptySectionIsNamed() {
    assertThatThrownBy(() -> CimConfigLoader.parse("adc:\n", "e.yaml"))
        .hasMessage("e.yaml: adc: must be a mapping of bits, range, sigmas, columnsPerAdc, got nothing");
    assertThatThrownBy(() -> CimConfigLoader.parse("adc: null\n", "e.yaml"))
        .hasMessage("e.yaml: 'adc' is missing; a value is required");
  }

  @Test
  void tileLargerThanTheCellTypeAllowsIsRejected() {
    CimConfig c = CimConfig.defaults().withTile(new CimConfig.Tile(4096, 256));
    assertThatThrownBy(() -> new TiledAnalogMatrix(c, TestCell.ideal(), 8, 8, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tile 4096x256")
        .hasMessageContaining("maxArrayDimension = 1024");
  }

  @Test
  void moreBitsPerCellThanLevelsIsRejected() {
    CimConfig c = CimConfig.defaults().withMapping(new CimConfig.Mapping(CimConfig.WeightScaling.PER_OUTPUT, 7, 1, true));
    assertThatThrownBy(() -> new TiledAnalogMatrix(c, TestCell.ideal(), 8, 8, 1))
        .hasMessageContaining("mapping.bitsPerCell = 7")
        .hasMessageContaining("64 levels");
  }

  @Test
  void unknownTechnologyNodeListsTheKnownOnes() {
    CimConfig c = CimConfig.defaults().withTechnology(new CimConfig.Technology("3nm"));
    assertThatThrownBy(() -> new TiledAnalogMatrix(c, TestCell.ideal(), 8, 8, 1))
        .hasMessageContaining("technology.node = 3nm")
        .hasMessageContaining("28nm");
  }
}
