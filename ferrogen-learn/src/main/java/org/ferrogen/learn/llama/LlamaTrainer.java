package org.ferrogen.learn.llama;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.ferrogen.learn.Parallel;
import org.ferrogen.learn.optim.AdamW;
import org.ferrogen.learn.optim.CosineSchedule;
import org.ferrogen.learn.optim.Gradients;

/**
 * Trains a {@link LlamaModel} on a token stream with AdamW, global-norm clipping and a warm-up + cosine
 * learning-rate schedule, and measures held-out perplexity. Deterministic for a given configuration, seed
 * and token streams, whatever the thread count.
 */
public final class LlamaTrainer implements AutoCloseable {

    /** Mixed into the seed for batch sampling so it is independent of the initialisation stream. */
    private static final long SAMPLING_SEED_MIX = 0x9E3779B97F4A7C15L;

    private final LlamaConfig config;
    private final TrainingConfig training;
    private final LlamaModel model;
    private final Parallel parallel;

    /** A trainer whose model is initialised from {@code training.seed()}. */
    public LlamaTrainer(LlamaConfig config, TrainingConfig training) {
        this.config = config;
        this.training = training;
        this.model = new LlamaModel(config);
        this.parallel = new Parallel(training.threads());
        model.initialise(training.seed());
    }

    /** A trainer that continues from {@code initial} (fine-tuning or resuming from a checkpoint). */
    public LlamaTrainer(LlamaWeights initial, TrainingConfig training) {
        this(initial.config(), training);
        model.load(initial);
    }

    public LlamaModel model() {
        return model;
    }

    /**
     * Runs {@link TrainingConfig#steps()} optimiser steps on windows of {@code trainTokens}, evaluating on
     * {@code validTokens} every {@link TrainingConfig#evalInterval()} steps and at the end.
     */
    public TrainingResult train(int[] trainTokens, int[] validTokens, TrainingListener listener) {
        int seqLen = config.contextLength();
        int batch = training.batchSize();
        if (trainTokens.length < seqLen + 1) {
            throw new IllegalArgumentException("training text has " + trainTokens.length
                    + " tokens; a window needs contextLength + 1 = " + (seqLen + 1));
        }
        if (validTokens.length < 2) {
            throw new IllegalArgumentException("held-out text has " + validTokens.length + " tokens; need at least 2");
        }
        checkTokens("training", trainTokens);
        checkTokens("held-out", validTokens);
        AdamW optimiser = new AdamW(model.parameters(), training.beta1(), training.beta2(), 1e-8f,
                training.weightDecay());
        CosineSchedule schedule = new CosineSchedule(training.learningRate(), training.minLearningRate(),
                training.warmupSteps(), training.steps());
        SplittableRandom sampler = new SplittableRandom(training.seed() ^ SAMPLING_SEED_MIX);
        int rows = batch * seqLen;
        int[] inputs = new int[rows];
        int[] targets = new int[rows];
        int[] periodicValid = Arrays.copyOf(validTokens, Math.min(validTokens.length, training.evalTokens()));
        List<LossPoint> curve = new ArrayList<>(training.steps());
        long trainingNanos = 0;
        long tokensSeen = 0;
        long start = System.nanoTime();
        for (int step = 0; step < training.steps(); step++) {
            long stepStart = System.nanoTime();
            for (int b = 0; b < batch; b++) {
                int offset = sampler.nextInt(trainTokens.length - seqLen);
                System.arraycopy(trainTokens, offset, inputs, b * seqLen, seqLen);
                System.arraycopy(trainTokens, offset + 1, targets, b * seqLen, seqLen);
            }
            model.zeroGradients();
            double loss = model.lossAndGradients(parallel, inputs, targets, batch, seqLen, true);
            double norm = training.gradClip() > 0
                    ? Gradients.clipGlobalNorm(model.parameters(), training.gradClip())
                    : Gradients.globalNorm(model.parameters());
            float rate = schedule.rate(step);
            optimiser.step(rate);
            trainingNanos += System.nanoTime() - stepStart;
            tokensSeen += rows;
            int done = step + 1;
            double valid = Double.NaN;
            if (done % training.evalInterval() == 0 || done == training.steps()) {
                valid = evaluate(periodicValid).meanLoss();
            }
            LossPoint point = new LossPoint(done, loss, valid, rate, norm, tokensSeen,
                    (System.nanoTime() - start) / 1e9);
            curve.add(point);
            listener.onStep(point);
        }
        Evaluation validation = evaluate(validTokens);
        double seconds = trainingNanos / 1e9;
        return new TrainingResult(model.snapshot(), training, curve, validation, seconds, tokensSeen / seconds);
    }

    /**
     * Held-out loss of the current weights on {@code tokens}: consecutive non-overlapping windows of
     * {@code contextLength} predictions (window {@code w} reads tokens {@code [w·C, w·C + C)} and predicts
     * {@code [w·C + 1, w·C + C + 1)}), so every token but the first is predicted exactly once, with the
     * context restarting at each window. The last, shorter window is padded after its end, which causal
     * attention makes invisible to the counted positions.
     */
    public Evaluation evaluate(int[] tokens) {
        if (tokens.length < 2) {
            throw new IllegalArgumentException("evaluation needs at least 2 tokens, got " + tokens.length);
        }
        checkTokens("evaluation", tokens);
        int seqLen = config.contextLength();
        int batch = training.batchSize();
        int predictions = tokens.length - 1;
        int windows = (predictions + seqLen - 1) / seqLen;
        int[] inputs = new int[batch * seqLen];
        int[] targets = new int[batch * seqLen];
        int[] counted = new int[batch];
        double total = 0;
        for (int first = 0; first < windows; first += batch) {
            Arrays.fill(inputs, 0);
            Arrays.fill(targets, 0);
            for (int b = 0; b < batch; b++) {
                int window = first + b;
                int start = window * seqLen;
                int count = window < windows ? Math.min(seqLen, predictions - start) : 0;
                counted[b] = count;
                if (count > 0) {
                    System.arraycopy(tokens, start, inputs, b * seqLen, count);
                    System.arraycopy(tokens, start + 1, targets, b * seqLen, count);
                }
            }
            model.lossAndGradients(parallel, inputs, targets, batch, seqLen, false);
            float[] rowLoss = model.lastRowLosses();
            for (int b = 0; b < batch; b++) {
                for (int t = 0; t < counted[b]; t++) {
                    total += rowLoss[b * seqLen + t];
                }
            }
        }
        return new Evaluation(predictions, total / predictions);
    }

    /** Held-out loss of {@code weights} on {@code tokens} (see {@link #evaluate(int[])}). */
    public static Evaluation evaluate(LlamaWeights weights, int[] tokens, int batchSize, int threads) {
        TrainingConfig settings = new TrainingConfig(batchSize, 1, 1e-3f, 0f, 0, 0f, 0.9f, 0.95f, 0f, 0L, 1, 2,
                threads);
        try (LlamaTrainer trainer = new LlamaTrainer(weights, settings)) {
            return trainer.evaluate(tokens);
        }
    }

    private void checkTokens(String what, int[] tokens) {
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= config.vocabSize()) {
                throw new IllegalArgumentException(what + " token " + tokens[i] + " at index " + i
                        + " is outside the vocabulary [0, " + config.vocabSize() + ")");
            }
        }
    }

    @Override
    public void close() {
        parallel.close();
    }
}
