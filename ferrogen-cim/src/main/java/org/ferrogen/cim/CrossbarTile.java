package org.ferrogen.cim;

import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

/**
 * One programmed crossbar tile: {@code nIn} word lines by {@code nOut} differential bit-line pairs
 * per slice. A charge-domain cell adds, per read of a line pair, input-independent kT/C noise
 * ({@code lineNoiseSigma} of the line length, siemens-equivalent; null for conductance cells). Holds the conductances as read and, per read direction, the normalised matrices the
 * kernels use: {@code g = (G+·f+ − G−·f−)/ΔG} (f = IR-drop attenuation) and the per-cell read-noise
 * variance in the same units, packed into panels of outputs ({@link MvmKernels#pack}).
 */
final class CrossbarTile {

  final int nIn;
  final int nOut;
  final int slices;
  /** [slice][o·nIn + i], siemens. */
  final float[][] gPlus;
  final float[][] gMinus;
  /** Total effective conductance on each word line (all slices and polarities), siemens. */
  final double[] wordLineConductance;
  /** Total effective conductance on each bit-line pair group of an output, siemens. */
  final double[] bitLineConductance;
  final Orientation forward;
  private final long backwardSeed;
  private final CimConfig config;
  private final double deltaG;
  private final IntToDoubleFunction lineNoiseSigma;
  private volatile Orientation backward;

  /**
   * Read-direction view: {@code nOut} outputs each a sum over {@code nIn} inputs. {@code g} and
   * {@code variance} are packed per slice as the product kernel reads them (element (i, o) at
   * {@link MvmKernels#packedIndex}); the Monte-Carlo sigmas are input-major, [slice][i·nOut + o].
   */
  static final class Orientation {
    final int nIn;
    final int nOut;
    final float[][] g;
    final float[][] variance;
    final float[][] sigmaPlus;
    final float[][] sigmaMinus;
    final float[][] fullScale;
    final float[][] offsetLsb;
    /** Input-independent read-noise variance of every output's line pair per read (charge domain). */
    final double lineVariance;

    Orientation(
        int nIn,
        int nOut,
        float[][] g,
        float[][] variance,
        float[][] sigmaPlus,
        float[][] sigmaMinus,
        float[][] fullScale,
        float[][] offsetLsb,
        double lineVariance) {
      this.nIn = nIn;
      this.nOut = nOut;
      this.g = g;
      this.variance = variance;
      this.sigmaPlus = sigmaPlus;
      this.sigmaMinus = sigmaMinus;
      this.fullScale = fullScale;
      this.offsetLsb = offsetLsb;
      this.lineVariance = lineVariance;
    }

    /** Normalised conductance of slice {@code s} from input {@code i} to output {@code o}. */
    float g(int s, int i, int o) {
      return g[s][MvmKernels.packedIndex(i, o, nIn)];
    }

    /** Where the panel holding output {@code o} starts in the packed arrays. */
    int panelOffset(int o) {
      return MvmKernels.packedIndex(0, o - o % MvmKernels.panelWidth(), nIn);
    }

    /** A packed array of this view as [slice][o·nIn + i], the input-major layout of the other direction. */
    float[][] outputMajor(float[][] packed) {
      if (packed == null) {
        return null;
      }
      float[][] t = new float[packed.length][nIn * nOut];
      for (int s = 0; s < packed.length; s++) {
        for (int o = 0; o < nOut; o++) {
          for (int i = 0; i < nIn; i++) {
            t[s][o * nIn + i] = packed[s][MvmKernels.packedIndex(i, o, nIn)];
          }
        }
      }
      return t;
    }
  }

  CrossbarTile(
      CimConfig config,
      int nIn,
      int nOut,
      float[][] gPlus,
      float[][] gMinus,
      float[][] sigmaPlusSiemens,
      float[][] sigmaMinusSiemens,
      double deltaG,
      IntToDoubleFunction lineNoiseSigma,
      long adcSeed) {
    this.config = config;
    this.deltaG = deltaG;
    this.lineNoiseSigma = lineNoiseSigma;
    this.nIn = nIn;
    this.nOut = nOut;
    this.slices = gPlus.length;
    this.gPlus = gPlus;
    this.gMinus = gMinus;
    this.backwardSeed = adcSeed ^ 0x5DEECE66DL;
    int n = nIn * nOut;
    float[][] fPlus = new float[slices][];
    float[][] fMinus = new float[slices][];
    irDropFactors(fPlus, fMinus);
    float[][] g = new float[slices][n];
    boolean noise = config.nonIdealities().readNoise().enabled();
    float[][] variance = noise ? new float[slices][n] : null;
    boolean monteCarlo = noise && config.nonIdealities().readNoise().path() == CimConfig.NoisePath.MONTE_CARLO;
    float[][] sigmaPlus = monteCarlo ? new float[slices][n] : null;
    float[][] sigmaMinus = monteCarlo ? new float[slices][n] : null;
    wordLineConductance = new double[nIn];
    bitLineConductance = new double[nOut];
    double inv = 1.0 / deltaG;
    for (int s = 0; s < slices; s++) {
      for (int o = 0; o < nOut; o++) {
        for (int i = 0; i < nIn; i++) {
          int k = o * nIn + i;
          double fp = fPlus[s] == null ? 1 : fPlus[s][k];
          double fm = fMinus[s] == null ? 1 : fMinus[s][k];
          double ep = gPlus[s][k] * fp;
          double em = gMinus[s][k] * fm;
          g[s][k] = (float) ((ep - em) * inv);
          wordLineConductance[i] += ep + em;
          bitLineConductance[o] += ep + em;
          if (noise) {
            double sp = sigmaPlusSiemens[s][k] * fp * inv;
            double sm = sigmaMinusSiemens[s][k] * fm * inv;
            variance[s][k] = (float) (sp * sp + sm * sm);
            if (monteCarlo) {
              sigmaPlus[s][k] = (float) sp;
              sigmaMinus[s][k] = (float) sm;
            }
          }
        }
      }
    }
    forward =
        orient(
            nIn,
            nOut,
            transpose(g, nOut, nIn),
            transpose(variance, nOut, nIn),
            transpose(sigmaPlus, nOut, nIn),
            transpose(sigmaMinus, nOut, nIn),
            new SplittableRandom(adcSeed));
  }

  /** The transposed view (inputs on bit lines, outputs on word lines), built on first use. */
  Orientation backward() {
    Orientation b = backward;
    if (b == null) {
      synchronized (this) {
        b = backward;
        if (b == null) {
          b =
              orient(
                  nOut,
                  nIn,
                  forward.outputMajor(forward.g),
                  forward.outputMajor(forward.variance),
                  transpose(forward.sigmaPlus, nIn, nOut),
                  transpose(forward.sigmaMinus, nIn, nOut),
                  new SplittableRandom(backwardSeed));
          backward = b;
        }
      }
    }
    return b;
  }

  /** Transposes each slice of a {@code major × minor} array into {@code minor × major}. */
  private float[][] transpose(float[][] a, int major, int minor) {
    if (a == null) {
      return null;
    }
    float[][] t = new float[slices][major * minor];
    for (int s = 0; s < slices; s++) {
      for (int r = 0; r < major; r++) {
        for (int c = 0; c < minor; c++) {
          t[s][c * major + r] = a[s][r * minor + c];
        }
      }
    }
    return t;
  }

  private Orientation orient(
      int in, int out, float[][] g, float[][] var, float[][] sp, float[][] sm, SplittableRandom adcRng) {
    CimConfig.Adc adc = config.adc();
    // Variance of one normalised input: uniform in [−1, 1] → 1/3 for a DAC (assumption about the
    // input statistics); a ±1/0 bit-serial pulse is on half the time → 1/2.
    double inputVariance = config.input().encoding() == CimConfig.InputEncoding.DAC ? 1.0 / 3 : 0.5;
    float[][] fullScale = new float[slices][out];
    boolean adcError = config.nonIdealities().adcError().enabled();
    float[][] offset = adcError ? new float[slices][out] : null;
    for (int s = 0; s < slices; s++) {
      for (int o = 0; o < out; o++) {
        double worst = 0;
        double squares = 0;
        for (int i = 0; i < in; i++) {
          double v = g[s][i * out + o];
          worst += Math.abs(v);
          squares += v * v;
        }
        double fs =
            adc.range() == CimConfig.AdcRange.WORST_CASE
                ? worst
                : Math.min(worst, adc.sigmas() * Math.sqrt(squares * inputVariance));
        fullScale[s][o] = (float) Math.max(fs, Float.MIN_NORMAL);
        if (adcError) {
          offset[s][o] = (float) (config.nonIdealities().adcError().offsetSigmaLsb() * adcRng.nextGaussian());
        }
      }
    }
    double lineVariance = 0;
    if (config.nonIdealities().readNoise().enabled() && lineNoiseSigma != null) {
      // Both lines of the differential pair, each with {@code in} cells, per read.
      double sigma = config.nonIdealities().readNoise().scale() * lineNoiseSigma.applyAsDouble(in) / deltaG;
      lineVariance = 2 * sigma * sigma;
    }
    return new Orientation(in, out, pack(g, in, out), pack(var, in, out), sp, sm, fullScale, offset, lineVariance);
  }

  private static float[][] pack(float[][] inputMajor, int in, int out) {
    if (inputMajor == null) {
      return null;
    }
    float[][] p = new float[inputMajor.length][];
    for (int s = 0; s < p.length; s++) {
      p[s] = MvmKernels.pack(inputMajor[s], in, out);
    }
    return p;
  }

  /**
   * First-order IR drop. Word line i is driven at physical column 0; its segment m carries the
   * currents of all cells at columns ≥ m, so the voltage lost before column j is r·Σ_{m≤j} Σ_{l≥m}
   * G_il·V_i — proportional to the row's own input, hence an input-independent attenuation. Bit line
   * j is held at virtual ground after its last row; the rise at row i is r·Σ_{s≥i} Σ_{k≤s} I_kj, and
   * summing G_ij times it over i gives Σ_k I_kj·r·C_kj with C_kj = Σ_{s≥k} Σ_{i≤s} G_ij — again linear
   * in the inputs. Each cell's current is thus scaled by f = 1 − r·(A + C), exact to first order in
   * r (valid while r·G·N² ≪ 1; f is clamped at 0). Physical columns hold, per output, each slice's
   * G+ and G− side by side.
   */
  private void irDropFactors(float[][] fPlus, float[][] fMinus) {
    CimConfig.IrDrop ir = config.nonIdealities().irDrop();
    if (!ir.enabled() || ir.wireResistanceOhms() == 0) {
      return;
    }
    double r = ir.wireResistanceOhms();
    int cols = nOut * slices * 2;
    double[] cond = new double[nIn * cols];
    for (int o = 0; o < nOut; o++) {
      for (int s = 0; s < slices; s++) {
        for (int i = 0; i < nIn; i++) {
          int pc = (o * slices + s) * 2;
          cond[i * cols + pc] = gPlus[s][o * nIn + i];
          cond[i * cols + pc + 1] = gMinus[s][o * nIn + i];
        }
      }
    }
    double[] loss = new double[nIn * cols];
    double[] suffix = new double[cols];
    for (int i = 0; i < nIn; i++) {
      double run = 0;
      for (int c = cols - 1; c >= 0; c--) {
        run += cond[i * cols + c];
        suffix[c] = run;
      }
      double a = 0;
      for (int c = 0; c < cols; c++) {
        a += suffix[c];
        loss[i * cols + c] = r * a;
      }
    }
    double[] prefix = new double[nIn];
    for (int c = 0; c < cols; c++) {
      double run = 0;
      for (int i = 0; i < nIn; i++) {
        run += cond[i * cols + c];
        prefix[i] = run;
      }
      double acc = 0;
      for (int i = nIn - 1; i >= 0; i--) {
        acc += prefix[i];
        loss[i * cols + c] += r * acc;
      }
    }
    for (int s = 0; s < slices; s++) {
      fPlus[s] = new float[nIn * nOut];
      fMinus[s] = new float[nIn * nOut];
      for (int o = 0; o < nOut; o++) {
        int pc = (o * slices + s) * 2;
        for (int i = 0; i < nIn; i++) {
          fPlus[s][o * nIn + i] = (float) Math.max(0, 1 - loss[i * cols + pc]);
          fMinus[s][o * nIn + i] = (float) Math.max(0, 1 - loss[i * cols + pc + 1]);
        }
      }
    }
  }
}
