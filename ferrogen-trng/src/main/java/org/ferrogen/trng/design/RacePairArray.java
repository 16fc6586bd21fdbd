package org.ferrogen.trng.design;

import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.ferrogen.device.cost.CostCategory;
import org.ferrogen.device.cost.CostMeter;
import org.ferrogen.device.cost.TechnologyNode;
import org.ferrogen.device.params.ParameterSets;
import org.ferrogen.device.switching.DomainEnsemble;
import org.ferrogen.trng.OperatingConditions;
import org.ferrogen.trng.SourceInfo;

/**
 * Design 2, the differential pair race: two nominally identical FeCAPs (A, B) receive the same
 * write pulse near their 50 % switching point; both are then read destructively onto their own bit
 * lines and a sense amplifier decides which released more charge, i.e. which switched more. The
 * race is symmetric, so temperature and ageing move both sides together and largely cancel; what
 * it must fight is mismatch: each device draws its own domain activation fields (ferrogen-device's
 * Deng 2020 engine), and the sense amplifier has its own offset. A differential trim (A gets
 * V + δ, B gets V − δ) driven by a {@link BiasController} removes the resulting bias.
 */
public final class RacePairArray extends FecapArray {

  /**
   * @param parameterSet ferrogen-device parameter set of both FeCAPs
   * @param pairs pairs in parallel
   * @param writePulseSeconds width of the race pulse
   * @param trimStepVolts differential trim per DAC code
   * @param trimCodes trim DAC codes (centred: code trimCodes/2 is δ = 0)
   * @param controllerWindow bits per control decision
   * @param controllerGain trim codes per unit normalised imbalance
   * @param claimedEntropy min-entropy per raw bit claimed for the health tests
   * @param technology node of the CMOS periphery ({@link TechnologyNode})
   * @param fastPath sample each race from the pair's exact switching law ({@link PairLaw}) instead
   *     of stepping every domain of both devices
   */
  public record Config(
      String parameterSet,
      int pairs,
      double writePulseSeconds,
      double trimStepVolts,
      int trimCodes,
      int controllerWindow,
      double controllerGain,
      double claimedEntropy,
      TechnologyNode technology,
      boolean fastPath) {

    public Config {
      Objects.requireNonNull(parameterSet, "parameterSet");
      Objects.requireNonNull(technology, "technology");
      if (pairs < 1) {
        throw new IllegalArgumentException("pair count must be >= 1, got " + pairs);
      }
      if (!(writePulseSeconds > 0 && trimStepVolts > 0) || trimCodes < 3) {
        throw new IllegalArgumentException("pulse width and trim step must be positive with >= 3 codes");
      }
    }

    /**
     * 52 pairs of the CEA-Leti stack (Martemucci 2025; 52 reach 200 Mb/s, as design 1), 50 ns race pulses, a
     * 9-bit trim of 2 mV per code (±0.5 V, assumption), control windows of 256 bits with a gain of
     * 4 codes (assumption), a claimed 0.8 bits per raw bit.
     */
    public static Config defaults() {
      return new Config(ParameterSets.CEA_LETI_2025, 52, 50e-9, 2e-3, 512, 256, 4.0, 0.8, TechnologyNode.preset("28nm"),
          true);
    }

    public Config withPairs(int n) {
      return new Config(parameterSet, n, writePulseSeconds, trimStepVolts, trimCodes, controllerWindow,
          controllerGain, claimedEntropy, technology, fastPath);
    }

    /** The same array with its periphery on {@code node}. */
    public Config withTechnology(TechnologyNode node) {
      return new Config(parameterSet, pairs, writePulseSeconds, trimStepVolts, trimCodes, controllerWindow,
          controllerGain, claimedEntropy, node, fastPath);
    }

    /** The same array simulated domain by domain (full physics, for validation) or on the fast path. */
    public Config withFastPath(boolean fast) {
      return new Config(parameterSet, pairs, writePulseSeconds, trimStepVolts, trimCodes, controllerWindow,
          controllerGain, claimedEntropy, technology, fast);
    }
  }

  private final Config config;
  private final Pair[] pairs;
  private final double raceVolts;
  private final double readSeconds;
  private final double cycleSeconds;
  private final CostMeter energy = new CostMeter(CostCategory.ENTROPY);
  private int next;

  private static final String SWITCH = "ferroelectric switching, race pulse and read (both devices)";
  private static final String DIELECTRIC = "dielectric charging (C_D) of both devices";
  private static final String PLATE = "plate-line drivers";
  private static final String SENSE = "sense amplifier";
  private static final String CONTROL = "trim controller count";

  /** @param law the pair's race law on the fast path; null when simulated domain by domain */
  private record Pair(DomainEnsemble a, DomainEnsemble b, BiasController trim, double senseOffset, PairLaw law) {}

  private double fastPolarization = Double.NaN;
  private double tunedKelvin = Double.NaN;
  private long polarizationRefreshAt;

  public RacePairArray(Config config, OperatingConditions conditions, RandomGenerator noise) {
    super(Objects.requireNonNull(config, "config").parameterSet(), config.fastPath(), conditions, noise);
    this.config = config;
    int domainCount = params.film().domainCount();
    this.pairs = new Pair[config.pairs()];
    for (int p = 0; p < pairs.length; p++) {
      DomainEnsemble a = DomainEnsemble.sample(params.kinetics(), domainCount, noise);
      DomainEnsemble b = DomainEnsemble.sample(params.kinetics(), domainCount, noise);
      pairs[p] = new Pair(a, b,
          new BiasController(config.controllerWindow(), config.controllerGain(), 0, config.trimCodes() - 1,
              config.trimCodes() / 2),
          params.fecap().senseOffsetSigmaV() * noise.nextGaussian(),
          fast ? new PairLaw(a, b, noise, config.writePulseSeconds(), config.trimCodes()) : null);
    }
    this.raceVolts = medianSwitchingVolts();
    this.readSeconds = readPulseSeconds(Arrays.stream(pairs).flatMap(p -> Stream.of(p.a(), p.b())).toList());
    this.cycleSeconds = config.writePulseSeconds() + readSeconds + SENSE_SECONDS + PRECHARGE_SECONDS;
    energy.register(SWITCH, "2Pr*A*V per switched domain, race and read (Deng 2020 engine; Martemucci 2025)");
    energy.register(DIELECTRIC, "C_D*V^2 race + C_D||C_BL*V^2 read, both devices");
    energy.register(PLATE, "assumption: C*V^2 with " + config.technology().name() + " capacitances (TechnologyNode)");
    energy.register(SENSE, "sense decision energy of " + params.name() + " (ferrogen-device)");
    energy.register(CONTROL, "assumption: C*V^2 with " + config.technology().name() + " capacitances (TechnologyNode)");
    lockTrim();
  }

  /**
   * Race amplitude: the field at which the median device domain (mean activation field) switches
   * with probability 1/2 within the pulse at 300 K, by bisection on ferrogen-device's pulse
   * switching probability averaged over all domains of all devices.
   */
  private double medianSwitchingVolts() {
    double lo = 0.05;
    double hi = 20.0;
    for (int it = 0; it < 60; it++) {
      double mid = 0.5 * (lo + hi);
      double field = mid / thickness;
      double sum = 0;
      int n = 0;
      for (Pair p : pairs) {
        for (int i = 0; i < p.a().size(); i++) {
          sum += p.a().pulseSwitchProbability(i, field, config.writePulseSeconds(), 300.0);
          sum += p.b().pulseSwitchProbability(i, field, config.writePulseSeconds(), 300.0);
          n += 2;
        }
      }
      if (sum / n < 0.5) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  /** Power-up: a successive-approximation search of each pair's trim for 50 % ones. */
  private void lockTrim() {
    for (Pair p : pairs) {
      int code = 0;
      for (int bit = Integer.highestOneBit(config.trimCodes() - 1); bit > 0; bit >>= 1) {
        int trial = Math.min(config.trimCodes() - 1, code | bit);
        int ones = 0;
        for (int k = 0; k < 256; k++) {
          ones += race(p, trial);
        }
        if (ones <= 128) {
          code = trial;
        }
      }
      p.trim().reset(code);
    }
  }

  /** Sets every pair's race law to the present temperature and polarization (fast path). */
  private void tuneLaws() {
    double kelvin = conditions.temperatureKelvin();
    tunedKelvin = kelvin;
    fastPolarization = currentPolarization();
    polarizationRefreshAt = cyclesRun + POLARIZATION_REFRESH_CYCLES;
    double signal = chargePerDomain * fastPolarization / bitLineTotal;
    double sigma = SenseNoise.ktcVolts(bitLineTotal, kelvin);
    for (Pair p : pairs) {
      p.law().setOperatingPoint(raceVolts / thickness, config.trimStepVolts() / thickness, config.trimCodes() / 2,
          readVolts / thickness, readSeconds, kelvin, signal, p.senseOffset(), sigma);
    }
  }

  /**
   * Fast-path race: the bit from the pair's exact law ({@link PairLaw}). The polarization (fatigue)
   * is re-evaluated every {@value #POLARIZATION_REFRESH_CYCLES} races of the array instead of every
   * race; it moves by far less than 10⁻⁵ in that time.
   */
  private int fastRace(Pair p, int trimCode) {
    if (conditions.temperatureKelvin() != tunedKelvin) {
      tuneLaws();
    } else if (cyclesRun >= polarizationRefreshAt) {
      polarizationRefreshAt = cyclesRun + POLARIZATION_REFRESH_CYCLES;
      double polarization = currentPolarization();
      if (polarization != fastPolarization) {
        fastPolarization = polarization;
        double signal = chargePerDomain * polarization / bitLineTotal;
        for (Pair q : pairs) {
          q.law().setSignalPerDomain(signal);
        }
      }
    }
    int bit = p.law().race(trimCode);
    double delta = (trimCode - config.trimCodes() / 2) * config.trimStepVolts();
    cyclesRun++;
    meter(fastPolarization, raceVolts + delta, raceVolts - delta, readVolts, p.law().lastWrittenA(),
        p.law().lastWrittenB(), p.law().lastReleasedA() + p.law().lastReleasedB());
    return bit;
  }

  private int race(Pair p, int trimCode) {
    if (fast) {
      return fastRace(p, trimCode);
    }
    double kelvin = conditions.temperatureKelvin();
    double supply = 1 + conditions.supplyNoiseRelative() * noise.nextGaussian();
    double delta = (trimCode - config.trimCodes() / 2) * config.trimStepVolts();
    double va = (raceVolts + delta) * supply;
    double vb = (raceVolts - delta) * supply;
    int wa = p.a().step(va / thickness, config.writePulseSeconds(), kelvin);
    int wb = p.b().step(vb / thickness, config.writePulseSeconds(), kelvin);
    double readV = readVolts * (1 + conditions.supplyNoiseRelative() * noise.nextGaussian());
    int ra = p.a().step(-readV / thickness, readSeconds, kelvin);
    int rb = p.b().step(-readV / thickness, readSeconds, kelvin);
    double polarization = currentPolarization();
    double q = chargePerDomain * polarization;
    double ktc = SenseNoise.ktcVolts(bitLineTotal, kelvin) * Math.sqrt(2) * noise.nextGaussian();
    double difference = (ra - rb) * q / bitLineTotal;
    int bit = difference + p.senseOffset() + ktc > 0 ? 1 : 0;
    cyclesRun++;
    meter(polarization, va, vb, readV, wa, wb, ra + rb);
    return bit;
  }

  private void meter(double polarization, double va, double vb, double readV, double wa, double wb, double released) {
    double q = chargePerDomain * polarization;
    double cD = params.film().dielectricCapacitanceF();
    energy.add(SWITCH, q * (wa * va + wb * vb + released * readV));
    energy.add(DIELECTRIC, cD * (va * va + vb * vb) + 2 * seriesCapacitance * readV * readV);
    energy.add(PLATE, config.technology().plateLinePulseJoules(va) + config.technology().plateLinePulseJoules(vb)
        + 2 * config.technology().plateLinePulseJoules(readV));
    energy.add(SENSE, params.fecap().senseAmpEnergyJ());
    energy.add(CONTROL, config.technology().counterUpdateJoules());
    energy.count(1);
  }

  @Override
  public void read(byte[] samples, int offset, int length) {
    for (int i = 0; i < length; i++) {
      Pair p = pairs[next];
      next = next + 1 == pairs.length ? 0 : next + 1;
      int bit = race(p, p.trim().code());
      if (controlEnabled) {
        p.trim().observe(bit);
      }
      samples[offset + i] = (byte) bit;
    }
  }

  /** The pairs are read round-robin, so the pipeline health-tests each one (a stuck pair among many). */
  @Override
  int units() {
    return pairs.length;
  }

  @Override
  double cycleSeconds() {
    return cycleSeconds;
  }

  @Override
  public SourceInfo info() {
    return new SourceInfo("pair", 1, config.claimedEntropy(), pairs.length / cycleSeconds, cycleSeconds,
        energy.perUnit());
  }

  /** Nothing to do at once: a race retunes the pair laws when it sees a new temperature. */
  @Override
  void conditionsChanged() {}

  /** Trim code of pair {@code index} (package-private: agreement tests of the two simulation paths). */
  int code(int index) {
    return pairs[index].trim().code();
  }

  /** Sets pair {@code index}'s trim code (with control disabled it stays there). */
  void setCode(int index, int code) {
    pairs[index].trim().reset(code);
  }

  /** The race amplitude chosen from the kinetics. */
  public double raceVolts() {
    return raceVolts;
  }

  /** Mean |δ| of the trims, in volts: how much mismatch the loop is cancelling. */
  public double meanAbsoluteTrimVolts() {
    double sum = 0;
    for (Pair p : pairs) {
      sum += Math.abs((p.trim().code() - config.trimCodes() / 2) * config.trimStepVolts());
    }
    return sum / pairs.length;
  }

  public int domainsPerDevice() {
    return pairs[0].a().size();
  }

  @Override
  public java.util.Map<String, String> details() {
    java.util.Map<String, String> d = new java.util.LinkedHashMap<>();
    d.put("parameter set", params.name());
    d.put("pairs", Integer.toString(pairs.length));
    d.put("domains per device", Integer.toString(domainsPerDevice()));
    d.put("race pulse", String.format("%.1f ns at %.3f V", config.writePulseSeconds() * 1e9, raceVolts));
    d.put("mean |trim| (mismatch cancelled)", String.format("%.1f mV", meanAbsoluteTrimVolts() * 1e3));
    d.put("read pulse", String.format("%.1f ns at %.2f V", readSeconds * 1e9, readVolts));
    d.put("cycle", String.format("%.1f ns", cycleSeconds * 1e9));
    return d;
  }
}
