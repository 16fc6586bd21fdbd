package org.ferrogen.cli.genai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ferrogen.chip.Chip;
import org.ferrogen.chip.ChipState;
import org.ferrogen.chip.SynapseRegion;
import org.ferrogen.cli.Json;
import org.ferrogen.cli.ProgressBars;
import org.ferrogen.cli.learn.OnChipDefaults;
import org.ferrogen.cli.learn.TrainReports;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.device.cost.CostCategory;
import org.ferrogen.device.cost.CostReport;
import org.ferrogen.genai.backend.ChipBackend;
import org.ferrogen.genai.backend.LinearLayer;
import org.ferrogen.genai.backend.WeightMatrix;
import org.ferrogen.genai.gguf.GgmlType;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.model.LlamaModel;
import org.ferrogen.genai.tokenizer.Tokenizer;
import org.ferrogen.genai.tokenizer.Tokenizers;
import org.ferrogen.genai.train.HeadFeatures;
import org.ferrogen.learn.onchip.Devices;
import org.ferrogen.learn.onchip.HybridMatrix;
import org.ferrogen.learn.onchip.OnChipConfig;
import org.ferrogen.learn.onchip.Readout;
import org.ferrogen.learn.onchip.Scheme;
import org.ferrogen.learn.onchip.SoftmaxHead;
import org.ferrogen.learn.onchip.Wear;

/**
 * {@code ferrogen train-lm --on-chip}: fine-tunes the output layer of a language model booted from a
 * chip state on a new text, with the layer's weights in the chip's hybrid FeCAP + memristor synapse
 * array (Martemucci et al., Nature Electronics 8, 921, 2025: hidden weights in FeCAPs, forward reads
 * from memristor pairs, a Bernoulli update mask p, a transfer every k samples). The frozen body runs
 * on the chip's FeFET tiles once per token (its head inputs are recorded, {@link HeadFeatures}); the
 * head then trains online on them. Afterwards its analog weights are programmed onto the compute
 * tiles as an untied {@code output.weight} and the chip's state is saved, so that {@code generate
 * --state} and {@code perplexity --state} run the fine-tuned model.
 */
final class OnChipFineTune {

  /** The chip matrix name of the fine-tuned head (untied from the embedding). */
  static final String HEAD = "output.weight";

  /** The settings of one run, from the command line. */
  record Settings(Path model, Path state, Path text, Path originalText, Path output, int epochs, int trainTokens,
      int evalTokens, double heldOut, float learningRate, double updateProbability, Integer transferEvery,
      Double sigmaG, long seed, int threads) {}

  private OnChipFineTune() {}

  static int run(Settings s, CommonOptions common, String command) throws IOException {
    long t0 = System.nanoTime();
    if (s.state() == null) {
      throw new IllegalArgumentException("--on-chip needs --state STATE (a chip saved by `ferrogen chip program`)");
    }
    if (s.epochs() < 1) {
      throw new IllegalArgumentException("--epochs must be >= 1, got " + s.epochs());
    }
    if (!(s.heldOut() > 0 && s.heldOut() < 1)) {
      throw new IllegalArgumentException("--held-out must be in (0, 1), got " + s.heldOut());
    }
    if (s.trainTokens() < 0 || s.evalTokens() < 2) {
      throw new IllegalArgumentException("--train-tokens must be >= 0 and --eval-tokens >= 2, got "
          + s.trainTokens() + " and " + s.evalTokens());
    }
    String newText = TrainLmCommand.readUtf8(s.text());
    if (!Files.isRegularFile(s.model())) {
      throw new IllegalArgumentException("model file " + s.model() + " does not exist (pass -m FILE.gguf)");
    }
    Path original = s.originalText() != null ? s.originalText() : siblingHeldOut(s.model());
    String originalText = original != null ? TrainLmCommand.readUtf8(original) : null;
    ChipState saved = ChipState.read(s.state());
    ChipState.ModelIdentity identity = ChipState.ModelIdentity.of(s.model());
    if (!saved.model().fingerprint().equals(identity.fingerprint())) {
      throw new IllegalArgumentException("chip state " + s.state() + " holds model " + saved.model().fileName() + " ("
          + saved.model().fingerprint() + "), not " + s.model() + " (" + identity.fingerprint() + ")");
    }
    GgufFile gguf = GgufFile.open(s.model());
    Tokenizer tokenizer = Tokenizers.fromGguf(gguf);
    int[] tokens = tokenizer.encode(newText);
    Chip chip = saved.boot(s.threads());
    ChipBackend backend = new ChipBackend(chip);
    HeadFeatures recorder = new HeadFeatures(backend);
    LlamaModel model = LlamaModel.load(gguf, recorder);
    int context = model.config().contextLength();
    int vocab = model.config().vocabSize();
    int dim = model.config().dim();
    if (tokens.length < context + 1 + 2) {
      throw new IllegalArgumentException("text " + s.text() + ": " + tokens.length + " tokens, shorter than one window"
          + " of the model's context (" + context + " + 1 tokens) plus a held-out part");
    }
    int cut = Math.max(context + 1, (int) Math.round(tokens.length * (1 - s.heldOut())));
    cut = Math.min(cut, tokens.length - 2);
    int[] train = Arrays.copyOf(tokens, s.trainTokens() == 0 ? cut : Math.min(cut, s.trainTokens()));
    if (train.length < context + 1) {
      throw new IllegalArgumentException("--train-tokens " + s.trainTokens() + ": fewer than one window of the model's"
          + " context (" + context + " + 1 tokens)");
    }
    int[] heldOut = Arrays.copyOfRange(tokens, cut, Math.min(tokens.length, cut + s.evalTokens()));
    int[] originalTokens = null;
    if (originalText != null) {
      int[] all = tokenizer.encode(originalText);
      if (all.length < 2) {
        throw new IllegalArgumentException("original text " + original + " holds fewer than 2 tokens");
      }
      originalTokens = Arrays.copyOf(all, Math.min(all.length, s.evalTokens()));
    }
    OnChipConfig config = new OnChipConfig(Scheme.HYBRID, s.learningRate(), s.updateProbability(),
        s.transferEvery() != null ? s.transferEvery() : chip.synapseRegion(null).spec().transferEvery(),
        s.sigmaG() == null ? Double.NaN : s.sigmaG(), true, Readout.aihwkitDefaults(), OnChipDefaults.WEIGHT_RANGE,
        s.seed());

    // 1. The frozen body on the FeFET tiles, once per token: head inputs, and the state's own head's loss.
    long forwardTokens = (train.length - 1L) + (heldOut.length - 1L)
        + (originalTokens == null ? 0 : originalTokens.length - 1L);
    HeadFeatures.Pass trainPass;
    HeadFeatures.Pass heldPass;
    HeadFeatures.Pass originalPass = null;
    long tForward = System.nanoTime();
    try (ProgressBars.Progress bar = common.progress("chip forward", forwardTokens, "tok")) {
      trainPass = recorder.run(model, train, bar);
      heldPass = recorder.run(model, heldOut, bar);
      if (originalTokens != null) {
        originalPass = recorder.run(model, originalTokens, bar);
      }
    }
    double forwardSeconds = (System.nanoTime() - tForward) / 1e9;

    // 2. The head on the synapse region, initialised from the model's (untied) output weights.
    float[] initial = outputWeights(gguf, vocab, dim);
    SynapseRegion region = chip.synapseRegion(null);
    long hardwareSeed = region.allocate(HEAD, vocab, dim);
    Devices devices = Devices.of(region, chip.ledger().technology());
    float range = (float) (config.weightRange() * rms(initial));
    HybridMatrix synapses = new HybridMatrix(vocab, dim, initial, range, devices, config, false, hardwareSeed);
    region.track(synapses.reads());
    SoftmaxHead head = new SoftmaxHead(synapses);
    double hybridHeldBefore = head.meanLoss(heldPass.examples());
    double hybridOriginalBefore = originalPass == null ? Double.NaN : head.meanLoss(originalPass.examples());

    // 3. Online training, one update per training prediction and epoch.
    long tTrain = System.nanoTime();
    double trainLoss;
    try (ProgressBars.Progress bar = common.progress("fine-tune head", (long) trainPass.examples().count() * s.epochs(),
        "tok")) {
      trainLoss = head.train(trainPass.examples(), s.epochs(), s.seed(), bar);
    }
    double trainSeconds = (System.nanoTime() - tTrain) / 1e9;
    Wear wear = synapses.wear();
    double hybridHeldAfter = head.meanLoss(heldPass.examples());
    double hybridOriginalAfter = originalPass == null ? Double.NaN : head.meanLoss(originalPass.examples());

    // 4. Deploy: the analog weights the head was trained through (the memristor pairs' conductances, read
    //    without noise) onto the FeFET compute tiles (program-and-verify), as an untied head. Measured: the
    //    hidden weights instead score worse on the new text (the updates followed the memristor reads).
    double programmingBefore = chip.ledger().snapshot().energy(CostCategory.PROGRAMMING);
    LinearLayer deployed = backend.program(WeightMatrix.encode(HEAD, vocab, dim, synapses.reads().effectiveWeights(), GgmlType.F32));
    double deployJoules = chip.ledger().snapshot().energy(CostCategory.PROGRAMMING) - programmingBefore;
    double deployedHeld = HeadFeatures.meanLoss(deployed, heldPass.examples());
    double deployedOriginal = originalPass == null ? Double.NaN : HeadFeatures.meanLoss(deployed, originalPass.examples());

    // 5. The chip's new state: the untied head replaces the tied one; the synapse array is kept too.
    String tiedName = chip.matrices().keySet().stream().filter(n -> n.startsWith(HEAD + " (tied")).findFirst().orElse(null);
    ChipState next = ChipState.of(chip, saved.model());
    if (tiedName != null) {
      next = next.without(tiedName);
    }
    next = next.withSynapses(List.of(synapses.saved(region.spec().name(), HEAD)));
    next.write(s.output());
    double seconds = (System.nanoTime() - t0) / 1e9;

    Result r = new Result(tiedName != null, train.length - 1, heldPass.examples().count(),
        originalPass == null ? 0 : originalPass.examples().count(), original, heldPass.meanLossNats(),
        originalPass == null ? Double.NaN : originalPass.meanLossNats(), hybridHeldBefore, hybridOriginalBefore,
        hybridHeldAfter, hybridOriginalAfter, deployedHeld, deployedOriginal, trainLoss, wear,
        synapses.reads().ledger().snapshot(), deployJoules, forwardSeconds, trainSeconds, seconds);
    if (common.json()) {
      common.printJson(json(s, config, region, r, command));
    } else {
      text(common.out(), s, config, region, r);
    }
    return 0;
  }

  /** What a run measured (losses in nats per token; NaN where there is no original text). */
  record Result(boolean untied, int trainPredictions, int heldPredictions, int originalPredictions, Path original,
      double stateHeld, double stateOriginal, double hybridHeldBefore, double hybridOriginalBefore,
      double hybridHeldAfter, double hybridOriginalAfter, double deployedHeld, double deployedOriginal,
      double trainLoss, Wear wear, CostReport headReads, double deployJoules, double forwardSeconds, double trainSeconds, double seconds) {}

  /** The model's output weights: {@code output.weight}, or the embedding it is tied to (then untied here). */
  private static float[] outputWeights(GgufFile gguf, int vocab, int dim) {
    String name = gguf.tensors().containsKey(HEAD) ? HEAD : "token_embd.weight";
    float[] w = WeightMatrix.of(gguf.requireTensor(name)).toFloats();
    if (w.length != (long) vocab * dim) {
      throw new IllegalArgumentException(gguf.path() + ": tensor " + name + " holds " + w.length + " values, not "
          + vocab + " x " + dim);
    }
    return w;
  }

  private static double rms(float[] w) {
    double sum = 0;
    for (float v : w) {
      sum += (double) v * v;
    }
    return Math.sqrt(sum / w.length);
  }

  /** {@code NAME-heldout.txt} next to {@code NAME.gguf} (how `train-lm` saves it), if it exists. */
  private static Path siblingHeldOut(Path model) {
    String f = model.getFileName().toString();
    Path p = model.toAbsolutePath().resolveSibling((f.endsWith(".gguf") ? f.substring(0, f.length() - 5) : f) + "-heldout.txt");
    return Files.isRegularFile(p) ? p : null;
  }

  private static ObjectNode json(Settings s, OnChipConfig c, SynapseRegion region, Result r, String command) {
    ObjectNode o = Json.object();
    o.put("command", command);
    o.put("model", s.model().toString());
    o.put("state", s.state().toString());
    o.put("output", s.output().toString());
    o.put("text", s.text().toString());
    o.put("original_text", r.original() == null ? null : r.original().toString());
    o.put("head_untied_from_token_embd", r.untied());
    o.put("synapse_region", region.spec().name());
    o.put("seed", c.seed());
    o.put("epochs", s.epochs());
    o.put("learning_rate", c.learningRate());
    o.put("update_probability", c.updateProbability());
    o.put("transfer_every", c.transferEvery());
    o.put("train_predictions", r.trainPredictions());
    o.put("held_out_predictions", r.heldPredictions());
    o.put("original_predictions", r.originalPredictions());
    o.put("train_loss_last_epoch_nats", r.trainLoss());
    ObjectNode held = o.putObject("held_out_perplexity");
    put(held, "state_head", r.stateHeld());
    put(held, "hybrid_head_before", r.hybridHeldBefore());
    put(held, "hybrid_head_after", r.hybridHeldAfter());
    put(held, "deployed_head_after", r.deployedHeld());
    ObjectNode orig = o.putObject("original_perplexity");
    put(orig, "state_head", r.stateOriginal());
    put(orig, "hybrid_head_before", r.hybridOriginalBefore());
    put(orig, "hybrid_head_after", r.hybridOriginalAfter());
    put(orig, "deployed_head_after", r.deployedOriginal());
    TrainReports.wear(o, r.wear());
    TrainReports.readEnergy(o, r.headReads());
    o.put("deploy_programming_energy_j", r.deployJoules());
    o.put("forward_s", r.forwardSeconds());
    o.put("train_s", r.trainSeconds());
    o.put("seconds", r.seconds());
    return o;
  }

  private static void put(ObjectNode o, String key, double meanLoss) {
    o.put(key, Double.isNaN(meanLoss) ? null : Math.exp(meanLoss));
  }

  private static void text(PrintWriter out, Settings s, OnChipConfig c, SynapseRegion region, Result r) {
    out.printf(Locale.ROOT, "fine-tuned the output layer of %s (chip state %s%s) on %s: %,d training predictions x %d"
            + " epoch(s), lr %s, p %s, k %d, seed %d, synapse region %s%n", s.model().getFileName(), s.state(),
        r.untied() ? "; head untied from token_embd" : "", s.text(), r.trainPredictions(), s.epochs(),
        c.learningRate(), c.updateProbability(), c.transferEvery(), c.seed(), region.spec().name());
    out.printf(Locale.ROOT, "held-out perplexity                          new text (%,d tok)   original text (%s)%n",
        r.heldPredictions(), r.original() == null ? "none" : String.format(Locale.ROOT, "%,d tok", r.originalPredictions()));
    row(out, "before: the state's head (FeFET tiles)", r.stateHeld(), r.stateOriginal());
    row(out, "before: head copied to memristors", r.hybridHeldBefore(), r.hybridOriginalBefore());
    row(out, "after:  hybrid head (memristor reads)", r.hybridHeldAfter(), r.hybridOriginalAfter());
    row(out, "after:  trained head on FeFET tiles (-o)", r.deployedHeld(), r.deployedOriginal());
    TrainReports.wearText(out, r.wear());
    TrainReports.readEnergyText(out, r.headReads());
    out.printf(Locale.ROOT, "deploying the head onto the FeFET tiles: %s of programming%n", TrainReports.joules(r.deployJoules()));
    out.printf(Locale.ROOT, "chip state -> %s (generate/perplexity --state use it); chip forward %.1f s, training %.1f s,"
        + " total %.1f s%n", s.output(), r.forwardSeconds(), r.trainSeconds(), r.seconds());
    out.flush();
  }

  private static void row(PrintWriter out, String label, double held, double original) {
    out.printf(Locale.ROOT, "  %-42s %12.3f   %18s%n", label, Math.exp(held),
        Double.isNaN(original) ? "-" : String.format(Locale.ROOT, "%.3f", Math.exp(original)));
  }
}
