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
        grid: {chip.environment.celsius: {from: 0, to: 1, step: 0.1}, ageCycles: {from: 1e4, to: 1e9, count: 6, scale: log}}
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
          chip.trng.design: [cell, pair]
          chip.environment.celsius: [25, 85]
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
  void theFileIsReadByTheStrictConfigReaderWithDidYouMean() {
    assertThat(problems("""
        workload: cim-mvm
        gird: {chip.tiles.adc.bits: [4]}
        seed: 1
        """)).singleElement().asString().isEqualTo("gird: unknown key; did you mean 'grid'? Valid keys here: name, "
            + "workload, chip, parameters, grid, repeats, seed, metrics");
    assertThat(problems("workload: cim-mvm\ngrid: {rows: [8]}\nseed: 1.5\n"))
        .singleElement().asString().isEqualTo("seed: must be an integer, got 1.5");
    assertThat(problems("workload: cim-mvm\ngrid: {rows: [8]}\nrepeats: 0\nseed: 1\n"))
        .singleElement().asString().startsWith("repeats: must be 1..100000");
    assertThat(problems("workload: cim-mvm\nworkload: puf\n")).singleElement().asString().contains("duplicate key");
  }

  @Test
  void everyProblemOfTheSectionsIsReportedWithItsPath() {
    List<String> p = problems("""
        workload: cim-mvm
        parameters: {rows: 16, trials: 0}
        grid:
          chip.tiles.adc.bitz: [4, 6]
          chip.tiles.adc: [1]
          chip.tiles.nonIdealities.readNoise.scale: {from: 1, to: 0, step: 0.5}
          chip.tiles.tile.rows: [64, 64]
          chip.tiles.input.bits: [4, "eight"]
          chip.tiles.mapping.bitsPerCell: {from: 1, to: 2, stpe: 1}
          rows: {from: 1, to: 10}
        metrics: [relative_l2_error, energy_per_mvm_joule]
        seed: 1
        """);
    assertThat(p).anyMatch(s -> s.startsWith("parameters.trials: must be 1..100000, got 0"));
    assertThat(p).anyMatch(s -> s.startsWith("grid.chip.tiles.adc.bitz: unknown field 'bitz' in chip.tiles.adc; did you mean 'bits'?"));
    assertThat(p).anyMatch(s -> s.startsWith("grid.chip.tiles.adc: is a section, not a value"));
    assertThat(p).anyMatch(s -> s.startsWith("grid.chip.tiles.nonIdealities.readNoise.scale.step: 0.5 does not lead from 1 to 0"));
    assertThat(p).anyMatch(s -> s.startsWith("grid.chip.tiles.tile.rows: value 64 appears twice"));
    assertThat(p).anyMatch(s -> s.startsWith("grid.chip.tiles.input.bits: values of mixed types"));
    assertThat(p).anyMatch(s -> s.startsWith("grid.chip.tiles.mapping.bitsPerCell.stpe: unknown key; did you mean 'step'?"));
    assertThat(p).anyMatch(s -> s.startsWith("grid.rows: give exactly one of step and count"));
    assertThat(p).anyMatch(s -> s.startsWith("metrics[1]: unknown metric 'energy_per_mvm_joule' of workload cim-mvm; did you mean 'energy_per_mvm_joules'?"));
  }

  @Test
  void parametersAreTheWorkloadsRecordWithBoundedNumbers() {
    assertThat(problems("""
        workload: cim-mvm
        parameters: {rows: 16, colz: 3}
        grid: {rows: [8]}
        seed: 1
        """)).singleElement().asString().startsWith("parameters.colz: unknown key; did you mean 'cols'?");
    assertThat(problems("""
        workload: trng-assess
        parameters: {samples: 1e12}
        grid: {ageCycles: [0]}
        seed: 1
        """)).singleElement().asString().startsWith("parameters.samples: must be 1000..10000000");
    assertThat(problems("""
        workload: cim-mvm
        grid: {trials: [5, 0]}
        seed: 1
        """)).singleElement().asString().startsWith("grid.trials[1] = 0: parameters.trials: must be 1..100000");
  }

  @Test
  void anElementOfAListInTheChipSpecIsAPath() {
    SweepSpec spec = parse("""
        workload: train
        grid:
          chip.synapseArrays[0].transferEvery: [1, 10, 100]
          updateProbability: [0.05, 0.1]
          sigmaGSiemens: {from: 0, to: 1.74e-5, count: 3}
        seed: 1
        """);
    assertThat(spec.pointCount()).isEqualTo(18);
    SweepPoint last = spec.points().get(17);
    assertThat(spec.configFor(last.values()).chip().at("/synapseArrays/0/transferEvery").asInt()).isEqualTo(100);
    assertThat(spec.configFor(last.values()).parameters().get("sigmaGSiemens").asDouble()).isEqualTo(1.74e-5);
    assertThat(problems("""
        workload: train
        grid:
          chip.synapseArrays[3].transferEvery: [1]
        seed: 1
        """)).singleElement().asString().startsWith("grid.chip.synapseArrays[3].transferEvery: chip.synapseArrays has 1 elements");
    assertThat(problems("""
        workload: train
        grid:
          chip.synapseArrays[0].transferEvery: [0, 10]
        seed: 1
        """)).singleElement().asString().startsWith("grid.chip.synapseArrays[0].transferEvery[0] = 0: ").contains("transferEvery");
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
          chip.trng.design: [cell, diode]
          chip.environment.celsius: [25, -300]
        seed: 1
        """);
    assertThat(values).anyMatch(s -> s.startsWith("grid.chip.trng.design[1] = \"diode\": ") && s.contains("design"));
    assertThat(values).anyMatch(s -> s.startsWith("grid.chip.environment.celsius[1] = -300: ") && s.contains("celsius"));
    List<String> adc = problems("""
        workload: cim-mvm
        grid: {chip.tiles.adc.bits: [4, 0]}
        seed: 1
        """);
    assertThat(adc).singleElement().asString().startsWith("grid.chip.tiles.adc.bits[1] = 0: ").contains("adc.bits");
  }

  @Test
  void pufCellsAndTrngDesignComeFromTheChipSpec() {
    assertThat(problems("""
        workload: puf
        grid: {chip.tiles.cell.type: [fefet, memristor]}
        seed: 1
        """)).singleElement().asString()
        .startsWith("grid.chip.tiles.cell.type[1] = \"memristor\": chip.tiles.cell.type: the FeFET PUF is built of the chip's fefet cells");
    assertThat(problems("""
        workload: puf
        grid: {temperatureCelsius: [25]}
        seed: 1
        """)).singleElement().asString().startsWith("grid.temperatureCelsius: unknown field 'temperatureCelsius'");
    assertThat(problems("grid: {x: [1]}\nseed: 1\n")).anyMatch(s -> s.startsWith("workload: required"));
    assertThat(problems("workload: trian\ngrid: {x: [1]}\nseed: 1\n"))
        .singleElement().asString().contains("did you mean 'train'?");
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
