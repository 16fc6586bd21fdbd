package org.ferrogen.cli.learn;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import org.ferrogen.chip.Chip;
import org.ferrogen.chip.spec.ChipSpecs;
import org.ferrogen.cli.options.ChipOption;
import org.ferrogen.learn.data.FashionMnist;
import org.ferrogen.learn.onchip.OnChipConfig;
import org.ferrogen.learn.onchip.Readout;
import org.ferrogen.learn.onchip.Scheme;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.cli.options.OutDirOption;
import org.ferrogen.cli.options.SeedOption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by {@code ferrogen train} and {@code ferrogen train sweep}. */
public final class TrainOptions {

  @Option(names = "--dataset", paramLabel = "NAME|DIR",
      description = "Data: fashion-mnist (Debian's dataset-fashion-mnist), fashion-mnist-subset (bundled 8,000/2,000"
          + " images), or a folder of the four IDX files (default: ${DEFAULT-VALUE}).")
  String dataset = FashionMnist.FULL;

  @Option(names = "--net", paramLabel = "W-W-...", description = "Layer widths, input first (default: ${DEFAULT-VALUE}).")
  String net = "784-200-100-100-10";

  @Option(names = "--scheme", paramLabel = "SCHEME",
      description = "hybrid, float, quantized, analog-sgd or mixed-precision (default: ${DEFAULT-VALUE}).",
      converter = SchemeConverter.class)
  Scheme scheme = Scheme.HYBRID;

  @Option(names = "--epochs", paramLabel = "E", description = "Epochs (default: ${DEFAULT-VALUE}).")
  int epochs = 10;

  @Option(names = "--train-samples", paramLabel = "N", description = "Use only the first N training images (default: all).")
  int trainSamples = 0;

  @Option(names = "--update-probability", paramLabel = "P", description = "Bernoulli update mask probability (default: ${DEFAULT-VALUE}).")
  double updateProbability = 0.1;

  @Option(names = "--lr", paramLabel = "X", description = "Learning rate (default: ${DEFAULT-VALUE}).")
  float learningRate = OnChipDefaults.LEARNING_RATE;

  @Option(names = "--final-lr", paramLabel = "X",
      description = "Learning rate at the last sample, reached by a linear decay from --lr over the whole run"
          + " (default: --lr, a constant rate as in the paper).")
  Float finalLearningRate;

  @Option(names = "--sigma-g", paramLabel = "SIEMENS", description = "Memristor programming spread σ_G (default: the device set's, 8.7e-6 for cea-leti-2025).")
  Double sigmaG;

  @Mixin ChipOption chip;

  @Mixin SeedOption seed;

  @Mixin CommonOptions common;

  @Mixin OutDirOption outDir;

  int[] layerSizes() {
    try {
      int[] sizes = Arrays.stream(net.split("-")).mapToInt(Integer::parseInt).toArray();
      if (sizes.length < 2 || Arrays.stream(sizes).anyMatch(s -> s < 1)) {
        throw new NumberFormatException();
      }
      return sizes;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--net " + net + ": expected widths like 784-200-100-100-10 (at least two, each >= 1)");
    }
  }

  OnChipConfig config(Scheme s, int k, long runSeed) {
    return new OnChipConfig(s, learningRate, updateProbability, k, sigmaG == null ? Double.NaN : sigmaG, true,
        Readout.aihwkitDefaults(), OnChipDefaults.WEIGHT_RANGE, runSeed,
        finalLearningRate == null ? learningRate : finalLearningRate);
  }

  /** Preset used when --chip is not given: CEA-Leti lines scaled to hold a whole MLP. */
  static final String DEFAULT_CHIP = "hybrid-learning";

  /** A fresh chip of the --chip spec (default {@value #DEFAULT_CHIP}) seeded with {@code runSeed}. */
  Chip chip(long runSeed) {
    return new Chip(ChipSpecs.resolve(chip.value().orElse(DEFAULT_CHIP)), runSeed, 1);
  }

  FashionMnist.Splits data() throws IOException {
    FashionMnist.Splits s = FashionMnist.load(dataset);
    if (trainSamples < 0) {
      throw new IllegalArgumentException("--train-samples must be >= 0, got " + trainSamples);
    }
    return trainSamples == 0 ? s : new FashionMnist.Splits(s.train().head(trainSamples), s.test());
  }

  void validate() {
    if (epochs < 1) {
      throw new IllegalArgumentException("--epochs must be >= 1, got " + epochs);
    }
    if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
      throw new IllegalArgumentException("--lr must be > 0, got " + learningRate);
    }
    if (finalLearningRate != null && !(finalLearningRate > 0 && finalLearningRate <= learningRate)) {
      throw new IllegalArgumentException("--final-lr must be in (0, --lr = " + learningRate + "], got " + finalLearningRate);
    }
    if (!(updateProbability > 0 && updateProbability <= 1)) {
      throw new IllegalArgumentException("--update-probability must be in (0, 1], got " + updateProbability);
    }
  }

  /** Picocli converter for the kebab-case scheme names. */
  public static final class SchemeConverter implements picocli.CommandLine.ITypeConverter<Scheme> {
    @Override
    public Scheme convert(String value) {
      try {
        return Scheme.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "'" + value + "' is not a scheme; use hybrid, float, quantized, analog-sgd or mixed-precision");
      }
    }
  }

  static String name(Scheme s) {
    return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
