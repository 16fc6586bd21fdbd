package org.ferrogen.cim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
        .hasMessageContaining("adc.bits = 0");
  }

  @Test
  void negativeNoiseIsRejected() {
    assertThatThrownBy(() -> CimConfigLoader.parse("nonIdealities: {readNoise: {scale: -1}}", "n.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nonIdealities.readNoise.scale = -1.0")
        .hasMessageContaining("negative");
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
