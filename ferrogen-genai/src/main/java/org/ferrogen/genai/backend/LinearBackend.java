package org.ferrogen.genai.backend;

/**
 * Where the linear layers of a model run. A backend programs each weight matrix once ({@link
 * #program}) and then multiplies it many times; it accumulates its cost in {@link #report()}.
 *
 * <p>The float reference is {@link FloatBackend}. A hardware backend (e.g. compute-in-memory tiles)
 * implements the same two methods: {@code program} maps the matrix onto the hardware, possibly
 * decoding it with {@link WeightMatrix#toFloats()}, and the returned layer's {@code multiply} runs
 * the analog product and adds its energy and latency to the report.
 */
public interface LinearBackend extends AutoCloseable {
  /** Short name shown to users, e.g. {@code float}. */
  String name();

  /** Programs {@code weights} into the backend and returns the layer to multiply with. */
  LinearLayer program(WeightMatrix weights);

  /** Cost accumulated since creation (or the last {@link #resetReport()}). */
  BackendReport report();

  /** Restarts the accumulation of {@link #report()}. */
  void resetReport();

  /** Releases threads or other resources; the default holds none. */
  @Override
  default void close() {}
}
