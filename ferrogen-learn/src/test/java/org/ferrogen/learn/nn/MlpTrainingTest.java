package org.ferrogen.learn.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import org.ferrogen.learn.GradientCheck;
import org.ferrogen.learn.optim.Sgd;
import org.junit.jupiter.api.Test;

class MlpTrainingTest {

    /** Layer-norm + ReLU MLP, the shape of the on-chip training network (784-200-100-10) scaled down. */
    private static Sequential mlp(int in, int hidden1, int hidden2, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new Sequential(List.of(
                new Linear("fc1", in, hidden1, true).initialiseHe(random.split()),
                new LayerNorm("ln1", hidden1, 1e-5f),
                new Relu(hidden1),
                new Linear("fc2", hidden1, hidden2, true).initialiseHe(random.split()),
                new LayerNorm("ln2", hidden2, 1e-5f),
                new Relu(hidden2),
                new Linear("fc3", hidden2, classes, true).initialiseHe(random.split())));
    }

    @Test
    void gradientsOfTheMlpMatchFiniteDifferences() {
        Sequential net = mlp(6, 10, 8, 4, 3);
        SplittableRandom random = new SplittableRandom(4);
        int rows = 5;
        float[] x = GradientCheck.gaussian(random, rows * 6, 1);
        int[] y = {0, 1, 2, 3, 1};
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(4);
        net.zeroGradients();
        loss.loss(net.forward(x, rows), rows, y);
        net.backward(loss.gradient());
        // A small step (1e-3) keeps the differences from straddling ReLU kinks, which a 1e-2 step does here.
        for (var p : net.parameters()) {
            float[] analytic = p.grad().clone();
            double error = GradientCheck.relativeError(p.value(), analytic,
                    () -> loss.loss(net.forward(x, rows), rows, y), 1e-3f);
            assertThat(error).as(p.name()).isLessThan(5e-3);
        }
    }

    /**
     * Online SGD (batch of one) on four Gaussian clusters in 20 dimensions whose centres are 6σ apart: linearly
     * separable up to a negligible overlap, so a working training core must reach ≥ 97 % held-out accuracy.
     */
    @Test
    void onlineSgdLearnsASeparableProblem() {
        int dim = 20;
        int classes = 4;
        SplittableRandom random = new SplittableRandom(12);
        float[][] centres = new float[classes][];
        for (int c = 0; c < classes; c++) {
            centres[c] = GradientCheck.gaussian(random, dim, 3.0 / Math.sqrt(dim) * 1.5);
        }
        Sequential net = mlp(dim, 32, 16, classes, 5);
        Sgd sgd = Sgd.plain(net.parameters());
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(classes);
        float[] x = new float[dim];
        int[] label = new int[1];
        for (int i = 0; i < 3000; i++) {
            sample(random, centres, x, label);
            net.zeroGradients();
            loss.loss(net.forward(x, 1), 1, label);
            net.backward(loss.gradient());
            sgd.step(0.02f);
        }
        int correct = 0;
        int tests = 1000;
        for (int i = 0; i < tests; i++) {
            sample(random, centres, x, label);
            if (loss.predict(net.forward(x, 1), 0) == label[0]) {
                correct++;
            }
        }
        assertThat(correct).isGreaterThanOrEqualTo(970);
    }

    private static void sample(SplittableRandom random, float[][] centres, float[] x, int[] label) {
        int c = random.nextInt(centres.length);
        label[0] = c;
        for (int i = 0; i < x.length; i++) {
            x[i] = centres[c][i] + (float) random.nextGaussian() * 0.5f;
        }
    }
}
