package org.ferrogen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferrogen.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ferrogen.chip.ChipState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train-lm --on-chip}: a tiny random model programmed on a chip whose synapse region holds its
 * head, fine-tuned on a tiny text; and {@code train -o STATE}. Every run has a fixed seed, so the
 * outcomes are deterministic (no false failures).
 */
class OnChipFineTuneTest {
  @TempDir static Path dir;
  static Path model;
  static Path state;
  static Path text;



  @BeforeAll
  static void programATinyModel() throws Exception {
    model = dir.resolve("tiny.gguf");
    CliRun r = run("gguf", "random", "--param-count", "100K", "--vocab", "300", "--context-length", "32", "--type", "f16",
        "--seed", "1", "-o", model.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    Path spec = dir.resolve("chip.yaml");
    Files.writeString(spec, """
        base: edge
        name: edge-tiny-finetune
        synapseArrays:
          - {name: fine-tune, transferLines: 16384, fecapsPerLine: 128, memristorsPerLine: 16, fecapsPerSynapse: 14,
             memristorsPerSynapse: 2, hiddenBits: 10, analogBits: 4, transferEvery: 100, fecapProgramJoules: 1.0e-13,
             memristorProgramJoules: 1.0e-12, parameterSet: cea-leti-2025}
        """);
    state = dir.resolve("tiny.state");
    CliRun p = run("chip", "program", "--chip", spec.toString(), "--model", model.toString(), "--seed", "3", "-o",
        state.toString(), "--quiet");
    assertThat(p.exit()).as(p.err()).isZero();
    text = dir.resolve("new.txt");
    Files.writeString(text, "A rolling stone gathers no moss. A penny saved is a penny earned. ".repeat(15));
  }

  @Test
  void fineTuningTheHeadOnTheChipLowersHeldOutLossAndSavesABootableState() throws Exception {
    Path original = dir.resolve("original.txt");
    Files.writeString(original, "In the beginning God created the heaven and the earth. ".repeat(8));
    Path out = dir.resolve("tuned.state");
    CliRun r = run("train-lm", "--on-chip", "--state", state.toString(), "-m", model.toString(), "--text", text.toString(),
        "--original-text", original.toString(), "--epochs", "2", "--lr", "0.05", "--eval-tokens", "200", "--seed", "1",
        "-o", out.toString(), "--json", "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    JsonNode held = j.get("held_out_perplexity");
    // A repeated pair of proverbs is learnable from a random model's features: the head must gain a lot.
    assertThat(held.get("hybrid_head_after").asDouble()).isLessThan(0.7 * held.get("hybrid_head_before").asDouble());
    assertThat(held.get("deployed_head_after").asDouble()).isLessThan(0.7 * held.get("state_head").asDouble());
    assertThat(j.get("original_perplexity").get("state_head").isNumber()).isTrue();
    assertThat(j.get("head_untied_from_token_embd").asBoolean()).isTrue();
    assertThat(j.get("wear").get("max_fecap_cycles").asLong()).isPositive();
    assertThat(j.get("programming_energy").get("paper_total_j").asDouble()).isPositive();
    assertThat(j.get("programming_energy").get("device_model_total_j").asDouble()).isPositive();
    // Every training prediction of each epoch reads the head once (the body is frozen: no backward read
    // of the head is needed), and the evaluations read it again.
    JsonNode reads = j.get("read_energy");
    assertThat(reads.get("mvms").asLong()).isGreaterThan(2L * j.get("train_predictions").asLong());
    assertThat(reads.get("cells_j").asDouble()).isPositive();
    assertThat(reads.get("adc_j").asDouble()).isPositive();

    ChipState saved = ChipState.read(out);
    assertThat(saved.synapses()).hasSize(1);
    assertThat(saved.synapses().get(0).name()).isEqualTo("output.weight");
    assertThat(saved.matrices()).anyMatch(m -> m.name().equals("output.weight"))
        .noneMatch(m -> m.name().startsWith("output.weight (tied"));
    // perplexity --state boots the fine-tuned head: on the held-out part it scores like the run's deployed head.
    Path heldOut = dir.resolve("held.txt");
    Files.writeString(heldOut, "A rolling stone gathers no moss. A penny saved is a penny earned. ".repeat(4));
    CliRun before = run("perplexity", "--state", state.toString(), "-m", model.toString(), "-f", heldOut.toString(),
        "--json", "--quiet");
    CliRun after = run("perplexity", "--state", out.toString(), "-m", model.toString(), "-f", heldOut.toString(),
        "--json", "--quiet");
    assertThat(after.exit()).as(after.err()).isZero();
    double pBefore = new ObjectMapper().readTree(before.out()).get("perplexity").asDouble();
    double pAfter = new ObjectMapper().readTree(after.out()).get("perplexity").asDouble();
    assertThat(pAfter).isLessThan(0.7 * pBefore);
  }

  @Test
  void badInputsAreOneLineErrorsNamingTheFile() throws Exception {
    Path out = dir.resolve("never.state");
    CliRun missing = run("train-lm", "--on-chip", "--state", state.toString(), "-m", model.toString(), "--text",
        dir.resolve("absent.txt").toString(), "-o", out.toString());
    assertOneLine(missing, "absent.txt");

    Path shortText = dir.resolve("short.txt");
    Files.writeString(shortText, "Too short.");
    CliRun tooShort = run("train-lm", "--on-chip", "--state", state.toString(), "-m", model.toString(), "--text",
        shortText.toString(), "-o", out.toString());
    assertOneLine(tooShort, "short.txt");
    assertThat(tooShort.err()).contains("shorter than one window");

    Path other = dir.resolve("other.gguf");
    assertThat(run("gguf", "random", "--param-count", "100K", "--vocab", "300", "--context-length", "32", "--seed", "2",
        "-o", other.toString()).exit()).isZero();
    CliRun wrongModel = run("train-lm", "--on-chip", "--state", state.toString(), "-m", other.toString(), "--text",
        text.toString(), "-o", out.toString());
    assertOneLine(wrongModel, state.toString());
    assertThat(wrongModel.err()).contains("other.gguf");

    CliRun noState = run("train-lm", "--on-chip", "--text", text.toString(), "-o", out.toString());
    assertOneLine(noState, "--state");

    // An option the chosen mode would not read is refused, naming it, in either direction.
    CliRun scratchOption = run("train-lm", "--on-chip", "--state", state.toString(), "-m", model.toString(), "--text",
        text.toString(), "--dim", "64", "--steps", "10", "-o", out.toString());
    assertOneLine(scratchOption, "--dim, --steps");
    CliRun onChipOption = run("train-lm", "--text", text.toString(), "--epochs", "2", "-o",
        dir.resolve("never.gguf").toString());
    assertOneLine(onChipOption, "--epochs only apply with --on-chip");
    assertThat(Files.exists(out)).as("no output after a refusal").isFalse();
  }

  private static void assertOneLine(CliRun r, String named) {
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip()).contains(named).doesNotContain("\n").doesNotContain("at org.");
  }

  @Test
  void trainSavesItsSynapseArraysInAChipState() throws Exception {
    Path out = dir.resolve("mlp.state");
    CliRun r = run("train", "--dataset", "fashion-mnist-subset", "--net", "784-16-10", "--epochs", "1", "--train-samples",
        "200", "--seed", "1", "-o", out.toString(), "--json", "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();
    ChipState saved = ChipState.read(out);
    assertThat(saved.synapses()).extracting(ChipState.TrainedSynapses::name).containsExactly("fc1", "fc2");
    ChipState.TrainedSynapses fc1 = saved.synapses().get(0);
    assertThat(fc1.rows()).isEqualTo(16);
    assertThat(fc1.cols()).isEqualTo(784);
    long nonZero = 0;
    for (int i = 0; i < fc1.hidden().length; i++) {
      assertThat((int) fc1.hidden()[i]).isBetween(-511, 511);
      assertThat(fc1.plus()[i]).isGreaterThanOrEqualTo(0f);
      nonZero += fc1.hidden()[i] != 0 ? 1 : 0;
    }
    assertThat(nonZero).isGreaterThan(fc1.hidden().length / 2);
    assertThat(saved.model().fileName()).isEqualTo("net 784-16-10");

    CliRun floatScheme = run("train", "--dataset", "fashion-mnist-subset", "--net", "784-8-10", "--epochs", "1",
        "--train-samples", "50", "--scheme", "float", "--seed", "1", "-o", dir.resolve("f.state").toString());
    assertOneLine(floatScheme, "f.state");
    assertThat(Files.exists(dir.resolve("f.state"))).isFalse();
  }
}
