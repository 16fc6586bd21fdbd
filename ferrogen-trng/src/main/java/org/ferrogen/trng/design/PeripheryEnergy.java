package org.ferrogen.trng.design;

import org.ferrogen.device.cost.TechnologyNode;

/**
 * Energies of the CMOS periphery around the ferroelectric devices. No cited measurement of these
 * blocks for a ferroelectric TRNG exists in our references, so each is an assumption computed as
 * switched capacitance times supply voltage squared (E = C V^2 per full charge/discharge cycle) for
 * a 28 nm-class logic process, and marked as such wherever it is reported.
 *
 * @param logicSupplyVolts V_DD of the periphery
 * @param senseAmpCapacitance switched capacitance of one latch-type sense-amplifier decision
 * @param flipFlopCapacitance switched capacitance of one D flip-flop clocking
 * @param counterCapacitancePerBit switched capacitance of one controller count update
 * @param plateLineCapacitancePerCell wire capacitance of the pulse (plate/word) line per cell
 * @param bitLineCapacitance bit-line capacitance seen by one cell at read
 */
public record PeripheryEnergy(
    double logicSupplyVolts,
    double senseAmpCapacitance,
    double flipFlopCapacitance,
    double counterCapacitancePerBit,
    double plateLineCapacitancePerCell,
    double bitLineCapacitance) {

  /** Label attached to every energy computed from these numbers. */
  public static final String ASSUMPTION =
      "assumption: C*V^2 with 28 nm-class capacitances (PeripheryEnergy.defaults)";

  /**
   * Defaults. V_DD: the 28 nm technology node's supply ({@link TechnologyNode}, the one technology
   * description every energy figure shares; 0.9 V); sense amplifier 5 fF, flip-flop 2 fF, counter
   * 3 fF per update, plate line 1 fF per cell (assumptions, order-of-magnitude layout
   * capacitances). Bit line: CEA-Leti measured 188 fF for a 128-device transfer line (Martemucci et
   * al., Nat. Electron. 2025); a TRNG column of 16 cells is assumed to see 16/128 of it, 23.5 fF.
   */
  public static PeripheryEnergy defaults() {
    return new PeripheryEnergy(
        TechnologyNode.preset("28nm").supplyVolts(), 5e-15, 2e-15, 3e-15, 1e-15, 188e-15 * 16.0 / 128.0);
  }

  public PeripheryEnergy {
    double[] values = {
      logicSupplyVolts, senseAmpCapacitance, flipFlopCapacitance, counterCapacitancePerBit,
      plateLineCapacitancePerCell, bitLineCapacitance
    };
    for (double v : values) {
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("periphery energy parameters must be positive and finite, got " + v);
      }
    }
  }

  public double senseAmpDecision() {
    return senseAmpCapacitance * logicSupplyVolts * logicSupplyVolts;
  }

  public double flipFlopClock() {
    return flipFlopCapacitance * logicSupplyVolts * logicSupplyVolts;
  }

  public double counterUpdate() {
    return counterCapacitancePerBit * logicSupplyVolts * logicSupplyVolts;
  }

  /** Energy of driving one pulse of {@code volts} onto one cell's share of the plate line. */
  public double plateLinePulse(double volts) {
    return plateLineCapacitancePerCell * volts * volts;
  }
}
