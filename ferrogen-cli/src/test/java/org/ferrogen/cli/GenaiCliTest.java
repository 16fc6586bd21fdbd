package org.ferrogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** generate, perplexity and gguf commands end to end on a small random model. */
class GenaiCliTest {
  @TempDir static Path dir;
  static Path model;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cli = FerroGen.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @BeforeAll
  static void writeModel() {
    model = dir.resolve("tiny.gguf");
    Run r = run("gguf", "random", "--params", "200K", "--vocab", "300", "--context", "64", "--type", "q8_0",
        "-o", model.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("wrote");
  }

  @Test
  void generateStreamsAndReportsSpeedReproduciblyForASeed() throws Exception {
    Run a = run("generate", "--model", model.toString(), "--prompt", "In the beginning", "--max-tokens", "12",
        "--seed", "42", "--json");
    assertThat(a.exit()).as(a.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(a.out());
    assertThat(j.get("generated_tokens").asInt()).isEqualTo(12);
    assertThat(j.get("tokens_per_second").asDouble()).isPositive();
    Run b = run("generate", "--model", model.toString(), "--prompt", "In the beginning", "--max-tokens", "12",
        "--seed", "42", "--json");
    assertThat(new ObjectMapper().readTree(b.out()).get("tokens")).isEqualTo(j.get("tokens"));
    Run many = run("generate", "--model", model.toString(), "--prompt", "a", "--max-tokens", "8", "--samples", "3",
        "--seed", "5", "--json");
    JsonNode m = new ObjectMapper().readTree(many.out());
    assertThat(m.get("texts")).hasSize(3);
    assertThat(m.get("distinct_1").asDouble()).isBetween(0.0, 1.0);
    assertThat(m.get("tokens")).isEqualTo(new ObjectMapper().readTree(run("generate", "--model", model.toString(),
        "--prompt", "a", "--max-tokens", "8", "--seed", "5", "--json").out()).get("tokens"));
    Run text = run("generate", "--model", model.toString(), "--prompt", "x", "--max-tokens", "3", "--temperature", "0");
    assertThat(text.exit()).isZero();
    assertThat(text.out()).contains("tokens/s");
  }

  @Test
  void perplexityAndInfoRun() throws Exception {
    Path txt = dir.resolve("t.txt");
    Files.writeString(txt, "And God said, Let there be light: and there was light.");
    Run p = run("perplexity", "--model", model.toString(), "--text", txt.toString(), "--json");
    assertThat(p.exit()).as(p.err()).isZero();
    assertThat(new ObjectMapper().readTree(p.out()).get("perplexity").asDouble()).isGreaterThan(1);
    Run i = run("gguf", "info", model.toString());
    assertThat(i.exit()).isZero();
    assertThat(i.out()).contains("general.architecture", "blk.0.attn_q.weight", "Q8_0");
  }

  @Test
  void noiseSamplingReportsKlAboveTheControlFloor() throws Exception {
    Run r = run("noise-sampling", "--random-logits", "50", "--samples", "20000", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    double control = j.get("gumbel_matched").get("klGumbelControl").asDouble();
    assertThat(j.get("kl_fitted").get("klGaussian").asDouble()).isGreaterThan(control);
    assertThat(j.get("gumbel_matched").get("klGaussian").asDouble())
        .isGreaterThanOrEqualTo(j.get("kl_fitted").get("klGaussian").asDouble() * 0.95);
    Run m = run("noise-sampling", "--model", model.toString(), "--prompt", "And", "--samples", "2000");
    assertThat(m.exit()).as(m.err()).isZero();
    assertThat(m.out()).contains("KL-fitted");
  }

  @Test
  void brokenModelsGiveOneLineNamingTheProblem() throws Exception {
    byte[] bytes = Files.readAllBytes(model);
    Path truncated = dir.resolve("truncated.gguf");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
    Path badMagic = dir.resolve("magic.gguf");
    byte[] copy = bytes.clone();
    copy[0] = 'X';
    Files.write(badMagic, copy);
    Object[][] cases = {
      {dir.resolve("absent.gguf"), "does not exist"},
      {truncated, "truncated"},
      {badMagic, "bad magic"},
    };
    for (Object[] c : cases) {
      Run r = run("generate", "--model", c[0].toString(), "--prompt", "x");
      assertThat(r.exit()).isNotZero();
      assertThat(r.err().strip()).startsWith("generate: ").contains((String) c[1]).doesNotContain("\n");
    }
    Run backend = run("generate", "--model", model.toString(), "--prompt", "x", "--backend", "quantum");
    assertThat(backend.err()).contains("unknown backend 'quantum'");
  }
}
