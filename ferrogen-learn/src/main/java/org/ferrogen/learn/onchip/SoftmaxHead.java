package org.ferrogen.learn.onchip;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.ferrogen.device.seed.StreamSeeds;
import org.ferrogen.learn.nn.SoftmaxCrossEntropy;

/**
 * A softmax classifier head (classes × width) whose weights live in a {@link SynapticMatrix}, trained
 * online (batch of one, the paper's regime) on fixed feature vectors: the last layer of a frozen
 * network fine-tuned on the chip, e.g. a language model's output layer on the hidden states of a
 * new text. Forward reads, and so the loss each update follows, go through the matrix's own reads
 * (memristor conductances, read noise and converters for {@link HybridMatrix}).
 */
public final class SoftmaxHead {

  /** Stream coordinate of the order in which training examples are visited. */
  static final long EXAMPLE_ORDER = 0x5E0D_0001L;

  private final SynapticMatrix weights;
  private final SoftmaxCrossEntropy loss;
  private final float[] logits;
  private final int[] target = new int[1];

  public SoftmaxHead(SynapticMatrix weights) {
    this.weights = weights;
    this.loss = new SoftmaxCrossEntropy(weights.rows());
    this.logits = new float[weights.rows()];
  }

  public SynapticMatrix weights() {
    return weights;
  }

  /**
   * Feature vectors and their targets: example i is {@code features[i·width … (i+1)·width)} with class
   * {@code targets[i]}.
   */
  public record Examples(float[] features, int[] targets, int width) {
    public Examples {
      if (width < 1 || features.length != (long) targets.length * width) {
        throw new IllegalArgumentException(
            targets.length + " targets need " + (long) targets.length * width + " features, got " + features.length);
      }
    }

    public int count() {
      return targets.length;
    }
  }

  /**
   * {@code epochs} passes over {@code train}, each in a fresh seeded random order; one update per
   * example. Returns the mean training loss (nats) of the last pass, measured before each update.
   * {@code progress} receives 1 per update.
   */
  public double train(Examples train, int epochs, long seed, LongConsumer progress) {
    requireWidth(train);
    SplittableRandom order = new SplittableRandom(StreamSeeds.derive(seed, EXAMPLE_ORDER));
    int n = train.count();
    int[] permutation = new int[n];
    float[] x = new float[train.width()];
    double lastMean = Double.NaN;
    for (int e = 0; e < epochs; e++) {
      OnChipTrainer.shuffle(permutation, order);
      double sum = 0;
      for (int s = 0; s < n; s++) {
        int item = permutation[s];
        System.arraycopy(train.features(), item * train.width(), x, 0, x.length);
        target[0] = train.targets()[item];
        weights.forward(x, logits);
        sum += loss.loss(logits, 1, target);
        weights.update(loss.gradient(), x);
        progress.accept(1);
      }
      lastMean = sum / n;
    }
    return lastMean;
  }

  /** Mean cross-entropy (nats per example) of {@code data} read through the matrix. */
  public double meanLoss(Examples data) {
    requireWidth(data);
    float[] x = new float[data.width()];
    double sum = 0;
    for (int i = 0; i < data.count(); i++) {
      System.arraycopy(data.features(), i * data.width(), x, 0, x.length);
      target[0] = data.targets()[i];
      weights.forward(x, logits);
      sum += loss.loss(logits, 1, target);
    }
    return sum / data.count();
  }

  private void requireWidth(Examples e) {
    if (e.width() != weights.cols()) {
      throw new IllegalArgumentException("examples of width " + e.width() + " for a head of " + weights.cols() + " inputs");
    }
    for (int t : e.targets()) {
      if (t < 0 || t >= weights.rows()) {
        throw new IllegalArgumentException("target class " + t + " outside the head's " + weights.rows() + " classes");
      }
    }
  }
}
