package org.ferrogen.device.cost;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Objects;

/**
 * One itemised contribution to a {@link CostReport}: what consumes the energy, in which
 * {@link CostCategory}, and where the number comes from. Itemised breakdowns (a TRNG's energy per
 * raw sample by component, a full-entropy bit's share of the conditioner) sum to a report with
 * {@link #report}.
 *
 * @param category the ledger category the energy is charged to
 * @param component what consumes it, e.g. {@code ferroelectric switching}
 * @param joules its energy per unit of work (per raw sample, per bit: the caller's unit)
 * @param basis how the number was obtained: a citation, or {@code assumption: ...}
 */
public record CostItem(CostCategory category, String component, double joules, String basis) {
  public CostItem {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(basis, "basis");
    if (!(joules >= 0) || Double.isInfinite(joules)) {
      throw new IllegalArgumentException("energy of " + component + " must be finite and >= 0, got " + joules);
    }
  }

  /** The items' energies by category, with {@code latencySeconds} and no matrix operations. */
  public static CostReport report(Collection<CostItem> items, double latencySeconds) {
    EnumMap<CostCategory, Double> energy = new EnumMap<>(CostCategory.class);
    for (CostItem i : items) {
      energy.merge(i.category(), i.joules(), Double::sum);
    }
    return new CostReport(energy, latencySeconds, 0, 0);
  }

  /** Sum of the items' energies. */
  public static double total(Collection<CostItem> items) {
    return items.stream().mapToDouble(CostItem::joules).sum();
  }

  /** This item scaled by {@code factor} (per sample to per bit, per block to per bit). */
  public CostItem times(double factor) {
    return new CostItem(category, component, joules * factor, basis);
  }
}
