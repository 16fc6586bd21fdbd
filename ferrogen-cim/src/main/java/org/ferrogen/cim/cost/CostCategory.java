package org.ferrogen.cim.cost;

/** Where the energy of an analog matrix goes. */
public enum CostCategory {
  /** Input digital-to-analog conversion (multi-level DAC; zero for bit-serial pulses). */
  DAC,
  /** Charging word lines: C·V² per driven line per pulse. */
  WORD_LINE,
  /** Current through the cells during the read: G·V²·t. */
  CELL_READ,
  /** Column analog-to-digital conversion: Walden figure of merit × 2^bits per conversion. */
  ADC,
  /** Digital shift-and-add of slices and input bit planes. */
  SHIFT_ADD,
  /** Digital accumulation of partial sums across tiles and the final rescaling. */
  ACCUMULATE,
  /** Reading inputs from and writing outputs to on-chip SRAM buffers. */
  BUFFER,
  /** Program-and-verify pulses when weights are written. */
  PROGRAMMING
}
