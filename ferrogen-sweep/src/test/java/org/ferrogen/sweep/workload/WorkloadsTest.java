package org.ferrogen.sweep.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.ferrogen.sweep.spec.SweepPoint;
import org.ferrogen.sweep.spec.SweepSpec;
import org.ferrogen.sweep.spec.SweepSpecReader;
import org.junit.jupiter.api.Test;

class WorkloadsTest {

  @Test
  void everyShippedExampleSpecValidates() throws IOException {
    Path docs = Path.of("../docs/sweeps");
    assertThat(docs).isDirectory();
    List<Path> specs;
    try (Stream<Path> files = Files.list(docs)) {
      specs = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(specs).extracting(p -> p.getFileName().toString())
        .contains("trng-design-space.yaml", "compute-tile.yaml", "hybrid-learning.yaml");
    for (Path spec : specs) {
      assertThat(new SweepSpecReader().read(spec).pointCount()).as(spec.toString()).isPositive();
    }
  }

  /**
   * Two tiny hybrid training runs on the bundled Fashion-MNIST subset, k = 1 and k = 100 with the
   * same seed: transferring every sample programs the memristors far more often, so it costs more
   * transfer energy (paper convention and device model) and cycles the memristors more. The
   * accuracies are fractions; no threshold on them (40 training images decide little).
   */
  @Test
  void trainingOnTheChipReportsAccuracyEnergyAndWearThatFollowTheTransferInterval() throws Exception {
    SweepSpec spec = new SweepSpecReader().parse("""
        workload: train
        parameters: {net: 784-16-10, trainSamples: 40, testSamples: 40}
        grid:
          chip.synapseArrays[0].transferEvery: [1, 100]
        seed: 5
        """, "tiny.yaml", null, "tiny");
    List<SweepPoint> points = spec.points();
    LinkedHashMap<String, Double> everySample = spec.workload().run(spec.configFor(points.get(0).values()), points.get(0).seed());
    LinkedHashMap<String, Double> rarely = spec.workload().run(spec.configFor(points.get(1).values()), points.get(1).seed());
    assertThat(everySample.keySet()).containsExactlyElementsOf(spec.workload().metrics());
    assertThat(everySample.get("test_accuracy")).isBetween(0.0, 1.0);
    assertThat(everySample.get("transfer_energy_paper_joules")).isGreaterThan(rarely.get("transfer_energy_paper_joules"));
    assertThat(everySample.get("transfer_energy_joules")).isGreaterThan(rarely.get("transfer_energy_joules"));
    assertThat(everySample.get("max_memristor_cycles")).isGreaterThan(rarely.get("max_memristor_cycles"));
    assertThat(everySample.get("memristor_endurance_cycles")).isPositive();
    assertThat(everySample.get("max_fecap_cycles")).isPositive();
  }
}
