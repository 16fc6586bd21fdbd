package org.ferrogen.device.fefet;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.ferrogen.device.AnalogCell;
import org.ferrogen.device.ageing.Ageing;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.FeFetParams;
import org.ferrogen.device.params.FilmParams;
import org.ferrogen.device.params.KineticsParams;
import org.ferrogen.device.switching.Binomial;
import org.ferrogen.device.switching.CoerciveField;

/**
 * Multi-level FeFET cell for compute-in-memory arrays: partial polarization switching sets the
 * threshold voltage, which sets the read conductance at the read bias.
 *
 * <p>Each {@link #program} call programs a fresh device drawn from the population:
 *
 * <ul>
 *   <li>device-to-device variation: its N domains fall into K equal-probability quantile bins of the
 *       Ea distribution with multinomial counts (so the switching curve of a small device deviates
 *       from the mean by ≈ 1/√N, Deng 2020), plus a threshold offset σ_d2d;
 *   <li>each erase/program cycle draws a cycle-to-cycle threshold offset σ_c2c, and which domains
 *       flip under a pulse is a binomial draw per bin from the accumulated Weibull hazard
 *       1 − exp(h_prev^β − h^β) of the Deng model;
 *   <li>program-and-verify: erase, a first pulse at the amplitude where the population's mean
 *       switched fraction lies a few standard deviations below the target, then pulses whose
 *       amplitude is chosen from the known accumulated hazard to close part of the remaining gap;
 *       a read with read noise after every pulse; erase and retry (more gently) on overshoot.
 * </ul>
 *
 * <p>The per-bin hazard increments of one pulse at each of 1,024 amplitudes are precomputed, so a
 * program-and-verify costs a few hundred flops and binomial draws: 10^6 cells in seconds.
 */
public final class FeFetCell implements AnalogCell {
  /** Levels per cell; 32 as in Jerry et al., IEDM 2017 (Kim et al. 2022 show 64). */
  public static final int DEFAULT_LEVELS = 32;

  /**
   * ASSUMPTION: gate area of the multi-level cell, 0.2 µm² (≈ 450 nm × 450 nm) = 400 domains of
   * the parameter set's domain size; 32 levels separated by more than 3σ need ≳ 10 domains per
   * level (Deng's 20-domain default FeFET resolves at most 21 polarization states).
   */
  public static final double MULTI_LEVEL_AREA_M2 = 2e-13;

  /** ASSUMPTION: the memory-window bound uses the Ec of a 1 kHz quasi-static loop. */
  static final double COERCIVE_SWEEP_HZ = 1e3;

  static boolean DEBUG = Boolean.getBoolean("dbg");
  private static final int BINS = 16;
  private static final int AMPLITUDES = 1024;
  /** Fraction of the remaining gap each verify step aims to close (undershoot bias). */
  private static final double GAP_STEP = 0.6;

  private final DeviceParams params;
  private final FeFetParams fefet;
  private final int levels;
  private final int domains;
  private final int bins;
  private final double beta;
  private final double vthErased; // nominal threshold with all domains down
  private final double window;
  private final double[] amplitudes;
  private final double[][] hazardStep; // [amplitude][bin] accumulated h per pulse
  private final double[][] hazardByBin; // the same, [bin][amplitude]
  private final double[] meanFraction; // population mean fraction switched by one pulse from erase
  private final ConductanceTable table;
  private final double gMin;
  private final double gMax;
  private final double gateCapacitance;
  private final double chargePerDomain;
  private final Ageing ageing;

  /** A 32-level cell on the multi-level gate area {@link #MULTI_LEVEL_AREA_M2}. */
  public static FeFetCell multiLevel(DeviceParams params) {
    return new FeFetCell(params.withArea(MULTI_LEVEL_AREA_M2), DEFAULT_LEVELS);
  }

  /**
   * A cell with the set's own area and the given number of levels.
   *
   * @throws IllegalArgumentException when the set has no FeFET section, too few domains for the
   *     levels, or a memory window above the 2·Ec·t_FE bound
   */
  public FeFetCell(DeviceParams params, int levels) {
    this.params = params;
    this.fefet = params.requireFefet();
    FilmParams film = params.film();
    KineticsParams kinetics = params.kinetics();
    if (levels < 2) {
      throw new IllegalArgumentException("a FeFET cell needs at least 2 levels, got " + levels);
    }
    this.levels = levels;
    this.domains = film.domainCount();
    if (domains < levels - 1) {
      throw new IllegalArgumentException(
          "parameter set '" + params.name() + "' gives " + domains + " domains (film.areaM2 / "
              + "film.domainAreaM2), fewer than the " + (levels - 1) + " steps that " + levels
              + " levels need; enlarge film.areaM2");
    }
    checkWindow(params);
    this.bins = Math.min(BINS, domains);
    this.beta = kinetics.beta();
    this.window = fefet.memoryWindowV();
    this.vthErased = fefet.vthMidV() + window / 2;
    this.ageing = new Ageing(params.ageing());

    double[] binEa = binnedActivationFields(kinetics, bins);
    this.amplitudes = new double[AMPLITUDES];
    this.hazardStep = new double[AMPLITUDES][bins];
    this.hazardByBin = new double[bins][AMPLITUDES];
    this.meanFraction = new double[AMPLITUDES];
    double vLo = 0.1 * fefet.maxProgramVoltageV();
    for (int j = 0; j < AMPLITUDES; j++) {
      double v = vLo + (fefet.maxProgramVoltageV() - vLo) * j / (AMPLITUDES - 1);
      amplitudes[j] = v;
      double field = v / film.thicknessM();
      double sum = 0;
      for (int k = 0; k < bins; k++) {
        double h = fefet.programPulseS() / kinetics.switchingTime(binEa[k], field);
        hazardStep[j][k] = h;
        hazardByBin[k][j] = h;
        sum += -Math.expm1(-Math.pow(h, beta));
      }
      meanFraction[j] = sum / bins;
    }
    FeFetTransistor transistor = new FeFetTransistor(fefet);
    double margin = 0.3 + 6 * (fefet.vthDeviceSigmaV() + fefet.vthCycleSigmaV() + fefet.vthReadSigmaV());
    this.table =
        new ConductanceTable(
            transistor, fefet.vthMidV() - window / 2 - margin, fefet.vthMidV() + window / 2 + margin);
    // The programmable range is what nearly every device reaches: an erased device whose
    // threshold offset is 3σ low reads above the nominal erased conductance and cannot go lower,
    // a fully switched device whose offset is 3σ high cannot go higher.
    double offset3Sigma = 3 * Math.hypot(fefet.vthDeviceSigmaV(), fefet.vthCycleSigmaV());
    this.gMin = table.conductance(vthErased - offset3Sigma);
    this.gMax = table.conductance(vthErased - window + offset3Sigma);
    this.gateCapacitance = film.dielectricCapacitanceF();
    this.chargePerDomain = film.switchableChargeC() / domains;
  }

  /** Rejects a memory window above 2·Ec·t_FE (Ec from a 1 kHz loop of the set's kinetics). */
  static void checkWindow(DeviceParams params) {
    FeFetParams f = params.requireFefet();
    if (WINDOW_CHECKED.contains(params)) {
      return;
    }
    double t = params.film().thicknessM();
    double ec =
        CoerciveField.predict(
            params.kinetics(), f.maxProgramVoltageV() / t, COERCIVE_SWEEP_HZ,
            params.kinetics().referenceTemperatureK());
    double bound = 2 * ec * t;
    if (!(f.memoryWindowV() <= bound)) {
      throw new IllegalArgumentException(
          String.format(
              "fefet.memoryWindowV = %.3g V exceeds the bound 2·Ec·t_FE = %.3g V of set '%s'"
                  + " (Ec = %.3g MV/cm at %.0f Hz)",
              f.memoryWindowV(), bound, params.name(), ec / 1e8, COERCIVE_SWEEP_HZ));
    }
    WINDOW_CHECKED.add(params);
  }

  /** Parameter sets whose window already passed the check (the check integrates a loop). */
  private static final java.util.Set<DeviceParams> WINDOW_CHECKED =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Mean Ea of K equal-probability slices of the distribution (fixed-seed quadrature). */
  static double[] binnedActivationFields(KineticsParams kinetics, int bins) {
    int samples = 256 * bins;
    SplittableRandom rng = new SplittableRandom(0xB1A5L);
    double[] ea = new double[samples];
    for (int i = 0; i < samples; i++) {
      ea[i] = kinetics.activationField().sample(rng);
    }
    Arrays.sort(ea);
    double[] mean = new double[bins];
    int per = samples / bins;
    for (int k = 0; k < bins; k++) {
      double s = 0;
      for (int i = k * per; i < (k + 1) * per; i++) {
        s += ea[i];
      }
      mean[k] = s / per;
    }
    return mean;
  }

  @Override
  public String name() {
    return "fefet-mlc";
  }

  @Override
  public double minConductance() {
    return gMin;
  }

  @Override
  public double maxConductance() {
    return gMax;
  }

  @Override
  public int levels() {
    return levels;
  }

  @Override
  public double readVoltage() {
    return fefet.readDrainV();
  }

  /** Nominal conductance of level {@code k} of {@link #levels()}, equally spaced in G. */
  public double levelConductance(int k) {
    if (k < 0 || k >= levels) {
      throw new IllegalArgumentException("level must be in 0.." + (levels - 1) + ", got " + k);
    }
    return gMin + (gMax - gMin) * k / (levels - 1);
  }

  /** Nominal threshold voltage at which the cell reads {@code conductance}. */
  public double thresholdForConductance(double conductance) {
    return table.threshold(conductance);
  }

  /** Read conductance of a cell whose threshold voltage is {@code vth}. */
  public double conductanceAtThreshold(double vth) {
    return table.conductance(vth);
  }

  /** Domains per cell. */
  public int domains() {
    return domains;
  }

  @Override
  public ProgramResult program(
      double targetConductance, double relativeTolerance, int maxIterations, RandomGenerator rng) {
    if (!(targetConductance > 0)) {
      throw new IllegalArgumentException("target conductance must be positive, got " + targetConductance);
    }
    if (!(relativeTolerance >= 0)) {
      throw new IllegalArgumentException("relative tolerance must be non-negative, got " + relativeTolerance);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
    }
    int[] count = new int[bins];
    int[] unswitched = new int[bins];
    double[] hazard = new double[bins];
    sampleDevice(count, rng);
    double vthDevice = fefet.vthDeviceSigmaV() * rng.nextGaussian();
    double targetVth = table.threshold(targetConductance);
    double targetFraction = clamp01((vthErased - targetVth) / window);
    double low = targetConductance * (1 - relativeTolerance);
    double high = targetConductance * (1 + relativeTolerance);
    double offsetSpread = Math.hypot(fefet.vthDeviceSigmaV(), fefet.vthCycleSigmaV()) / window;
    double margin = 2;
    double gapStep = GAP_STEP;

    int pulses = 0;
    double energy = 0;
    double time = 0;
    int switched = 0;
    double vthCycle = 0;
    while (pulses < maxIterations) {
      // Erase: all domains down, a new cycle with its own threshold scatter.
      energy += pulseEnergy(fefet.eraseVoltageV(), switched);
      time += fefet.erasePulseS();
      pulses++;
      System.arraycopy(count, 0, unswitched, 0, bins);
      Arrays.fill(hazard, 0);
      switched = 0;
      vthCycle = fefet.vthCycleSigmaV() * rng.nextGaussian();
      double g = read(vthDevice + vthCycle, switched, rng);
      energy += readEnergy(g);
      time += fefet.readPulseS();
      if (g >= low || pulses >= maxIterations) {
        break; // at or above target when erased: the lowest state this device reaches
      }
      double startFraction =
          targetFraction
              - margin * Math.hypot(Math.sqrt(targetFraction * (1 - targetFraction) / domains), offsetSpread);
      int j = amplitudeIndexFor(startFraction);
      int front = Math.min(bins - 1, (int) (targetFraction * bins));
      boolean overshoot = false;
      while (pulses < maxIterations) {
        int flipped = pulse(j, unswitched, hazard, rng);
        switched += flipped;
        energy += pulseEnergy(amplitudes[j], flipped);
        time += fefet.programPulseS();
        pulses++;
        g = read(vthDevice + vthCycle, switched, rng);
        energy += readEnergy(g);
        time += fefet.readPulseS();
        if (g >= low && g <= high) {
          return new ProgramResult(
              trueConductance(vthDevice + vthCycle, switched), pulses, energy, time);
        }
        if (g > high) {
          overshoot = true;
          break;
        }
        if (switched == domains || (flipped == 0 && j == AMPLITUDES - 1)) {
          break; // fully switched or the driver's largest pulse no longer helps: out of reach
        }
        // Aim the next pulse at a fraction of the remaining gap. The pulse history is the
        // programmer's own, so the accumulated hazard of the bin at the switching front is known:
        // find the single-pulse amplitude equivalent to it, the amplitude that would reach the aim,
        // and the pulse whose hazard makes up the difference (accumulation, Deng 2020).
        double gap = targetFraction - fractionEstimate(g);
        double[] frontHazard = hazardByBin[front];
        int equivalent = firstAtLeast(frontHazard, hazard[front]);
        // At least one amplitude step beyond the equivalent one, or a small gap would choose a
        // pulse too weak to switch anything and stall.
        int aim = Math.min(AMPLITUDES - 1,
            Math.max(equivalent + 1, amplitudeIndexFor(meanFraction[equivalent] + gapStep * gap)));
        j = firstAtLeast(frontHazard, frontHazard[aim] - hazard[front]);
      }
      if (!overshoot) {
        break;
      }
      margin *= 1.5;
      gapStep = Math.max(0.3, gapStep * 0.8); // after an overshoot, approach more gently
    }
    return new ProgramResult(trueConductance(vthDevice + vthCycle, switched), pulses, energy, time);
  }

  private void sampleDevice(int[] count, RandomGenerator rng) {
    int left = domains;
    for (int k = 0; k < bins - 1; k++) {
      int c = Binomial.sample(left, 1.0 / (bins - k), rng);
      count[k] = c;
      left -= c;
    }
    count[bins - 1] = left;
  }

  private int pulse(int j, int[] unswitched, double[] hazard, RandomGenerator rng) {
    double[] step = hazardStep[j];
    int flipped = 0;
    for (int k = 0; k < bins; k++) {
      if (unswitched[k] == 0 || step[k] < 1e-12) {
        hazard[k] += step[k];
        continue;
      }
      double before = hazard[k];
      double after = before + step[k];
      hazard[k] = after;
      double p = -Math.expm1(weibull(before) - weibull(after));
      int s = Binomial.sample(unswitched[k], p, rng);
      unswitched[k] -= s;
      flipped += s;
    }
    return flipped;
  }

  /** h^β, with the common β = 2 (Deng 2020 FeFET) as a multiplication. */
  private double weibull(double h) {
    return beta == 2 ? h * h : Math.pow(h, beta);
  }

  /** Smallest index whose (ascending) value is at least {@code x}; the last index if none. */
  private static int firstAtLeast(double[] ascending, double x) {
    int lo = 0;
    int hi = ascending.length - 1;
    if (ascending[hi] < x) {
      return hi;
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ascending[mid] >= x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private int amplitudeIndexFor(double fraction) {
    if (fraction <= meanFraction[0]) {
      return 0;
    }
    int j = Arrays.binarySearch(meanFraction, fraction);
    j = j >= 0 ? j : -j - 2;
    return Math.max(0, Math.min(AMPLITUDES - 1, j));
  }

  private double threshold(double offset, int switched) {
    return vthErased + offset - window * switched / domains;
  }

  private double trueConductance(double offset, int switched) {
    return table.conductance(threshold(offset, switched));
  }

  private double read(double offset, int switched, RandomGenerator rng) {
    return table.conductance(threshold(offset, switched) + fefet.vthReadSigmaV() * rng.nextGaussian());
  }

  private double fractionEstimate(double g) {
    return (vthErased - table.threshold(g)) / window;
  }

  /** Gate charging C·V² plus the switched polarization charge times V. */
  private double pulseEnergy(double volts, int flipped) {
    return gateCapacitance * volts * volts + chargePerDomain * flipped * volts;
  }

  /** Gate charging plus drain conduction during one read. */
  private double readEnergy(double g) {
    double vd = fefet.readDrainV();
    return gateCapacitance * fefet.readGateV() * fefet.readGateV() + g * vd * vd * fefet.readPulseS();
  }

  private static double clamp01(double x) {
    return Math.max(0, Math.min(1, x));
  }

  @Override
  public double readNoiseSigma(double conductance) {
    return table.slope(table.threshold(conductance)) * fefet.vthReadSigmaV();
  }

  /**
   * Retention: the stored polarization, and with it Vth − Vth_mid, decays by the set's stretched
   * exponential accelerated by temperature.
   */
  @Override
  public double retainedConductance(double conductance, double seconds, double kelvin) {
    double vth = table.threshold(conductance);
    double kept = ageing.retainedFraction(seconds, kelvin);
    return table.conductance(fefet.vthMidV() + (vth - fefet.vthMidV()) * kept);
  }

  public DeviceParams params() {
    return params;
  }
}
