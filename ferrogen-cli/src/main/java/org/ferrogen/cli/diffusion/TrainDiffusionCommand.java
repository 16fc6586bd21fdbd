package org.ferrogen.cli.diffusion;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import org.ferrogen.cli.AtomicOutput;
import org.ferrogen.cli.Json;
import org.ferrogen.cli.ProgressBars;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.cli.options.OutDirOption;
import org.ferrogen.cli.options.SeedOption;
import org.ferrogen.device.seed.StreamSeeds;
import org.ferrogen.genai.diffusion.DiffusionImages;
import org.ferrogen.genai.diffusion.DiffusionModel;
import org.ferrogen.genai.diffusion.DiffusionTraining;
import org.ferrogen.genai.diffusion.FashionDiffusion;
import org.ferrogen.genai.diffusion.ImageClassifier;
import org.ferrogen.learn.data.FashionMnist;
import org.ferrogen.trng.NoiseSeed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ferrogen train-diffusion}: trains the Fashion-MNIST DDPM and its feature classifier. */
@Command(name = "train-diffusion", mixinStandardHelpOptions = true,
    description = {"Train the Fashion-MNIST diffusion model (a DDPM on 14x14 images) and the classifier whose"
        + " features score generated images, with FerroGen's own training code. Writes"
        + " ferrogen-fashion-ddpm.gguf and ferrogen-fashion-classifier.gguf into --out-dir.",
        "Example: ferrogen train-diffusion --seed 1 --out-dir models"})
public final class TrainDiffusionCommand implements Callable<Integer> {
  public static final String MODEL_FILE = "ferrogen-fashion-ddpm.gguf";
  public static final String CLASSIFIER_FILE = "ferrogen-fashion-classifier.gguf";

  @Mixin CommonOptions common;
  @Mixin SeedOption seed;
  @Mixin OutDirOption outDir;

  @Option(names = "--dataset", paramLabel = "NAME|DIR",
      description = "fashion-mnist (Debian's dataset-fashion-mnist), fashion-mnist-subset (bundled) or a folder of IDX files (default: ${DEFAULT-VALUE}).")
  String dataset = FashionMnist.SUBSET;

  @Option(names = "--steps", paramLabel = "N", description = "Optimiser steps of the denoiser, batches of 128 (default: ${DEFAULT-VALUE}).")
  int steps = 16_000;

  @Override
  public Integer call() throws Exception {
    if (steps < 1 || steps > 10_000_000) {
      throw new IllegalArgumentException("--steps must be 1..10000000, got " + steps);
    }
    long s = seed.value();
    Path dir = outDir.create(Path.of("."));
    FashionMnist.Splits data = FashionMnist.load(dataset);
    RandomGenerator classifierRandom = NoiseSeed.fromSeed(StreamSeeds.derive(s, 1));
    ImageClassifier classifier;
    try (ProgressBars.Progress p = common.progress("classifier", FashionDiffusion.CLASSIFIER_EPOCHS, "epoch")) {
      classifier = FashionDiffusion.trainClassifier(data.train(), classifierRandom, p);
    }
    double accuracy = classifier.accuracy(DiffusionImages.prepare(data.test(), FashionDiffusion.DOWNSAMPLE),
        FashionDiffusion.labels(data.test()));
    DiffusionModel model = FashionDiffusion.newModel(NoiseSeed.fromSeed(StreamSeeds.derive(s, 2)));
    float[] images = DiffusionImages.prepare(data.train(), FashionDiffusion.DOWNSAMPLE);
    double[] curve;
    try (ProgressBars.Progress p = common.progress("denoiser", steps, "step")) {
      curve = new DiffusionTraining(steps, FashionDiffusion.BATCH, FashionDiffusion.LEARNING_RATE)
          .train(model, images, NoiseSeed.fromSeed(StreamSeeds.derive(s, 3)), p);
    }
    Path modelFile = dir.resolve(MODEL_FILE);
    Path classifierFile = dir.resolve(CLASSIFIER_FILE);
    AtomicOutput.write(modelFile, model::write);
    AtomicOutput.write(classifierFile, classifier::write);
    if (common.json()) {
      var node = Json.object();
      node.put("dataset", dataset);
      node.put("seed", s);
      node.put("steps", steps);
      node.put("classifier_test_accuracy", accuracy);
      node.put("denoiser_parameters", DiffusionTraining.parameterCount(model));
      var losses = node.putArray("loss_by_tenth");
      for (double l : curve) {
        losses.add(l);
      }
      node.put("model_file", modelFile.toString());
      node.put("classifier_file", classifierFile.toString());
      common.printJson(node);
    } else {
      var out = common.out();
      out.printf("classifier: test accuracy %.2f %% on %s%n", 100 * accuracy, data.test().name());
      out.printf("denoiser: %d parameters, %d steps, loss %.4f -> %.4f (mean of the first and last tenth)%n",
          DiffusionTraining.parameterCount(model), steps, curve[0], curve[curve.length - 1]);
      out.printf("wrote %s and %s (seed %d)%n", modelFile, classifierFile, s);
    }
    return 0;
  }
}
