package org.ferrogen.learn.onchip;

import org.ferrogen.cim.AnalogMatrix;

/**
 * A weight matrix that learns in place (out rows × in columns): the seam between the training loop
 * and a synapse technology. Reads go through {@link #reads()}; {@link #update} applies one sample's
 * gradient the way the technology can (masked hidden-weight increments, pulses, thresholded
 * transfers).
 */
public interface SynapticMatrix {

  int rows();

  int cols();

  /** {@code y = W·x}. */
  void forward(float[] x, float[] y);

  /** {@code gx = Wᵀ·d}. */
  void backward(float[] d, float[] gx);

  /** One sample's update from the output gradient {@code d} and the input {@code x} (ΔW = −lr·d·xᵀ). */
  void update(float[] d, float[] x);

  /** The analog matrix the reads go through (its ledger holds read and programming energy). */
  AnalogMatrix reads();

  /** Writes, cycles and programming energy so far. */
  Wear wear();
}
