package org.ferrogen.trng;

/**
 * The environment and state a simulated source runs in.
 *
 * @param temperatureCelsius die temperature
 * @param supplyNoiseRelative standard deviation of the supply voltage relative to nominal, drawn
 *     afresh for every sample (0 for a clean supply)
 * @param deviceSizeNm lateral size of one ferroelectric device (square side) in nanometres; the
 *     number of domains, hence the stochasticity, follows from it
 * @param ageCycles program/read cycles the devices have already seen (wake-up, fatigue)
 */
public record OperatingConditions(
    double temperatureCelsius, double supplyNoiseRelative, double deviceSizeNm, double ageCycles) {

  /** Room temperature, clean supply, no ageing; {@code deviceSizeNm} as given. */
  public static OperatingConditions nominal(double deviceSizeNm) {
    return new OperatingConditions(25.0, 0.0, deviceSizeNm, 0.0);
  }

  public OperatingConditions {
    if (!(temperatureCelsius >= -273.15 && temperatureCelsius < 1000)) {
      throw new IllegalArgumentException("temperature must be in [-273.15, 1000) °C, got " + temperatureCelsius);
    }
    if (!(supplyNoiseRelative >= 0 && supplyNoiseRelative < 0.5)) {
      throw new IllegalArgumentException("supply noise must be in [0, 0.5), got " + supplyNoiseRelative);
    }
    if (!(deviceSizeNm > 0) || Double.isInfinite(deviceSizeNm)) {
      throw new IllegalArgumentException("device size must be positive, got " + deviceSizeNm + " nm");
    }
    if (!(ageCycles >= 0) || Double.isInfinite(ageCycles)) {
      throw new IllegalArgumentException("age must be >= 0 cycles, got " + ageCycles);
    }
  }

  public double temperatureKelvin() {
    return temperatureCelsius + 273.15;
  }

  /**
   * {@code next}, checked as the new conditions of a source built for these: the device size is fixed
   * at fabrication.
   */
  public OperatingConditions changedTo(OperatingConditions next) {
    if (next.deviceSizeNm != deviceSizeNm) {
      throw new IllegalArgumentException("device size is fixed at fabrication; build a new source for "
          + next.deviceSizeNm + " nm");
    }
    return next;
  }

  public OperatingConditions withTemperatureCelsius(double celsius) {
    return new OperatingConditions(celsius, supplyNoiseRelative, deviceSizeNm, ageCycles);
  }

  public OperatingConditions withAgeCycles(double cycles) {
    return new OperatingConditions(temperatureCelsius, supplyNoiseRelative, deviceSizeNm, cycles);
  }
}
