package org.ferrogen.genai.entropy;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.ferrogen.trng.EntropySource;

/**
 * A {@link RandomGenerator} whose 64-bit words are a binary entropy source's raw samples packed
 * least-significant bit first: no health test, no conditioner, no DRBG. It is what a workload would
 * receive from a pipeline stripped of its safeguards, and exists to measure what degraded randomness
 * does to generative workloads.
 *
 * <p>A degraded source can make a rejection sampler (a Gaussian ziggurat, a gamma variate) reject
 * forever: a stuck source repeats the same rejected word. The generator therefore serves at most
 * {@code maxWords} words and then throws {@link EntropyBudgetExhausted}, which the caller records as
 * the workload's outcome.
 */
public final class RawBitsGenerator implements RandomGenerator {

  private final EntropySource source;
  private final long maxWords;
  private final byte[] samples = new byte[64 * 64];
  private int position = samples.length;
  private long words;

  public RawBitsGenerator(EntropySource source, long maxWords) {
    this.source = Objects.requireNonNull(source, "source");
    if (source.info().bitsPerSample() != 1) {
      throw new IllegalArgumentException("raw bits need a binary source; " + source.info().design()
          + " has " + source.info().bitsPerSample() + " bits per sample");
    }
    if (maxWords < 1) {
      throw new IllegalArgumentException("maxWords must be >= 1, got " + maxWords);
    }
    this.maxWords = maxWords;
  }

  /** Words served so far. */
  public long words() {
    return words;
  }

  @Override
  public long nextLong() {
    if (words++ >= maxWords) {
      throw new EntropyBudgetExhausted(source.info().design(), maxWords);
    }
    if (position == samples.length) {
      source.read(samples, 0, samples.length);
      position = 0;
    }
    long word = 0;
    for (int b = 0; b < 64; b++) {
      word |= (long) (samples[position + b] & 1) << b;
    }
    position += 64;
    return word;
  }

  /** Thrown when a workload has drawn more words than its budget allows (a sampler that never accepts). */
  public static final class EntropyBudgetExhausted extends RuntimeException {
    EntropyBudgetExhausted(String design, long maxWords) {
      super("drew " + maxWords + " words from raw source '" + design
          + "' without finishing: a rejection sampler never accepted its degraded output");
    }
  }
}
