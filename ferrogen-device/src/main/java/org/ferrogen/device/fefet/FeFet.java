package org.ferrogen.device.fefet;

import java.util.random.RandomGenerator;
import org.ferrogen.device.ageing.Ageing;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.FeFetParams;
import org.ferrogen.device.switching.DomainEnsemble;
import org.ferrogen.device.switching.Waveform;

/**
 * One FeFET with full per-domain switching (Deng et al., VLSI 2020): its domains' activation
 * fields and a threshold offset are drawn once (device-to-device variation), every erase starts a
 * cycle with a fresh threshold scatter (cycle-to-cycle variation) and every read adds read noise.
 * Threshold voltage: V_th = V_mid + offsets − (MW·w(n)/2)·p·r, p the net normalised polarization,
 * w(n) the wake-up/fatigue factor after n cycles, r the retained fraction since the last write.
 * Not thread-safe.
 */
public final class FeFet {
  private final DeviceParams params;
  private final FeFetParams fefet;
  private final DomainEnsemble domains;
  private final FeFetTransistor transistor;
  private final Ageing ageing;
  private final RandomGenerator rng;
  private final double deviceOffset;
  private double cycleOffset;
  private long cycles;
  private double retained = 1;

  /** A device drawn from the population of the parameter set (domain count from its area). */
  public FeFet(DeviceParams params, RandomGenerator rng) {
    this(
        params,
        DomainEnsemble.sample(params.kinetics(), params.film().domainCount(), rng),
        params.requireFefet().vthDeviceSigmaV() * rng.nextGaussian(),
        rng);
  }

  /** A device with given domains and device threshold offset (e.g. a matched pair). */
  public FeFet(DeviceParams params, DomainEnsemble domains, double deviceOffsetV, RandomGenerator rng) {
    this.params = params;
    this.fefet = params.requireFefet();
    FeFetCell.checkWindow(params);
    this.domains = domains;
    this.transistor = new FeFetTransistor(fefet);
    this.ageing = new Ageing(params.ageing());
    this.rng = rng;
    this.deviceOffset = deviceOffsetV;
    domains.setAll(false);
  }

  /** Erase pulse (−V_erase): all domains down, high threshold; counts one cycle. */
  public void erase(double kelvin) {
    applyGate(Waveform.pulse(-fefet.eraseVoltageV(), fefet.erasePulseS()), kelvin);
    cycles++;
    cycleOffset = fefet.vthCycleSigmaV() * rng.nextGaussian();
  }

  /** Any gate waveform (positive volts switch domains up and lower the threshold). */
  public void applyGate(Waveform waveform, double kelvin) {
    domains.apply(waveform, params.film().thicknessM(), kelvin);
    retained = 1;
  }

  /** One rectangular gate pulse. */
  public void pulse(double volts, double seconds, double kelvin) {
    applyGate(Waveform.pulse(volts, seconds), kelvin);
  }

  /** Storage for {@code seconds} at {@code kelvin}: the polarization relaxes (retention). */
  public void store(double seconds, double kelvin) {
    retained *= ageing.retainedFraction(seconds, kelvin);
  }

  /** Noise-free threshold voltage of the present state. */
  public double thresholdVoltage() {
    double window = fefet.memoryWindowV() * ageing.polarizationFraction(cycles);
    return fefet.vthMidV() + deviceOffset + cycleOffset
        - 0.5 * window * domains.netPolarization() * retained;
  }

  /** Threshold voltage seen by one read (with read noise). */
  public double readThreshold() {
    return thresholdVoltage() + fefet.vthReadSigmaV() * rng.nextGaussian();
  }

  /** Noise-free drain current. */
  public double drainCurrent(double vgs, double vds, double kelvin) {
    return transistor.drainCurrent(vgs, vds, thresholdVoltage(), kelvin);
  }

  /** Conductance I_D/V_DS at the read bias seen by one read (with read noise), 300 K. */
  public double readConductance() {
    return transistor.readConductance(readThreshold());
  }

  /** Device-to-device threshold offset drawn at construction. */
  public double deviceThresholdOffset() {
    return deviceOffset;
  }

  /** Cycle-to-cycle threshold offset of the present cycle. */
  public double cycleThresholdOffset() {
    return cycleOffset;
  }

  /** Erase/program cycles so far. */
  public long cycles() {
    return cycles;
  }

  /** Adds cycles to the counter (ageing a device quickly without simulating each cycle). */
  public void addCycles(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("cycles to add must be non-negative, got " + n);
    }
    cycles += n;
  }

  public DomainEnsemble domains() {
    return domains;
  }

  public FeFetTransistor transistor() {
    return transistor;
  }

  public DeviceParams params() {
    return params;
  }
}
