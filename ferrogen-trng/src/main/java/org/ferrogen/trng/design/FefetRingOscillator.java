package org.ferrogen.trng.design;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.ferrogen.device.ageing.Ageing;
import org.ferrogen.device.cost.CostCategory;
import org.ferrogen.device.cost.CostMeter;
import org.ferrogen.device.cost.TechnologyNode;
import org.ferrogen.device.fefet.FeFetTransistor;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.FeFetParams;
import org.ferrogen.device.params.ParameterSets;
import org.ferrogen.trng.OperatingConditions;
import org.ferrogen.trng.SimulatedSource;
import org.ferrogen.trng.SourceInfo;

/**
 * Design 3, the FeFET ring oscillator (our own design: no ferroelectric ring-oscillator TRNG was
 * found in the literature). An odd ring of inverters whose pull-down transistors are FeFETs; each
 * stage's delay is C_L·V_DD / (2·I_D), with I_D from ferrogen-device's FeFET compact model at the
 * stage's threshold voltage. Before every sample the FeFETs are re-programmed (erase + program), and
 * each programming lands at a new threshold: the cycle-to-cycle Vth variation of ferrogen-device's
 * FeFET parameters, scaled as 1/√N with the gate's domain count (Deng 2020). The ring then starts
 * from rest and runs for K nominal periods; a slow clock samples its output through a flip-flop,
 * whose metastable window is modelled as Gaussian timing noise of the sampling instant. The phase
 * reached after K periods varies by K·σ(T)/T periods, which randomises the sampled level once it
 * is a good fraction of a period; thermal jitter of every stage adds a little.
 *
 * <p>With {@code refreshEvery > 1} the FeFETs keep their thresholds for several samples and the ring
 * free-runs between them: faster, but only thermal jitter then separates consecutive samples.
 */
public final class FefetRingOscillator implements SimulatedSource {

  /**
   * @param parameterSet ferrogen-device parameter set with a FeFET section
   * @param rings rings in parallel
   * @param stages inverters per ring (odd)
   * @param loadCapacitance C_L per stage
   * @param supplyVolts ring V_DD
   * @param periodsPerSample K, nominal ring periods per sampling window
   * @param flipFlopTimingSigma rms timing noise of the sampling flip-flop's decision (metastability)
   * @param thermalJitterRelative rms thermal jitter of one stage delay, relative to the delay
   * @param refreshEvery re-program the FeFETs every this many samples
   * @param claimedEntropy min-entropy per raw bit claimed for the health tests
   * @param technology node of the sampling flip-flops ({@link TechnologyNode})
   * @param fastPath take stage delays from a table of the delay against the threshold (linear
   *     interpolation on a 2 µV grid, relative error below 10⁻¹⁰, far below the 10⁻³ thermal jitter)
   *     instead of evaluating the FeFET's EKV current per stage and sample; clean supply only
   */
  public record Config(
      String parameterSet,
      int rings,
      int stages,
      double loadCapacitance,
      double supplyVolts,
      int periodsPerSample,
      double flipFlopTimingSigma,
      double thermalJitterRelative,
      int refreshEvery,
      double claimedEntropy,
      TechnologyNode technology,
      boolean fastPath) {

    public Config {
      Objects.requireNonNull(parameterSet, "parameterSet");
      Objects.requireNonNull(technology, "technology");
      if (rings < 1 || stages < 3 || stages % 2 == 0) {
        throw new IllegalArgumentException("need >= 1 ring of an odd number >= 3 of stages, got " + rings + " x " + stages);
      }
      if (!(loadCapacitance > 0 && supplyVolts > 0 && flipFlopTimingSigma >= 0 && thermalJitterRelative >= 0)
          || periodsPerSample < 1 || refreshEvery < 1) {
        throw new IllegalArgumentException("ring parameters must be positive");
      }
    }

    /**
     * 256 five-stage rings of the Deng 2020 FeFET (enough for 200 Mb/s with a re-programming per
     * sample); C_L = 2 fF per stage, V_DD = 0.9 V, 100 periods
     * per sample, 1 ps flip-flop timing noise, 0.1 % thermal jitter per stage delay (all
     * assumptions for a 28 nm-class ring), re-programming before every sample, claimed 0.8 bits
     * per raw bit.
     */
    public static Config defaults() {
      return new Config(ParameterSets.DENG_2020_FEFET, 256, 5, 2e-15, 0.9, 100, 1e-12, 1e-3, 1, 0.8,
          TechnologyNode.preset("28nm"), true);
    }

    public Config withRings(int n) {
      return new Config(parameterSet, n, stages, loadCapacitance, supplyVolts, periodsPerSample,
          flipFlopTimingSigma, thermalJitterRelative, refreshEvery, claimedEntropy, technology, fastPath);
    }

    public Config withRefreshEvery(int samples) {
      return new Config(parameterSet, rings, stages, loadCapacitance, supplyVolts, periodsPerSample,
          flipFlopTimingSigma, thermalJitterRelative, samples, claimedEntropy, technology, fastPath);
    }

    /** The same rings with their flip-flops on {@code node}. */
    public Config withTechnology(TechnologyNode node) {
      return new Config(parameterSet, rings, stages, loadCapacitance, supplyVolts, periodsPerSample,
          flipFlopTimingSigma, thermalJitterRelative, refreshEvery, claimedEntropy, node, fastPath);
    }

    /** The same rings with every stage delay evaluated from the compact model (for validation) or tabulated. */
    public Config withFastPath(boolean fast) {
      return new Config(parameterSet, rings, stages, loadCapacitance, supplyVolts, periodsPerSample,
          flipFlopTimingSigma, thermalJitterRelative, refreshEvery, claimedEntropy, technology, fast);
    }
  }

  /** Assumption: threshold temperature coefficient of a bulk MOSFET, −1 mV/K. */
  private static final double VTH_PER_KELVIN = -1e-3;
  /** Assumption: phonon-limited mobility, μ ∝ T^-1.5. */
  private static final double MOBILITY_EXPONENT = -1.5;
  /**
   * Fast path grid: 2 µV over ±0.25 V around the programmed threshold (10⁻⁵ of the cycle-to-cycle
   * σ of 5 mV). The delay goes as (V_DD − Vth)^-2 in strong inversion, so linear interpolation errs
   * by h²/8·|d''/d| ≈ 10⁻¹¹ relative; thresholds off the grid are evaluated exactly.
   */
  private static final double DELAY_TABLE_STEP_VOLTS = 2e-6;
  private static final double DELAY_TABLE_HALF_RANGE_VOLTS = 0.25;

  private final Config config;
  private final DeviceParams params;
  private final FeFetParams fefet;
  private final FeFetTransistor transistor;
  private final Ageing ageing;
  private final RandomGenerator noise;
  private final double[][] deviceOffset;
  private final double[][] vth;
  private final long[] windowsSinceRefresh;
  private final double cycleSigma;
  private final double windowSeconds;
  private final double refreshSeconds;
  private final double refreshEnergyPerStage;
  private final CostMeter energy = new CostMeter(CostCategory.ENTROPY);
  private OperatingConditions conditions;
  /** Fast path: stage delay against threshold, on a grid of {@link #DELAY_TABLE_STEP_VOLTS}. */
  private final double[] delayTable;
  private double delayTableLow;
  private double delayTableKelvin = Double.NaN;
  private double mobilityKelvin = Double.NaN;
  private double target;
  private long targetCycles = -1;
  private double mobilityFactor;
  private int next;
  private long samplesRun;
  private long metastableDecisions;

  private static final String PROGRAM = "FeFET re-programming (erase + program, all stages)";
  private static final String RING = "ring switching C_L*V_DD^2 per stage per period";
  private static final String FLIP_FLOP = "sampling flip-flop";

  public FefetRingOscillator(Config config, OperatingConditions conditions, RandomGenerator noise) {
    this.config = Objects.requireNonNull(config, "config");
    this.conditions = Objects.requireNonNull(conditions, "conditions");
    this.noise = Objects.requireNonNull(noise, "noise");
    DeviceParams reference = ParameterSets.byName(config.parameterSet());
    double side = conditions.deviceSizeNm() * 1e-9;
    this.params = reference.withArea(side * side);
    this.fefet = params.requireFefet();
    this.transistor = new FeFetTransistor(fefet);
    this.ageing = new Ageing(params.ageing());
    // Device-to-device and cycle-to-cycle spreads scale as 1/√N with the domain count (Deng 2020).
    double sizeScale = Math.sqrt((double) reference.film().domainCount() / params.film().domainCount());
    this.cycleSigma = fefet.vthCycleSigmaV() * sizeScale;
    this.deviceOffset = new double[config.rings()][config.stages()];
    this.vth = new double[config.rings()][config.stages()];
    for (double[] ring : deviceOffset) {
      for (int s = 0; s < ring.length; s++) {
        ring[s] = fefet.vthDeviceSigmaV() * sizeScale * noise.nextGaussian();
      }
    }
    this.windowsSinceRefresh = new long[config.rings()];
    java.util.Arrays.fill(windowsSinceRefresh, Long.MAX_VALUE / 2);
    double nominalHalfPeriod = config.stages() * stageDelay(programmedVth(), 300.0, config.supplyVolts());
    this.windowSeconds = config.periodsPerSample() * 2 * nominalHalfPeriod;
    this.refreshSeconds = fefet.erasePulseS() + fefet.programPulseS();
    double charge = params.film().switchableChargeC();
    double cFe = params.film().dielectricCapacitanceF();
    double vProg = fefet.maxProgramVoltageV();
    double vErase = fefet.eraseVoltageV();
    // Erase and program each switch the film fully and charge the gate stack.
    this.refreshEnergyPerStage = charge * (vProg + vErase) + cFe * (vProg * vProg + vErase * vErase);
    this.delayTable = config.fastPath() && conditions.supplyNoiseRelative() == 0
        ? new double[(int) Math.round(2 * DELAY_TABLE_HALF_RANGE_VOLTS / DELAY_TABLE_STEP_VOLTS) + 1]
        : null;
    energy.register(PROGRAM, "2Pr*A*V + C_FE*V^2 per erase and per program (" + params.name() + ")");
    energy.register(RING, "assumption: C_L = 2 fF per stage, V_DD = 0.9 V");
    energy.register(FLIP_FLOP, "assumption: C*V^2 with " + config.technology().name() + " capacitances (TechnologyNode)");
  }

  /** Target threshold of the programmed (low-Vth, conducting) state after wake-up and fatigue. */
  private double programmedVth() {
    return programmedVth(cyclesOfAge());
  }

  private long cyclesOfAge() {
    return (long) (conditions.ageCycles() + (double) samplesRun / vth.length);
  }

  private double programmedVth(long cycles) {
    return fefet.vthMidV() - 0.5 * fefet.memoryWindowV() * ageing.polarizationFraction(cycles);
  }

  /**
   * Fast path: the programmed threshold, re-evaluated only when the whole cycle count of the age
   * changes (once per round of the rings) rather than every sample; the same value.
   */
  private double refreshedTarget() {
    long cycles = cyclesOfAge();
    if (cycles != targetCycles) {
      target = programmedVth(cycles);
      targetCycles = cycles;
    }
    return target;
  }

  private double stageDelay(double threshold, double kelvin, double vdd) {
    if (kelvin != mobilityKelvin) {
      mobilityFactor = Math.pow(kelvin / 300.0, MOBILITY_EXPONENT);
      mobilityKelvin = kelvin;
    }
    double current = transistor.drainCurrent(vdd, vdd / 2, threshold, kelvin) * mobilityFactor;
    return config.loadCapacitance() * vdd / (2 * current);
  }

  /**
   * The stage delay at {@code threshold}: from the table on the fast path (clean supply, so V_DD is
   * fixed), from the compact model otherwise or off the table's grid.
   */
  private double delay(double threshold, double kelvin, double vdd) {
    if (delayTable != null) {
      if (kelvin != delayTableKelvin) {
        tabulateDelays(kelvin, vdd);
      }
      double x = (threshold - delayTableLow) * (1 / DELAY_TABLE_STEP_VOLTS);
      if (x >= 0 && x < delayTable.length - 1) {
        int i = (int) x;
        double f = x - i;
        return delayTable[i] + f * (delayTable[i + 1] - delayTable[i]);
      }
    }
    return stageDelay(threshold, kelvin, vdd);
  }

  private void tabulateDelays(double kelvin, double vdd) {
    delayTableLow = programmedVth() + VTH_PER_KELVIN * (kelvin - 300.0) - DELAY_TABLE_HALF_RANGE_VOLTS;
    for (int i = 0; i < delayTable.length; i++) {
      delayTable[i] = stageDelay(delayTableLow + i * DELAY_TABLE_STEP_VOLTS, kelvin, vdd);
    }
    delayTableKelvin = kelvin;
  }

  @Override
  public void read(byte[] samples, int offset, int length) {
    for (int i = 0; i < length; i++) {
      int ring = next;
      next = next + 1 == vth.length ? 0 : next + 1;
      samples[offset + i] = (byte) sample(ring);
    }
  }

  private int sample(int ring) {
    double kelvin = conditions.temperatureKelvin();
    double[] v = vth[ring];
    if (windowsSinceRefresh[ring] >= config.refreshEvery()) {
      double target = delayTable != null ? refreshedTarget() : programmedVth();
      for (int s = 0; s < v.length; s++) {
        v[s] = target + deviceOffset[ring][s] + cycleSigma * noise.nextGaussian();
      }
      windowsSinceRefresh[ring] = 0;
      energy.add(PROGRAM, refreshEnergyPerStage * v.length);
    }
    long windowsRunning = ++windowsSinceRefresh[ring];
    // Drawn even on a clean supply, so that a seed gives the same bits on both paths and as before.
    double vdd = config.supplyVolts() * (1 + conditions.supplyNoiseRelative() * noise.nextGaussian());
    double shift = VTH_PER_KELVIN * (kelvin - 300.0);
    double halfPeriod = 0;
    double sumSquares = 0;
    for (double threshold : v) {
      double d = delay(threshold + shift, kelvin, vdd);
      halfPeriod += d;
      sumSquares += d * d;
    }
    double jitter = config.thermalJitterRelative();
    double jitterVariance = jitter * jitter * sumSquares;
    // The ring started at rest at the last refresh; sample after windowsRunning windows.
    double t = windowsRunning * windowSeconds;
    long edges = (long) Math.floor(t / halfPeriod);
    // Edge times form a random walk: edge m at m·H + sqrt(m)·σ_H·Z.
    double edgeTime = edges * halfPeriod + Math.sqrt(edges * jitterVariance) * noise.nextGaussian();
    double sampleTime = t + config.flipFlopTimingSigma() * noise.nextGaussian();
    double sigma = Math.sqrt(jitterVariance);
    while (edgeTime > sampleTime && edges > 0) {
      edges--;
      edgeTime -= halfPeriod + sigma * noise.nextGaussian();
    }
    double nextEdge = edgeTime + halfPeriod + sigma * noise.nextGaussian();
    while (nextEdge <= sampleTime) {
      edges++;
      edgeTime = nextEdge;
      nextEdge = edgeTime + halfPeriod + sigma * noise.nextGaussian();
    }
    if (Math.min(t - edgeTime, nextEdge - t) < 3 * config.flipFlopTimingSigma()) {
      metastableDecisions++;
    }
    samplesRun++;
    energy.add(RING, (windowSeconds / (2 * halfPeriod)) * v.length * config.loadCapacitance() * vdd * vdd);
    energy.add(FLIP_FLOP, config.technology().flipFlopClockJoules());
    energy.count(1);
    return (int) (edges & 1);
  }

  /** Seconds per sample of one ring: the window plus its share of the re-programming time. */
  public double cycleSeconds() {
    return windowSeconds + refreshSeconds / config.refreshEvery();
  }

  /** The rings are read round-robin, so the pipeline health-tests each one (a stuck ring among many). */
  @Override
  public int lanes() {
    return vth.length;
  }

  @Override
  public SourceInfo info() {
    return new SourceInfo("ring", 1, config.claimedEntropy(), vth.length / cycleSeconds(),
        windowSeconds + refreshSeconds, energy.perUnit());
  }

  @Override
  public OperatingConditions conditions() {
    return conditions;
  }

  @Override
  public void setConditions(OperatingConditions newConditions) {
    conditions.changedTo(newConditions);
    if (delayTable != null && newConditions.supplyNoiseRelative() != 0) {
      throw new IllegalArgumentException("the fast path models a clean supply; build the rings with "
          + "supply noise " + newConditions.supplyNoiseRelative() + " (or Config.withFastPath(false)) instead");
    }
    this.conditions = newConditions;
  }

  /** Whether stage delays come from the tabulated delay law rather than the compact model per stage. */
  public boolean fastPath() {
    return delayTable != null;
  }

  /** Nominal ring period at 300 K, in seconds. */
  public double nominalPeriodSeconds() {
    return windowSeconds / config.periodsPerSample();
  }

  /** Cycle-to-cycle threshold spread used, in volts (scaled from the parameter set by 1/√N). */
  public double cycleSigmaVolts() {
    return cycleSigma;
  }

  /** Fraction of decisions taken inside the flip-flop's metastable window (±3σ). */
  public double metastableFraction() {
    return samplesRun == 0 ? 0 : (double) metastableDecisions / samplesRun;
  }

  @Override
  public java.util.Map<String, String> details() {
    java.util.Map<String, String> d = new java.util.LinkedHashMap<>();
    d.put("parameter set", params.name());
    d.put("rings x stages", vth.length + " x " + config.stages());
    d.put("domains per FeFET", Integer.toString(params.film().domainCount()));
    d.put("nominal ring period", String.format("%.1f ps", nominalPeriodSeconds() * 1e12));
    d.put("periods per sample", Integer.toString(config.periodsPerSample()));
    d.put("Vth cycle-to-cycle sigma", String.format("%.2f mV", cycleSigma * 1e3));
    d.put("re-programming (erase + program)", String.format("%.0f ns every %d samples", refreshSeconds * 1e9, config.refreshEvery()));
    d.put("metastable decisions", String.format("%.3f %%", 100 * metastableFraction()));
    return d;
  }

  /** Seconds until the FeFETs pass their endurance figure at one re-programming per refresh. */
  @Override
  public double enduranceLifetimeSeconds() {
    return Math.max(0, params.ageing().enduranceCycles() - conditions.ageCycles()) * cycleSeconds() * config.refreshEvery();
  }
}
