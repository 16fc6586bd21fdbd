package org.ferrogen.cim.cost;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Energy by category, latency, and work done by an analog matrix over some span of calls (one MVM, a
 * layer's batch, a whole token). {@code operations} counts multiplies and adds (2 per MAC), as TOPS/W
 * figures in the literature do.
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

  /** Operations per joule of compute energy, in tera-operations per second per watt. */
  public double topsPerWatt() {
    double e = computeEnergyJoules();
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
