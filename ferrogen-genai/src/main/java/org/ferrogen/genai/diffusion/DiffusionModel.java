package org.ferrogen.genai.diffusion;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.random.RandomGenerator;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.gguf.GgufWriter;

/**
 * A DDPM on small greyscale images: a noise schedule and an MLP denoiser whose input is the noisy
 * image (pixels in [−1, 1]) followed by a sinusoidal embedding of the step (Vaswani et al., 2017, as
 * used by Ho et al., 2020). Stored as a GGUF file with architecture {@code ferrogen-ddpm}.
 *
 * <p>Parameterisation: the MLP F does not predict ε directly. A plain MLP learns the near-identity
 * map that ε-prediction needs at large t poorly (measured: loss 0.64 at t = T after 10,000 steps,
 * where the answer is x_t itself), so the clean image is estimated with the preconditioning of
 * Karras et al., "Elucidating the Design Space of Diffusion-Based Generative Models", NeurIPS 2022,
 * written for the variance-preserving process: x̂₀ = c_skip(t)·x_t + c_out(t)·F, with c_skip the
 * linear least-squares estimate of x₀ from x_t for data of standard deviation σ_d and c_out the
 * standard deviation of what it leaves. ε̂ then follows from x_t and x̂₀ (clipped to the pixel range),
 * and sampling is Ho et al.'s Algorithm 2 unchanged.
 */
public final class DiffusionModel {
  public static final String ARCHITECTURE = "ferrogen-ddpm";
  private static final String PREFIX = "ddpm.denoiser";

  private final int side;
  private final int embeddingWidth;
  private final NoiseSchedule schedule;
  private final Mlp denoiser;
  private final double[] alphaBar;
  /** σ_d: the data's standard deviation assumed by the preconditioning (Karras et al. use 0.5). */
  public static final double SIGMA_DATA = 0.5;

  public DiffusionModel(int side, int embeddingWidth, NoiseSchedule schedule, Mlp denoiser) {
    if (side < 2 || embeddingWidth < 2 || embeddingWidth % 2 != 0) {
      throw new IllegalArgumentException("image side must be >= 2 and the embedding width even, got "
          + side + " and " + embeddingWidth);
    }
    if (denoiser.inputWidth() != side * side + embeddingWidth || denoiser.outputWidth() != side * side) {
      throw new IllegalArgumentException("denoiser widths " + java.util.Arrays.toString(denoiser.widths())
          + " do not fit " + side + "x" + side + " images with a " + embeddingWidth + "-wide step embedding");
    }
    this.side = side;
    this.embeddingWidth = embeddingWidth;
    this.schedule = schedule;
    this.denoiser = denoiser;
    this.alphaBar = new double[schedule.steps()];
    double a = 1;
    for (int t = 0; t < alphaBar.length; t++) {
      a *= 1 - schedule.beta(t);
      alphaBar[t] = a;
    }
  }

  /** A fresh model with hidden layers of the given widths. */
  public static DiffusionModel create(int side, int embeddingWidth, int steps, int[] hidden, RandomGenerator init) {
    int pixels = side * side;
    int[] widths = new int[hidden.length + 2];
    widths[0] = pixels + embeddingWidth;
    System.arraycopy(hidden, 0, widths, 1, hidden.length);
    widths[widths.length - 1] = pixels;
    return new DiffusionModel(side, embeddingWidth, NoiseSchedule.linear(steps), Mlp.create(PREFIX, widths, init));
  }

  public static DiffusionModel read(Path path) throws IOException {
    GgufFile file = GgufFile.open(path);
    String architecture = file.requireString("general.architecture");
    if (!ARCHITECTURE.equals(architecture)) {
      throw new IllegalArgumentException(path + ": general.architecture is '" + architecture + "', expected '"
          + ARCHITECTURE + "' (a diffusion model written by `ferrogen train-diffusion`)");
    }
    int side = (int) bounded(file, "ddpm.image_side", 2, 256);
    int embedding = (int) bounded(file, "ddpm.embedding_width", 2, 4096);
    int steps = (int) bounded(file, "ddpm.steps", 2, 10_000);
    return new DiffusionModel(side, embedding, NoiseSchedule.linear(steps), Mlp.read(file, PREFIX));
  }

  private static long bounded(GgufFile file, String key, long min, long max) {
    long v = file.requireLong(key);
    if (v < min || v > max) {
      throw new IllegalArgumentException(file.path() + ": " + key + " is " + v + ", outside " + min + ".." + max);
    }
    return v;
  }

  public void write(OutputStream out) throws IOException {
    GgufWriter w = new GgufWriter();
    w.putString("general.architecture", ARCHITECTURE);
    w.putString("general.name", "FerroGen Fashion-MNIST DDPM");
    w.putUint32("ddpm.image_side", side);
    w.putUint32("ddpm.embedding_width", embeddingWidth);
    w.putUint32("ddpm.steps", schedule.steps());
    w.putString("ddpm.schedule", "linear, Ho et al. 2020 rescaled by 1000/steps");
    w.putString("ddpm.parameterization", "x0 with Karras et al. 2022 preconditioning, sigma_data 0.5");
    denoiser.write(w, PREFIX);
    w.write(out);
  }

  public int side() {
    return side;
  }

  public int pixels() {
    return side * side;
  }

  public int embeddingWidth() {
    return embeddingWidth;
  }

  public NoiseSchedule schedule() {
    return schedule;
  }

  public Mlp denoiser() {
    return denoiser;
  }

  public double alphaBar(int t) {
    return alphaBar[t];
  }

  /** c_skip(t) = √ᾱ σ_d² / (ᾱ σ_d² + 1 − ᾱ). */
  public double cSkip(int t) {
    double a = alphaBar[t];
    return Math.sqrt(a) * SIGMA_DATA * SIGMA_DATA / (a * SIGMA_DATA * SIGMA_DATA + 1 - a);
  }

  /** c_out(t) = σ_d √(1 − ᾱ) / √(ᾱ σ_d² + 1 − ᾱ). */
  public double cOut(int t) {
    double a = alphaBar[t];
    return SIGMA_DATA * Math.sqrt(1 - a) / Math.sqrt(a * SIGMA_DATA * SIGMA_DATA + 1 - a);
  }

  /** The training target of F for clean pixel x0 and noisy pixel xt: (x₀ − c_skip·x_t) / c_out. */
  public double target(int t, double x0, double xt) {
    return (x0 - cSkip(t) * xt) / cOut(t);
  }

  /** ε̂ from the network output f at noisy pixel xt, through x̂₀ = c_skip·x_t + c_out·f clipped to [−1, 1]. */
  public double noiseEstimate(int t, double f, double xt) {
    double x0 = Math.max(-1, Math.min(1, cSkip(t) * xt + cOut(t) * f));
    return (xt - Math.sqrt(alphaBar[t]) * x0) / Math.sqrt(1 - alphaBar[t]);
  }

  /**
   * Writes the denoiser's input for {@code rows} noisy images, row r at step {@code steps[r]}: each
   * row is the image followed by the step embedding sin(t·ω_k), cos(t·ω_k) with
   * ω_k = 10000^(−2k/width).
   */
  public void input(float[] noisy, int rows, int[] steps, float[] into) {
    int pixels = pixels();
    int width = pixels + embeddingWidth;
    int half = embeddingWidth / 2;
    for (int r = 0; r < rows; r++) {
      System.arraycopy(noisy, r * pixels, into, r * width, pixels);
      int base = r * width + pixels;
      for (int k = 0; k < half; k++) {
        double angle = steps[r] * Math.pow(10_000, -2.0 * k / embeddingWidth);
        into[base + 2 * k] = (float) Math.sin(angle);
        into[base + 2 * k + 1] = (float) Math.cos(angle);
      }
    }
  }
}
