package org.ferrogen.learn.llama;

/**
 * Optimisation settings of {@link LlamaTrainer}. Each step trains on {@code batchSize} windows of
 * {@code contextLength + 1} tokens drawn uniformly at random (seeded) from the training tokens.
 *
 * @param batchSize       sequences per step
 * @param steps           number of optimiser steps
 * @param learningRate    peak AdamW learning rate
 * @param minLearningRate final learning rate of the cosine decay
 * @param warmupSteps     linear warm-up steps
 * @param weightDecay     decoupled weight decay on matrices (not on norm gains)
 * @param beta1           AdamW first-moment decay
 * @param beta2           AdamW second-moment decay
 * @param gradClip        maximum global gradient norm ({@code 0} disables clipping)
 * @param seed            seed of the initialisation and of the batch sampling
 * @param evalInterval    held-out loss every this many steps (and after the last step)
 * @param evalTokens      held-out tokens used by the periodic evaluation (the final one uses all)
 * @param threads         worker threads for the matrix products
 */
public record TrainingConfig(int batchSize, int steps, float learningRate, float minLearningRate, int warmupSteps,
        float weightDecay, float beta1, float beta2, float gradClip, long seed, int evalInterval, int evalTokens,
        int threads) {

    public TrainingConfig {
        if (batchSize < 1 || steps < 1 || warmupSteps < 0 || evalInterval < 1 || evalTokens < 2 || threads < 1) {
            throw new IllegalArgumentException("invalid training config: batchSize=" + batchSize + " steps=" + steps
                    + " warmupSteps=" + warmupSteps + " evalInterval=" + evalInterval + " evalTokens=" + evalTokens
                    + " threads=" + threads);
        }
        if (!(learningRate > 0) || !(minLearningRate >= 0) || minLearningRate > learningRate
                || !(weightDecay >= 0) || !(gradClip >= 0)) {
            throw new IllegalArgumentException("invalid training config: learningRate=" + learningRate
                    + " minLearningRate=" + minLearningRate + " weightDecay=" + weightDecay + " gradClip=" + gradClip);
        }
    }

    /**
     * Defaults around the given essentials: floor = peak/10, warm-up = min(100, steps/10), weight decay 0.1,
     * β = (0.9, 0.95), clip 1.0, 20 evaluations on up to 16 384 held-out tokens (each costs about a third of
     * a training step per batch of held-out windows), all available processors.
     */
    public static TrainingConfig of(int batchSize, int steps, float learningRate, long seed) {
        return new TrainingConfig(batchSize, steps, learningRate, learningRate / 10, Math.min(100, steps / 10), 0.1f,
                0.9f, 0.95f, 1.0f, seed, Math.max(1, steps / 20), 16384, Runtime.getRuntime().availableProcessors());
    }

    public TrainingConfig withThreads(int newThreads) {
        return new TrainingConfig(batchSize, steps, learningRate, minLearningRate, warmupSteps, weightDecay, beta1,
                beta2, gradClip, seed, evalInterval, evalTokens, newThreads);
    }

    public TrainingConfig withEvaluation(int newEvalInterval, int newEvalTokens) {
        return new TrainingConfig(batchSize, steps, learningRate, minLearningRate, warmupSteps, weightDecay, beta1,
                beta2, gradClip, seed, newEvalInterval, newEvalTokens, threads);
    }
}
