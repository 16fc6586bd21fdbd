package org.ferrogen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferrogen.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {



  @Test
  void hybridRunOnTheBundledSubsetReportsAccuracyWearAndEnergy(@TempDir Path dir) throws Exception {
    CliRun r = run("train", "--dataset", "fashion-mnist-subset", "--train-samples", "300", "--epochs", "1",
        "--net", "784-32-10", "--seed", "4", "--json", "--quiet", "--out-dir", dir.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("scheme").asText()).isEqualTo("hybrid");
    assertThat(j.get("test_accuracy").asDouble()).isBetween(0.2, 1.0);
    assertThat(j.get("wear").get("max_fecap_cycles").asLong()).isPositive();
    assertThat(j.get("programming_energy").get("paper_total_j").asDouble()).isPositive();
    assertThat(j.get("programming_energy").get("device_model_total_j").asDouble()).isPositive();
    assertThat(Files.size(dir.resolve("train-curve.png"))).isPositive();
  }

  @Test
  void badInputIsAOneLineErrorWithExitCode2() {
    CliRun missing = run("train", "--dataset", "/no/such/folder", "--epochs", "1");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("/no/such/folder").contains("fashion-mnist-subset").doesNotContain("at org.");
    CliRun scheme = run("train", "--scheme", "magic");
    assertThat(scheme.exit()).isEqualTo(2);
    assertThat(scheme.err()).contains("magic").contains("hybrid");
    CliRun tooBig = run("train", "--chip", "cea-leti-hybrid", "--dataset", "fashion-mnist-subset", "--epochs", "1");
    assertThat(tooBig.exit()).isEqualTo(2);
    assertThat(tooBig.err()).contains("156800 synapses").doesNotContain("at org.");
  }
}
