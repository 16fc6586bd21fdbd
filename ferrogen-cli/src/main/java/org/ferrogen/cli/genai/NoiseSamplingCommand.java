package org.ferrogen.cli.genai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.ferrogen.cli.Json;
import org.ferrogen.cli.ProgressBars;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.chip.Chip;
import org.ferrogen.device.cost.CostReport;
import org.ferrogen.genai.backend.ChipBackend;
import org.ferrogen.genai.backend.FloatBackend;
import org.ferrogen.genai.backend.LinearBackend;
import org.ferrogen.genai.backend.LinearLayer;
import org.ferrogen.genai.sample.AnalogNoiseSampling;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.model.LlamaModel;
import org.ferrogen.genai.model.LlamaSession;
import org.ferrogen.genai.sample.NoiseNativeSampling;
import org.ferrogen.genai.tokenizer.Tokenizer;
import org.ferrogen.genai.tokenizer.Tokenizers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferrogen noise-sampling}: how close Gaussian read noise comes to exact softmax sampling. */
@Command(name = "noise-sampling", mixinStandardHelpOptions = true,
    description = {"Measure noise-native sampling: KL divergence between argmax(logits + Gaussian noise) and exact"
        + " softmax(logits/T) sampling, with sigma calibrated two ways, on a model's next-token logits or on"
        + " random Gaussian logits."},
    footer = {"%nExamples:%n  ferrogen noise-sampling --random-logits 1000 --temp 0.7 --draws 100000",
        "  ferrogen noise-sampling --analog -p 'And God said' --temp 0.5 --chip docs/genai/noisy-read-chip.yaml --draws 2000 --seed 1"})
public final class NoiseSamplingCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ModelOptions modelOptions = new ModelOptions();

  @Option(names = {"-p", "--prompt"}, paramLabel = "TEXT", description = "Prompt whose next-token logits are used (with --model or the shipped model).")
  String prompt;

  @Option(names = "--random-logits", paramLabel = "N", description = "Use N Gaussian logits instead of a model.")
  Integer randomLogits;

  @Option(names = "--logit-std", paramLabel = "S", description = "Standard deviation of the random logits (default: ${DEFAULT-VALUE}).")
  double logitStd = 3.0;

  @Option(names = {"--temperature", "--temp"}, paramLabel = "T", description = "Target temperature, > 0 (default: ${DEFAULT-VALUE}).")
  double temperature = 1.0;

  @Option(names = "--draws", paramLabel = "N", description = "Monte Carlo draws per estimate (default: 100000; 2000 with --analog).")
  Integer draws;

  @Option(names = "--analog", description = {"Measure the chip's own read noise instead of synthetic Gaussian noise: the"
      + " model's output head goes onto the tiles of --chip (its ADCs calibrated on the prompt's positions), the"
      + " read count averaged per token is calibrated to --temp, and each draw is the argmax of real noisy reads."})
  boolean analog;

  @Option(names = "--calibration-reads", paramLabel = "N", description = "With --analog: reads of the context that measure the single-read noise (default: ${DEFAULT-VALUE}).")
  int calibrationReads = 64;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    if (!(temperature > 0) || !Double.isFinite(temperature)) {
      throw new IllegalArgumentException("--temperature must be > 0, got " + temperature);
    }
    int samples = draws != null ? draws : analog ? 2000 : 100_000;
    if (samples < 100) {
      throw new IllegalArgumentException("--draws must be at least 100, got " + samples);
    }
    long seed = modelOptions.seed.value();
    if (analog) {
      return analog(samples);
    }
    float[] logits;
    String source;
    if (randomLogits != null) {
      if (randomLogits < 2) {
        throw new IllegalArgumentException("--random-logits must be at least 2, got " + randomLogits);
      }
      SplittableRandom r = new SplittableRandom(modelOptions.seed.derive("logits"));
      logits = new float[randomLogits];
      for (int i = 0; i < logits.length; i++) {
        logits[i] = (float) (logitStd * r.nextGaussian());
      }
      source = randomLogits + " Gaussian logits, std " + logitStd;
    } else {
      if (prompt == null) {
        throw new IllegalArgumentException("give --prompt (with --model) or --random-logits N");
      }
      GgufFile gguf = modelOptions.open();
      Tokenizer tokenizer = Tokenizers.fromGguf(gguf);
      try (LinearBackend backend = modelOptions.createBackend()) {
        LlamaSession session = LlamaModel.load(gguf, backend).newSession();
        logits = null;
        if (tokenizer.addBos()) {
          logits = session.forward(tokenizer.bosId());
        }
        for (int t : tokenizer.encode(prompt)) {
          logits = session.forward(t);
        }
        if (logits == null) {
          throw new IllegalArgumentException("the prompt encodes to no tokens");
        }
      }
      source = "next-token logits of " + modelOptions.model + " after the prompt";
    }
    NoiseNativeSampling.Comparison c;
    try (ProgressBars.Progress p = common.progress("noise sampling", -1, "")) {
      c = NoiseNativeSampling.compare(logits, temperature, samples, modelOptions.seed.derive("draws"));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (common.json()) {
      ObjectNode node = Json.object();
      node.put("source", source);
      node.put("seed", seed);
      node.put("temperature", temperature);
      node.put("draws", samples);
      node.putPOJO("gumbel_matched", c.gumbelMatched());
      node.putPOJO("kl_fitted", c.klFitted());
      common.printJson(node);
    } else {
      out.printf("%s; target temperature %.3f; %d draws per estimate; %d reachable tokens; seed %d%n", source, temperature,
          samples, c.gumbelMatched().supportSize(), seed);
      for (NoiseNativeSampling.Measurement m : new NoiseNativeSampling.Measurement[] {c.gumbelMatched(), c.klFitted()}) {
        out.printf("  sigma %.4f (%s): KL(gaussian || softmax) = %.5f nats, total variation %.4f%n", m.sigma(),
            m == c.gumbelMatched() ? "pi*T/sqrt(6), Gumbel's std" : "KL-fitted", m.klGaussian(), m.totalVariation());
      }
      out.printf("  control, exact Gumbel-max draws: KL = %.5f nats (Monte Carlo bias floor)%n",
          c.gumbelMatched().klGumbelControl());
    }
    out.flush();
    return 0;
  }

  /**
   * --analog: the rest of the model runs digitally (the float backend) to give the head's input
   * and the exact logits; only the head runs on the chip, so every draw costs real reads.
   */
  private int analog(int samples) throws Exception {
    if (randomLogits != null || prompt == null) {
      throw new IllegalArgumentException("--analog needs a model context: give --prompt (and --model), not --random-logits");
    }
    if (calibrationReads < 2) {
      throw new IllegalArgumentException("--calibration-reads must be at least 2, got " + calibrationReads);
    }
    if (modelOptions.onChip()) {
      throw new IllegalArgumentException("--analog puts only the output head on the chip (--chip); leave --backend at float");
    }
    GgufFile gguf = modelOptions.open();
    Tokenizer tokenizer = Tokenizers.fromGguf(gguf);
    int[] encoded = tokenizer.encode(prompt);
    int[] tokens = tokenizer.addBos() ? prepend(tokenizer.bosId(), encoded) : encoded;
    if (tokens.length == 0) {
      throw new IllegalArgumentException("the prompt encodes to no tokens");
    }
    List<float[]> inputs = new ArrayList<>();
    float[] exact;
    LlamaModel model;
    try (LinearBackend backend = new FloatBackend(modelOptions.threads.value())) {
      model = LlamaModel.load(gguf, backend);
      LlamaSession session = model.newSession();
      float[] logits = null;
      for (int t : tokens) {
        logits = session.forward(t);
        inputs.add(session.headInput().clone());
      }
      exact = logits.clone();
    }
    float[] context = inputs.get(inputs.size() - 1);
    Chip chip = new Chip(modelOptions.chip.spec(), modelOptions.seed.derive("chip"), modelOptions.threads.value());
    AnalogNoiseSampling.Calibration calibration;
    AnalogNoiseSampling.Setting setting;
    AnalogNoiseSampling.Measurement m;
    CostReport cost;
    try (ProgressBars.Progress p = common.progress("analog noise sampling", -1, "");
        ChipBackend backend = new ChipBackend(chip)) {
      LinearLayer head = backend.program(model.outputWeights());
      // ADC full scales from the prompt's positions, as `generate --adc-calibration` does for a whole model.
      backend.beginCalibration(inputs.size());
      float[] scratch = new float[head.rows()];
      for (float[] x : inputs) {
        head.multiply(x, scratch);
      }
      backend.endCalibration(modelOptions.adcHeadroom);
      backend.resetReport();
      calibration = AnalogNoiseSampling.calibrate(head, List.of(context), calibrationReads);
      setting = calibration.setting(temperature, modelOptions.seed.derive("calibration"));
      m = AnalogNoiseSampling.measure(head, context, exact, setting, samples, modelOptions.seed.derive("draws"));
      cost = backend.cost();
    }
    PrintWriter out = spec.commandLine().getOut();
    String chipName = chip.spec().name();
    if (common.json()) {
      ObjectNode node = Json.object();
      node.put("source", "analog read noise of " + modelOptions.model + "'s output head on chip " + chipName);
      node.put("prompt", prompt);
      node.put("seed", modelOptions.seed.value());
      node.put("temperature", temperature);
      node.put("draws", samples);
      node.put("calibration_reads", calibrationReads);
      node.putPOJO("setting", setting);
      node.put("gumbel_equivalent_temperature", setting.gumbelEquivalentTemperature());
      node.putPOJO("measurement", m);
      node.put("chip_energy_j", cost.totalEnergyJoules());
      node.put("chip_reads", cost.mvms());
      common.printJson(node);
    } else {
      out.printf(java.util.Locale.ROOT, "output head of %s on chip %s, context: the prompt's last position; target temperature %.3f;"
          + " seed %d%n", modelOptions.model, chipName, temperature, modelOptions.seed.value());
      out.printf(java.util.Locale.ROOT, "  single-read logit noise %.4f (from %d reads); target sigma %.4f -> %d read%s averaged,"
          + " noise %.4f%s%n", setting.singleReadSigma(), calibrationReads, setting.targetSigma(), setting.reads(),
          setting.reads() == 1 ? "" : "s", setting.achievedSigma(), setting.atCeiling()
              ? String.format(java.util.Locale.ROOT, " (ceiling: colder than asked, about T %.3f Gumbel-equivalent)",
                  setting.gumbelEquivalentTemperature()) : "");
      out.printf(java.util.Locale.ROOT, "  %d draws: vs softmax(exact logits/T) KL %.4f nats, TV %.4f; vs softmax(chip mean logits/T)"
          + " KL %.4f, TV %.4f; %d distinct tokens%n", samples, m.klExact(), m.tvExact(), m.klChipMean(), m.tvChipMean(),
          m.distinctTokens());
      out.printf(java.util.Locale.ROOT, "  floor (%d exact softmax draws): KL %.4f, TV %.4f; chip energy of all reads %.3e J"
          + " (%d reads)%n", samples, m.klFloor(), m.tvFloor(), cost.totalEnergyJoules(), cost.mvms());
    }
    out.flush();
    return 0;
  }

  private static int[] prepend(int first, int[] rest) {
    int[] out = new int[rest.length + 1];
    out[0] = first;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }
}
