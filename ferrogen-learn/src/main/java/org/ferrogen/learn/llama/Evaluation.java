package org.ferrogen.learn.llama;

/**
 * Held-out next-token loss.
 *
 * @param tokens   number of predicted tokens
 * @param meanLoss mean cross-entropy in nats per token
 */
public record Evaluation(long tokens, double meanLoss) {

    /** {@code exp(meanLoss)}: perplexity per token. */
    public double perplexity() {
        return Math.exp(meanLoss);
    }

    /** {@code meanLoss / ln 2}. */
    public double bitsPerToken() {
        return meanLoss / Math.log(2);
    }
}
