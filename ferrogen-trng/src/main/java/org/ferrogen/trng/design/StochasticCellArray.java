package org.ferrogen.trng.design;

import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.ferrogen.device.cost.CostCategory;
import org.ferrogen.device.cost.CostMeter;
import org.ferrogen.device.cost.TechnologyNode;
import org.ferrogen.device.params.ParameterSets;
import org.ferrogen.device.switching.DomainEnsemble;
import org.ferrogen.trng.OperatingConditions;
import org.ferrogen.trng.SourceInfo;

/**
 * Design 1, the stochastic-switching cell (after Mulaosmanovic et al., IEEE EDL 39, 135, 2018):
 * each cell is a FeCAP simulated domain by domain with the Deng 2020 engine of ferrogen-device. A
 * cycle is (1) a write pulse of amplitude V near the 50 % switching point, (2) a destructive read:
 * a full opposite pulse switches back whatever the write switched, the released charge is shared
 * onto the bit line and a sense amplifier compares it with half of a full switch. The read also
 * resets the cell, so no separate reset is needed; domains the read fails to switch back stay up
 * and bias the next cycle (a physical lag-1 correlation).
 *
 * <p>Every cell has its own closed-loop {@link BiasController} on its write-amplitude DAC, locked
 * at power-up by a successive-approximation search, then tracking temperature and ageing. Cells
 * run in parallel and are read out round-robin.
 *
 * <p>Physics from ferrogen-device: domain count from area, activation-field spread (device
 * mismatch), Weibull-hazard switching, temperature law, wake-up and fatigue of the switchable
 * polarization, sense-amplifier offset and energy. Here: kT/C noise on the bit line, supply noise
 * on the pulse, the energy bookkeeping, the controller.
 */
public final class StochasticCellArray extends FecapArray {

  /**
   * @param parameterSet ferrogen-device parameter set of the FeCAP
   * @param cells cells in parallel
   * @param writePulseSeconds width of the stochastic write pulse
   * @param dacMinVolts lowest write amplitude
   * @param dacMaxVolts highest write amplitude
   * @param dacCodes DAC resolution (codes between min and max)
   * @param controllerWindow bits per control decision
   * @param controllerGain DAC codes per unit normalised imbalance
   * @param claimedEntropy min-entropy per raw bit the design claims (health-test cutoffs)
   * @param technology node of the CMOS periphery (plate-line driver, controller): its capacitances
   *     and supply ({@link TechnologyNode})
   * @param fastPath sample each cycle from the cell's precomputed switching law (exact in
   *     distribution, ≈ 100× faster) instead of stepping every domain; see {@link CellLaw}
   */
  public record Config(
      String parameterSet,
      int cells,
      double writePulseSeconds,
      double dacMinVolts,
      double dacMaxVolts,
      int dacCodes,
      int controllerWindow,
      double controllerGain,
      double claimedEntropy,
      TechnologyNode technology,
      boolean fastPath) {

    public Config {
      Objects.requireNonNull(parameterSet, "parameterSet");
      Objects.requireNonNull(technology, "technology");
      if (cells < 1) {
        throw new IllegalArgumentException("cell count must be >= 1, got " + cells);
      }
      if (!(writePulseSeconds > 0)) {
        throw new IllegalArgumentException("write pulse width must be positive, got " + writePulseSeconds);
      }
      if (!(dacMinVolts > 0 && dacMaxVolts > dacMinVolts) || dacCodes < 2) {
        throw new IllegalArgumentException(
            "DAC range must satisfy 0 < min < max with >= 2 codes, got " + dacMinVolts + ".." + dacMaxVolts + "/" + dacCodes);
      }
    }

    /**
     * 52 cells (enough for the brief's 200 Mb/s at the modelled ≈ 246 ns cycle) of the CEA-Leti Si:HfO2
     * stack (Martemucci 2025), 50 ns write pulses (the stack's assumed τ0 = 19 ns bounds every
     * switching time from below, so pulses must be a few τ0 long), a 10-bit write DAC over 0.5–4 V
     * (assumption), control windows of 256 bits with a gain of 4 codes (assumption, tuned so the
     * loop's ripple stays below the count's own noise), a claimed 0.8 bits per raw bit (kept below
     * the SP 800-90B assessment of this design, see docs/trng.md).
     */
    public static Config defaults() {
      return new Config(ParameterSets.CEA_LETI_2025, 52, 50e-9, 0.5, 4.0, 1024, 256, 4.0, 0.8,
          TechnologyNode.preset("28nm"), true);
    }

    public Config withCells(int n) {
      return new Config(parameterSet, n, writePulseSeconds, dacMinVolts, dacMaxVolts, dacCodes,
          controllerWindow, controllerGain, claimedEntropy, technology, fastPath);
    }

    public Config withClaimedEntropy(double h) {
      return new Config(parameterSet, cells, writePulseSeconds, dacMinVolts, dacMaxVolts, dacCodes,
          controllerWindow, controllerGain, h, technology, fastPath);
    }

    /** The same array simulated domain by domain (full physics, for validation) or on the fast path. */
    public Config withFastPath(boolean fast) {
      return new Config(parameterSet, cells, writePulseSeconds, dacMinVolts, dacMaxVolts, dacCodes,
          controllerWindow, controllerGain, claimedEntropy, technology, fast);
    }

    /** The same array with its periphery on {@code node}. */
    public Config withTechnology(TechnologyNode node) {
      return new Config(parameterSet, cells, writePulseSeconds, dacMinVolts, dacMaxVolts, dacCodes,
          controllerWindow, controllerGain, claimedEntropy, node, fastPath);
    }
  }

  /** SAR calibration: pulses per successive-approximation step. */
  private static final int CALIBRATION_PULSES = 128;

  private final Config config;
  private final Cell[] cells;
  private final double referenceVolts;
  private final double readSeconds;
  private final double cycleSeconds;
  private final CostMeter energy = new CostMeter(CostCategory.ENTROPY);
  private int nextCell;

  private static final String SWITCH_WRITE = "ferroelectric switching, write pulse";
  private static final String SWITCH_READ = "ferroelectric switching, destructive read onto bit line";
  private static final String DIELECTRIC = "dielectric charging (C_D) of write and read";
  private static final String PLATE = "plate-line driver";
  private static final String SENSE = "sense amplifier";
  private static final String CONTROL = "bias controller count";

  /** @param law the cell's switching law on the fast path; null when simulated domain by domain */
  private record Cell(DomainEnsemble domains, BiasController controller, double senseOffset, CellLaw law) {}

  private double fastPolarization = Double.NaN;
  private long polarizationRefreshAt;
  // Energy accumulated since the last flush into the meter (a map lookup per item and cycle would
  // cost more than the fast path's whole cycle).
  private double writeSwitchJoules;
  private double readSwitchJoules;
  private double dielectricJoules;
  private double plateJoules;
  private double senseJoules;
  private double controlJoules;
  private long unmeteredSamples;

  public StochasticCellArray(Config config, OperatingConditions conditions, RandomGenerator noise) {
    super(Objects.requireNonNull(config, "config").parameterSet(), config.fastPath(), conditions, noise);
    this.config = config;
    int domainCount = params.film().domainCount();
    // Reference: half the signal of a full switch of a woken-up, unfatigued cell (design time).
    this.referenceVolts = 0.5 * params.film().switchableChargeC() / bitLineTotal;
    this.cells = new Cell[config.cells()];
    for (int c = 0; c < cells.length; c++) {
      DomainEnsemble domains = DomainEnsemble.sample(params.kinetics(), domainCount, noise);
      cells[c] = new Cell(
          domains,
          new BiasController(config.controllerWindow(), config.controllerGain(), 0, config.dacCodes() - 1,
              config.dacCodes() / 2),
          params.fecap().senseOffsetSigmaV() * noise.nextGaussian(),
          fast ? new CellLaw(domains, noise, config.writePulseSeconds(), config.dacCodes()) : null);
    }
    this.readSeconds = readPulseSeconds(Arrays.stream(cells).map(Cell::domains).toList());
    if (fast) {
      tuneLaws();
    }
    this.cycleSeconds = config.writePulseSeconds() + readSeconds + SENSE_SECONDS + PRECHARGE_SECONDS;
    energy.register(SWITCH_WRITE, "2Pr*A*V per switched domain (Deng 2020 engine; Pr, A from " + params.name() + ")");
    energy.register(SWITCH_READ, "MW*(C_D+C_BL)*V = Q_switched*V (Martemucci 2025)");
    energy.register(DIELECTRIC, "C_D*V^2 write + C_D||C_BL*V^2 read (C_D from eps_r, area, thickness)");
    energy.register(PLATE, "assumption: C*V^2 with " + config.technology().name() + " capacitances (TechnologyNode)");
    energy.register(SENSE, "sense decision energy of " + params.name() + " (ferrogen-device)");
    energy.register(CONTROL, "assumption: C*V^2 with " + config.technology().name() + " capacitances (TechnologyNode)");
    calibrate();
  }

  /**
   * Power-up lock. A first guess from the kinetics (the amplitude at which the cell's domains switch
   * with probability 1/2 on average, by bisection on ferrogen-device's pulse switching probability),
   * then a successive-approximation search of ±256 DAC codes (±0.9 V) around it that counts ones
   * over 128 pulses per step, which absorbs the sense-amplifier offset and the cell's own mismatch.
   */
  private void calibrate() {
    for (Cell cell : cells) {
      int guess = voltsToCode(medianSwitchingVolts(cell.domains()));
      int code = Math.max(0, guess - 256);
      for (int bit = 256; bit > 0; bit >>= 1) {
        int trial = Math.min(config.dacCodes() - 1, code + bit);
        int ones = 0;
        for (int k = 0; k < CALIBRATION_PULSES; k++) {
          ones += cycle(cell, trial);
        }
        if (ones <= CALIBRATION_PULSES / 2) {
          code = trial;
        }
      }
      cell.controller().reset(code);
    }
  }

  private double medianSwitchingVolts(DomainEnsemble domains) {
    double lo = 0.05;
    double hi = 20.0;
    for (int it = 0; it < 50; it++) {
      double mid = 0.5 * (lo + hi);
      double sum = 0;
      for (int i = 0; i < domains.size(); i++) {
        sum += domains.pulseSwitchProbability(i, mid / thickness, config.writePulseSeconds(), 300.0);
      }
      if (sum / domains.size() < 0.5) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  private int voltsToCode(double volts) {
    double step = (config.dacMaxVolts() - config.dacMinVolts()) / (config.dacCodes() - 1);
    return (int) Math.max(0, Math.min(config.dacCodes() - 1, Math.round((volts - config.dacMinVolts()) / step)));
  }

  /** Sets every cell's switching law to the present conditions and polarization (fast path). */
  private void tuneLaws() {
    double kelvin = conditions.temperatureKelvin();
    fastPolarization = currentPolarization();
    polarizationRefreshAt = cyclesRun + POLARIZATION_REFRESH_CYCLES;
    double signal = chargePerDomain * fastPolarization / bitLineTotal;
    double sigma = SenseNoise.ktcVolts(bitLineTotal, kelvin);
    double perCode = (config.dacMaxVolts() - config.dacMinVolts()) / (config.dacCodes() - 1) / thickness;
    for (Cell cell : cells) {
      cell.law().setOperatingPoint(config.dacMinVolts() / thickness, perCode, readVolts / thickness, readSeconds,
          kelvin, signal, referenceVolts - cell.senseOffset(), sigma);
    }
  }

  /**
   * Fast-path cycle: the bit from the cell's exact switching law ({@link CellLaw}). The polarization
   * (fatigue) is re-evaluated every {@value #POLARIZATION_REFRESH_CYCLES} cycles of the array instead
   * of every cycle; it moves by far less than 10⁻⁵ in that time.
   */
  private int fastCycle(Cell cell, int code) {
    if (cyclesRun >= polarizationRefreshAt) {
      polarizationRefreshAt = cyclesRun + POLARIZATION_REFRESH_CYCLES;
      double polarization = currentPolarization();
      if (polarization != fastPolarization) {
        fastPolarization = polarization;
        double signal = chargePerDomain * polarization / bitLineTotal;
        for (Cell c : cells) {
          c.law().setSignalPerDomain(signal);
        }
      }
    }
    int bit = cell.law().cycle(code);
    double writeVolts = dacVolts(code);
    double switchedCharge = chargePerDomain * fastPolarization;
    cyclesRun++;
    meter(cell.law().lastWritten() * switchedCharge * writeVolts, cell.law().lastReleased() * switchedCharge * readVolts,
        writeVolts, readVolts);
    return bit;
  }

  private void meter(double writeSwitch, double readSwitch, double writeVolts, double readV) {
    writeSwitchJoules += writeSwitch;
    readSwitchJoules += readSwitch;
    dielectricJoules += params.film().dielectricCapacitanceF() * writeVolts * writeVolts
        + seriesCapacitance * readV * readV;
    plateJoules += config.technology().plateLinePulseJoules(writeVolts) + config.technology().plateLinePulseJoules(readV);
    senseJoules += params.fecap().senseAmpEnergyJ();
    controlJoules += config.technology().counterUpdateJoules();
    unmeteredSamples++;
  }

  private void flushEnergy() {
    energy.add(SWITCH_WRITE, writeSwitchJoules);
    energy.add(SWITCH_READ, readSwitchJoules);
    energy.add(DIELECTRIC, dielectricJoules);
    energy.add(PLATE, plateJoules);
    energy.add(SENSE, senseJoules);
    energy.add(CONTROL, controlJoules);
    energy.count(unmeteredSamples);
    writeSwitchJoules = 0;
    readSwitchJoules = 0;
    dielectricJoules = 0;
    plateJoules = 0;
    senseJoules = 0;
    controlJoules = 0;
    unmeteredSamples = 0;
  }

  /** One write + destructive read of {@code cell} at DAC {@code code}; returns the sensed bit. */
  private int cycle(Cell cell, int code) {
    if (fast) {
      return fastCycle(cell, code);
    }
    double kelvin = conditions.temperatureKelvin();
    double supply = 1 + conditions.supplyNoiseRelative() * noise.nextGaussian();
    double writeVolts = dacVolts(code) * supply;
    double switchedCharge = chargePerDomain * currentPolarization();
    int written = cell.domains().step(writeVolts / thickness, config.writePulseSeconds(), kelvin);
    double readV = readVolts * (1 + conditions.supplyNoiseRelative() * noise.nextGaussian());
    int released = cell.domains().step(-readV / thickness, readSeconds, kelvin);
    double signal = released * switchedCharge / bitLineTotal;
    double ktc = SenseNoise.ktcVolts(bitLineTotal, kelvin) * noise.nextGaussian();
    int bit = signal + cell.senseOffset() + ktc > referenceVolts ? 1 : 0;
    cyclesRun++;
    meter(written * switchedCharge * writeVolts, released * switchedCharge * readV, writeVolts, readV);
    return bit;
  }

  private double dacVolts(int code) {
    return config.dacMinVolts() + code * (config.dacMaxVolts() - config.dacMinVolts()) / (config.dacCodes() - 1);
  }

  @Override
  public void read(byte[] samples, int offset, int length) {
    for (int i = 0; i < length; i++) {
      Cell cell = cells[nextCell];
      nextCell = nextCell + 1 == cells.length ? 0 : nextCell + 1;
      int bit = cycle(cell, cell.controller().code());
      if (controlEnabled) {
        cell.controller().observe(bit);
      }
      samples[offset + i] = (byte) bit;
    }
    if (unmeteredSamples >= 1 << 20) {
      flushEnergy();
    }
  }

  @Override
  int units() {
    return cells.length;
  }

  @Override
  double cycleSeconds() {
    return cycleSeconds;
  }

  @Override
  public SourceInfo info() {
    flushEnergy();
    return new SourceInfo("cell", 1, config.claimedEntropy(), cells.length / cycleSeconds, cycleSeconds,
        energy.perUnit());
  }

  /** The fast path's laws follow the new temperature at once. */
  @Override
  void conditionsChanged() {
    if (fast) {
      tuneLaws();
    }
  }

  /** DAC code of cell {@code index} (package-private: agreement tests of the two simulation paths). */
  int code(int index) {
    return cells[index].controller().code();
  }

  /** Sets cell {@code index}'s DAC code (with control disabled it stays there). */
  void setCode(int index, int code) {
    cells[index].controller().reset(code);
  }

  /** Mean write amplitude over the cells, in volts (what the controllers settled on). */
  public double meanWriteVolts() {
    double sum = 0;
    for (Cell cell : cells) {
      sum += dacVolts(cell.controller().code());
    }
    return sum / cells.length;
  }

  /** Cells whose controller sits at a DAC rail and so can no longer hold the bias. */
  public int saturatedControllers() {
    int n = 0;
    for (Cell cell : cells) {
      n += cell.controller().saturated() ? 1 : 0;
    }
    return n;
  }

  /** Domains per cell, from the device area. */
  public int domainsPerCell() {
    return cells[0].domains().size();
  }

  /** Read pulse width chosen from the kinetics. */
  public double readPulseWidthSeconds() {
    return readSeconds;
  }

  /** Write/read cycles simulated so far (including calibration); the devices' cycling age grows with it. */
  public long cyclesRun() {
    return cyclesRun;
  }

  @Override
  public java.util.Map<String, String> details() {
    java.util.Map<String, String> d = new java.util.LinkedHashMap<>();
    d.put("parameter set", params.name());
    d.put("cells", Integer.toString(cells.length));
    d.put("domains per cell", Integer.toString(domainsPerCell()));
    d.put("write pulse", String.format("%.1f ns", config.writePulseSeconds() * 1e9));
    d.put("mean write amplitude (controller)", String.format("%.3f V", meanWriteVolts()));
    d.put("read pulse", String.format("%.1f ns at %.2f V", readSeconds * 1e9, readVolts));
    d.put("cycle", String.format("%.1f ns", cycleSeconds * 1e9));
    d.put("controllers at a DAC rail", Integer.toString(saturatedControllers()));
    return d;
  }
}
