package org.ferrogen.genai.metrics;

import org.ferrogen.genai.backend.VectorMath;
import org.ferrogen.genai.model.LlamaModel;
import org.ferrogen.genai.model.LlamaSession;

/**
 * Perplexity exp(mean negative log-likelihood) of a token sequence under a model, with a sliding
 * context: windows of {@code context} tokens advance by {@code stride}, and each window scores only
 * the tokens that no earlier window scored, so every token after the first is predicted once with
 * at least {@code context - stride} tokens of history (where available).
 */
public final class Perplexity {
  private Perplexity() {}

  /**
   * @param perplexity exp(meanNll)
   * @param meanNll mean negative log-likelihood per scored token, in nats
   * @param tokensScored number of predictions scored
   */
  /**
   * @param perplexity exp(meanNll)
   * @param meanNll mean negative log-likelihood of the scored tokens, nats
   * @param tokensScored predictions scored (each token after the first, once)
   * @param tokensProcessed forward passes run (overlapping windows recompute their shared context)
   */
  public record Result(double perplexity, double meanNll, long tokensScored, long tokensProcessed) {}

  public static Result compute(LlamaModel model, int[] tokens, int context, int stride) {
    return compute(model, tokens, context, stride, n -> {});
  }

  /**
   * As above, calling {@code progress} with 1 for each token scored ({@code tokens.length - 1} in
   * all; the overlap of sliding windows is processed but not counted).
   */
  public static Result compute(LlamaModel model, int[] tokens, int context, int stride,
      java.util.function.LongConsumer progress) {
    if (tokens.length < 2) {
      throw new IllegalArgumentException("perplexity needs at least 2 tokens, got " + tokens.length);
    }
    int ctx = Math.min(context, model.config().contextLength());
    if (stride <= 0 || stride > ctx) {
      throw new IllegalArgumentException("stride " + stride + " must be in 1.." + ctx);
    }
    LlamaSession session = model.newSession(ctx);
    double[] nll = {0};
    float[] scratch = new float[model.config().vocabSize()];
    long scored = 0;
    long processed = 0;
    int scoredUpTo = 0; // predictions of tokens[1..scoredUpTo] done
    for (int start = 0; scoredUpTo < tokens.length - 1; start += stride) {
      session.reset();
      int end = Math.min(tokens.length, start + ctx);
      // The window runs as batched passes; logits (and the output head) only where a token is scored.
      int firstScored = Math.max(start, scoredUpTo);
      session.forward(tokens, start, end - 1, firstScored,
          (i, logits) -> nll[0] -= logSoftmax(logits, tokens[i + 1], scratch));
      processed += end - 1 - start;
      scored += Math.max(0, end - 1 - firstScored);
      progress.accept(Math.max(0, end - 1 - firstScored));
      scoredUpTo = Math.max(scoredUpTo, end - 1);
    }
    double mean = nll[0] / scored;
    return new Result(Math.exp(mean), mean, scored, processed);
  }

  /** log softmax(logits)[target], computed stably. */
  public static double logSoftmax(float[] logits, int target) {
    return logSoftmax(logits, target, new float[logits.length]);
  }

  /**
   * As {@link #logSoftmax(float[], int)}, with {@code scratch} (at least as long as the logits) for
   * the exponentials: the largest logit is subtracted, the exponentials are taken in float lanes
   * ({@link VectorMath#exp}, about 1 ulp each) and summed in double, since a float sum of thousands
   * of terms drifts by a few 10⁻⁶ relative, the order of the perplexity's fourth decimal.
   */
  public static double logSoftmax(float[] logits, int target, float[] scratch) {
    int n = logits.length;
    float max = VectorMath.max(logits, 0, n);
    VectorMath.exp(logits, 0, scratch, 0, n, 1f, max);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += scratch[i];
    }
    return (double) logits[target] - max - Math.log(sum);
  }
}
