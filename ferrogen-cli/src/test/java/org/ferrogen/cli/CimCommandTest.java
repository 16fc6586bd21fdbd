package org.ferrogen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferrogen.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CimCommandTest {



  @Test
  void textReportNamesErrorEnergyAndEfficiency() {
    CliRun r = run("cim", "mvm", "--rows", "40", "--cols", "300", "--trials", "20");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("relative L2 error", "SNR per output", "adc", "TOPS/W", "2 tile(s)");
  }

  @Test
  void jsonReportParsesAndIsPlausible() throws Exception {
    CliRun r = run("cim", "mvm", "--rows", "32", "--cols", "64", "--trials", "30", "--json", "--seed", "3");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("relative_l2_error").asDouble()).isBetween(1e-4, 0.5);
    assertThat(j.get("snr_db").get("per_output")).hasSize(32);
    assertThat(j.get("tops_per_watt").asDouble()).isPositive();
    assertThat(j.get("energy_per_mvm_j").get("total").asDouble()).isPositive();
  }

  @Test
  void matrixFromCsvAndConfigFromYaml(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("w.csv");
    Files.writeString(csv, "1,2,3\n-1,0.5,2\n");
    Path yaml = dir.resolve("chip.yaml");
    Files.writeString(yaml, "tiles:\n  adc: {bits: 12, range: WORST_CASE}\n  nonIdealities: {readNoise: {enabled: false}}\n");
    CliRun r = run("cim", "mvm", "--matrix", csv.toString(), "--chip", yaml.toString(), "--trials", "10", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("rows").asInt()).isEqualTo(2);
    assertThat(j.get("cols").asInt()).isEqualTo(3);
    assertThat(j.get("relative_l2_error").asDouble()).isLessThan(0.05);
  }

  @Test
  void aComputeTileConfigurationFileIsTheDefaultChipWithThoseTiles(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("w.csv");
    Files.writeString(csv, "1,2,3\n-1,0.5,2\n");
    Path chip = dir.resolve("chip.yaml");
    Files.writeString(chip, "tiles:\n  adc: {bits: 5, range: WORST_CASE}\n");
    Path tiles = dir.resolve("tiles.yaml");
    Files.writeString(tiles, "adc: {bits: 5, range: WORST_CASE}\n");
    CliRun viaChip = run("cim", "mvm", "--matrix", csv.toString(), "--chip", chip.toString(), "--trials", "10", "--seed", "1",
        "--json");
    CliRun viaTiles = run("cim", "mvm", "--matrix", csv.toString(), "--chip", tiles.toString(), "--trials", "10", "--seed",
        "1", "--json");
    assertThat(viaTiles.exit()).as(viaTiles.err()).isZero();
    assertThat(new ObjectMapper().readTree(viaTiles.out()).get("relative_l2_error"))
        .isEqualTo(new ObjectMapper().readTree(viaChip.out()).get("relative_l2_error"));
  }

  @Test
  void npyFloat64MatrixIsRead(@TempDir Path dir) throws Exception {
    Path npy = dir.resolve("w.npy");
    String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }";
    int pad = 64 - (10 + header.length() + 1) % 64;
    header = header + " ".repeat(pad) + "\n";
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(10 + header.length() + 32).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x93).put("NUMPY".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
    b.putShort((short) header.length()).put(header.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    b.putDouble(1).putDouble(-2).putDouble(0.5).putDouble(4);
    Files.write(npy, b.array());
    CliRun r = run("cim", "mvm", "--matrix", npy.toString(), "--trials", "5", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(new ObjectMapper().readTree(r.out()).get("cols").asInt()).isEqualTo(2);
  }

  @Test
  void invalidConfigurationsGiveOneLineErrors(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("bad.yaml");
    Files.writeString(yaml, "tiles: {adc: {bits: 0}}\n");
    CliRun r = run("cim", "mvm", "--rows", "4", "--cols", "4", "--chip", yaml.toString());
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("tiles.adc.bits").contains("got 0").doesNotContain("Exception").hasLineCount(1);
    Files.writeString(yaml, "tiles: {tile: {rows: 4096}}\n");
    r = run("cim", "mvm", "--rows", "4", "--cols", "4", "--chip", yaml.toString());
    assertThat(r.err()).contains("4096").doesNotContain("Exception").hasLineCount(1);
    Files.writeString(yaml, "tiles: {nonIdealities: {deviceToDevice: {relativeSigma: -0.1}}}\n");
    r = run("cim", "mvm", "--rows", "4", "--cols", "4", "--chip", yaml.toString());
    assertThat(r.err()).contains("relativeSigma").doesNotContain("Exception").hasLineCount(1);
    r = run("cim", "mvm", "--rows", "4");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("--cols");
  }
}
