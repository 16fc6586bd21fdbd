package org.ferrogen.trng.design;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ferrogen.trng.EnergyItem;

/**
 * Accumulates the energy a simulated source actually spends, by component, so that the reported
 * energy per sample is the average over what was simulated (switching depends on the random
 * outcome) rather than a formula evaluated at an assumed operating point.
 */
final class EnergyMeter {

  private final Map<String, double[]> joules = new LinkedHashMap<>();
  private final Map<String, String> basis = new LinkedHashMap<>();
  private long samples;

  /** Declares a component with the source or assumption its numbers come from. */
  int register(String component, String basisText) {
    joules.put(component, new double[1]);
    basis.put(component, basisText);
    return joules.size() - 1;
  }

  void add(String component, double energy) {
    joules.get(component)[0] += energy;
  }

  void countSample() {
    samples++;
  }

  long samples() {
    return samples;
  }

  /** Average energy per sample so far, by component. */
  List<EnergyItem> perSample() {
    List<EnergyItem> items = new ArrayList<>();
    double n = Math.max(1, samples);
    for (Map.Entry<String, double[]> e : joules.entrySet()) {
      items.add(new EnergyItem(e.getKey(), e.getValue()[0] / n, basis.get(e.getKey())));
    }
    return items;
  }
}
