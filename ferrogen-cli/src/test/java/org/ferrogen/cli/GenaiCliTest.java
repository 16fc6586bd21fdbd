package org.ferrogen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ferrogen.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate, perplexity and gguf commands end to end on a small random model. */
class GenaiCliTest {
  @TempDir static Path dir;
  static Path model;



  @BeforeAll
  static void writeModel() {
    model = dir.resolve("tiny.gguf");
    CliRun r = run("gguf", "random", "--param-count", "200K", "--vocab", "300", "--context-length", "64", "--type", "q8_0",
        "--seed", "1", "-o", model.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("wrote");
  }

  @Test
  void generateStreamsAndReportsSpeedReproduciblyForASeed() throws Exception {
    CliRun a = run("generate", "--model", model.toString(), "--prompt", "In the beginning", "--max-tokens", "12",
        "--seed", "42", "--json");
    assertThat(a.exit()).as(a.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(a.out());
    assertThat(j.get("generated_tokens").asInt()).isEqualTo(12);
    assertThat(j.get("tokens_per_s").asDouble()).isPositive();
    CliRun b = run("generate", "--model", model.toString(), "--prompt", "In the beginning", "--max-tokens", "12",
        "--seed", "42", "--json");
    assertThat(new ObjectMapper().readTree(b.out()).get("tokens")).isEqualTo(j.get("tokens"));
    CliRun many = run("generate", "--model", model.toString(), "--prompt", "a", "--max-tokens", "8", "--continuations", "3",
        "--seed", "5", "--json");
    JsonNode m = new ObjectMapper().readTree(many.out());
    assertThat(m.get("texts")).hasSize(3);
    // distinct-1 = distinct tokens / all 3 × 8 generated tokens, so a multiple of 1/24; the first
    // continuation's distinct tokens are among them, and the other 16 add at most 16 more.
    Set<Integer> firstDistinct = new HashSet<>();
    m.get("tokens").forEach(t -> firstDistinct.add(t.asInt()));
    double distinct1 = m.get("distinct_1").asDouble();
    assertThat(distinct1 * 24).isCloseTo(Math.rint(distinct1 * 24), within(1e-9));
    assertThat(distinct1 * 24).isBetween((double) firstDistinct.size(), firstDistinct.size() + 16.0);
    assertThat(m.get("tokens")).isEqualTo(new ObjectMapper().readTree(run("generate", "--model", model.toString(),
        "--prompt", "a", "--max-tokens", "8", "--seed", "5", "--json").out()).get("tokens"));
    CliRun text = run("generate", "--model", model.toString(), "--prompt", "x", "--max-tokens", "3", "--temperature", "0");
    assertThat(text.exit()).isZero();
    assertThat(text.out()).contains("tokens/s");
  }

  @Test
  void perplexityAndInfoRun() throws Exception {
    Path txt = dir.resolve("t.txt");
    Files.writeString(txt, "And God said, Let there be light: and there was light.");
    CliRun p = run("perplexity", "--model", model.toString(), "--text", txt.toString(), "--json");
    assertThat(p.exit()).as(p.err()).isZero();
    assertThat(new ObjectMapper().readTree(p.out()).get("perplexity").asDouble()).isGreaterThan(1);
    CliRun i = run("gguf", "info", model.toString());
    assertThat(i.exit()).isZero();
    assertThat(i.out()).contains("general.architecture", "blk.0.attn_q.weight", "Q8_0");
  }

  @Test
  void noiseSamplingReportsKlAboveTheControlFloor() throws Exception {
    CliRun r = run("noise-sampling", "--random-logits", "50", "--draws", "20000", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    double control = j.get("gumbel_matched").get("kl_gumbel_control").asDouble();
    assertThat(j.get("kl_fitted").get("kl_gaussian").asDouble()).isGreaterThan(control);
    assertThat(j.get("gumbel_matched").get("kl_gaussian").asDouble())
        .isGreaterThanOrEqualTo(j.get("kl_fitted").get("kl_gaussian").asDouble() * 0.95);
    CliRun m = run("noise-sampling", "--model", model.toString(), "--prompt", "And", "--draws", "2000");
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
      CliRun r = run("generate", "--model", c[0].toString(), "--prompt", "x");
      assertThat(r.exit()).isNotZero();
      assertThat(r.err().strip()).startsWith("generate: ").contains((String) c[1]).doesNotContain("\n");
    }
    CliRun backend = run("generate", "--model", model.toString(), "--prompt", "x", "--backend", "quantum");
    assertThat(backend.err()).contains("--backend").contains("quantum").contains("CHIP");
    assertThat(backend.exit()).isEqualTo(2);
  }

  @Test
  void chipBackendGeneratesReproduciblyAndReportsEnergyPerToken() throws Exception {
    String[] args = {"generate", "--model", model.toString(), "--prompt", "In the", "--max-tokens", "6", "--seed", "3",
        "--backend", "chip", "--json"};
    CliRun a = run(args);
    assertThat(a.exit()).as(a.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(a.out());
    assertThat(j.get("backend").asText()).isEqualTo("chip");
    JsonNode chip = j.get("chip");
    assertThat(chip.get("energy_per_token_j").asDouble()).isPositive();
    assertThat(chip.get("energy_per_token_by_category_j").get("adc").asDouble()).isPositive();
    assertThat(chip.get("energy_per_token_by_category_j").get("digital").asDouble()).isPositive();
    assertThat(chip.get("energy_per_token_by_category_j").has("entropy")).isTrue();
    assertThat(chip.get("gpu_reference").get(0).get("batch").asInt()).isEqualTo(1);
    assertThat(chip.get("tiles_used").asInt()).isPositive();
    assertThat(j.get("backend_report").get("matrix_vector_products").asLong()).isPositive();
    assertThat(new ObjectMapper().readTree(run(args).out()).get("tokens")).isEqualTo(j.get("tokens"));
    CliRun text = run("perplexity", "--model", model.toString(), "--text", writeText("a b c d e f g").toString(),
        "--backend", "chip");
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains("chip backend", "nJ/token", "energy per token: dac");
    CliRun missing = run("generate", "--model", model.toString(), "--prompt", "x", "--backend", "chip", "--chip",
        dir.resolve("nope.yaml").toString());
    assertThat(missing.exit()).isNotZero();
    assertThat(missing.err().strip()).contains("nope.yaml").doesNotContain("\n").doesNotContain("Exception");
    Path calibration = writeText("In the beginning God created the heaven and the earth.");
    CliRun calibrated = run("perplexity", "--model", model.toString(), "--text", writeText("a b c d e f g").toString(),
        "--backend", "chip", "--adc-calibration", calibration.toString(), "--calibration-tokens", "8", "--json");
    assertThat(calibrated.exit()).as(calibrated.err()).isZero();
    // Calibration changes the ADC ranges, so the analog logits, and so the perplexity, differ from the uncalibrated run.
    CliRun uncalibrated = run("perplexity", "--model", model.toString(), "--text", writeText("a b c d e f g").toString(),
        "--backend", "chip", "--json");
    assertThat(new ObjectMapper().readTree(calibrated.out()).get("mean_nll_nats").asDouble())
        .isNotEqualTo(new ObjectMapper().readTree(uncalibrated.out()).get("mean_nll_nats").asDouble());
    assertThat(run("perplexity", "--model", model.toString(), "--text", calibration.toString(), "--adc-calibration",
        calibration.toString()).err()).contains("needs --backend chip");
    CliRun chipWithoutBackend = run("generate", "--model", model.toString(), "--prompt", "x", "--chip", "c.yaml");
    assertThat(chipWithoutBackend.err()).contains("--chip c.yaml needs --backend chip");
  }

  @Test
  void analogNoiseSamplesFromTheChipsOwnReadsReproduciblyAndRefusesWhatMakesNoSense() throws Exception {
    String[] args = {"generate", "--model", model.toString(), "--prompt", "In the", "--max-tokens", "4", "--seed", "3",
        "--backend", "chip", "--entropy", "analog-noise", "--temp", "0.05", "--json"};
    CliRun a = run(args);
    assertThat(a.exit()).as(a.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(a.out());
    assertThat(j.get("entropy").asText()).startsWith("analog-noise");
    JsonNode setting = j.get("analog_noise");
    assertThat(setting.get("reads").asInt()).isBetween(1, 4096);
    assertThat(setting.get("single_read_sigma").asDouble()).isPositive();
    assertThat(setting.get("temperature").asDouble()).isEqualTo(0.05);
    assertThat(j.get("chip").get("energy_per_token_j").asDouble()).isPositive();
    assertThat(new ObjectMapper().readTree(run(args).out()).get("tokens")).isEqualTo(j.get("tokens"));
    CliRun text = run("generate", "--model", model.toString(), "--prompt", "In", "--max-tokens", "2", "--seed", "3",
        "--backend", "chip", "--entropy", "analog-noise", "--temp", "5");
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains("[analog-noise: T 5.000 -> 1 read of the output head", "too small for this temperature");
    String[][] bad = {
        {"--entropy", "analog-noise", "--temp", "0.5"},
        {"--entropy", "analog-noise", "--backend", "chip", "--temp", "0"},
        {"--entropy", "analog-noise", "--backend", "chip", "--temp", "-1"},
        {"--entropy", "analog-noise", "--backend", "chip", "--top-k", "5"}};
    String[] expected = {"needs --backend chip", "needs --temperature > 0", "--temperature must be >= 0",
        "--top-k does not apply to --entropy analog-noise"};
    for (int i = 0; i < bad.length; i++) {
      List<String> a2 = new java.util.ArrayList<>(List.of("generate", "-m", model.toString(), "-p", "x", "--seed", "1"));
      a2.addAll(List.of(bad[i]));
      CliRun r = run(a2.toArray(new String[0]));
      assertThat(r.exit()).as(String.join(" ", bad[i])).isEqualTo(2);
      assertThat(r.err()).contains(expected[i]).doesNotContain("Exception");
    }
    CliRun measured = run("noise-sampling", "--analog", "--model", model.toString(), "--prompt", "In the", "--temp", "0.5",
        "--draws", "200", "--seed", "1", "--json");
    assertThat(measured.exit()).as(measured.err()).isZero();
    JsonNode m = new ObjectMapper().readTree(measured.out());
    assertThat(m.get("measurement").get("tv_exact").asDouble()).isBetween(0.0, 1.0);
    assertThat(m.get("measurement").get("kl_floor").asDouble()).isNotNegative();
    assertThat(m.get("chip_reads").asLong()).isGreaterThanOrEqualTo(200L * m.get("setting").get("reads").asInt());
    assertThat(run("noise-sampling", "--analog", "--random-logits", "10").err()).contains("--analog needs a model context");
  }

  @Test
  void trngEntropyIsReproducibleWithASeedAndNamedInTheReport() throws Exception {
    String[] args = {"generate", "--model", model.toString(), "--prompt", "x", "--max-tokens", "10", "--seed", "4",
        "--temperature", "1.5", "--top-k", "0", "--top-p", "1", "--min-p", "0", "--entropy", "trng", "--json"};
    CliRun a = run(args);
    assertThat(a.exit()).as(a.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(a.out());
    assertThat(j.get("entropy").asText()).startsWith("trng/cell");
    assertThat(new ObjectMapper().readTree(run(args).out()).get("tokens")).isEqualTo(j.get("tokens"));
    CliRun ring = run("generate", "--model", model.toString(), "--prompt", "x", "--max-tokens", "4", "--entropy", "trng",
        "--trng-design", "ring");
    assertThat(ring.exit()).as(ring.err()).isZero();
    assertThat(ring.out()).contains("entropy trng/ring");
    assertThat(run("generate", "--model", model.toString(), "--prompt", "x", "--entropy", "dice").err())
        .contains("--entropy").contains("dice").contains("trng");
    assertThat(run("generate", "--model", model.toString(), "--prompt", "x", "--entropy", "trng", "--trng-design",
        "lava").err()).contains("unknown TRNG design 'lava'");
  }

  @Test
  void trainLmWritesAModelThatLearnedAndLoads() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 120; i++) {
      text.append("And God said, Let there be light: and there was light. ").append(i % 7).append('\n');
    }
    Path corpus = writeText(text.toString());
    Path out = dir.resolve("trained.gguf");
    CliRun r = run("train-lm", "--text", corpus.toString(), "-o", out.toString(), "--vocab", "280", "--dim", "32",
        "--layers", "1", "--heads", "2", "--kv-heads", "1", "--ffn", "64", "--context-length", "32", "--batch", "8",
        "--steps", "60", "--lr", "1e-2", "--eval-interval", "20", "--eval-tokens", "64", "--threads", "1", "--seed", "1");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("held-out:", "wrote");
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("trained-training.json").toFile());
    // A repeated sentence is learnable: far below the uniform ln(280) = 5.6 nats per token.
    assertThat(summary.get("held_out_mean_loss_nats").asDouble()).isLessThan(2.0);
    assertThat(summary.get("command").asText()).startsWith("ferrogen train-lm --text");
    assertThat(Files.readString(dir.resolve("trained-training.csv"))).startsWith("step,train_loss,held_out_loss");
    assertThat(Files.size(dir.resolve("trained-training.png"))).isPositive();
    Path heldOut = dir.resolve("trained-heldout.txt");
    assertThat(Files.readString(heldOut)).isNotEmpty();
    CliRun ppl = run("perplexity", "--model", out.toString(), "--text", heldOut.toString(), "--json");
    assertThat(ppl.exit()).as(ppl.err()).isZero();
    assertThat(new ObjectMapper().readTree(ppl.out()).get("perplexity").asDouble()).isLessThan(Math.exp(2.0));
    CliRun info = run("gguf", "info", out.toString());
    assertThat(info.out()).contains("trained by FerroGen: ferrogen train-lm");
    CliRun bad = run("train-lm", "--text", dir.resolve("none.txt").toString(), "-o", dir.resolve("x.gguf").toString());
    assertThat(bad.err()).contains("none.txt").contains("does not exist");
    assertThat(Files.exists(dir.resolve("x.gguf"))).isFalse();
  }

  @Test
  void shippedModelIsFoundFromInsideTheCheckoutAndMatchesItsRecordedPerplexity() throws Exception {
    Path shipped = org.ferrogen.cli.genai.ModelOptionsAccess.resolveDefault();
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(shipped),
        "models/ferrogen-kjv.gguf not found above " + Path.of("").toAbsolutePath());
    Path heldOut = shipped.resolveSibling("ferrogen-kjv-heldout.txt");
    CliRun r = run("perplexity", "--text", heldOut.toString(), "--text-tokens", "1024", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    JsonNode recorded = new ObjectMapper().readTree(shipped.resolveSibling("ferrogen-kjv-training.json").toFile());
    // The training run recorded the perplexity over all held-out tokens with 128-token windows; the first 1024
    // tokens with a sliding window land within 15 % of it (F16 storage, a different sample of the text).
    assertThat(j.get("perplexity").asDouble())
        .isBetween(recorded.get("held_out_perplexity").asDouble() * 0.85, recorded.get("held_out_perplexity").asDouble() * 1.15);
  }

  private static Path writeText(String s) throws java.io.IOException {
    Path p = Files.createTempFile(dir, "text", ".txt");
    Files.writeString(p, s);
    return p;
  }

  @Test
  void samplerSettingsAreRangeChecked() {
    String[][] bad = {
      {"--temperature", "-1", "--temperature must be >= 0"},
      {"--top-p", "2", "--top-p must be in (0, 1]"},
      {"--top-p", "0", "--top-p must be in (0, 1]"},
      {"--min-p", "1.5", "--min-p must be in [0, 1]"},
      {"--top-k", "-3", "--top-k must be >= 0"},
      {"--repeat-penalty", "0", "--repeat-penalty must be > 0"},
      {"-n", "0", "--max-tokens must be at least 1"},
    };
    for (String[] b : bad) {
      CliRun r = run("generate", "-m", model.toString(), "-p", "x", b[0], b[1]);
      assertThat(r.exit()).as(b[0] + " " + b[1]).isEqualTo(2);
      assertThat(r.err()).contains(b[2]);
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  void moreTokensThanTheContextHoldsAreRefusedSayingWhy() {
    // The tiny model's context is 64 tokens.
    CliRun r = run("generate", "-m", model.toString(), "-p", "x", "-n", "500", "--seed", "1");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("do not fit the model's context of 64 tokens").contains("ask for at most")
        .contains("does not slide the window");
    assertThat(r.out()).isEmpty();
    // Issue 16: --max-tokens 2147483647 overflowed the prompt + tokens sum and printed "generate: -2147483648".
    CliRun max = run("generate", "-m", model.toString(), "-p", "x", "-n", "2147483647", "--seed", "1");
    assertThat(max.exit()).isEqualTo(2);
    assertThat(max.err()).contains("--max-tokens 2147483647 do not fit the model's context of 64 tokens")
        .doesNotContain("-2147483648");
    assertThat(max.out()).isEmpty();
  }

  @Test
  void llamaCppSpellingsAndAPromptFromAFileOrStandardInput() throws Exception {
    Path prompt = dir.resolve("prompt.txt");
    Files.writeString(prompt, "In the beginning");
    CliRun file = run("generate", "-m", model.toString(), "-f", prompt.toString(), "-n", "5", "--temp", "0", "--json");
    assertThat(file.exit()).as(file.err()).isZero();
    CliRun text = run("generate", "-m", model.toString(), "-p", "In the beginning", "-n", "5", "--temp", "0", "--json");
    assertThat(new ObjectMapper().readTree(file.out()).get("tokens")).isEqualTo(new ObjectMapper().readTree(text.out()).get("tokens"));
    java.io.InputStream saved = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream("In the beginning".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      CliRun stdin = run("generate", "-m", model.toString(), "-n", "5", "--temp", "0", "--json");
      assertThat(stdin.exit()).as(stdin.err()).isZero();
      assertThat(new ObjectMapper().readTree(stdin.out()).get("tokens")).isEqualTo(new ObjectMapper().readTree(text.out()).get("tokens"));
    } finally {
      System.setIn(saved);
    }
  }
}
