package org.ferrogen.device.cost;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Energy by category, latency, and work done over some span of calls (one MVM, a layer's batch, a
 * whole token on a chip). {@code operations} counts the matrix products' multiplies and adds (2 per
 * MAC), as TOPS/W figures in the literature do.
 */
public record CostReport(
    Map<CostCategory, Double> energyJoules, double latencySeconds, long operations, long mvms) {

  public CostReport {
    EnumMap<CostCategory, Double> copy = new EnumMap<>(CostCategory.class);
    for (CostCategory c : CostCategory.values()) {
      copy.put(c, energyJoules.getOrDefault(c, 0.0));
    }
    energyJoules = Collections.unmodifiableMap(copy);
  }

  public static CostReport zero() {
    return new CostReport(Map.of(), 0, 0, 0);
  }

  public double energy(CostCategory category) {
    return energyJoules.get(category);
  }

  /** All energy, programming included. */
  public double totalEnergyJoules() {
    return energyJoules.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** Energy of computing, without the one-off programming of the weights. */
  public double computeEnergyJoules() {
    return totalEnergyJoules() - energy(CostCategory.PROGRAMMING);
  }

  /**
   * Energy inside the macro boundary that published CIM macros report: converters, word and bit
   * lines, cells and shift-and-add, without buffers and the final digital rescaling.
   */
  public double macroEnergyJoules() {
    return energy(CostCategory.DAC) + energy(CostCategory.WORD_LINE) + energy(CostCategory.CELL_READ)
        + energy(CostCategory.BIT_LINE) + energy(CostCategory.ADC) + energy(CostCategory.SHIFT_ADD);
  }

  /** Operations per joule of macro energy (see {@link #macroEnergyJoules()}), in TOPS/W. */
  public double macroTopsPerWatt() {
    double e = macroEnergyJoules();
    return e > 0 ? operations / e / 1e12 : 0;
  }

  /** Energy of the matrix products alone: compute energy without the digital units and the TRNG. */
  public double matrixEnergyJoules() {
    return computeEnergyJoules() - energy(CostCategory.DIGITAL) - energy(CostCategory.ENTROPY);
  }

  /** A report of {@code joules} in one category, with latency and no matrix operations. */
  public static CostReport of(CostCategory category, double joules, double latencySeconds) {
    EnumMap<CostCategory, Double> e = new EnumMap<>(CostCategory.class);
    e.put(category, joules);
    return new CostReport(e, latencySeconds, 0, 0);
  }

  /** Matrix operations per joule of matrix energy (buffers and rescaling included), in TOPS/W. */
  public double topsPerWatt() {
    double e = matrixEnergyJoules();
    return e > 0 ? operations / e / 1e12 : 0;
  }

  /** Operations per second of latency, in tera-operations per second. */
  public double tops() {
    return latencySeconds > 0 ? operations / latencySeconds / 1e12 : 0;
  }

  public CostReport plus(CostReport o) {
    EnumMap<CostCategory, Double> e = new EnumMap<>(CostCategory.class);
    for (CostCategory c : CostCategory.values()) {
      e.put(c, energy(c) + o.energy(c));
    }
    return new CostReport(e, latencySeconds + o.latencySeconds, operations + o.operations, mvms + o.mvms);
  }

  public CostReport minus(CostReport o) {
    EnumMap<CostCategory, Double> e = new EnumMap<>(CostCategory.class);
    for (CostCategory c : CostCategory.values()) {
      e.put(c, energy(c) - o.energy(c));
    }
    return new CostReport(e, latencySeconds - o.latencySeconds, operations - o.operations, mvms - o.mvms);
  }
}
