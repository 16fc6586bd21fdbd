package org.ferrogen.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ferrogen.learn.GradientCheck.gaussian;
import static org.ferrogen.learn.GradientCheck.relativeError;
import static org.ferrogen.learn.GradientCheck.weightedSum;

import java.util.SplittableRandom;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Finite-difference checks of every backward pass: the loss is {@code Σ r ⊙ y} for a fixed random {@code r},
 * so its gradient with respect to the output is {@code r}.
 */
class OpsGradientTest {

    /** Central differences with float forward passes agree to ~1e-4 here; 2e-3 leaves margin for rounding. */
    private static final double TOLERANCE = 2e-3;
    private static final float STEP = 1e-2f;

    @Test
    void rmsNormBackwardMatchesFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(1);
        int rows = 3;
        int width = 8;
        float[] x = gaussian(random, rows * width, 1);
        float[] w = gaussian(random, width, 1);
        float[] r = gaussian(random, rows * width, 1);
        float[] y = new float[rows * width];
        float[] inv = new float[rows];
        Ops.rmsNormForward(x, rows, width, w, 1e-5f, y, inv);
        float[] dx = new float[rows * width];
        float[] dw = new float[width];
        Ops.rmsNormBackward(x, rows, width, w, inv, r, dx, dw);
        java.util.function.DoubleSupplier loss = () -> {
            Ops.rmsNormForward(x, rows, width, w, 1e-5f, y, inv);
            return weightedSum(r, y);
        };
        assertThat(relativeError(x, dx, loss, STEP)).isLessThan(TOLERANCE);
        assertThat(relativeError(w, dw, loss, STEP)).isLessThan(TOLERANCE);
    }

    @Test
    void rmsNormMatchesDefinition() {
        float[] x = {3, 4};
        float[] y = new float[2];
        float[] inv = new float[1];
        Ops.rmsNormForward(x, 1, 2, new float[] {1, 2}, 1e-5f, y, inv);
        double rms = Math.sqrt((9 + 16) / 2.0 + 1e-5);
        assertThat((double) y[0]).isCloseTo(3 / rms, Offset.offset(1e-6));
        assertThat((double) y[1]).isCloseTo(2 * 4 / rms, Offset.offset(1e-6));
    }

    @Test
    void layerNormBackwardMatchesFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(2);
        int rows = 3;
        int width = 7;
        float[] x = gaussian(random, rows * width, 1);
        float[] gamma = gaussian(random, width, 1);
        float[] beta = gaussian(random, width, 1);
        float[] r = gaussian(random, rows * width, 1);
        float[] y = new float[rows * width];
        float[] mean = new float[rows];
        float[] inv = new float[rows];
        Ops.layerNormForward(x, rows, width, gamma, beta, 1e-5f, y, mean, inv);
        float[] dx = new float[rows * width];
        float[] dGamma = new float[width];
        float[] dBeta = new float[width];
        Ops.layerNormBackward(x, rows, width, gamma, mean, inv, r, dx, dGamma, dBeta);
        java.util.function.DoubleSupplier loss = () -> {
            Ops.layerNormForward(x, rows, width, gamma, beta, 1e-5f, y, mean, inv);
            return weightedSum(r, y);
        };
        assertThat(relativeError(x, dx, loss, STEP)).isLessThan(TOLERANCE);
        assertThat(relativeError(gamma, dGamma, loss, STEP)).isLessThan(TOLERANCE);
        assertThat(relativeError(beta, dBeta, loss, STEP)).isLessThan(TOLERANCE);
    }

    @Test
    void swigluBackwardMatchesFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 40;
        float[] gate = gaussian(random, n, 2);
        float[] up = gaussian(random, n, 1);
        float[] r = gaussian(random, n, 1);
        float[] s = new float[n];
        float[] dGate = new float[n];
        float[] dUp = new float[n];
        Ops.swigluBackward(gate, up, r, dGate, dUp, 0, n);
        java.util.function.DoubleSupplier loss = () -> {
            Ops.swigluForward(gate, up, s, 0, n);
            return weightedSum(r, s);
        };
        assertThat(relativeError(gate, dGate, loss, STEP)).isLessThan(TOLERANCE);
        assertThat(relativeError(up, dUp, loss, STEP)).isLessThan(TOLERANCE);
    }

    @Test
    void reluBackwardPassesGradientOnlyWherePositive() {
        float[] x = {-1, 2, 0, 3};
        float[] y = new float[4];
        Ops.reluForward(x, y, 4);
        assertThat(y).containsExactly(0, 2, 0, 3);
        float[] dx = new float[4];
        Ops.reluBackward(x, new float[] {5, 6, 7, 8}, dx, 4);
        assertThat(dx).containsExactly(0, 6, 0, 8);
    }

    @Test
    void softmaxCrossEntropyGradientMatchesFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(4);
        int rows = 4;
        int classes = 9;
        float[] logits = gaussian(random, rows * classes, 3);
        int[] targets = {0, 8, 3, 3};
        float[] grad = new float[rows * classes];
        float[] rowLoss = new float[rows];
        double total = Ops.softmaxCrossEntropy(logits, 0, rows, classes, targets, 0, grad, 1f, rowLoss);
        double direct = 0;
        for (int t = 0; t < rows; t++) {
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(logits[t * classes + c]);
            }
            direct += Math.log(sum) - logits[t * classes + targets[t]];
        }
        assertThat(total).isCloseTo(direct, Offset.offset(1e-4));
        assertThat(relativeError(logits, grad, () -> Ops.softmaxCrossEntropy(logits, 0, rows, classes, targets, 0,
                null, 1f, rowLoss), STEP)).isLessThan(TOLERANCE);
    }

    @Test
    void softmaxCrossEntropyRejectsTargetOutsideTheClasses() {
        assertThatThrownBy(() -> Ops.softmaxCrossEntropy(new float[4], 0, 1, 4, new int[] {4}, 0, null, 1f,
                new float[1])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target 4");
    }

    @Test
    void embeddingBackwardScattersIntoTheUsedRows() {
        float[] table = {1, 2, 3, 4, 5, 6}; // 3 tokens × 2
        int[] tokens = {2, 0, 2};
        float[] out = new float[6];
        Ops.embeddingForward(table, 3, 2, tokens, 0, 3, out);
        assertThat(out).containsExactly(5, 6, 1, 2, 5, 6);
        float[] dTable = new float[6];
        Ops.embeddingBackward(dTable, 2, tokens, 0, 3, new float[] {1, 1, 2, 2, 3, 3});
        assertThat(dTable).containsExactly(2, 2, 0, 0, 4, 4);
        assertThatThrownBy(() -> Ops.embeddingForward(table, 3, 2, new int[] {3}, 0, 1, out))
                .hasMessageContaining("token 3");
    }

    @Test
    void ropeRotatesAdjacentPairsByPositionTimesFrequency() {
        int headDim = 4;
        RotaryEmbedding rope = new RotaryEmbedding(8, headDim, 10000);
        // Two rows (positions 0 and 1) of one head: (1, 0, 1, 0).
        float[] x = {1, 0, 1, 0, 1, 0, 1, 0};
        rope.rotate(x, 2, 8, 1, false);
        assertThat(x[0]).isEqualTo(1f);
        assertThat(x[1]).isEqualTo(0f);
        // Position 1, pair 0: θ = 1; pair 1: θ = 10000^(−2/4) = 0.01.
        assertThat((double) x[4]).isCloseTo(Math.cos(1), Offset.offset(1e-6));
        assertThat((double) x[5]).isCloseTo(Math.sin(1), Offset.offset(1e-6));
        assertThat((double) x[6]).isCloseTo(Math.cos(0.01), Offset.offset(1e-6));
        assertThat((double) x[7]).isCloseTo(Math.sin(0.01), Offset.offset(1e-6));
    }

    @Test
    void ropeInverseIsTheBackwardPass() {
        SplittableRandom random = new SplittableRandom(5);
        int rows = 6;
        int heads = 2;
        int headDim = 6;
        RotaryEmbedding rope = new RotaryEmbedding(3, headDim, 10000);
        float[] x = gaussian(random, rows * heads * headDim, 1);
        float[] r = gaussian(random, rows * heads * headDim, 1);
        float[] grad = r.clone();
        rope.rotate(grad, rows, 3, heads, true);
        float[] y = new float[x.length];
        java.util.function.DoubleSupplier loss = () -> {
            System.arraycopy(x, 0, y, 0, x.length);
            rope.rotate(y, rows, 3, heads, false);
            return weightedSum(r, y);
        };
        assertThat(relativeError(x, grad, loss, STEP)).isLessThan(TOLERANCE);
    }

    @ParameterizedTest
    @CsvSource({"2,5,4,2,4", "1,20,2,1,16", "2,7,3,3,2", "1,40,2,1,16"})
    void attentionBackwardMatchesFiniteDifferences(int batch, int seqLen, int heads, int kvHeads, int headDim) {
        SplittableRandom random = new SplittableRandom(batch * 100 + seqLen);
        int rows = batch * seqLen;
        float[] q = gaussian(random, rows * heads * headDim, 1);
        float[] k = gaussian(random, rows * kvHeads * headDim, 1);
        float[] v = gaussian(random, rows * kvHeads * headDim, 1);
        float[] r = gaussian(random, rows * heads * headDim, 1);
        CausalAttention attention = new CausalAttention(batch, seqLen, heads, kvHeads, headDim);
        float[] out = new float[rows * heads * headDim];
        float[] probs = new float[attention.probabilityCount()];
        float[] dq = new float[q.length];
        float[] dk = new float[k.length];
        float[] dv = new float[v.length];
        try (Parallel parallel = new Parallel(2)) {
            attention.forward(parallel, q, k, v, out, probs);
            attention.backward(parallel, q, k, v, probs, r, dq, dk, dv);
            java.util.function.DoubleSupplier loss = () -> {
                attention.forward(parallel, q, k, v, out, probs);
                return weightedSum(r, out);
            };
            assertThat(relativeError(q, dq, loss, STEP)).isLessThan(TOLERANCE);
            assertThat(relativeError(k, dk, loss, STEP)).isLessThan(TOLERANCE);
            assertThat(relativeError(v, dv, loss, STEP)).isLessThan(TOLERANCE);
        }
    }

    @Test
    void attentionIsCausalAndUsesTheGroupedKvHead() {
        // One sequence of 3 positions, 2 query heads sharing 1 kv head, head dimension 2.
        CausalAttention attention = new CausalAttention(1, 3, 2, 1, 2);
        float[] q = {1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1};
        float[] k = {1, 0, 0, 1, 1, 1};
        float[] v = {1, 2, 3, 4, 5, 6};
        float[] out = new float[12];
        float[] probs = new float[attention.probabilityCount()];
        try (Parallel parallel = new Parallel(1)) {
            attention.forward(parallel, q, k, v, out, probs);
        }
        // Position 0 sees only itself: output = v0 for both heads.
        assertThat(out[0]).isEqualTo(1f);
        assertThat(out[1]).isEqualTo(2f);
        assertThat(out[2]).isEqualTo(1f);
        assertThat(out[3]).isEqualTo(2f);
        // Position 1, head 0: scores (q·k)/sqrt(2) = (1, 0)/sqrt(2).
        double s = 1 / Math.sqrt(2);
        double p0 = Math.exp(s) / (Math.exp(s) + 1);
        assertThat((double) out[4]).isCloseTo(p0 * 1 + (1 - p0) * 3, Offset.offset(1e-5));
        assertThat((double) out[5]).isCloseTo(p0 * 2 + (1 - p0) * 4, Offset.offset(1e-5));
        // Head 1 at position 1: scores (0, 1)/sqrt(2).
        assertThat((double) out[6]).isCloseTo((1 - p0) * 1 + p0 * 3, Offset.offset(1e-5));
    }
}
