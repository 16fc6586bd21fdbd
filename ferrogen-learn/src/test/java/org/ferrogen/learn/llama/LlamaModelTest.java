package org.ferrogen.learn.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.ferrogen.learn.GradientCheck;
import org.ferrogen.learn.Parallel;
import org.ferrogen.learn.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LlamaModelTest {

    private static final int BATCH = 2;
    private static final int SEQ = 5;

    private static LlamaConfig tiny(boolean tied) {
        return new LlamaConfig("tiny", 6, 8, 2, 12, 4, 2, 11, 10000f, 1e-5f, tied);
    }

    /**
     * Whole-model check: every parameter tensor's analytic gradient against central differences of the mean
     * loss. Weights are scaled up from the 0.02 initialisation so that every path carries a visible gradient.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void gradientsOfEveryTensorMatchFiniteDifferences(boolean tied) {
        LlamaModel model = new LlamaModel(tiny(tied));
        model.initialise(7);
        SplittableRandom random = new SplittableRandom(11);
        for (Parameter p : model.parameters()) {
            float[] v = p.value();
            for (int i = 0; i < v.length; i++) {
                v[i] = p.decays() ? v[i] * 15 : 1f + (float) random.nextGaussian() * 0.3f;
            }
        }
        int[] inputs = new int[BATCH * SEQ];
        int[] targets = new int[BATCH * SEQ];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = random.nextInt(11);
            targets[i] = random.nextInt(11);
        }
        try (Parallel parallel = new Parallel(2)) {
            model.zeroGradients();
            model.lossAndGradients(parallel, inputs, targets, BATCH, SEQ, true);
            for (Parameter p : model.parameters()) {
                float[] analytic = p.grad().clone();
                double error = GradientCheck.relativeError(p.value(), analytic,
                        () -> model.lossAndGradients(parallel, inputs, targets, BATCH, SEQ, false), 1e-2f);
                assertThat(error).as("relative gradient error of %s", p.name()).isLessThan(5e-3);
            }
        }
    }

    @Test
    void parametersCarryGgufNamesAndShapes() {
        LlamaModel model = new LlamaModel(tiny(false));
        assertThat(model.parameters()).extracting(Parameter::name).startsWith("token_embd.weight",
                "blk.0.attn_norm.weight", "blk.0.attn_q.weight", "blk.0.attn_k.weight", "blk.0.attn_v.weight",
                "blk.0.attn_output.weight", "blk.0.ffn_norm.weight", "blk.0.ffn_gate.weight", "blk.0.ffn_up.weight",
                "blk.0.ffn_down.weight").endsWith("output_norm.weight", "output.weight");
        assertThat(model.parameter("blk.1.attn_k.weight").rows()).isEqualTo(4); // kv heads 2 × head dim 2
        assertThat(model.parameter("blk.1.attn_k.weight").cols()).isEqualTo(8);
        assertThat(model.parameter("blk.1.ffn_down.weight").rows()).isEqualTo(8);
        assertThat(model.parameter("blk.1.ffn_down.weight").cols()).isEqualTo(12);
        long total = model.parameters().stream().mapToLong(Parameter::size).sum();
        assertThat(total).isEqualTo(tiny(false).parameterCount());
        assertThat(new LlamaModel(tiny(true)).parameters()).extracting(Parameter::name)
                .doesNotContain("output.weight");
    }

    @Test
    void initialisationIsDeterministicPerSeed() {
        LlamaModel a = new LlamaModel(tiny(true));
        LlamaModel b = new LlamaModel(tiny(true));
        LlamaModel c = new LlamaModel(tiny(true));
        a.initialise(3);
        b.initialise(3);
        c.initialise(4);
        assertThat(a.parameter("blk.1.ffn_up.weight").value()).containsExactly(b.parameter("blk.1.ffn_up.weight").value());
        assertThat(a.parameter("blk.1.ffn_up.weight").value()).isNotEqualTo(c.parameter("blk.1.ffn_up.weight").value());
        assertThat(a.parameter("output_norm.weight").value()).containsOnly(1f);
    }

    @Test
    void causalModelIgnoresLaterTokens() {
        LlamaModel model = new LlamaModel(tiny(true));
        model.initialise(9);
        int[] inputs = {1, 2, 3, 4, 5};
        int[] changed = {1, 2, 3, 9, 0};
        int[] targets = {2, 3, 4, 5, 6};
        try (Parallel parallel = new Parallel(1)) {
            model.lossAndGradients(parallel, inputs, targets, 1, 5, false);
            float[] first = model.lastRowLosses().clone();
            model.lossAndGradients(parallel, changed, targets, 1, 5, false);
            float[] second = model.lastRowLosses();
            assertThat(second[0]).isEqualTo(first[0]);
            assertThat(second[2]).isEqualTo(first[2]);
            assertThat(second[3]).isNotEqualTo(first[3]);
        }
    }

    @Test
    void rejectsSequencesLongerThanTheContext() {
        LlamaModel model = new LlamaModel(tiny(true));
        try (Parallel parallel = new Parallel(1)) {
            assertThatThrownBy(() -> model.lossAndGradients(parallel, new int[7], new int[7], 1, 7, false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("context length 6");
        }
    }

    @Test
    void configRejectsIncompatibleHeads() {
        assertThatThrownBy(() -> LlamaConfig.of(10, 8, 1, 3, 1, 8, 4)).hasMessageContaining("not a multiple of the head count 3");
        assertThatThrownBy(() -> LlamaConfig.of(10, 8, 1, 4, 3, 8, 4)).hasMessageContaining("not a multiple of the KV head count 3");
    }
}
