package org.ferrogen.device.cost;

import java.util.ArrayList;
import java.util.List;

/**
 * Accumulates the energy a simulated circuit actually spends, by component, so that a reported
 * energy per unit of work is the average over what was simulated (a TRNG cell's switching energy
 * depends on the random outcome) rather than a formula at an assumed operating point. Components
 * are {@link CostItem}s of one {@link CostCategory}. Not thread-safe: one per simulated circuit.
 */
public final class CostMeter {

  private final CostCategory category;
  private final List<String> components = new ArrayList<>();
  private final List<String> bases = new ArrayList<>();
  private double[] joules = new double[0];
  private long units;

  /** A meter charging every component to {@code category}. */
  public CostMeter(CostCategory category) {
    this.category = category;
  }

  /** Declares a component with the source or assumption its numbers come from; returns its index. */
  public int register(String component, String basis) {
    components.add(component);
    bases.add(basis);
    joules = java.util.Arrays.copyOf(joules, components.size());
    return components.size() - 1;
  }

  /** Adds {@code energy} joules to the component of index {@code component}. */
  public void add(int component, double energy) {
    joules[component] += energy;
  }

  /** Adds {@code energy} joules to the registered {@code component}. */
  public void add(String component, double energy) {
    int i = components.indexOf(component);
    if (i < 0) {
      throw new IllegalArgumentException("component '" + component + "' was not registered");
    }
    joules[i] += energy;
  }

  /** Counts {@code n} units of work (raw samples) done. */
  public void count(long n) {
    units += n;
  }

  /** Units of work counted so far. */
  public long units() {
    return units;
  }

  /** Average energy per unit of work so far, by component. */
  public List<CostItem> perUnit() {
    List<CostItem> items = new ArrayList<>();
    double n = Math.max(1, units);
    for (int i = 0; i < components.size(); i++) {
      items.add(new CostItem(category, components.get(i), joules[i] / n, bases.get(i)));
    }
    return items;
  }
}
