package org.ferrogen.chip;

import java.util.ArrayList;
import java.util.List;
import org.ferrogen.cim.CimConfig;
import org.ferrogen.device.ageing.Ageing;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.ParameterSets;

/**
 * What a powered-off chip went through since it was programmed: storage intervals, each at one
 * temperature. Retention laws are functions of the whole storage time, not of steps (a stretched
 * exponential applied twice for a day is not the law for two days), so the chip ages its cells from
 * the as-programmed conductances by the history's equivalent time: each interval's seconds times its
 * Arrhenius factor relative to the last interval's temperature, with the activation energy of the
 * cell's parameter set ({@link Ageing#accelerationFactor}).
 */
public record StorageHistory(List<Interval> intervals) {

  /** {@code seconds} of storage at {@code kelvin}. */
  public record Interval(double seconds, double kelvin) {
    public Interval {
      if (!(seconds >= 0) || Double.isInfinite(seconds)) {
        throw new IllegalArgumentException("storage time must be finite and >= 0 s, got " + seconds);
      }
      if (!(kelvin > 0 && kelvin < 1000)) {
        throw new IllegalArgumentException("storage temperature must be in (0, 1000) K, got " + kelvin);
      }
    }
  }

  public StorageHistory {
    intervals = List.copyOf(intervals);
  }

  public static StorageHistory none() {
    return new StorageHistory(List.of());
  }

  public boolean isEmpty() {
    return intervals.isEmpty();
  }

  public StorageHistory plus(Interval interval) {
    List<Interval> all = new ArrayList<>(intervals);
    all.add(interval);
    return new StorageHistory(all);
  }

  /** Total storage time in seconds. */
  public double seconds() {
    return intervals.stream().mapToDouble(Interval::seconds).sum();
  }

  /** The temperature the equivalent time refers to: the last interval's. */
  public double referenceKelvin() {
    return intervals.isEmpty() ? 298.15 : intervals.get(intervals.size() - 1).kelvin();
  }

  /** Seconds at {@link #referenceKelvin()} equivalent to the whole history for cells of {@code cell}. */
  public double equivalentSeconds(CimConfig.Cell cell) {
    double reference = referenceKelvin();
    boolean isothermal = intervals.stream().allMatch(i -> i.kelvin() == reference);
    if (isothermal) {
      return seconds();
    }
    Ageing ageing = new Ageing(parameters(cell).ageing());
    double atReference = ageing.accelerationFactor(reference);
    double sum = 0;
    for (Interval i : intervals) {
      sum += i.seconds() * ageing.accelerationFactor(i.kelvin()) / atReference;
    }
    return sum;
  }

  /**
   * What this history did to every cell of type {@code cell}, from the device model's ageing laws
   * ({@link Ageing}) at the history's Arrhenius-equivalent time:
   *
   * <ul>
   *   <li>retention: the fraction of the stored polarization left, a stretched exponential (the form
   *       reported for imprint-driven retention loss, APL 118, 082901, 2021); for a FeFET each cell's
   *       threshold shift from mid-window drifts toward it by the rest ({@code FeFetCell}); the
   *       booted chip applies this per cell;
   *   <li>imprint: the internal field that grows per decade of storage time favouring each cell's
   *       stored state (0.01 MV/cm per decade, an ASSUMPTION of the parameter sets), and the coercive
   *       voltage shift it makes across the film. It stabilises the stored state and does not move the
   *       read conductance; it acts on the next write, which needs that much more amplitude to switch
   *       a cell away from the state it was stored in.
   * </ul>
   *
   * Memristor cells have no ferroelectric film: their relaxation law is their own ({@code
   * Memristor.relaxed}), and they report no polarization or imprint (NaN).
   *
   * @param equivalentSeconds storage time at {@code referenceKelvin} equivalent to the history
   * @param referenceKelvin the temperature the equivalent time refers to
   * @param retainedPolarization fraction of the stored polarization left (NaN for memristors)
   * @param imprintFieldVPerM imprint field favouring each cell's stored state (NaN for memristors)
   * @param imprintCoerciveShiftVolts that field across the ferroelectric film (NaN for memristors)
   */
  public record Effects(double equivalentSeconds, double referenceKelvin, double retainedPolarization,
      double imprintFieldVPerM, double imprintCoerciveShiftVolts) {}

  /** The ageing laws' effect of this history on cells of type {@code cell} ({@link Effects}). */
  public Effects effects(CimConfig.Cell cell) {
    double seconds = equivalentSeconds(cell);
    double kelvin = referenceKelvin();
    if (!ferroelectric(cell)) {
      return new Effects(seconds, kelvin, Double.NaN, Double.NaN, Double.NaN);
    }
    DeviceParams params = parameters(cell);
    Ageing ageing = new Ageing(params.ageing());
    double field = ageing.imprintField(seconds, kelvin);
    return new Effects(seconds, kelvin, ageing.retainedFraction(seconds, kelvin), field,
        field * params.film().thicknessM());
  }

  private static boolean ferroelectric(CimConfig.Cell cell) {
    return switch (cell.type()) {
      case "fefet", "fefet-kim2022", "fecap" -> true;
      default -> false;
    };
  }

  private static DeviceParams parameters(CimConfig.Cell cell) {
    if (!cell.parameterSet().isEmpty()) {
      return ParameterSets.resolve(cell.parameterSet());
    }
    return switch (cell.type()) {
      case "memristor", "fecap", "memristor-cea2025" -> ParameterSets.byName(ParameterSets.CEA_LETI_2025);
      default -> ParameterSets.byName(ParameterSets.DENG_2020_FEFET);
    };
  }
}
