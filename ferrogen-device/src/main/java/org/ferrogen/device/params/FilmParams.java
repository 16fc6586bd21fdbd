package org.ferrogen.device.params;

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
    double thicknessM,
    double areaM2,
    double remanentPolarizationCPerM2,
    double relativePermittivity,
    double domainAreaM2) {

  /** Vacuum permittivity in F/m (CODATA 2018). */
  public static final double EPSILON_0 = 8.8541878128e-12;

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
  }

  /** Number of domains N = round(area / domain area), at least 1 (Deng 2020: N scales with area). */
  public int domainCount() {
    return (int) Math.max(1, Math.round(areaM2 / domainAreaM2));
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
