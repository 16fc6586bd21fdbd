package org.ferrogen.genai.train;

import java.util.Arrays;
import java.util.function.LongConsumer;
import org.ferrogen.genai.backend.BackendReport;
import org.ferrogen.genai.backend.LinearBackend;
import org.ferrogen.genai.backend.LinearLayer;
import org.ferrogen.genai.backend.WeightMatrix;
import org.ferrogen.genai.model.LlamaModel;
import org.ferrogen.genai.model.LlamaSession;
import org.ferrogen.learn.nn.SoftmaxCrossEntropy;
import org.ferrogen.learn.onchip.SoftmaxHead;

/**
 * The inputs of a language model's output layer, recorded while the model runs: a {@link
 * LinearBackend} that passes every matrix to the backend it wraps and, for the output head, also
 * keeps each vector the head multiplies (the final RMS-normed hidden state). Fine-tuning only the
 * head on a frozen body then needs one pass of the body per token, whatever the number of epochs.
 */
public final class HeadFeatures implements LinearBackend {

  /** Name prefix of the output head's matrix ({@code output.weight}, tied or not). */
  public static final String OUTPUT = "output.weight";

  private final LinearBackend inner;
  private float[] recorded = new float[0];
  private int count;
  private int width;

  public HeadFeatures(LinearBackend inner) {
    this.inner = inner;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public LinearLayer program(WeightMatrix weights) {
    LinearLayer layer = inner.program(weights);
    if (!weights.name().startsWith(OUTPUT)) {
      return layer;
    }
    width = weights.cols();
    return new LinearLayer() {
      @Override
      public int rows() {
        return layer.rows();
      }

      @Override
      public int cols() {
        return layer.cols();
      }

      @Override
      public void multiply(float[] x, float[] y) {
        record(x);
        layer.multiply(x, y);
      }

      @Override
      public void multiply(float[][] xs, float[][] ys) {
        multiply(xs, ys, xs.length);
      }

      @Override
      public void multiply(float[][] xs, float[][] ys, int n) {
        for (int i = 0; i < n; i++) {
          record(xs[i]);
        }
        layer.multiply(xs, ys, n);
      }
    };
  }

  private void record(float[] x) {
    if ((long) (count + 1) * width > recorded.length) {
      recorded = Arrays.copyOf(recorded, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(1024L, 2L * recorded.length + width)));
    }
    System.arraycopy(x, 0, recorded, count * width, width);
    count++;
  }

  @Override
  public BackendReport report() {
    return inner.report();
  }

  @Override
  public void resetReport() {
    inner.resetReport();
  }

  /** What one pass over a text gave: the head's inputs and targets, and the loss of the model's own head. */
  public record Pass(SoftmaxHead.Examples examples, double meanLossNats) {
    public double perplexity() {
      return Math.exp(meanLossNats);
    }
  }

  /**
   * Runs {@code tokens} through {@code model} (loaded on this backend) in consecutive non-overlapping
   * windows of the context length, the context restarting at each window, so that every token but
   * the first is predicted exactly once; returns each prediction's head input and target, and the
   * mean cross-entropy of the model's own head. {@code progress} receives 1 per prediction.
   */
  public Pass run(LlamaModel model, int[] tokens, LongConsumer progress) {
    if (tokens.length < 2) {
      throw new IllegalArgumentException("a text of " + tokens.length + " token(s) has nothing to predict");
    }
    int predictions = tokens.length - 1;
    int ctx = model.config().contextLength();
    int vocab = model.config().vocabSize();
    count = 0;
    recorded = new float[predictions * model.config().dim()];
    double[] nll = {0};
    SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(vocab);
    int[] target = new int[1];
    LlamaSession session = model.newSession();
    for (int start = 0; start < predictions; start += ctx) {
      int end = Math.min(start + ctx, predictions);
      session.reset();
      session.forward(tokens, start, end, start, (index, logits) -> {
        target[0] = tokens[index + 1];
        nll[0] += loss.loss(logits, 1, target);
        progress.accept(1);
      });
    }
    if (count != predictions) {
      throw new IllegalStateException("the output head saw " + count + " inputs for " + predictions + " predictions");
    }
    int[] targets = Arrays.copyOfRange(tokens, 1, tokens.length);
    float[] features = Arrays.copyOf(recorded, predictions * width);
    recorded = new float[0];
    return new Pass(new SoftmaxHead.Examples(features, targets, width), nll[0] / predictions);
  }

  /** Mean cross-entropy (nats per example) of {@code data} with {@code head} (e.g. a head on compute tiles). */
  public static double meanLoss(LinearLayer head, SoftmaxHead.Examples data) {
    if (head.cols() != data.width()) {
      throw new IllegalArgumentException("examples of width " + data.width() + " for a head of " + head.cols() + " inputs");
    }
    SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(head.rows());
    int batch = LlamaSession.BATCH;
    float[][] xs = new float[batch][data.width()];
    float[][] ys = new float[batch][head.rows()];
    int[] target = new int[1];
    double sum = 0;
    for (int from = 0; from < data.count(); from += batch) {
      int n = Math.min(batch, data.count() - from);
      for (int j = 0; j < n; j++) {
        System.arraycopy(data.features(), (from + j) * data.width(), xs[j], 0, data.width());
      }
      head.multiply(xs, ys, n);
      for (int j = 0; j < n; j++) {
        target[0] = data.targets()[from + j];
        sum += loss.loss(ys[j], 1, target);
      }
    }
    return sum / data.count();
  }

  @Override
  public void close() {
    inner.close();
  }
}
