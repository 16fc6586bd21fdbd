package org.ferrogen.genai.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.ferrogen.genai.backend.FloatBackend;
import org.ferrogen.genai.backend.LinearLayer;
import org.ferrogen.genai.backend.WeightMatrix;
import org.ferrogen.genai.gguf.GgmlType;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.train.HeadFeatures;
import org.ferrogen.learn.llama.LlamaConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorded head inputs are exactly what the output layer multiplied (the on-chip fine-tuning's features). */
class HeadFeaturesTest {
  @TempDir Path dir;

  @Test
  void recordedInputsReproduceTheModelsOwnLossWindowByWindow() throws Exception {
    LlamaConfig c = LlamaReferenceTest.config(2, true);
    Map<String, float[]> tensors = LlamaReferenceTest.randomTensors(c, 5);
    Path file = dir.resolve("tiny.gguf");
    try (OutputStream out = Files.newOutputStream(file)) {
      LlamaGguf.writer(c, tensors, GgmlType.F32, LlamaReferenceTest.vocabulary()).write(out);
    }
    GgufFile gguf = GgufFile.open(file);
    int[] tokens = new SplittableRandom(9).ints(c.contextLength() + 7, 0, c.vocabSize()).toArray();
    try (FloatBackend backend = new FloatBackend(1); FloatBackend plain = new FloatBackend(1)) {
      HeadFeatures recorder = new HeadFeatures(backend);
      LlamaModel model = LlamaModel.load(gguf, recorder);
      long[] progress = {0};
      HeadFeatures.Pass pass = recorder.run(model, tokens, n -> progress[0] += n);
      assertThat(pass.examples().count()).isEqualTo(tokens.length - 1);
      assertThat(progress[0]).isEqualTo(tokens.length - 1);
      assertThat(pass.examples().targets()[0]).isEqualTo(tokens[1]);

      // The same loss one token at a time, the context restarting at each window of contextLength predictions.
      LlamaModel reference = LlamaModel.load(gguf, plain);
      LlamaSession session = reference.newSession();
      double sum = 0;
      for (int i = 0; i < tokens.length - 1; i++) {
        if (i % c.contextLength() == 0) {
          session.reset();
        }
        float[] logits = session.forward(tokens[i]);
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
          max = Math.max(max, v);
        }
        double z = 0;
        for (float v : logits) {
          z += Math.exp(v - max);
        }
        sum += max + Math.log(z) - logits[tokens[i + 1]];
      }
      assertThat(pass.meanLossNats()).isCloseTo(sum / (tokens.length - 1), within(1e-4));

      // The tied head applied to the recorded inputs gives that loss again.
      LinearLayer head = plain.program(WeightMatrix.of(gguf.requireTensor("token_embd.weight")));
      assertThat(HeadFeatures.meanLoss(head, pass.examples())).isCloseTo(pass.meanLossNats(), within(1e-4));
      assertThatThrownBy(() -> recorder.run(model, new int[] {1}, n -> {})).hasMessageContaining("nothing to predict");
    }
  }
}
