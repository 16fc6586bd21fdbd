package org.ferrogen.genai.diffusion;

/**
 * Evaluates the denoiser MLP on a batch of input rows: the seam between the digital reference and the
 * chip's analog tiles. The returned array belongs to the backend and holds {@code rows × outputs}.
 */
@FunctionalInterface
public interface DenoiserBackend {
  float[] forward(float[] input, int rows);

  /** The float reference: ferrogen-learn's layers. */
  static DenoiserBackend exact(Mlp mlp) {
    return mlp.network()::forward;
  }
}
