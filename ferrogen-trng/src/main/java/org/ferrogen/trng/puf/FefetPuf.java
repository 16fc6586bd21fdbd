package org.ferrogen.trng.puf;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.ferrogen.device.fefet.FeFetTransistor;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.FeFetParams;
import org.ferrogen.device.params.ParameterSets;

/**
 * A FeFET physical unclonable function in the 2FeFET-1C arrangement of Li et al. (Nat. Commun.
 * 2025): each PUF cell holds two FeFETs programmed to the same state; the response bit says which
 * of the two conducts more at the read bias, i.e. which has the lower threshold voltage. The
 * thresholds differ by device-to-device variation (ferrogen-device's FeFET d2d spread, scaled as
 * 1/√N with the gate's domain count, Deng 2020) plus the cycle-to-cycle scatter of the one
 * enrolment programming; every later read adds read noise, and temperature shifts each device's
 * threshold by its own coefficient.
 *
 * <p>A challenge selects {@code responseBits} cells of the array (a seeded selection of cell
 * addresses), so one chip answers many challenges.
 */
public final class FefetPuf {

  /**
   * @param parameterSet ferrogen-device parameter set with a FeFET section
   * @param cells 2FeFET-1C cells per chip
   * @param deviceSizeNm FeFET gate side
   * @param meanVthPerKelvin mean threshold temperature coefficient (assumption: −1 mV/K, bulk MOSFET)
   * @param vthPerKelvinSigma device-to-device spread of that coefficient (assumption: 20 µV/K)
   */
  public record Config(
      String parameterSet, int cells, double deviceSizeNm, double meanVthPerKelvin, double vthPerKelvinSigma) {
    public Config {
      Objects.requireNonNull(parameterSet, "parameterSet");
      if (cells < 1 || !(deviceSizeNm > 0) || !(vthPerKelvinSigma >= 0)) {
        throw new IllegalArgumentException("PUF needs >= 1 cell, a positive device size and a spread >= 0");
      }
    }

    /** 4,096 cells of the Deng 2020 FeFET at 100 nm, −1 mV/K ± 20 µV/K (assumptions). */
    public static Config defaults() {
      return new Config(ParameterSets.DENG_2020_FEFET, 4096, 100, -1e-3, 20e-6);
    }

    public Config withCells(int n) {
      return new Config(parameterSet, n, deviceSizeNm, meanVthPerKelvin, vthPerKelvinSigma);
    }
  }

  /** Enrolment and reference temperature, 25 °C. */
  public static final double ENROLMENT_KELVIN = 298.15;

  private final Config config;
  private final FeFetParams fefet;
  private final FeFetTransistor transistor;
  private final double readNoiseSigma;

  public FefetPuf(Config config) {
    this.config = Objects.requireNonNull(config, "config");
    DeviceParams reference = ParameterSets.byName(config.parameterSet());
    double side = config.deviceSizeNm() * 1e-9;
    DeviceParams params = reference.withArea(side * side);
    this.fefet = params.requireFefet();
    this.transistor = new FeFetTransistor(fefet);
    this.sizeScale = Math.sqrt((double) reference.film().domainCount() / params.film().domainCount());
    this.readNoiseSigma = fefet.vthReadSigmaV();
  }

  private final double sizeScale;

  /** One fabricated chip: its devices' thresholds and temperature coefficients. */
  public final class Chip {
    private final double[] vthA;
    private final double[] vthB;
    private final double[] tempA;
    private final double[] tempB;

    private Chip(RandomGenerator fab) {
      int n = config.cells();
      vthA = new double[n];
      vthB = new double[n];
      tempA = new double[n];
      tempB = new double[n];
      double programmed = fefet.vthMidV() + 0.5 * fefet.memoryWindowV();
      double spread = Math.hypot(fefet.vthDeviceSigmaV(), fefet.vthCycleSigmaV()) * sizeScale;
      for (int i = 0; i < n; i++) {
        vthA[i] = programmed + spread * fab.nextGaussian();
        vthB[i] = programmed + spread * fab.nextGaussian();
        tempA[i] = config.meanVthPerKelvin() + config.vthPerKelvinSigma() * fab.nextGaussian();
        tempB[i] = config.meanVthPerKelvin() + config.vthPerKelvinSigma() * fab.nextGaussian();
      }
    }

    /**
     * Reads every cell once at {@code kelvin} with read noise scaled by {@code noiseScale} (1 =
     * the parameter set's read noise): bit i is 1 when FeFET A conducts more than FeFET B.
     */
    public boolean[] read(double kelvin, double noiseScale, RandomGenerator readNoise) {
      boolean[] bits = new boolean[vthA.length];
      double dt = kelvin - ENROLMENT_KELVIN;
      double sigma = readNoiseSigma * noiseScale;
      double vg = fefet.readGateV();
      double vd = fefet.readDrainV();
      for (int i = 0; i < bits.length; i++) {
        double a = vthA[i] + tempA[i] * dt + sigma * readNoise.nextGaussian();
        double b = vthB[i] + tempB[i] * dt + sigma * readNoise.nextGaussian();
        bits[i] = transistor.drainCurrent(vg, vd, a, kelvin) > transistor.drainCurrent(vg, vd, b, kelvin);
      }
      return bits;
    }

    /**
     * Enrolment with {@code reads} reads at {@code kelvin}: the reference is the majority of the
     * reads; a cell whose reads were not unanimous is marked unstable (masked from later use),
     * the usual dark-bit masking of PUF enrolment.
     */
    public Enrolment enrol(double kelvin, int reads, RandomGenerator readNoise) {
      if (reads < 1 || reads % 2 == 0) {
        throw new IllegalArgumentException("enrolment needs an odd number of reads, got " + reads);
      }
      int[] ones = new int[vthA.length];
      for (int r = 0; r < reads; r++) {
        boolean[] bits = read(kelvin, 1.0, readNoise);
        for (int i = 0; i < bits.length; i++) {
          ones[i] += bits[i] ? 1 : 0;
        }
      }
      boolean[] reference = new boolean[ones.length];
      boolean[] stable = new boolean[ones.length];
      for (int i = 0; i < ones.length; i++) {
        reference[i] = 2 * ones[i] > reads;
        stable[i] = ones[i] == 0 || ones[i] == reads;
      }
      return new Enrolment(reference, stable);
    }

    /** The response to a challenge: the bits of the cells the challenge selects. */
    public boolean[] respond(long challenge, int responseBits, double kelvin, double noiseScale, RandomGenerator readNoise) {
      boolean[] all = read(kelvin, noiseScale, readNoise);
      int[] cells = select(challenge, responseBits);
      boolean[] r = new boolean[responseBits];
      for (int k = 0; k < responseBits; k++) {
        r[k] = all[cells[k]];
      }
      return r;
    }
  }

  /** An enrolment: reference bits and which cells were stable during it. */
  public record Enrolment(boolean[] reference, boolean[] stable) {
    /** Fraction of cells masked as unstable. */
    public double maskedFraction() {
      int masked = 0;
      for (boolean s : stable) {
        masked += s ? 0 : 1;
      }
      return (double) masked / stable.length;
    }
  }

  /** Fabricates a chip; {@code fab} draws its process variation. */
  public Chip fabricate(RandomGenerator fab) {
    return new Chip(fab);
  }

  /** Cell addresses selected by a challenge (a seeded partial Fisher–Yates shuffle). */
  public int[] select(long challenge, int responseBits) {
    int n = config.cells();
    if (responseBits < 1 || responseBits > n) {
      throw new IllegalArgumentException("response length must be in 1.." + n + ", got " + responseBits);
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.SplittableRandom pick = new java.util.SplittableRandom(challenge);
    for (int k = 0; k < responseBits; k++) {
      int j = k + pick.nextInt(n - k);
      int t = order[k];
      order[k] = order[j];
      order[j] = t;
    }
    return java.util.Arrays.copyOf(order, responseBits);
  }

  public Config config() {
    return config;
  }

  /** Threshold spread of one device after enrolment programming, in volts. */
  public double thresholdSpreadVolts() {
    return Math.hypot(fefet.vthDeviceSigmaV(), fefet.vthCycleSigmaV()) * sizeScale;
  }

  public double readNoiseVolts() {
    return readNoiseSigma;
  }
}
