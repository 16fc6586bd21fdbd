package org.ferrogen.genai.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ferrogen.genai.backend.FloatBackend;
import org.ferrogen.genai.gguf.GgmlType;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.model.LlamaSession;
import org.ferrogen.genai.tokenizer.BpeTrainer;
import org.ferrogen.genai.tokenizer.BpeVocabulary;
import org.ferrogen.learn.Parallel;
import org.ferrogen.learn.llama.LlamaConfig;
import org.ferrogen.learn.llama.LlamaModel;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The trainer's Llama ({@code ferrogen-learn}, whole sequences at once, batched matrix products) and
 * the inference runtime's ({@code ferrogen-genai}, one position at a time over a KV cache and again as
 * a batched prompt pass) give the same logits on the same weights, written to GGUF as F32 so that no
 * quantisation comes between them. Both compute in float32 with different summation orders; with
 * logits up to 3.8 in magnitude the differences measured were at most 3.7e-6, so the tolerance (1e-4
 * absolute) leaves rounding room of 27× and nothing else.
 */
class TrainerRuntimeAgreementTest {
  @TempDir Path dir;

  static final int VOCAB = 300;
  static final double TOLERANCE = 1e-4;

  @ParameterizedTest
  @CsvSource({"4,true,1", "2,false,2", "1,true,2"})
  void sameWeightsGiveSameLogits(int kvHeads, boolean tied, int threads) throws IOException {
    LlamaConfig config = new LlamaConfig("agreement", 24, 64, 2, 160, 4, kvHeads, VOCAB, 10000f, 1e-5f, tied);
    LlamaModel trainer = new LlamaModel(config);
    trainer.initialise(5);
    // Initial weights (σ 0.02) give logits of order 0.01: scale the matrices up so that the logits
    // are of order 1 and a disagreement could not hide under the tolerance.
    for (org.ferrogen.learn.Parameter parameter : trainer.parameters()) {
      if (parameter.decays()) {
        float[] v = parameter.value();
        for (int i = 0; i < v.length; i++) {
          v[i] *= 6;
        }
      }
    }
    BpeVocabulary vocabulary = BpeTrainer.train(
        "in the beginning god created the heaven and the earth. and the earth was without form", VOCAB,
        LanguageModelTraining.SPECIAL_TOKENS);
    Path file = dir.resolve("agreement.gguf");
    try (OutputStream out = Files.newOutputStream(file)) {
      LanguageModelTraining.writer("agreement", trainer.snapshot(), GgmlType.F32, vocabulary, null).write(out);
    }
    int[] tokens = {5, 120, 7, 7, 299, 0, 64, 33, 250, 1, 2, 3, 180, 180, 17, 90};
    float[] want;
    try (Parallel parallel = new Parallel(threads)) {
      want = trainer.logits(parallel, tokens);
    }
    double maxLogit = 0;
    for (float v : want) {
      maxLogit = Math.max(maxLogit, Math.abs(v));
    }
    assertThat(maxLogit).as("largest logit magnitude").isGreaterThan(0.5);

    try (FloatBackend backend = new FloatBackend(threads)) {
      org.ferrogen.genai.model.LlamaModel runtime =
          org.ferrogen.genai.model.LlamaModel.load(GgufFile.open(file), backend);
      assertThat(runtime.config()).isEqualTo(config);
      LlamaSession oneByOne = runtime.newSession();
      for (int pos = 0; pos < tokens.length; pos++) {
        float[] got = oneByOne.forward(tokens[pos]);
        for (int i = 0; i < VOCAB; i++) {
          assertThat((double) got[i]).as("logit %d at position %d, one token at a time", i, pos)
              .isCloseTo(want[pos * VOCAB + i], within(TOLERANCE));
        }
      }
      LlamaSession batched = runtime.newSession();
      batched.forward(tokens, 0, tokens.length, 0, (pos, got) -> {
        for (int i = 0; i < VOCAB; i++) {
          assertThat((double) got[i]).as("logit %d at position %d, batched pass", i, pos)
              .isCloseTo(want[pos * VOCAB + i], within(TOLERANCE));
        }
      });
    }
  }
}
