package org.ferrogen.genai.backend;

import org.ferrogen.learn.llama.LlamaConfig;

/**
 * The digital work of one Llama token outside the matrix products, counted from the model's shape:
 * RMSNorms, RoPE, attention scores and weighted sums over the cached keys and values, softmax,
 * SwiGLU, residual adds, and (for a sampled token) the sampler's softmax and sort over the
 * vocabulary. Counts are fp32 multiply-adds, exponentials, divides (incl. reciprocal square roots)
 * and SRAM bits moved (KV-cache writes and reads, embedding row); the chip prices them
 * ({@code ChipLedger.chargeDigital}). Comparisons of the sampler's sort count as one multiply-add
 * each, an upper bound.
 *
 * @param multiplyAdds fp32 multiply-adds (a multiply or an add alone counts as one)
 * @param exponentials fp32 exponentials
 * @param divides fp32 divides and reciprocal square roots
 * @param sramBits bits read from or written to on-chip SRAM
 */
public record DigitalWork(double multiplyAdds, double exponentials, double divides, double sramBits) {

  /** Bits of one stored activation or cache entry (fp32). */
  private static final int WORD_BITS = 32;

  /** The work of the token at {@code position} (0-based; it attends to position + 1 keys). */
  public static DigitalWork perToken(LlamaConfig c, int position, boolean sampled) {
    double dim = c.dim();
    double kvDim = c.kvDim();
    double keys = position + 1.0;
    double headDim = dim / c.heads();
    // RMSNorm: sum of squares, then scale by 1/rms and the weight (2 multiplies per element).
    double norm = 3 * dim;
    // RoPE on q and k: per pair 4 multiplies and 2 adds, tables precomputed.
    double rope = 3 * (dim + kvDim);
    double scores = c.heads() * keys * headDim + c.heads() * keys; // q·k and the 1/sqrt(d) scale
    double softmax = 3 * c.heads() * keys; // subtract max, sum, normalise
    double values = c.heads() * keys * headDim;
    double swiglu = 2.0 * c.ffnDim(); // x·sigmoid(x), then times up
    double residual = 2 * dim;
    double perLayer = 2 * norm + rope + scores + softmax + values + swiglu + residual;
    double ma = c.layers() * perLayer + norm;
    double exps = c.layers() * (c.heads() * keys + c.ffnDim());
    double divides = c.layers() * (2 + c.heads() + c.ffnDim()) + 1;
    // KV cache: write this token's k and v, read every cached k and v; plus the embedding row.
    double sram = c.layers() * (2 * kvDim * WORD_BITS + 2 * keys * kvDim * WORD_BITS) + dim * WORD_BITS;
    if (sampled) {
      double v = c.vocabSize();
      ma += 3 * v + v * Math.log(v) / Math.log(2); // temperature, max, sum; sort for top-k/top-p
      exps += v;
      divides += 1;
      sram += v * WORD_BITS;
    }
    return new DigitalWork(ma, exps, divides, sram);
  }

  /** The work of {@code count} tokens at positions {@code first ..}, the last {@code sampled} of them sampled. */
  public static DigitalWork tokens(LlamaConfig c, int first, int count, int sampled) {
    DigitalWork sum = new DigitalWork(0, 0, 0, 0);
    for (int i = 0; i < count; i++) {
      sum = sum.plus(perToken(c, first + i, i >= count - sampled));
    }
    return sum;
  }

  public DigitalWork plus(DigitalWork o) {
    return new DigitalWork(
        multiplyAdds + o.multiplyAdds, exponentials + o.exponentials, divides + o.divides, sramBits + o.sramBits);
  }
}
