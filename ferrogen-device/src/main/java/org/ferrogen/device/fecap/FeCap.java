package org.ferrogen.device.fecap;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ferrogen.device.ageing.Ageing;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.FeCapCircuitParams;
import org.ferrogen.device.params.FilmParams;
import org.ferrogen.device.switching.DomainEnsemble;
import org.ferrogen.device.switching.Waveform;

/**
 * A ferroelectric capacitor: switched polarization from the multi-domain engine plus the linear
 * dielectric charge, Q = C_D·V + P·A with P = Pr·w(n)·p·r (p the net normalised polarization of the
 * domains, w(n) the wake-up/fatigue factor after n cycles, r the retained fraction). Hysteresis and
 * minor loops, PUND, and the 1T-1C destructive read by charge sharing onto the bit line with write
 * back. Convention: bit 1 = polarization down, which a positive read pulse switches. Not
 * thread-safe.
 */
public final class FeCap {
  private static final int READ_SUBSTEPS = 48;
  private static final double FIRST_SUBSTEP_S = 1e-11;

  private final DeviceParams params;
  private final FilmParams film;
  private final DomainEnsemble domains;
  private final Ageing ageing;
  private final RandomGenerator rng;
  private long cycles;
  private double retained = 1;
  private double imprintField;
  private double kelvin = 300;

  /** A device drawn from the set's population (domain count from the film area), polarized down. */
  public FeCap(DeviceParams params, RandomGenerator rng) {
    this(params, DomainEnsemble.sample(params.kinetics(), params.film().domainCount(), rng), rng);
  }

  /** A device with given domains (e.g. one of a mismatched pair), polarized down. */
  public FeCap(DeviceParams params, DomainEnsemble domains, RandomGenerator rng) {
    this.params = params;
    this.film = params.film();
    this.domains = domains;
    this.ageing = new Ageing(params.ageing());
    this.rng = rng;
    domains.setAll(false);
  }

  /** Operating temperature for subsequent operations (kelvin). */
  public void setTemperature(double kelvin) {
    if (!(kelvin > 0)) {
      throw new IllegalArgumentException("temperature must be positive kelvin, got " + kelvin);
    }
    this.kelvin = kelvin;
  }

  /** Switched polarization in C/m². */
  public double polarization() {
    return film.remanentPolarizationCPerM2() * ageing.polarizationFraction(cycles)
        * domains.netPolarization() * retained;
  }

  /** Total charge in coulombs at applied voltage {@code volts}: C_D·V + P·A. */
  public double charge(double volts) {
    return film.dielectricCapacitanceF() * volts + polarization() * film.areaM2();
  }

  /** Applies a waveform across the capacitor; the imprint field adds to the applied field. */
  public void apply(Waveform waveform, DomainEnsemble.SegmentObserver observer) {
    double t = film.thicknessM();
    for (int s = 0; s < waveform.size(); s++) {
      double v = waveform.volts(s);
      if (v != 0) {
        retained = 1;
      }
      domains.step(v / t + imprintField, waveform.seconds(s), kelvin);
      if (observer != null) {
        observer.after(s, v, domains.upFraction());
      }
    }
  }

  /**
   * Triangle loops of decreasing amplitudes (the first should saturate, the others are minor
   * loops), each traced {@code cycles} times; returns the last period of each.
   */
  public List<Loop> loops(double[] amplitudesV, double frequencyHz, int cycles, int stepsPerCycle) {
    List<Loop> out = new ArrayList<>();
    for (double amplitude : amplitudesV) {
      Waveform w = Waveform.triangle(amplitude, frequencyHz, cycles, stepsPerCycle);
      double[] v = new double[stepsPerCycle];
      double[] p = new double[stepsPerCycle];
      double[] d = new double[stepsPerCycle];
      int start = (cycles - 1) * stepsPerCycle;
      double epsilon = FilmParams.EPSILON_0 * film.relativePermittivity() / film.thicknessM();
      apply(w, (segment, volts, upFraction) -> {
        if (segment >= start) {
          int i = segment - start;
          v[i] = volts;
          p[i] = polarization();
          d[i] = epsilon * volts + p[i];
        }
      });
      this.cycles += cycles;
      out.add(new Loop(v, p, d));
    }
    return out;
  }

  /** Result of a PUND measurement: switching and non-switching charges of each polarity. */
  public record Pund(double p, double u, double n, double d) {
    /** Switched charge P − U in coulombs (positive direction). */
    public double switchedPositive() {
      return p - u;
    }

    /** Switched charge N − D in coulombs (negative direction, as a magnitude). */
    public double switchedNegative() {
      return n - d;
    }
  }

  /**
   * PUND: preset negative, then P, U, N, D pulses of {@code volts} and {@code widthS}, separated by
   * {@code delayS}; each value is the charge that flowed during the pulse (magnitude, coulombs).
   */
  public Pund pund(double volts, double widthS, double delayS) {
    Waveform w = Waveform.pund(volts, widthS, delayS);
    double[] q = new double[w.size()];
    double[] before = {charge(0)};
    apply(w, (segment, v, up) -> {
      double now = charge(v);
      q[segment] = Math.abs(now - before[0]);
      before[0] = charge(0);
    });
    cycles += 2;
    return new Pund(q[2], q[4], q[6], q[8]);
  }

  /**
   * Writes a bit with a full pulse of the circuit's voltage (1 = down, 0 = up); returns the energy
   * in joules: charging bit line and dielectric, (C_BL + C_D)·V², plus the switched charge times V.
   */
  public double write(boolean bit) {
    FeCapCircuitParams c = params.fecap();
    double v = c.readVoltageV();
    double before = polarization();
    apply(Waveform.pulse(bit ? -v : v, c.readPulseS()), null);
    cycles++;
    double switched = Math.abs(polarization() - before) * film.areaM2();
    return (c.bitLineCapacitanceF() + film.dielectricCapacitanceF()) * v * v + switched * v;
  }

  /**
   * Destructive read: the plate steps to +V while the bit line (C_BL, precharged to 0 V) floats;
   * domains switch under the falling field (V − V_BL)/t, solved in sub-steps with
   * V_BL = (C_D·V + ΔP·A)/(C_D + C_BL); a sense amplifier with Gaussian input offset compares V_BL
   * with the reference midway between the nominal 0 and 1 levels; a 1 is written back.
   */
  public ReadResult read() {
    FeCapCircuitParams c = params.fecap();
    double v = c.readVoltageV();
    double cd = film.dielectricCapacitanceF();
    double cbl = c.bitLineCapacitanceF();
    double area = film.areaM2();
    double t = film.thicknessM();
    double p0 = polarization();
    double vbl = cd * v / (cd + cbl);
    double elapsed = 0;
    double growth = Math.pow(c.readPulseS() / FIRST_SUBSTEP_S, 1.0 / READ_SUBSTEPS);
    for (int s = 0; s < READ_SUBSTEPS; s++) {
      double next = Math.min(c.readPulseS(), FIRST_SUBSTEP_S * Math.pow(growth, s + 1));
      double dt = s == 0 ? next : next - elapsed;
      domains.step((v - vbl) / t + imprintField, dt, kelvin);
      elapsed = next;
      vbl = (cd * v + (polarization() - p0) * area) / (cd + cbl);
    }
    retained = 1;
    cycles++;
    double switched = (polarization() - p0) * area;
    double pFull = film.remanentPolarizationCPerM2() * ageing.polarizationFraction(cycles);
    double v0 = cd * v / (cd + cbl);
    double v1 = (cd * v + 2 * pFull * area) / (cd + cbl);
    double reference = 0.5 * (v0 + v1);
    boolean bit = vbl + c.senseOffsetSigmaV() * rng.nextGaussian() > reference;
    double plate = v * cbl * vbl;
    double switching = v * cbl * (vbl - v0);
    double writeBack = 0;
    if (bit) {
      double before = polarization();
      apply(Waveform.pulse(-v, c.readPulseS()), null);
      double restored = Math.abs(polarization() - before) * area;
      writeBack = (cd + cbl) * v * v + restored * v;
    }
    return new ReadResult(
        bit, vbl, reference, switched, new ReadEnergy(plate, switching, c.senseAmpEnergyJ(), writeBack));
  }

  /** Storage for {@code seconds} at {@code kelvin}: retention loss and imprint build up. */
  public void store(double seconds, double storageKelvin) {
    retained *= ageing.retainedFraction(seconds, storageKelvin);
    imprintField = Math.signum(domains.netPolarization()) * ageing.imprintField(seconds, storageKelvin);
  }

  /** Imprint field in V/m that currently biases the applied field. */
  public double imprintField() {
    return imprintField;
  }

  public long cycles() {
    return cycles;
  }

  /** Adds cycles to the counter (e.g. a wake-up or fatigue history) without simulating them. */
  public void addCycles(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("cycles to add must be non-negative, got " + n);
    }
    cycles += n;
  }

  public DomainEnsemble domains() {
    return domains;
  }

  public DeviceParams params() {
    return params;
  }
}
