package org.ferrogen.trng.design;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.ferrogen.device.ageing.Ageing;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.ParameterSets;
import org.ferrogen.device.switching.DomainEnsemble;
import org.ferrogen.trng.OperatingConditions;
import org.ferrogen.trng.SimulatedSource;

/**
 * What the two FeCAP designs ({@link StochasticCellArray}, {@link RacePairArray}) share: devices of
 * one ferrogen-device parameter set at the operating conditions' size, read destructively onto a bit
 * line, ageing with the cycles run, simulated domain by domain or on the fast path of each design's
 * exact switching law (only with a clean supply).
 */
abstract class FecapArray implements SimulatedSource {

  /**
   * Bit line seen by one TRNG cell: CEA-Leti measured 188 fF for a 128-device transfer line
   * (Martemucci et al., Nat. Electron. 2025); a TRNG column of 16 cells is assumed to see 16/128 of
   * it, 23.5 fF.
   */
  static final double BIT_LINE_FARADS = 188e-15 * 16.0 / 128.0;
  /** Assumed sense-amplifier resolve time and bit-line precharge time (28 nm-class latch). */
  static final double SENSE_SECONDS = 1e-9;
  static final double PRECHARGE_SECONDS = 1e-9;
  /** Read pulse long enough that the slowest domain of any device switches back with P ≥ 1 - 1e-3. */
  private static final double READ_RESET_PROBABILITY = 1 - 1e-3;
  /** Fast path: cycles between re-evaluations of the (slowly fatiguing) switchable polarization. */
  static final int POLARIZATION_REFRESH_CYCLES = 4096;

  final DeviceParams params;
  final Ageing ageing;
  final RandomGenerator noise;
  final double thickness;
  final double chargePerDomain;
  /** Dielectric plus bit-line capacitance, and the two in series (the read's charging). */
  final double bitLineTotal;
  final double seriesCapacitance;
  final double readVolts;
  /** Whether cycles are sampled from the design's switching law rather than stepped domain by domain. */
  final boolean fast;
  OperatingConditions conditions;
  boolean controlEnabled = true;
  /** Write/read cycles simulated so far (including calibration); the devices' cycling age grows with it. */
  long cyclesRun;

  FecapArray(String parameterSet, boolean fastPath, OperatingConditions conditions, RandomGenerator noise) {
    this.conditions = Objects.requireNonNull(conditions, "conditions");
    this.noise = Objects.requireNonNull(noise, "noise");
    double side = conditions.deviceSizeNm() * 1e-9;
    this.params = ParameterSets.byName(parameterSet).withArea(side * side);
    this.ageing = new Ageing(params.ageing());
    this.thickness = params.film().thicknessM();
    this.chargePerDomain = params.film().switchableChargeC() / params.film().domainCount();
    double cD = params.film().dielectricCapacitanceF();
    this.bitLineTotal = cD + BIT_LINE_FARADS;
    this.seriesCapacitance = cD * BIT_LINE_FARADS / (cD + BIT_LINE_FARADS);
    this.readVolts = params.fecap().readVoltageV();
    this.fast = fastPath && conditions.supplyNoiseRelative() == 0;
  }

  /** Independently read units (cells or pairs); the cycling age is the cycles run per unit. */
  abstract int units();

  /** One write, read, sense and precharge. */
  abstract double cycleSeconds();

  /** Called after {@link #setConditions} accepted new conditions. */
  abstract void conditionsChanged();

  /** Read pulse width: the slowest domain of every device switches back with probability ≥ 1 - 1e-3 at 300 K. */
  final double readPulseSeconds(List<DomainEnsemble> devices) {
    double field = readVolts / thickness;
    for (double t = 1e-9; t < 1e-3; t *= 1.05) {
      boolean enough = true;
      for (DomainEnsemble device : devices) {
        for (int i = 0; i < device.size() && enough; i++) {
          enough = device.pulseSwitchProbability(i, field, t, 300.0) >= READ_RESET_PROBABILITY;
        }
        if (!enough) {
          break;
        }
      }
      if (enough) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "read pulse of " + readVolts + " V cannot reset the devices of " + params.name() + " within 1 ms");
  }

  /** Switchable polarization (wake-up and fatigue) at the present cycling age. */
  final double currentPolarization() {
    return ageing.polarizationFraction((long) (conditions.ageCycles() + (double) cyclesRun / units()));
  }

  @Override
  public final int lanes() {
    return units();
  }

  @Override
  public final OperatingConditions conditions() {
    return conditions;
  }

  @Override
  public final void setConditions(OperatingConditions newConditions) {
    conditions.changedTo(newConditions);
    if (fast && newConditions.supplyNoiseRelative() != 0) {
      throw new IllegalArgumentException("the fast path models a clean supply; build the array with "
          + "supply noise " + newConditions.supplyNoiseRelative() + " (or Config.withFastPath(false)) instead");
    }
    this.conditions = newConditions;
    conditionsChanged();
  }

  /** Whether cycles are sampled from each unit's switching law rather than stepped domain by domain. */
  public final boolean fastPath() {
    return fast;
  }

  /** Freezes (false) or resumes the bias controllers, for experiments on the open loop. */
  public final void setControlEnabled(boolean enabled) {
    this.controlEnabled = enabled;
  }

  @Override
  public final double enduranceLifetimeSeconds() {
    return Math.max(0, params.ageing().enduranceCycles() - conditions.ageCycles()) * cycleSeconds();
  }
}
