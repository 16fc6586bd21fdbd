package org.ferrogen.cli.genai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.ferrogen.cli.Json;
import org.ferrogen.cli.ProgressBars;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.genai.backend.LinearBackend;
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
    description = {"Measure noise-native sampling: KL divergence between argmax(logits + Gaussian noise) and exact",
        "softmax(logits/T) sampling, with sigma calibrated two ways, on a model's next-token logits or on",
        "random Gaussian logits."},
    footer = {"%nExample:%n  ferrogen noise-sampling --random-logits 1000 --temp 0.7 --draws 100000"})
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

  @Option(names = "--draws", paramLabel = "N", description = "Monte Carlo draws per estimate (default: ${DEFAULT-VALUE}).")
  int samples = 100_000;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    if (!(temperature > 0) || !Double.isFinite(temperature)) {
      throw new IllegalArgumentException("--temperature must be > 0, got " + temperature);
    }
    if (samples < 100) {
      throw new IllegalArgumentException("--draws must be at least 100, got " + samples);
    }
    long seed = modelOptions.seed.value();
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
}
