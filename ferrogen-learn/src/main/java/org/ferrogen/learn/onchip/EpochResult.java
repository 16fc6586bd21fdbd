package org.ferrogen.learn.onchip;

/**
 * One epoch of on-chip training.
 *
 * @param epoch 1-based
 * @param trainAccuracy fraction of the epoch's training samples classified right before their update
 * @param testAccuracy fraction of the test set classified right after the epoch
 * @param meanLoss mean training cross-entropy, nats
 * @param seconds wall time of the epoch (training only)
 * @param wear cumulative writes and energy at the end of the epoch
 */
public record EpochResult(int epoch, double trainAccuracy, double testAccuracy, double meanLoss, double seconds,
    Wear wear) {}
