package org.ferrogen.learn.onchip;

/**
 * The periphery of an analog read, as IBM aihwkit's {@code IOParameters} model it (defaults: 7-bit
 * input DAC, {@code inp_res = 1/(2^7 − 2)}; 9-bit output ADC, {@code out_res = 1/(2^9 − 2)} of the
 * full range; output bound 12 in units of the largest weight times the largest input; "abs-max"
 * noise management, i.e. every input vector scaled by its largest magnitude before the DAC). The
 * cells' read noise comes from the device model, not from aihwkit's generic output noise.
 *
 * @param dacBits input DAC bits (signed codes ±(2^(bits−1) − 1)); 0 = ideal
 * @param adcBits output ADC bits; 0 = ideal
 * @param outputBound ADC full scale, ± this many weight-max × input-max units
 * @param readNoise whether the cells' read noise is drawn
 */
public record Readout(int dacBits, int adcBits, double outputBound, boolean readNoise) {

  public Readout {
    if (dacBits != 0 && (dacBits < 2 || dacBits > 16)) {
      throw new IllegalArgumentException("readout.dacBits: must be 0 (ideal) or 2..16, got " + dacBits);
    }
    if (adcBits != 0 && (adcBits < 2 || adcBits > 16)) {
      throw new IllegalArgumentException("readout.adcBits: must be 0 (ideal) or 2..16, got " + adcBits);
    }
    if (!(outputBound > 0)) {
      throw new IllegalArgumentException("readout.outputBound: must be > 0, got " + outputBound);
    }
  }

  /** aihwkit's defaults: 7-bit DAC, 9-bit ADC, bound 12, with read noise. */
  public static Readout aihwkitDefaults() {
    return new Readout(7, 9, 12, true);
  }

  /** No converters, no noise: exact products. */
  public static Readout ideal() {
    return new Readout(0, 0, Double.MAX_VALUE, false);
  }
}
