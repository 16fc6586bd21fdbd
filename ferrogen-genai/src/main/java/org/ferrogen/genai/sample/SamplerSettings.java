package org.ferrogen.genai.sample;

/**
 * Token sampling settings, applied in llama.cpp's order: repetition penalty, top-k, top-p, min-p,
 * temperature, then a draw from the softmax. A temperature of 0 (or less) means greedy decoding.
 *
 * @param temperature softmax temperature; ≤ 0 selects greedy decoding
 * @param topK keep the k most likely tokens; ≤ 0 disables
 * @param topP keep the smallest set of most likely tokens whose probability reaches p; ≥ 1 disables
 * @param minP keep tokens at least minP times as likely as the most likely; ≤ 0 disables
 * @param repeatPenalty divide positive (multiply negative) logits of recent tokens by this; 1 disables
 * @param repeatLastN how many recent tokens the penalty looks at
 */
public record SamplerSettings(
    double temperature, int topK, double topP, double minP, double repeatPenalty, int repeatLastN) {

  public SamplerSettings {
    if (Double.isNaN(temperature) || Double.isNaN(topP) || topP <= 0 || Double.isNaN(minP) || minP > 1) {
      throw new IllegalArgumentException("bad sampler settings: temperature " + temperature + ", top-p " + topP
          + " (must be in (0, 1]), min-p " + minP + " (must be at most 1)");
    }
    if (!(repeatPenalty > 0) || repeatLastN < 0) {
      throw new IllegalArgumentException("repeat penalty must be positive (got " + repeatPenalty
          + ") and its window non-negative (got " + repeatLastN + ")");
    }
  }

  /** llama.cpp's defaults: temperature 0.8, top-k 40, top-p 0.95, min-p 0.05, no repetition penalty (window 64). */
  public static SamplerSettings defaults() {
    return new SamplerSettings(0.8, 40, 0.95, 0.05, 1.0, 64);
  }

  /** Greedy decoding (argmax). */
  public static SamplerSettings greedy() {
    return new SamplerSettings(0, 0, 1, 0, 1, 64);
  }

  /** Plain softmax sampling at temperature t with every filter off. */
  public static SamplerSettings pure(double t) {
    return new SamplerSettings(t, 0, 1, 0, 1, 64);
  }
}
