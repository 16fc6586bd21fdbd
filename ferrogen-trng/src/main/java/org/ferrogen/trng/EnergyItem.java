package org.ferrogen.trng;

import java.util.Objects;

/**
 * One contribution to the energy of a raw sample.
 *
 * @param component what consumes it, e.g. {@code ferroelectric switching}
 * @param joulesPerSample its share per raw sample, in joules
 * @param basis how the number was obtained: a citation, or {@code assumption: ...}
 */
public record EnergyItem(String component, double joulesPerSample, String basis) {
  public EnergyItem {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(basis, "basis");
    if (!(joulesPerSample >= 0) || Double.isInfinite(joulesPerSample)) {
      throw new IllegalArgumentException(
          "energy of " + component + " must be finite and >= 0, got " + joulesPerSample);
    }
  }
}
