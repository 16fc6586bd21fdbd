package org.ferrogen.learn.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.data.Offset;
import org.ferrogen.learn.Parallel;
import org.junit.jupiter.api.Test;

class LlamaTrainerTest {

    private static int[] bytes(String text, int repeats) {
        byte[] raw = text.repeat(repeats).getBytes(StandardCharsets.UTF_8);
        int[] tokens = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            tokens[i] = raw[i] & 0xff;
        }
        return tokens;
    }

    private static TrainingConfig settings(int steps, int threads) {
        return new TrainingConfig(4, steps, 1e-2f, 1e-3f, 10, 0.0f, 0.9f, 0.95f, 1.0f, 42L, 50, 512, threads);
    }

    @Test
    void tinyModelOverfitsARepeatedByteSequence() {
        LlamaConfig config = LlamaConfig.of(256, 32, 2, 4, 2, 64, 32);
        int[] text = bytes("the quick brown fox jumps over the lazy dog. ", 40);
        List<LossPoint> seen = new ArrayList<>();
        try (LlamaTrainer trainer = new LlamaTrainer(config, settings(150, 2))) {
            TrainingResult result = trainer.train(text, bytes("the quick brown fox jumps over the lazy dog. ", 3),
                    seen::add);
            double uniform = Math.log(256);
            assertThat(result.curve()).hasSize(150);
            assertThat(seen).isEqualTo(result.curve());
            assertThat(result.curve().get(0).trainLoss()).isCloseTo(uniform, Offset.offset(0.5));
            assertThat(result.curve().get(149).trainLoss()).isLessThan(0.3);
            // The held-out text is the same sentence: its loss falls too, apart from the unpredictable first bytes.
            assertThat(result.validation().meanLoss()).isLessThan(0.6);
            assertThat(result.curve()).filteredOn(LossPoint::hasValidLoss).extracting(LossPoint::step)
                    .containsExactly(50, 100, 150);
            assertThat(result.tokensPerSecond()).isPositive();
            assertThat(result.weights().tensor("token_embd.weight").rows()).isEqualTo(256);
        }
    }

    @Test
    void trainingIsBitIdenticalWhateverTheThreadCount() {
        LlamaConfig config = LlamaConfig.of(64, 16, 1, 2, 1, 32, 8);
        int[] text = new int[400];
        for (int i = 0; i < text.length; i++) {
            text[i] = (i * 7 + i / 13) % 64;
        }
        int[] valid = java.util.Arrays.copyOf(text, 50);
        TrainingResult one;
        TrainingResult two;
        try (LlamaTrainer trainer = new LlamaTrainer(config, settings(5, 1))) {
            one = trainer.train(text, valid, TrainingListener.NONE);
        }
        try (LlamaTrainer trainer = new LlamaTrainer(config, settings(5, 3))) {
            two = trainer.train(text, valid, TrainingListener.NONE);
        }
        for (NamedTensor tensor : one.weights().tensors()) {
            assertThat(two.weights().tensor(tensor.name()).data()).as(tensor.name()).containsExactly(tensor.data());
        }
        assertThat(two.validation()).isEqualTo(one.validation());
    }

    @Test
    void evaluationCountsEveryPredictedTokenOnceAndPaddingIsInvisible() {
        LlamaConfig config = LlamaConfig.of(20, 16, 1, 2, 2, 24, 4);
        int[] tokens = {1, 5, 3, 19, 0, 7, 7, 2, 11, 4};
        try (LlamaTrainer trainer = new LlamaTrainer(config, settings(1, 1));
                Parallel parallel = new Parallel(1)) {
            Evaluation evaluation = trainer.evaluate(tokens);
            assertThat(evaluation.tokens()).isEqualTo(9);
            // Windows of 4 predictions: [0..4)→[1..5), [4..8)→[5..9), [8]→[9], each scored on its own.
            LlamaModel model = trainer.model();
            double sum = model.lossAndGradients(parallel, new int[] {1, 5, 3, 19}, new int[] {5, 3, 19, 0}, 1, 4,
                    false) * 4;
            sum += model.lossAndGradients(parallel, new int[] {0, 7, 7, 2}, new int[] {7, 7, 2, 11}, 1, 4, false) * 4;
            sum += model.lossAndGradients(parallel, new int[] {11}, new int[] {4}, 1, 1, false);
            assertThat(evaluation.meanLoss()).isCloseTo(sum / 9, Offset.offset(1e-6));
            assertThat(evaluation.perplexity()).isCloseTo(Math.exp(sum / 9), Offset.offset(1e-4));
        }
    }

    @Test
    void checkpointRoundTripsAndResumedTrainerEvaluatesTheSame() throws IOException {
        LlamaConfig config = new LlamaConfig("untied", 8, 16, 2, 24, 4, 2, 30, 10000f, 1e-5f, false);
        int[] tokens = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 29};
        try (LlamaTrainer trainer = new LlamaTrainer(config, settings(1, 1))) {
            LlamaWeights weights = trainer.model().snapshot();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            LlamaCheckpoint.write(weights, out);
            LlamaWeights read = LlamaCheckpoint.read(new ByteArrayInputStream(out.toByteArray()));
            assertThat(read.config()).isEqualTo(config);
            assertThat(read.tensors()).extracting(NamedTensor::name)
                    .containsExactlyElementsOf(weights.tensors().stream().map(NamedTensor::name).toList());
            assertThat(read.tensor("output.weight").data()).containsExactly(weights.tensor("output.weight").data());
            assertThat(LlamaTrainer.evaluate(read, tokens, 2, 1)).isEqualTo(trainer.evaluate(tokens));
            byte[] truncated = java.util.Arrays.copyOf(out.toByteArray(), out.size() - 3);
            assertThatThrownBy(() -> LlamaCheckpoint.read(new ByteArrayInputStream(truncated)))
                    .isInstanceOf(IOException.class).hasMessageContaining("truncated");
            byte[] corrupted = out.toByteArray();
            corrupted[0] = 'X';
            assertThatThrownBy(() -> LlamaCheckpoint.read(new ByteArrayInputStream(corrupted)))
                    .hasMessageContaining("magic");
        }
    }

    @Test
    void rejectsTokensOutsideTheVocabulary() {
        LlamaConfig config = LlamaConfig.of(8, 8, 1, 2, 2, 8, 4);
        try (LlamaTrainer trainer = new LlamaTrainer(config, settings(1, 1))) {
            assertThatThrownBy(() -> trainer.train(new int[] {1, 2, 3, 4, 9, 1}, new int[] {1, 2},
                    TrainingListener.NONE)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("token 9 at index 4");
            assertThatThrownBy(() -> trainer.train(new int[] {1, 2, 3}, new int[] {1, 2}, TrainingListener.NONE))
                    .hasMessageContaining("contextLength + 1");
        }
    }
}
