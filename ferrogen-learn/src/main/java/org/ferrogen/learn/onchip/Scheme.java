package org.ferrogen.learn.onchip;

/** How a network's weights are stored and trained. */
public enum Scheme {
  /** Floating-point weights, plain online SGD: the software reference. */
  FLOAT,
  /**
   * 10-bit hidden weights (masked updates, transfer every k) read as ideal sign + 3 MSB weights: the
   * quantisation alone, without device variability, read noise or converters.
   */
  QUANTIZED,
  /** The CEA-Leti hybrid: FeCAP hidden weights, charge-sharing transfer to memristor pairs, analog reads. */
  HYBRID,
  /** Plain analog SGD: stochastically rounded level steps programmed straight onto the memristor pairs. */
  ANALOG_SGD,
  /**
   * Mixed precision (Nandakumar et al., Front. Neurosci. 14:406, 2020; aihwkit's
   * MixedPrecisionCompound): a digital accumulator per weight, a level step programmed whenever it
   * crosses the device granularity.
   */
  MIXED_PRECISION
}
