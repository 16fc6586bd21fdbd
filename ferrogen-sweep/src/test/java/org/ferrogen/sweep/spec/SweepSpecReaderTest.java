package org.ferrogen.sweep.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SweepSpecReaderTest {

  private static SweepSpec parse(String yaml) {
    return new SweepSpecReader().parse(yaml, "spec.yaml", null, "spec");
  }

  private static List<String> problems(String yaml) {
    try {
      parse(yaml);
    } catch (SweepSpecException e) {
      return e.problems();
    }
    throw new AssertionError("expected problems in\n" + yaml);
  }

  @Test
  void listsRangesAndLogRangesExpandRowMajorWithRepeatsInnermost() {
    SweepSpec spec = parse("""
        workload: cim-mvm
        grid:
          chip.tiles.adc.bits: {from: 4, to: 8, step: 2}
          chip.tiles.nonIdealities.readNoise.scale: {from: 0.1, to: 10, count: 3, scale: log}
          chip.tiles.cell.type: [fefet, memristor]
        repeats: 2
        seed: 3
        """);
    assertThat(spec.grid()).extracting(GridAxis::values).containsExactly(
        List.of(4L, 6L, 8L), List.of(0.1, 1.0, 10.0), List.of("fefet", "memristor"));
    assertThat(spec.grid()).extracting(GridAxis::type)
        .containsExactly(GridAxis.ValueType.LONG, GridAxis.ValueType.DOUBLE, GridAxis.ValueType.STRING);
    List<SweepPoint> points = spec.points();
    assertThat(points).hasSize(3 * 3 * 2 * 2).extracting(SweepPoint::pointId).doesNotHaveDuplicates();
    assertThat(points.get(0).values()).containsExactly(4L, 0.1, "fefet");
    assertThat(points.get(1).values()).containsExactly(4L, 0.1, "fefet");
    assertThat(points.get(1).repeat()).isEqualTo(1);
    assertThat(points.get(2).values()).containsExactly(4L, 0.1, "memristor");
    assertThat(points.get(35).values()).containsExactly(8L, 10.0, "memristor");
    // The configuration of a point carries its values at their paths.
    assertThat(spec.configFor(points.get(35).values()).chip().at("/tiles/adc/bits").asInt()).isEqualTo(8);
    assertThat(spec.configFor(points.get(35).values()).chip().at("/tiles/cell/type").asText()).isEqualTo("memristor");
  }

  @Test
  void linearRangesIncludeTheirEndDespiteRounding() {
    SweepSpec spec = parse("""
        workload: trng-assess
        grid: {temperatureCelsius: {from: 0, to: 1, step: 0.1}, ageCycles: {from: 1e4, to: 1e9, count: 6, scale: log}}
        seed: 1
        """);
    assertThat(spec.grid().get(0).values()).hasSize(11).contains(0.3, 1.0);
    assertThat(spec.grid().get(1).values()).containsExactly(1e4, 1e5, 1e6, 1e7, 1e8, 1e9);
  }

  @Test
  void seedsAreHashedFromCoordinatesSoGrowingTheGridKeepsEveryExistingPoint() {
    String base = """
        workload: trng-assess
        grid:
          design: [cell, pair]
          temperatureCelsius: [25, 85]
        repeats: 2
        seed: 42
        """;
    Map<String, Long> small = parse(base).points().stream()
        .collect(Collectors.toMap(SweepPoint::pointId, SweepPoint::seed));
    Map<String, Long> grown = parse(base.replace("[25, 85]", "[-40, 25, 85, 125]").replace("[cell, pair]", "[ring, cell, pair]"))
        .points().stream().collect(Collectors.toMap(SweepPoint::pointId, SweepPoint::seed));
    assertThat(grown).containsAllEntriesOf(small).hasSize(24);
    // Seeds are hashes: no two points share one, and they are not sweep seed + offset.
    assertThat(grown.values()).doesNotHaveDuplicates().noneMatch(s -> Math.abs(s - 42) < 1_000_000);
    Map<String, Long> otherSeed = parse(base.replace("seed: 42", "seed: 43")).points().stream()
        .collect(Collectors.toMap(SweepPoint::pointId, SweepPoint::seed));
    assertThat(otherSeed.keySet()).isEqualTo(small.keySet());
    assertThat(otherSeed.values()).doesNotContainAnyElementsOf(small.values());
  }

  @Test
  void everyProblemIsReportedWithItsPath() {
    List<String> p = problems("""
        workload: cim-mvm
        colour: red
        parameters: {rows: 16, colz: 3, trials: many}
        grid:
          chip.tiles.adc.bitz: [4, 6]
          chip.tiles.adc: [1]
          chip.tiles.nonIdealities.readNoise.scale: {from: 1, to: 0, step: 0.5}
          chip.tiles.tile.rows: [64, 64]
          chip.tiles.input.bits: [4, "eight"]
          rows: {from: 1, to: 10}
        metrics: [relative_l2_error, accuracy]
        seed: 1.5
        """);
    assertThat(p).anyMatch(s -> s.startsWith("colour: unknown field"));
    assertThat(p).anyMatch(s -> s.startsWith("parameters.colz: unknown field (known: rows, cols, trials)"));
    assertThat(p).anyMatch(s -> s.startsWith("parameters.trials = \"many\": expected a number"));
    assertThat(p).anyMatch(s -> s.startsWith("grid.chip.tiles.adc.bitz: unknown field 'bitz' in chip.tiles.adc (known: bits,"));
    assertThat(p).anyMatch(s -> s.startsWith("grid.chip.tiles.adc: is a section, not a value"));
    assertThat(p).anyMatch(s -> s.startsWith("grid.chip.tiles.nonIdealities.readNoise.scale.step: 0.5 does not lead from 1 to 0"));
    assertThat(p).anyMatch(s -> s.startsWith("grid.chip.tiles.tile.rows: value 64 appears twice"));
    assertThat(p).anyMatch(s -> s.startsWith("grid.chip.tiles.input.bits: values of mixed types"));
    assertThat(p).anyMatch(s -> s.startsWith("grid.rows: give exactly one of step and count"));
    assertThat(p).anyMatch(s -> s.startsWith("metrics[1]: unknown metric 'accuracy' of workload cim-mvm"));
    assertThat(p).anyMatch(s -> s.startsWith("seed: expected an integer"));
  }

  @Test
  void invalidValuesAreFoundBeforeAnythingRunsAndNamedByTheirIndex() {
    List<String> p = problems("""
        workload: cim-mvm
        grid:
          chip.tiles.adc.bits: [4, 0, 8]
          chip.tiles.tile.rows: [64.5]
        seed: 1
        """);
    assertThat(p).anyMatch(s -> s.startsWith("grid.chip.tiles.tile.rows[0] = 64.5: expected an integer"));
    List<String> values = problems("""
        workload: trng-assess
        grid:
          design: [cell, diode]
          temperatureCelsius: [25, -300]
        seed: 1
        """);
    assertThat(values).anyMatch(s -> s.startsWith("grid.design[1] = \"diode\": unknown design 'diode'"));
    assertThat(values).anyMatch(s -> s.startsWith("grid.temperatureCelsius[1] = -300: temperature must be"));
    List<String> adc = problems("""
        workload: cim-mvm
        grid: {chip.tiles.adc.bits: [4, 0]}
        seed: 1
        """);
    assertThat(adc).singleElement().asString().startsWith("grid.chip.tiles.adc.bits[1] = 0: ").contains("adc.bits");
  }

  @Test
  void workloadsWithoutAChipRejectChipPathsAndTrainIsNotAvailableYet() {
    assertThat(problems("""
        workload: puf
        grid: {chip.tiles.adc.bits: [4]}
        seed: 1
        """)).anyMatch(s -> s.startsWith("grid.chip.tiles.adc.bits: workload puf takes no chip configuration"));
    assertThat(problems("""
        workload: train
        grid: {k: [1]}
        seed: 1
        """)).singleElement().asString().contains("'train' (hybrid on-chip learning) is not available yet");
    assertThat(problems("grid: {x: [1]}\nseed: 1\n")).anyMatch(s -> s.startsWith("workload: required"));
  }

  @Test
  void aChipFileOrMappingOverlaysTheDefaults() {
    SweepSpec spec = parse("""
        workload: cim-mvm
        chip: {tiles: {adc: {bits: 5}, cell: {type: memristor}}}
        grid: {chip.tiles.input.bits: [4, 6]}
        seed: 1
        """);
    assertThat(spec.chip().at("/tiles/adc/bits").asInt()).isEqualTo(5);
    assertThat(spec.chip().at("/tiles/tile/rows").asInt()).isPositive();
    assertThat(problems("""
        workload: cim-mvm
        chip: {tiles: {adc: {bitz: 5}}}
        grid: {chip.tiles.input.bits: [4]}
        seed: 1
        """)).singleElement().asString().startsWith("chip: ").contains("bitz");
  }

}
