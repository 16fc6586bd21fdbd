package org.ferrogen.learn.nn;

import org.ferrogen.learn.Ops;

/** Mean softmax cross-entropy of a batch of logit rows against integer class targets, with its gradient. */
public final class SoftmaxCrossEntropy {

    private final int classes;
    private float[] gradient = new float[0];
    private float[] rowLoss = new float[0];

    public SoftmaxCrossEntropy(int classes) {
        this.classes = classes;
    }

    /** Mean loss (nats) over {@code rows}; afterwards {@link #gradient()} holds d(mean loss)/d(logits). */
    public double loss(float[] logits, int rows, int[] targets) {
        if (gradient.length < rows * classes) {
            gradient = new float[rows * classes];
            rowLoss = new float[rows];
        }
        return Ops.softmaxCrossEntropy(logits, 0, rows, classes, targets, 0, gradient, 1f / rows, rowLoss) / rows;
    }

    /** Gradient of the last {@link #loss} with respect to the logits ({@code rows × classes}). */
    public float[] gradient() {
        return gradient;
    }

    /** Index of the largest logit in row {@code row}. */
    public int predict(float[] logits, int row) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (logits[row * classes + c] > logits[row * classes + best]) {
                best = c;
            }
        }
        return best;
    }
}
