package org.ferrogen.device.cost;

/**
 * Where a chip's energy goes: the analog matrices' own categories, the digital units and the TRNG.
 * One set of categories for everything charged to a chip's ledger.
 */
public enum CostCategory {
  /** Input digital-to-analog conversion (multi-level DAC; zero for bit-serial pulses). */
  DAC,
  /** Charging word lines: C·V² per driven line per pulse. */
  WORD_LINE,
  /**
   * The cells' read: G·V²·t of the read current for conductance cells; for charge-domain cells the
   * plate drive C·V² of the driven cells (dielectric and switched charge) and the write-back.
   */
  CELL_READ,
  /** Charge-domain cells only: resetting and recharging the bit lines, C_BL·V² per line and read. */
  BIT_LINE,
  /** Column analog-to-digital conversion: Walden figure of merit × 2^bits per conversion. */
  ADC,
  /** Digital shift-and-add of slices and input bit planes. */
  SHIFT_ADD,
  /** Digital accumulation of partial sums across tiles and the final rescaling. */
  ACCUMULATE,
  /** Reading inputs from and writing outputs to on-chip SRAM buffers. */
  BUFFER,
  /** Program-and-verify pulses when weights are written. */
  PROGRAMMING,
  /**
   * The chip's digital units outside the matrix products: attention scores and weighted sums,
   * norms, softmax, activation functions, residual adds, sampling.
   */
  DIGITAL,
  /**
   * The TRNG: raw cells and their periphery, the SHA-256 conditioner and the DRBG, for the random
   * bits a workload consumed.
   */
  ENTROPY
}
