package org.ferrogen.cli.genai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ferrogen.cli.AtomicOutput;
import org.ferrogen.cli.Json;
import org.ferrogen.cli.Plots;
import org.ferrogen.cli.ProgressBars;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.cli.options.SeedOption;
import org.ferrogen.cli.options.ThreadsOption;
import org.ferrogen.genai.gguf.GgmlType;
import org.ferrogen.genai.tokenizer.BpeTrainer;
import org.ferrogen.genai.tokenizer.BpeVocabulary;
import org.ferrogen.genai.train.LanguageModelTraining;
import org.ferrogen.learn.llama.LlamaConfig;
import org.ferrogen.learn.llama.LlamaTrainer;
import org.ferrogen.learn.llama.LossPoint;
import org.ferrogen.learn.llama.TrainingConfig;
import org.ferrogen.learn.llama.TrainingResult;
import org.knowm.xchart.XYChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ferrogen train-lm}: trains a byte-level-BPE Llama model on a text with FerroGen's own
 * training code and writes it as GGUF, with its loss curve, held-out text and a JSON summary.
 */
@Command(name = "train-lm", mixinStandardHelpOptions = true,
    description = {"Train a small Llama-architecture language model on a UTF-8 text (FerroGen's own BPE trainer"
        + " and training code) and write it as a GGUF file, plus FILE-training.csv/.png/.json (loss curve,"
        + " held-out perplexity) and FILE-heldout.txt (the held-out text, for `ferrogen perplexity`).",
        "Text output prints the loss as training goes; with --json a progress bar shows it instead."},
    footer = {"%nExamples:%n  ferrogen train-lm --text kjv.txt -o kjv.gguf --steps 2000 --context-length 128 --seed 42",
        "  ferrogen train-lm --on-chip --state kjv.state --text fortunes.txt -o kjv-fortunes.state --seed 1"})
public final class TrainLmCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--text", required = true, paramLabel = "FILE", description = "UTF-8 training text.")
  Path text;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.gguf|STATE",
      description = "Model file to write (with --on-chip: the chip state holding the fine-tuned model).")
  Path output;

  @Option(names = "--on-chip", description = {"Instead of training a model: fine-tune the output layer of the model booted"
      + " from --state on --text, its weights in the chip's hybrid FeCAP + memristor synapse array; report held-out"
      + " perplexity before and after on the text and on --original-text, writes against endurance and programming"
      + " energy, and save the fine-tuned chip as -o STATE."})
  boolean onChip;

  @Option(names = "--state", paramLabel = "STATE", description = "With --on-chip: the chip state to boot (`ferrogen chip program`).")
  Path state;

  @Option(names = {"-m", "--model"}, paramLabel = "FILE.gguf",
      description = "With --on-chip: the model the state holds (default: the shipped models/ferrogen-kjv.gguf).")
  Path model;

  @Option(names = "--original-text", paramLabel = "FILE", description = {"With --on-chip: text the model was trained on, scored"
      + " before and after to measure forgetting (default: MODEL-heldout.txt next to the model, if present)."})
  Path originalText;

  @Option(names = "--epochs", paramLabel = "E", description = "With --on-chip: passes over the training part of --text (default: ${DEFAULT-VALUE}).")
  int epochs = 1;

  @Option(names = "--train-tokens", paramLabel = "N", description = "With --on-chip: train on the first N tokens of the training part (default: all).")
  int trainTokens = 0;

  @Option(names = "--transfer-every", paramLabel = "K",
      description = "With --on-chip: samples between FeCAP → memristor transfers (default: the chip's synapse array, 100).")
  Integer transferEvery;

  @Option(names = "--update-probability", paramLabel = "P",
      description = "With --on-chip: Bernoulli update mask probability (default: ${DEFAULT-VALUE}).")
  double updateProbability = 0.1;

  @Option(names = "--sigma-g", paramLabel = "SIEMENS",
      description = "With --on-chip: memristor programming spread σ_G (default: the device set's, 8.7e-6 for cea-leti-2025).")
  Double sigmaG;

  @Option(names = "--name", paramLabel = "NAME", description = "general.name of the model (default: the file name).")
  String name;

  @Option(names = "--vocab", paramLabel = "N", description = "BPE vocabulary size incl. 256 bytes and <s>, </s> (default: ${DEFAULT-VALUE}).")
  int vocab = 2048;

  @Option(names = "--dim", paramLabel = "N", description = "Embedding width (default: ${DEFAULT-VALUE}).")
  int dim = 192;

  @Option(names = "--layers", paramLabel = "N", description = "Transformer blocks (default: ${DEFAULT-VALUE}).")
  int layers = 6;

  @Option(names = "--heads", paramLabel = "N", description = "Query heads (default: ${DEFAULT-VALUE}).")
  int heads = 6;

  @Option(names = "--kv-heads", paramLabel = "N", description = "Key/value heads (default: ${DEFAULT-VALUE}).")
  int kvHeads = 2;

  @Option(names = "--ffn", paramLabel = "N", description = "Feed-forward width (default: ${DEFAULT-VALUE}).")
  int ffn = 512;

  @Option(names = "--context-length", paramLabel = "N", description = "The model's context length in tokens (default: ${DEFAULT-VALUE}).")
  int context = 128;

  @Option(names = "--batch", paramLabel = "N", description = "Sequences per step (default: ${DEFAULT-VALUE}).")
  int batch = 16;

  @Option(names = "--steps", paramLabel = "N", description = "Optimiser steps (default: ${DEFAULT-VALUE}).")
  int steps = 1000;

  @Option(names = "--lr", paramLabel = "X", description = {"Peak AdamW learning rate, cosine decay to a tenth (default: 3e-3);"
      + " with --on-chip the online SGD rate (default: " + ON_CHIP_LR + ")."})
  Float learningRateOption;

  /** Online SGD rate of the on-chip head (see docs/learn.md, on-chip fine-tuning). */
  static final float ON_CHIP_LR = 0.01f;

  @Option(names = "--warmup", paramLabel = "N", description = "Linear warm-up steps (default: min(100, steps/10)).")
  Integer warmup;

  @Option(names = "--eval-interval", paramLabel = "N", description = "Held-out loss every N steps (default: steps/20).")
  Integer evalInterval;

  @Option(names = "--eval-tokens", paramLabel = "N", description = {"Held-out tokens per periodic evaluation (default: 16384);"
      + " with --on-chip, scored on each text before and after (default: " + ON_CHIP_EVAL_TOKENS + ")."})
  Integer evalTokensOption;

  static final int ON_CHIP_EVAL_TOKENS = 2048;

  @Option(names = "--held-out", paramLabel = "F", description = "Fraction of the text, at its end, held out (default: ${DEFAULT-VALUE}).")
  double heldOut = 0.05;

  @Option(names = "--type", paramLabel = "TYPE", description = "Storage of the weight matrices: f32, f16, bf16, q8_0, q4_0 (default: ${DEFAULT-VALUE}).")
  String type = "f16";

  /** Options only training from scratch reads. */
  private static final List<String> FROM_SCRATCH_ONLY = List.of("--name", "--vocab", "--dim", "--layers", "--heads",
      "--kv-heads", "--ffn", "--context-length", "--batch", "--steps", "--warmup", "--eval-interval", "--type");

  /** Options only on-chip fine-tuning reads. */
  private static final List<String> ON_CHIP_ONLY = List.of("--state", "--model", "--original-text", "--epochs",
      "--train-tokens", "--transfer-every", "--update-probability", "--sigma-g");

  @Mixin SeedOption seedOption;

  @Mixin ThreadsOption threadsOption;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    long seed = seedOption.value();
    int threads = threadsOption.value();
    // Each mode reads only its own options: one the chosen mode would ignore is refused, not dropped.
    List<String> ignored = (onChip ? FROM_SCRATCH_ONLY : ON_CHIP_ONLY).stream()
        .filter(spec.commandLine().getParseResult()::hasMatchedOption).toList();
    if (!ignored.isEmpty()) {
      throw new IllegalArgumentException(onChip
          ? "--on-chip fine-tunes the booted model's output layer; " + String.join(", ", ignored)
              + " only apply to training a model from scratch"
          : String.join(", ", ignored) + " only apply with --on-chip");
    }
    if (onChip) {
      return OnChipFineTune.run(new OnChipFineTune.Settings(model != null ? model : ModelOptions.resolveDefault(), state,
          text, originalText, output, epochs, trainTokens, evalTokensOption != null ? evalTokensOption : ON_CHIP_EVAL_TOKENS,
          heldOut, learningRateOption != null ? learningRateOption : ON_CHIP_LR, updateProbability, transferEvery, sigmaG,
          seed, threads), common, "ferrogen " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
    }
    float learningRate = learningRateOption != null ? learningRateOption : 3e-3f;
    int evalTokens = evalTokensOption != null ? evalTokensOption : 16384;
    // With --json the step lines would break the one document: they go to a null writer, and a bar shows progress.
    PrintWriter out = common.json() ? new PrintWriter(java.io.Writer.nullWriter()) : spec.commandLine().getOut();
    GgmlType weightType = GgmlType.parse(type);
    String corpus = readUtf8(text);
    String modelName = name != null ? name : stem(output);
    LlamaConfig config = new LlamaConfig(modelName, context, dim, layers, ffn, heads, kvHeads, vocab, 10000f, 1e-5f, true);
    TrainingConfig defaults = TrainingConfig.of(batch, steps, learningRate, seed);
    TrainingConfig training = new TrainingConfig(batch, steps, learningRate, learningRate / 10,
        warmup != null ? warmup : defaults.warmupSteps(), defaults.weightDecay(), defaults.beta1(), defaults.beta2(),
        defaults.gradClip(), seed, evalInterval != null ? evalInterval : defaults.evalInterval(), evalTokens, threads);

    long t0 = System.nanoTime();
    BpeVocabulary vocabulary = BpeTrainer.train(corpus, vocab, LanguageModelTraining.SPECIAL_TOKENS);
    if (vocabulary.tokens().size() != vocab) {
      throw new IllegalArgumentException(text + ": the text supports only " + vocabulary.tokens().size()
          + " BPE tokens; use --vocab " + vocabulary.tokens().size() + " or less");
    }
    LanguageModelTraining.Split split = LanguageModelTraining.split(corpus, heldOut, vocabulary.tokenizer(false));
    out.printf(Locale.ROOT, "%s: %d characters -> %d training + %d held-out tokens (BPE vocabulary %d, %.2f s)%n",
        text, corpus.length(), split.train().length, split.heldOut().length, vocab, (System.nanoTime() - t0) / 1e9);
    out.printf(Locale.ROOT, "model %s: dim %d, %d layers, %d/%d heads, ffn %d, context %d, %d parameters; "
        + "%d steps of %d x %d tokens, lr %.2g, seed %d, %d threads%n", modelName, dim, layers, heads, kvHeads, ffn,
        context, config.parameterCount(), steps, batch, context, learningRate, seed, threads);
    out.flush();

    TrainingResult result;
    int reportEvery = Math.max(1, steps / 100);
    try (LlamaTrainer trainer = new LlamaTrainer(config, training);
        ProgressBars.Progress bar = common.progress("train-lm", common.json() ? steps : -1, "step")) {
      result = trainer.train(split.train(), split.heldOut(), p -> {
        if (common.json()) {
          bar.accept(1);
        }
        if (p.hasValidLoss() || p.step() % reportEvery == 0 || p.step() == 1) {
          out.printf(Locale.ROOT, "step %5d  train %.4f  %s  lr %.2e  %7.0f tokens/s  %6.0f s%n", p.step(), p.trainLoss(),
              p.hasValidLoss() ? String.format(Locale.ROOT, "held-out %.4f", p.validLoss()) : "                ",
              p.learningRate(), p.tokensSeen() / Math.max(1e-9, p.seconds()), p.seconds());
          out.flush();
        }
      });
    }
    String command = "ferrogen " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    AtomicOutput.write(output, o -> LanguageModelTraining.writer(modelName, result.weights(), weightType, vocabulary,
        "trained by FerroGen: " + command).write(o));
    Path base = sibling(output, "");
    AtomicOutput.writeString(sibling(output, "-heldout.txt"), split.heldOutText());
    AtomicOutput.writeString(sibling(output, "-training.csv"), curveCsv(result.curve()));
    writePlot(sibling(output, "-training"), modelName, result.curve());
    double bitsPerByte = bitsPerByte(result.validation().meanLoss(), split.heldOut().length, split.heldOutText());
    String summary = summary(command, modelName, config, training, split, result, bitsPerByte, Files.size(output));
    AtomicOutput.writeString(sibling(output, "-training.json"), summary);
    if (common.json()) {
      spec.commandLine().getOut().print(summary);
      spec.commandLine().getOut().flush();
      return 0;
    }
    out.printf(Locale.ROOT, "held-out: %.4f nats/token, perplexity %.3f per token (%.4f bits per byte) over %d tokens%n",
        result.validation().meanLoss(), result.validation().perplexity(), bitsPerByte, result.validation().tokens());
    out.printf(Locale.ROOT, "training: %.0f tokens/s, %.0f s; wrote %s (%d bytes) and %s-training.{csv,png,svg,json}, %s-heldout.txt%n",
        result.tokensPerSecond(), result.curve().get(result.curve().size() - 1).seconds(), output, Files.size(output),
        base, base);
    out.flush();
    return 0;
  }

  static String readUtf8(Path file) throws java.io.IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("text file " + file + " does not exist");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("text file " + file + " is not valid UTF-8");
    }
  }

  private static String stem(Path p) {
    String f = p.getFileName().toString();
    return f.endsWith(".gguf") ? f.substring(0, f.length() - 5) : f;
  }

  private static Path sibling(Path p, String suffix) {
    Path dir = p.toAbsolutePath().getParent();
    return dir.resolve(stem(p) + suffix);
  }

  /** Bits per UTF-8 byte of the held-out text: total nats / (bytes · ln 2), comparable across tokenizers. */
  private static double bitsPerByte(double meanNats, int tokens, String heldOutText) {
    double predicted = tokens - 1; // the evaluation predicts every token but the first
    return meanNats * predicted / (heldOutText.getBytes(StandardCharsets.UTF_8).length * Math.log(2));
  }

  private static String curveCsv(List<LossPoint> curve) {
    StringBuilder sb = new StringBuilder("step,train_loss,held_out_loss,learning_rate,grad_norm,tokens_seen,seconds\n");
    for (LossPoint p : curve) {
      sb.append(String.format(Locale.ROOT, "%d,%.6f,%s,%.6g,%.6g,%d,%.3f%n", p.step(), p.trainLoss(),
          p.hasValidLoss() ? String.format(Locale.ROOT, "%.6f", p.validLoss()) : "", p.learningRate(), p.gradNorm(),
          p.tokensSeen(), p.seconds()));
    }
    return sb.toString();
  }

  private static void writePlot(Path file, String modelName, List<LossPoint> curve) throws java.io.IOException {
    XYChart chart = Plots.xy("Training of " + modelName, "optimiser step", null, "cross-entropy (nats/token)", null);
    chart.addSeries("train (batch)", curve.stream().mapToDouble(LossPoint::step).toArray(),
        curve.stream().mapToDouble(LossPoint::trainLoss).toArray());
    List<LossPoint> evaluated = curve.stream().filter(LossPoint::hasValidLoss).toList();
    if (!evaluated.isEmpty()) {
      chart.addSeries("held-out", evaluated.stream().mapToDouble(LossPoint::step).toArray(),
          evaluated.stream().mapToDouble(LossPoint::validLoss).toArray());
    }
    chart.getStyler().setMarkerSize(3);
    Plots.write(file, List.of(chart));
  }

  private static String summary(String command, String modelName, LlamaConfig config, TrainingConfig training,
      LanguageModelTraining.Split split, TrainingResult result, double bitsPerByte, long fileBytes)
      throws java.io.IOException {
    ObjectNode node = Json.object();
    node.put("command", command);
    node.put("model", modelName);
    node.putPOJO("config", config);
    node.put("parameters", config.parameterCount());
    node.putPOJO("training", training);
    node.put("gguf_bytes", fileBytes);
    node.put("train_tokens", split.train().length);
    node.put("held_out_tokens", split.heldOut().length);
    node.put("held_out_bytes", split.heldOutText().getBytes(StandardCharsets.UTF_8).length);
    node.put("held_out_mean_loss_nats", result.validation().meanLoss());
    node.put("held_out_perplexity", result.validation().perplexity());
    node.put("held_out_bits_per_byte", bitsPerByte);
    node.put("tokens_per_second", result.tokensPerSecond());
    node.put("wall_s", result.curve().get(result.curve().size() - 1).seconds());
    ArrayNode curve = node.putArray("held_out_curve");
    result.curve().stream().filter(LossPoint::hasValidLoss).forEach(p -> curve.addArray().add(p.step()).add(p.validLoss()));
    return Json.write(node) + "\n";
  }
}
