package org.ferrogen.cim;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.ferrogen.device.ageing.Ageing;
import org.ferrogen.device.fecap.FeCap;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.FeCapCircuitParams;
import org.ferrogen.device.params.FilmParams;

/**
 * A charge-domain weight cell of binary ferroelectric capacitors (FeCAPs) of binary-weighted area,
 * 1T-1C, 1T-2C, 1T-4C, …, read in parallel onto one line: the scheme Martemucci et al. (Nature
 * Electronics 8, 921, 2025) use to turn 3 FeCAP bits into one analog level by charge sharing
 * (literature.md §1). A read pulse of V across the cell's plate delivers Q = C_D·V + Q_P(m): the
 * dielectric charge of all its capacitors plus the switched polarization charge 2·Pr·A_k of every
 * capacitor k that stores a 1 (destructive read, written back afterwards). The state m = Σ_k 2^k·bit_k
 * thus sets the charge linearly, in 2^bits levels. The charge is all-or-nothing above the coercive
 * voltage, so inputs must be binary pulses ({@link CimConfig.InputEncoding#BIT_SERIAL}).
 *
 * <p>Device physics from ferrogen-device: film (C_D, Pr, area, domain count), read circuit (V, pulse
 * length, bit-line capacitance) and ageing (retention) of the parameter set; the fraction p of
 * domains a read pulse switches is simulated once on {@link FeCap#read()} (NLS kinetics with the
 * bit line's back-action) on woken-up devices. Programming: every write switches each of a
 * capacitor's N domains with probability p, so its charge is binomial, N·p ± √(N·p·(1 − p)) domains
 * (Deng et al., VLSI 2020: variation from the finite domain count); verify re-writes. Read noise: the
 * thermal kT/C charge noise √(k·T·C) of each driven cell and, per read, of the bit line's reset and
 * charge-sharing phases (Johnson–Nyquist sampling noise; T = 300 K, assumption).
 */
public final class FeCapChargeCell implements ChargeDomainCell {

  /** Boltzmann constant, J/K (exact since the 2019 SI). */
  static final double BOLTZMANN = 1.380649e-23;
  /** Temperature of the read noise, kelvin (assumption: room temperature). */
  static final double NOISE_KELVIN = 300;
  /**
   * Longest line: 128 FeCAPs share one transfer line in the CEA-Leti array (Martemucci 2025), whose
   * 188 fF line capacitance that count gives (assumption: the same loading limits a CIM bit line).
   */
  public static final int MAX_CELLS_PER_LINE = 128;
  /** Binary capacitors per cell by default: 3, the 4:2:1 MSB capacitors of Martemucci 2025. */
  public static final int DEFAULT_BITS = 3;
  /** Devices simulated to find the switched fraction of a read pulse. */
  private static final int SAMPLE_DEVICES = 16;

  private final String name;
  private final int bits;
  private final double volts;
  private final double pulseSeconds;
  private final double dielectric;
  /** Switched charge of a unit (1C) capacitor fully read: 2·Pr·A of a woken-up film, coulombs. */
  private final double unitSwitchableCharge;
  private final int unitDomains;
  private final double switchedFraction;
  private final double bitLinePerCell;
  private final Ageing ageing;

  /**
   * @param params a ferrogen-device parameter set with film and fecap sections
   * @param levels 2^bits programmable levels, bits ≥ 1
   */
  public FeCapChargeCell(DeviceParams params, int levels) {
    if (levels < 2 || Integer.bitCount(levels) != 1) {
      throw new IllegalArgumentException(
          "cell.levels = " + levels + ": a fecap cell needs a power of two >= 2 (one binary capacitor per bit)");
    }
    FilmParams film = params.film();
    FeCapCircuitParams circuit = params.fecap();
    this.bits = Integer.numberOfTrailingZeros(levels);
    this.name = "fecap-" + bits + "bit";
    this.volts = circuit.readVoltageV();
    this.pulseSeconds = circuit.readPulseS();
    this.dielectric = ((1 << bits) - 1) * film.dielectricCapacitanceF();
    this.unitSwitchableCharge = film.switchableChargeC();
    this.unitDomains = film.domainCount();
    this.ageing = new Ageing(params.ageing());
    // [derived] the CEA line capacitance over the FeCAPs on it (188 fF / 128 ≈ 1.5 fF per cell).
    this.bitLinePerCell = circuit.bitLineCapacitanceF() / MAX_CELLS_PER_LINE;
    this.switchedFraction = simulatedSwitchedFraction(params);
    if (!(switchedFraction > 0)) {
      throw new IllegalArgumentException(
          "cell (fecap): parameter set '" + params.name() + "': a " + volts + " V, " + pulseSeconds
              + " s read pulse switches no polarization, so the cell stores nothing");
    }
  }

  /** Mean fraction of a woken-up capacitor's switchable charge that one read pulse switches. */
  private static double simulatedSwitchedFraction(DeviceParams params) {
    double fraction = 0;
    Ageing ageing = new Ageing(params.ageing());
    // Ten wake-up constants: the film is woken up, as the CEA arrays are after 1,000 cycles.
    long wakeUp = (long) Math.ceil(10 * params.ageing().wakeUpCycles());
    for (int d = 0; d < SAMPLE_DEVICES; d++) {
      FeCap cap = new FeCap(params, new SplittableRandom(0xFECA9L + d));
      cap.addCycles(wakeUp);
      // The read counts as one more cycle before it measures the switched charge.
      double full = params.film().switchableChargeC() * ageing.polarizationFraction(cap.cycles() + 1);
      fraction += cap.read().switchedChargeC() / full / SAMPLE_DEVICES;
    }
    return Math.min(1, fraction);
  }

  /** Expected switched charge of level {@code m}, coulombs. */
  private double levelCharge(int m) {
    return m * switchedFraction * unitSwitchableCharge;
  }

  private double equivalent(double charge) {
    return charge / (volts * pulseSeconds);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public double minConductance() {
    return equivalent(dielectric * volts);
  }

  @Override
  public double maxConductance() {
    return equivalent(dielectric * volts + levelCharge(levels() - 1));
  }

  @Override
  public int levels() {
    return 1 << bits;
  }

  @Override
  public double readVoltage() {
    return volts;
  }

  /**
   * Writes the nearest level to {@code target}: each write switches, in every capacitor that stores
   * a 1, a binomial number of its domains; verify (a destructive read with write-back) re-writes until
   * the charge is within {@code relativeTolerance} of the level. Energy per attempt: three pulses
   * (write, read, write-back) charging the cell's and its bit line's capacitance, C·V², plus the
   * switched charge times V for each of them.
   */
  @Override
  public ProgramResult program(double target, double relativeTolerance, int maxIterations, RandomGenerator rng) {
    double levelStep = equivalent(levelCharge(1));
    int m = (int) Math.max(0, Math.min(levels() - 1, Math.round((target - minConductance()) / levelStep)));
    double nominal = minConductance() + m * levelStep;
    double p = switchedFraction;
    double g;
    double energy = 0;
    int pulses = 0;
    do {
      double switched = 0;
      for (int k = 0; k < bits; k++) {
        if (((m >>> k) & 1) != 0) {
          double n = (double) ((long) unitDomains << k);
          double domains = Math.max(0, Math.min(n, n * p + Math.sqrt(n * p * (1 - p)) * rng.nextGaussian()));
          switched += domains / n * (unitSwitchableCharge * (1 << k));
        }
      }
      g = equivalent(dielectric * volts + switched);
      energy += 3 * ((dielectric + bits * bitLinePerCell) * volts * volts + switched * volts);
      pulses++;
    } while (Math.abs(g - nominal) > relativeTolerance * nominal && pulses < maxIterations);
    return new ProgramResult(g, pulses, energy, 3 * pulses * pulseSeconds);
  }

  /** kT/C charge noise of the cell's capacitance Q/V = G·t, in equivalent siemens. */
  @Override
  public double readNoiseSigma(double conductance) {
    double capacitance = conductance * pulseSeconds;
    return equivalent(Math.sqrt(BOLTZMANN * NOISE_KELVIN * capacitance));
  }

  /** Retention loss of the switched polarization (ferrogen-device ageing model); C_D stays. */
  @Override
  public double retainedConductance(double conductance, double seconds, double kelvin) {
    double floor = minConductance();
    return floor + (conductance - floor) * ageing.retainedFraction(seconds, kelvin);
  }

  @Override
  public double integrationSeconds() {
    return pulseSeconds;
  }

  @Override
  public double dielectricCapacitanceFarads() {
    return dielectric;
  }

  @Override
  public double bitLineCapacitancePerCellFarads() {
    return bitLinePerCell;
  }

  /** Reset and charge-sharing phase each leave kT/C on the line: σ_Q² = 2·k·T·C_line. */
  @Override
  public double lineNoiseSigma(int cellsOnLine) {
    return equivalent(Math.sqrt(2 * BOLTZMANN * NOISE_KELVIN * cellsOnLine * bitLinePerCell));
  }

  @Override
  public int maxCellsPerLine() {
    return MAX_CELLS_PER_LINE;
  }

  /** Fraction of a capacitor's switchable charge one read pulse switches (simulated). */
  public double switchedFraction() {
    return switchedFraction;
  }
}
