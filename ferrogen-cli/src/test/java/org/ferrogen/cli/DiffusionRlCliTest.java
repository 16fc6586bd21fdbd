package org.ferrogen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferrogen.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diffusion, RL and study commands as a user runs them (the shipped diffusion models, fixed seeds). */
class DiffusionRlCliTest {
  @TempDir Path dir;



  @Test
  void diffuseWritesAGridAndScoresItAgainstTheRealImageFloor() throws Exception {
    Path grid = dir.resolve("grid.png");
    CliRun r = run("diffuse", "--samples", "16", "--entropy", "prng", "--seed", "3", "-o", grid.toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertThat(j.get("samples").asInt()).isEqualTo(16);
    // With 16 vectors in 128 dimensions both distances are dominated by small-sample bias, so only
    // their presence is checked here; docs/diffusion-rl-study.md compares 64-image runs.
    assertThat(j.get("frechet_distance_real_images").asDouble()).isPositive();
    assertThat(j.get("frechet_distance").asDouble()).isPositive();
    int total = 0;
    for (JsonNode c : j.get("class_counts")) {
      total += c.asInt();
    }
    assertThat(total).isEqualTo(16);
    assertThat(Files.size(grid)).isPositive();
    assertThat(Files.readAllBytes(grid)).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
  }

  @Test
  void diffuseRefusesBadInputWithOneLine() {
    CliRun few = run("diffuse", "--samples", "1");
    assertThat(few.exit()).isEqualTo(2);
    assertThat(few.err()).contains("--samples must be 2..10000");
    CliRun missing = run("diffuse", "--model", dir.resolve("absent.gguf").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("absent.gguf").doesNotContain("Exception");
  }

  @Test
  void rlBanditReportsRegretAndAStuckSourceIsWorse() throws Exception {
    JsonNode prng = Json.MAPPER.readTree(run("rl", "bandit", "--exploration", "thompson", "--entropy", "prng",
        "--repeats", "5", "--episodes", "500", "--seed", "4", "--json").out());
    JsonNode stuck = Json.MAPPER.readTree(run("rl", "bandit", "--exploration", "epsilon_greedy", "--entropy", "stuck",
        "--repeats", "5", "--episodes", "500", "--seed", "4", "--json").out());
    assertThat(prng.get("metric").asText()).isEqualTo("cumulative_regret");
    assertThat(prng.get("hung_runs").asInt()).isZero();
    // Thompson sampling on a 10-arm bandit keeps regret far below the stuck source's linear growth.
    assertThat(stuck.get("final_mean").asDouble()).isGreaterThan(2 * prng.get("final_mean").asDouble());
    CliRun bad = run("rl", "bandit", "--entropy", "nope");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown randomness source 'nope'").contains("bias-0.75");
  }

  @Test
  void gridWorldRunsAndWritesItsCurve() throws Exception {
    CliRun r = run("rl", "gridworld", "--entropy", "prng", "--repeats", "3", "--episodes", "100", "--seed", "5",
        "--out-dir", dir.toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Json.MAPPER.readTree(r.out()).get("optimal_return").asDouble()).isEqualTo(-13);
    assertThat(dir.resolve("rl-gridworld.png")).exists();
    assertThat(dir.resolve("rl-gridworld.svg")).exists();
  }
}
