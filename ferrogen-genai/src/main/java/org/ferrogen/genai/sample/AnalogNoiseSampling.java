package org.ferrogen.genai.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ferrogen.genai.backend.LinearLayer;

/**
 * Noise-native sampling from the chip itself: the output head runs on the chip's compute tiles, and
 * the next token is the argmax of its own noisy, ADC-converted logits — no random numbers drawn.
 *
 * <p>The knob is the <b>number of reads averaged</b>: every read of a {@code TiledAnalogMatrix}
 * draws fresh read noise in every column and digitises it separately, so the digital mean of
 * {@code m} reads carries noise σ₁/√m, where σ₁ is the single-read noise of the logits. This is the
 * only knob the cim model supports without new physics: its read noise is the cell's conductance
 * noise (for a FeFET, σ_G = |dG/dVth|·σ_Vth,read), which does not depend on read voltage or
 * integration time in the model. Averaging can only lower the noise, so a chip reaches temperatures
 * up to the one its single read matches ({@link Setting#atCeiling()} marks a request above it).
 *
 * <p>Calibration maps a temperature T to a read count: σ₁ is measured by repeated reads of the
 * same head input; the target σ*(T) is the Gaussian σ that brings argmax(logits + σ·N) closest in KL
 * to softmax(logits/T) on the mean logits ({@link NoiseNativeSampling#calibrateSigma}; Gaussian noise
 * cannot reproduce softmax exactly, which needs Gumbel noise); then m = round((σ₁/σ*)²), at least 1.
 */
public final class AnalogNoiseSampling {
  /** Reads per batched product: bounds the scratch memory of one call (vocab × this floats). */
  private static final int READ_BATCH = 64;
  /** The most reads averaged for one token; σ₁/√4096 is 1/64 of the single-read noise. */
  public static final int MAX_READS = 4096;
  /** Monte Carlo draws per σ* evaluation in calibration (common random numbers, see NoiseNativeSampling). */
  private static final int CALIBRATION_DRAWS = 4000;

  private AnalogNoiseSampling() {}

  /**
   * One calibrated setting of the knob.
   *
   * @param temperature the requested temperature T
   * @param targetSigma σ*(T), the KL-closest Gaussian noise on the calibration logits
   * @param singleReadSigma σ₁, the measured noise of one read of the logits (RMS over tokens)
   * @param reads reads averaged per token
   * @param achievedSigma σ₁/√reads
   * @param atCeiling true when σ₁ &lt; σ*(T): one read is already the noisiest the chip gives, so the
   *     draw is colder than asked
   */
  public record Setting(double temperature, double targetSigma, double singleReadSigma, int reads,
      double achievedSigma, boolean atCeiling) {
    /** The temperature whose Gumbel noise has the achieved standard deviation (σ·√6/π); a label, not a fit. */
    public double gumbelEquivalentTemperature() {
      return achievedSigma * Math.sqrt(6) / Math.PI;
    }
  }

  /** The read count for target noise {@code targetSigma} given single-read noise {@code singleReadSigma}. */
  public static Setting setting(double temperature, double targetSigma, double singleReadSigma) {
    if (!(temperature > 0) || !Double.isFinite(temperature)) {
      throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
    }
    if (!(singleReadSigma > 0)) {
      throw new IllegalArgumentException("the head's reads carry no noise (single-read sigma " + singleReadSigma
          + "): enable tiles.nonIdealities.readNoise in the chip spec");
    }
    double ratio = singleReadSigma / targetSigma;
    int reads = (int) Math.max(1, Math.min(MAX_READS, Math.round(ratio * ratio)));
    return new Setting(temperature, targetSigma, singleReadSigma, reads, singleReadSigma / Math.sqrt(reads),
        singleReadSigma < targetSigma);
  }

  /**
   * What calibration measured on a set of head inputs.
   *
   * @param singleReadSigma σ₁: the RMS over contexts and tokens of the read-to-read standard deviation
   * @param meanLogits each context's mean logits over its calibration reads (where σ*(T) is fitted)
   * @param readsPerContext calibration reads of each context
   */
  public record Calibration(double singleReadSigma, List<float[]> meanLogits, int readsPerContext) {
    /** The knob's setting for temperature T: σ*(T) fitted on the mean logits, then the read count. */
    public Setting setting(double temperature, long seed) {
      if (!(temperature > 0) || !Double.isFinite(temperature)) {
        throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
      }
      return AnalogNoiseSampling.setting(temperature, targetSigma(meanLogits, temperature, seed), singleReadSigma);
    }
  }

  /**
   * Reads each of the head inputs {@code inputs} {@code reads} times: σ₁ and the mean logits. The
   * reads are real array reads, metered into the chip's ledger.
   */
  public static Calibration calibrate(LinearLayer head, List<float[]> inputs, int reads) {
    if (reads < 2) {
      throw new IllegalArgumentException("calibration needs at least 2 reads per context, got " + reads);
    }
    double variance = 0;
    List<float[]> means = new ArrayList<>();
    for (float[] input : inputs) {
      float[][] all = reads(head, input, reads);
      int v = head.rows();
      float[] mean = new float[v];
      for (int j = 0; j < v; j++) {
        double s = 0;
        double s2 = 0;
        for (float[] r : all) {
          s += r[j];
          s2 += (double) r[j] * r[j];
        }
        double mu = s / reads;
        mean[j] = (float) mu;
        variance += Math.max(0, (s2 - reads * mu * mu) / (reads - 1)) / v;
      }
      means.add(mean);
    }
    return new Calibration(Math.sqrt(variance / inputs.size()), List.copyOf(means), reads);
  }

  /** σ*(T): the median over {@code logits} of the KL-fitted Gaussian σ of {@link NoiseNativeSampling#calibrateSigma}. */
  public static double targetSigma(List<float[]> logits, double temperature, long seed) {
    double[] fitted = new double[logits.size()];
    for (int i = 0; i < fitted.length; i++) {
      fitted[i] = NoiseNativeSampling.calibrateSigma(logits.get(i), temperature, CALIBRATION_DRAWS, seed);
    }
    Arrays.sort(fitted);
    int n = fitted.length;
    return n % 2 == 1 ? fitted[n / 2] : (fitted[n / 2 - 1] + fitted[n / 2]) / 2;
  }

  /** {@code n} reads of the head on {@code input}, each with its own read noise and ADC conversion. */
  static float[][] reads(LinearLayer head, float[] input, int n) {
    float[][] out = new float[n][head.rows()];
    float[][] in = new float[Math.min(n, READ_BATCH)][];
    Arrays.fill(in, input);
    for (int from = 0; from < n; from += READ_BATCH) {
      int k = Math.min(READ_BATCH, n - from);
      head.multiply(in, Arrays.copyOfRange(out, from, from + k), k);
    }
    return out;
  }

  /**
   * The mean of {@code reads} reads of the head on {@code input} into {@code out}; {@code firstRead},
   * when not null, is a read already made (the forward pass's own) and counts as one of them.
   */
  public static void averagedRead(LinearLayer head, float[] input, int reads, float[] firstRead, float[] out) {
    int fresh = firstRead == null ? reads : reads - 1;
    Arrays.fill(out, 0);
    if (firstRead != null) {
      System.arraycopy(firstRead, 0, out, 0, out.length);
    }
    if (fresh > 0) {
      for (float[] r : reads(head, input, fresh)) {
        for (int j = 0; j < out.length; j++) {
          out[j] += r[j];
        }
      }
    }
    if (reads > 1) {
      for (int j = 0; j < out.length; j++) {
        out[j] /= reads;
      }
    }
  }

  static int argmax(float[] l) {
    int best = 0;
    for (int i = 1; i < l.length; i++) {
      if (l[i] > l[best]) {
        best = i;
      }
    }
    return best;
  }

  /**
   * A measurement of the analog-noise token distribution on one context.
   *
   * @param setting the knob's setting
   * @param draws tokens drawn (each from {@code setting.reads()} reads)
   * @param klExact KL(q̂ ‖ softmax(exact/T)) in nats, q̂ the drawn tokens' frequencies
   * @param tvExact total variation between q̂ and softmax(exact/T)
   * @param klChipMean KL(q̂ ‖ softmax(m/T)), m the mean of all reads (the chip's noise-free logits:
   *     separates the noise's shape from the programming and ADC error)
   * @param tvChipMean total variation between q̂ and softmax(m/T)
   * @param klFloor the same KL estimator on {@code draws} exact softmax draws: the Monte Carlo bias floor
   * @param tvFloor total variation of those exact draws (the floor of the TV estimate)
   * @param distinctTokens tokens drawn at least once
   */
  public record Measurement(Setting setting, int draws, double klExact, double tvExact, double klChipMean,
      double tvChipMean, double klFloor, double tvFloor, int distinctTokens) {}

  /**
   * Draws {@code draws} tokens by {@code setting.reads()}-read argmax on {@code input} and compares
   * their frequencies with softmax(exactLogits/T) and with softmax of the chip's mean logits; the
   * floor comes from exact Gumbel-max draws seeded by {@code seed}.
   */
  public static Measurement measure(LinearLayer head, float[] input, float[] exactLogits, Setting setting,
      int draws, long seed) {
    if (draws < 1) {
      throw new IllegalArgumentException("draws must be >= 1, got " + draws);
    }
    int v = head.rows();
    long[] counts = new long[v];
    double[] sum = new double[v];
    float[] mean = new float[v];
    int m = setting.reads();
    // Read in chunks of whole draws so one batched product serves several draws.
    int drawsPerChunk = Math.max(1, READ_BATCH / m);
    for (int d = 0; d < draws; d += drawsPerChunk) {
      int k = Math.min(drawsPerChunk, draws - d);
      float[][] all = reads(head, input, k * m);
      for (int i = 0; i < k; i++) {
        Arrays.fill(mean, 0);
        for (int r = 0; r < m; r++) {
          float[] read = all[i * m + r];
          for (int j = 0; j < v; j++) {
            mean[j] += read[j];
            sum[j] += read[j];
          }
        }
        counts[argmax(mean)]++;
      }
    }
    float[] chipMean = new float[v];
    for (int j = 0; j < v; j++) {
      chipMean[j] = (float) (sum[j] / ((long) draws * m));
    }
    double t = setting.temperature();
    double[] pExact = NoiseNativeSampling.softmax(exactLogits, t);
    double[] pChip = NoiseNativeSampling.softmax(chipMean, t);
    long[] control = new long[v];
    SplittableRandom rng = new SplittableRandom(seed);
    for (int d = 0; d < draws; d++) {
      control[NoiseNativeSampling.sampleGumbel(exactLogits, t, rng)]++;
    }
    int distinct = 0;
    for (long c : counts) {
      distinct += c > 0 ? 1 : 0;
    }
    return new Measurement(setting, draws, NoiseNativeSampling.kl(counts, draws, pExact), tv(counts, draws, pExact),
        NoiseNativeSampling.kl(counts, draws, pChip), tv(counts, draws, pChip),
        NoiseNativeSampling.kl(control, draws, pExact), tv(control, draws, pExact), distinct);
  }

  static double tv(long[] counts, int draws, double[] p) {
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      s += Math.abs(counts[i] / (double) draws - p[i]);
    }
    return s / 2;
  }
}
