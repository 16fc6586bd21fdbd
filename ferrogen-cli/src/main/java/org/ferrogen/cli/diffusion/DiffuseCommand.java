package org.ferrogen.cli.diffusion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import org.ferrogen.chip.Chip;
import org.ferrogen.chip.spec.ChipSpecs;
import org.ferrogen.cli.Json;
import org.ferrogen.cli.ProgressBars;
import org.ferrogen.cli.genai.ShippedModel;
import org.ferrogen.cli.options.ChipOption;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.cli.options.OutputFileOption;
import org.ferrogen.cli.options.SeedOption;
import org.ferrogen.cli.options.ThreadsOption;
import org.ferrogen.device.cost.CostReport;
import org.ferrogen.device.seed.StreamSeeds;
import org.ferrogen.genai.diffusion.ChipDenoiser;
import org.ferrogen.genai.diffusion.DenoiserBackend;
import org.ferrogen.genai.diffusion.DiffusionImages;
import org.ferrogen.genai.diffusion.DiffusionModel;
import org.ferrogen.genai.diffusion.DiffusionSampling;
import org.ferrogen.genai.diffusion.FashionDiffusion;
import org.ferrogen.genai.diffusion.ImageClassifier;
import org.ferrogen.learn.data.FashionMnist;
import org.ferrogen.learn.data.ImageDataset;
import org.ferrogen.trng.NoiseSeed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ferrogen diffuse}: samples the Fashion-MNIST DDPM on the float or chip backend and scores the images. */
@Command(name = "diffuse", mixinStandardHelpOptions = true,
    description = {"Generate Fashion-MNIST images with the shipped diffusion model (DDPM, 200 steps), its layers in"
        + " float or on the chip's analog tiles and its Gaussian noise from the chip's TRNG or a PRNG; score them by"
        + " the Frechet distance to real test images in the features of FerroGen's classifier, beside the floor"
        + " (real training images against the same test images), and per-class coverage.",
        "Example: ferrogen diffuse --samples 64 --backend chip --entropy trng --seed 1 -o grid.png"})
public final class DiffuseCommand implements Callable<Integer> {

  /** Where the denoiser's activations come from. */
  public enum Backend { FLOAT, CHIP }

  /** Where the Gaussian noise comes from. */
  public enum Entropy { TRNG, PRNG }

  @Mixin CommonOptions common;
  @Mixin SeedOption seed;
  @Mixin OutputFileOption output;
  @Mixin ChipOption chipOption;
  @Mixin ThreadsOption threads;

  @Option(names = "--samples", paramLabel = "N", description = "Images to generate (default: ${DEFAULT-VALUE}).")
  int samples = 64;

  @Option(names = "--backend", paramLabel = "BACKEND", description = "Denoiser backend: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Backend backend = Backend.FLOAT;

  @Option(names = "--entropy", paramLabel = "SOURCE", description = "Source of the Gaussian noise: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Entropy entropy = Entropy.TRNG;

  @Option(names = {"-m", "--model"}, paramLabel = "FILE.gguf", description = "Diffusion model (default: the shipped models/" + TrainDiffusionCommand.MODEL_FILE + ").")
  Path model;

  @Option(names = "--classifier", paramLabel = "FILE.gguf", description = "Feature classifier (default: the shipped models/" + TrainDiffusionCommand.CLASSIFIER_FILE + ").")
  Path classifier;

  @Option(names = "--dataset", paramLabel = "NAME|DIR", description = "Real images for the Frechet distance: fashion-mnist, fashion-mnist-subset or an IDX folder (default: ${DEFAULT-VALUE}).")
  String dataset = FashionMnist.SUBSET;

  @Override
  public Integer call() throws Exception {
    if (samples < 2 || samples > 10_000) {
      throw new IllegalArgumentException("--samples must be 2..10000 (the Frechet distance needs at least 2), got " + samples);
    }
    long s = seed.value();
    DiffusionModel ddpm = DiffusionModel.read(shipped(model, TrainDiffusionCommand.MODEL_FILE));
    ImageClassifier judge = ImageClassifier.read(shipped(classifier, TrainDiffusionCommand.CLASSIFIER_FILE));
    FashionMnist.Splits data = FashionMnist.load(dataset);
    Chip chip = new Chip(ChipSpecs.resolve(chipOption.value().orElse(ChipSpecs.DEFAULT_PRESET)),
        StreamSeeds.derive(s, 1), threads.value());
    DenoiserBackend denoiser = backend == Backend.CHIP
        ? ChipDenoiser.program(ddpm.denoiser(), chip, "ddpm.denoiser", calibrationInputs(ddpm, data.train(), s), 256, 1.25)
        : DenoiserBackend.exact(ddpm.denoiser());
    RandomGenerator noise = entropy == Entropy.TRNG
        ? chip.trng(OptionalLong.of(StreamSeeds.derive(s, 2)))
        : NoiseSeed.fromSeed(StreamSeeds.derive(s, 2));
    float[] images;
    try (ProgressBars.Progress p = common.progress("diffusion", ddpm.schedule().steps(), "step")) {
      images = DiffusionSampling.sample(ddpm, denoiser, samples, noise, p);
    }
    float[] test = head(DiffusionImages.prepare(data.test(), FashionDiffusion.DOWNSAMPLE), ddpm.pixels(), 2 * samples);
    float[] real = head(DiffusionImages.prepare(data.train(), FashionDiffusion.DOWNSAMPLE), ddpm.pixels(), samples);
    FashionDiffusion.Quality generated = FashionDiffusion.quality(judge, images, test);
    FashionDiffusion.Quality floor = FashionDiffusion.quality(judge, real, test);
    if (output.value().isPresent()) {
      ImageGrid.png(output.value().get(), images, ddpm.side(), (int) Math.ceil(Math.sqrt(samples)));
    }
    CostReport cost = chip.ledger().snapshot();
    if (common.json()) {
      var node = Json.object();
      node.put("samples", samples);
      node.put("backend", backend.name().toLowerCase());
      node.put("entropy", entropy.name().toLowerCase());
      node.put("seed", s);
      node.put("chip", chip.spec().name());
      node.put("frechet_distance", generated.frechetDistance());
      node.put("frechet_distance_real_images", floor.frechetDistance());
      node.put("covered_classes", generated.coveredClasses());
      var counts = node.putArray("class_counts");
      Arrays.stream(generated.classCounts()).forEach(counts::add);
      node.put("chip_energy_j", cost.totalEnergyJoules());
      output.value().ifPresent(p -> node.put("grid_file", p.toString()));
      common.printJson(node);
    } else {
      var out = common.out();
      out.printf("%d images, %d steps, denoiser %s, noise %s, seed %d%n", samples, ddpm.schedule().steps(),
          backend.name().toLowerCase(), entropy == Entropy.TRNG ? "chip TRNG (" + chip.spec().trng().design() + ")" : "PRNG", s);
      out.printf("Frechet distance to %d test images: %.3f (real training images: %.3f)%n", test.length / ddpm.pixels(),
          generated.frechetDistance(), floor.frechetDistance());
      out.printf("classes covered (>= %.0f %% of a uniform share): %d of %d; counts %s%n",
          100 * FashionDiffusion.COVERAGE_SHARE, generated.coveredClasses(), generated.classCounts().length,
          Arrays.toString(generated.classCounts()));
      out.printf("chip energy: %.3e J (%s)%n", cost.totalEnergyJoules(), chip.spec().name());
      output.value().ifPresent(p -> out.println("wrote " + p));
    }
    return 0;
  }

  /** Noisy training images at random steps: what the denoiser sees, for ADC calibration. */
  private static float[] calibrationInputs(DiffusionModel ddpm, ImageDataset train, long seed) {
    int rows = 256;
    int pixels = ddpm.pixels();
    float[] clean = DiffusionImages.prepare(train.head(rows), FashionDiffusion.DOWNSAMPLE);
    RandomGenerator r = NoiseSeed.fromSeed(StreamSeeds.derive(seed, 3));
    float[] noisy = new float[rows * pixels];
    int[] steps = new int[rows];
    for (int i = 0; i < rows; i++) {
      steps[i] = r.nextInt(ddpm.schedule().steps());
      double a = Math.sqrt(ddpm.alphaBar(steps[i]));
      double b = Math.sqrt(1 - ddpm.alphaBar(steps[i]));
      for (int p = 0; p < pixels; p++) {
        noisy[i * pixels + p] = (float) (a * clean[i * pixels + p] + b * r.nextGaussian());
      }
    }
    float[] input = new float[rows * ddpm.denoiser().inputWidth()];
    ddpm.input(noisy, rows, steps, input);
    return input;
  }

  private static float[] head(float[] images, int pixels, int count) {
    return Arrays.copyOf(images, Math.min(images.length, count * pixels));
  }

  /** The given file, or the one shipped in the installation's models/ folder. */
  public static Path shipped(Path given, String fileName) {
    if (given != null) {
      if (!Files.isRegularFile(given)) {
        throw new IllegalArgumentException("model file " + given + " does not exist");
      }
      return given;
    }
    return ShippedModel.locate(Path.of("models", fileName)).orElseThrow(() -> new IllegalArgumentException(
        "no shipped models/" + fileName + " next to the installation; pass the file with --model/--classifier"));
  }
}
