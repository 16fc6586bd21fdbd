package org.ferrogen.device.params;

import org.ferrogen.device.config.Range;

/**
 * Geometry and electrical constants of the ferroelectric film of one device.
 *
 * @param thicknessM ferroelectric thickness t_FE in metres
 * @param areaM2 device (electrode or gate) area in m²
 * @param remanentPolarizationCPerM2 Pr of a woken-up film in C/m² (1 µC/cm² = 0.01 C/m²)
 * @param relativePermittivity ε_r of the film's linear (dielectric) response
 * @param domainAreaM2 area of one independently switching domain; N = area / domainArea
 */
public record FilmParams(
    @Range(min = 1e-10, max = 1e-6, unit = "m", reason = "ferroelectric HfO2/HZO films are nm thin") double thicknessM,
    @Range(min = 1e-18, max = 1e-6, unit = "m²") double areaM2,
    @Range(min = 1e-4, max = 1, unit = "C/m²", reason = "0.01 to 100 µC/cm²") double remanentPolarizationCPerM2,
    @Range(min = 1, max = 1000) double relativePermittivity,
    @Range(min = 1e-18, max = 1e-6, unit = "m²", reason = "a domain is at least 1 nm²") double domainAreaM2) {

  /** Vacuum permittivity in F/m (CODATA 2018). */
  public static final double EPSILON_0 = 8.8541878128e-12;

  /**
   * Most domains one device may have: every domain is simulated (its activation field and state are
   * held per device), so the count is a memory and time limit, not a physical one.
   */
  public static final int MAX_DOMAINS = 1 << 24;

  public FilmParams {
    Check.positive("film.thicknessM", thicknessM);
    Check.positive("film.areaM2", areaM2);
    Check.positive("film.remanentPolarizationCPerM2", remanentPolarizationCPerM2);
    Check.positive("film.relativePermittivity", relativePermittivity);
    Check.positive("film.domainAreaM2", domainAreaM2);
    if (domainAreaM2 > areaM2) {
      throw new IllegalArgumentException(
          "film.domainAreaM2 (" + domainAreaM2 + ") must not exceed film.areaM2 (" + areaM2 + ")");
    }
    if (areaM2 / domainAreaM2 > MAX_DOMAINS) {
      throw new IllegalArgumentException(
          "film.areaM2 / film.domainAreaM2 = " + String.format("%.3g", areaM2 / domainAreaM2)
              + " domains; at most " + MAX_DOMAINS
              + " are simulated per device (raise film.domainAreaM2 or lower film.areaM2)");
    }
  }

  /** Number of domains N = round(area / domain area), at least 1 (Deng 2020: N scales with area). */
  public int domainCount() {
    return (int) Math.max(1, Math.round(areaM2 / domainAreaM2)); // ≤ MAX_DOMAINS, checked above
  }

  /** Linear (dielectric) capacitance ε0·ε_r·A / t in farads. */
  public double dielectricCapacitanceF() {
    return EPSILON_0 * relativePermittivity * areaM2 / thicknessM;
  }

  /** Total switchable charge 2·Pr·A in coulombs. */
  public double switchableChargeC() {
    return 2 * remanentPolarizationCPerM2 * areaM2;
  }

  /** The same film with another area (and so another domain count). */
  public FilmParams withArea(double newAreaM2) {
    return new FilmParams(
        thicknessM, newAreaM2, remanentPolarizationCPerM2, relativePermittivity,
        Math.min(domainAreaM2, newAreaM2));
  }
}
