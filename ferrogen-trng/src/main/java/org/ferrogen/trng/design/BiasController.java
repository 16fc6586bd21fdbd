package org.ferrogen.trng.design;

/**
 * Closed-loop bias control of a stochastic bit cell: counts the ones of the cell's last
 * {@code window} bits and, at the end of each window, moves a DAC code against the imbalance
 * (integral control). The code is the caller's knob (pulse amplitude, pulse width, a sense-amplifier
 * trim); by contract a higher code makes a 1 more likely. This is the real-time feedback that holds
 * magnetic-tunnel-junction TRNGs at 50 % switching probability (arXiv 2510.20735).
 *
 * <p>The controller only acts on window boundaries and its step is a small fraction of the count's
 * shot noise, so it follows drift (temperature, ageing) without imprinting a visible pattern on the
 * bits; the raw-source assessment measures whatever dependence remains.
 */
public final class BiasController {

  private final int window;
  private final double gain;
  private final int minCode;
  private final int maxCode;
  private double integrator;
  private int code;
  private int ones;
  private int seen;
  private long windows;

  /**
   * @param window bits per control decision (the running count's length)
   * @param gain code steps per unit of normalised imbalance {@code (ones - window/2) / (window/2)}
   * @param minCode lowest DAC code
   * @param maxCode highest DAC code
   * @param initialCode code at power-up (e.g. from a calibration)
   */
  public BiasController(int window, double gain, int minCode, int maxCode, int initialCode) {
    if (window < 2 || window % 2 != 0) {
      throw new IllegalArgumentException("controller window must be an even count >= 2, got " + window);
    }
    if (!(gain > 0) || Double.isInfinite(gain)) {
      throw new IllegalArgumentException("controller gain must be positive, got " + gain);
    }
    if (minCode > maxCode || initialCode < minCode || initialCode > maxCode) {
      throw new IllegalArgumentException(
          "controller codes must satisfy min <= initial <= max, got " + minCode + ", " + initialCode + ", " + maxCode);
    }
    this.window = window;
    this.gain = gain;
    this.minCode = minCode;
    this.maxCode = maxCode;
    this.integrator = initialCode;
    this.code = initialCode;
  }

  /** Records one output bit of the controlled cell. */
  public void observe(int bit) {
    ones += bit;
    if (++seen == window) {
      double imbalance = (ones - window / 2.0) / (window / 2.0);
      integrator = Math.max(minCode, Math.min(maxCode, integrator - gain * imbalance));
      code = (int) Math.round(integrator);
      ones = 0;
      seen = 0;
      windows++;
    }
  }

  /** Restarts the loop at {@code newCode} (after a calibration), forgetting the partial window. */
  public void reset(int newCode) {
    if (newCode < minCode || newCode > maxCode) {
      throw new IllegalArgumentException("code " + newCode + " outside " + minCode + ".." + maxCode);
    }
    integrator = newCode;
    code = newCode;
    ones = 0;
    seen = 0;
  }

  /** The DAC code to apply to the next pulse. */
  public int code() {
    return code;
  }

  /** Whether the code sits at a rail: the controller can no longer compensate. */
  public boolean saturated() {
    return code == minCode || code == maxCode;
  }

  /** Completed control windows. */
  public long windows() {
    return windows;
  }

  public int window() {
    return window;
  }
}
