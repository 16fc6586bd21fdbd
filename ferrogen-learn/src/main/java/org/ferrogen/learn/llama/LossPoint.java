package org.ferrogen.learn.llama;

/**
 * One point of the training curve.
 *
 * @param step         1-based optimiser step
 * @param trainLoss    mean cross-entropy (nats/token) of this step's batch, before the update
 * @param validLoss    held-out mean cross-entropy after this step's update, or NaN when not evaluated at this step
 * @param learningRate learning rate used by this step
 * @param gradNorm     global gradient norm before clipping
 * @param tokensSeen   training tokens processed so far
 * @param seconds      wall-clock seconds since training started
 */
public record LossPoint(int step, double trainLoss, double validLoss, float learningRate, double gradNorm,
        long tokensSeen, double seconds) {

    public boolean hasValidLoss() {
        return !Double.isNaN(validLoss);
    }
}
