package org.ferrogen.cli.genai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.io.PrintWriter;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import org.ferrogen.genai.Generation;
import org.ferrogen.genai.backend.BackendReport;
import org.ferrogen.genai.backend.ChipBackend;
import org.ferrogen.genai.backend.DigitalWork;
import org.ferrogen.genai.backend.LinearBackend;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.metrics.Diversity;
import org.ferrogen.genai.model.LlamaModel;
import org.ferrogen.genai.sample.Sampler;
import org.ferrogen.genai.sample.SamplerSettings;
import org.ferrogen.genai.tokenizer.Tokenizer;
import org.ferrogen.genai.tokenizer.Tokenizers;
import org.ferrogen.trng.design.TrngDesign;
import org.ferrogen.trng.random.TrngRandomGenerators;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferrogen generate}: streams a sampled continuation of a prompt. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Generate text with a Llama-architecture GGUF model, streaming tokens as they are sampled.")
public final class GenerateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ModelOptions modelOptions = new ModelOptions();

  @Option(names = "--prompt", required = true, paramLabel = "TEXT", description = "Prompt text.")
  String prompt;

  @Option(names = "--max-tokens", paramLabel = "N", description = "Most tokens to generate (default: ${DEFAULT-VALUE}).")
  int maxTokens = 128;

  @Option(names = "--temperature", paramLabel = "T", description = "Softmax temperature; 0 = greedy (default: ${DEFAULT-VALUE}).")
  double temperature = 0.8;

  @Option(names = "--top-k", paramLabel = "K", description = "Keep the K most likely tokens; 0 = off (default: ${DEFAULT-VALUE}).")
  int topK = 40;

  @Option(names = "--top-p", paramLabel = "P", description = "Nucleus sampling threshold; 1 = off (default: ${DEFAULT-VALUE}).")
  double topP = 0.95;

  @Option(names = "--min-p", paramLabel = "P", description = "Min-p threshold; 0 = off (default: ${DEFAULT-VALUE}).")
  double minP = 0.05;

  @Option(names = "--repeat-penalty", paramLabel = "R", description = "Repetition penalty; 1 = off (default: ${DEFAULT-VALUE}).")
  double repeatPenalty = 1.0;

  @Option(names = "--repeat-last-n", paramLabel = "N", description = "Tokens the repetition penalty looks back (default: ${DEFAULT-VALUE}).")
  int repeatLastN = 64;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the sampling PRNG (default: random, printed at the end).")
  Long seed;

  @Option(names = "--samples", paramLabel = "N", description = {"Generate N continuations (seeds S, S+1, ...) and report",
      "their distinct-1/distinct-2 diversity (default: ${DEFAULT-VALUE})."})
  int samples = 1;

  @Option(names = "--entropy", paramLabel = "SOURCE", description = {"Where the sampler's random numbers come from: prng",
      "(SplittableRandom) or trng (the simulated ferroelectric TRNG: raw bits -> health tests -> SHA-256 ->",
      "CTR_DRBG) (default: ${DEFAULT-VALUE})."})
  String entropy = "prng";

  @Option(names = "--trng-design", paramLabel = "NAME", description = "TRNG circuit for --entropy trng: cell, pair or ring (default: ${DEFAULT-VALUE}).")
  String trngDesign = "cell";

  @Option(names = "--json", description = "Print one JSON object at the end instead of streaming text.")
  boolean json;

  /**
   * The sampler's source of randomness for sample {@code s}: a seeded PRNG, or the TRNG pipeline
   * whose simulated physics is seeded with {@code s} when --seed was given and from the host's
   * SecureRandom otherwise.
   */
  RandomGenerator entropy(long s, LinearBackend backend) {
    OptionalLong physics = seed != null ? OptionalLong.of(s) : OptionalLong.empty();
    return switch (entropy) {
      case "prng" -> new SplittableRandom(s);
      // On the chip, the chip's own TRNG units, metered into its ledger.
      case "trng" -> backend instanceof ChipBackend chip ? chip.chip().trng(physics)
          : TrngRandomGenerators.create(TrngDesign.byName(trngDesign), physics);
      default -> throw unknownEntropy();
    };
  }

  private IllegalArgumentException unknownEntropy() {
    return new IllegalArgumentException("unknown --entropy '" + entropy + "' (available: prng, trng)");
  }

  private String entropyName(LinearBackend backend) {
    String design = backend instanceof ChipBackend chip ? chip.chip().spec().trng().design() : trngDesign;
    return "trng".equals(entropy) ? "trng/" + design + (seed != null ? " (seeded simulation)" : "") : entropy;
  }

  @Override
  public Integer call() throws Exception {
    if (maxTokens < 1) {
      throw new IllegalArgumentException("--max-tokens must be at least 1, got " + maxTokens);
    }
    if (!entropy.equals("prng") && !entropy.equals("trng")) {
      throw unknownEntropy();
    }
    TrngDesign.byName(trngDesign);
    SamplerSettings settings = new SamplerSettings(temperature, topK, topP, minP, repeatPenalty, repeatLastN);
    long s = seed != null ? seed : new SplittableRandom().nextLong();
    PrintWriter out = spec.commandLine().getOut();
    GgufFile gguf = modelOptions.open();
    Tokenizer tokenizer = Tokenizers.fromGguf(gguf);
    if (samples < 1) {
      throw new IllegalArgumentException("--samples must be at least 1, got " + samples);
    }
    long loadStart = System.nanoTime();
    try (LinearBackend backend = modelOptions.createBackend()) {
      LlamaModel model = LlamaModel.load(gguf, backend);
      modelOptions.calibrate(model, tokenizer);
      // Programming (or booting a saved chip) and calibration: the wait before the first token.
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      backend.resetReport();
      List<Generation.Result> results = new ArrayList<>();
      for (int i = 0; i < samples; i++) {
        Sampler sampler = new Sampler(settings, entropy(s + i, backend));
        if (!json && samples > 1) {
          out.printf("--- sample %d (seed %d)%n", i + 1, s + i);
        }
        Generation.Result r = Generation.generate(model, tokenizer, sampler, prompt, maxTokens, piece -> {
          if (!json) {
            out.print(piece);
            out.flush();
          }
        });
        results.add(r);
        if (!json) {
          out.println();
          out.printf("[%d tokens in %.2f s: %.2f tokens/s; prompt %d tokens in %.2f s; backend %s; entropy %s; seed %d]%n",
              r.generated().length, r.generationSeconds(), r.tokensPerSecond(), r.promptTokens().length,
              r.promptSeconds(), backend.name(), entropyName(backend), s + i);
        }
      }
      List<int[]> generated = results.stream().map(Generation.Result::generated).toList();
      long tokens = generated.stream().mapToLong(g -> g.length).sum();
      double seconds = results.stream().mapToDouble(Generation.Result::generationSeconds).sum();
      BackendReport report = backend.report();
      // Tokens that went through the backend (prompts and generated), for the chip's cost per token.
      long processed = results.stream().mapToLong(r -> r.promptTokens().length + r.generated().length).sum();
      if (backend instanceof ChipBackend chip) {
        // The digital units' share: attention, norms, softmax, SwiGLU and the sampler, per token.
        for (Generation.Result r : results) {
          int total = r.promptTokens().length + r.generated().length;
          chip.charge(DigitalWork.tokens(model.config(), 0, total, r.generated().length));
        }
      }
      long parameters = model.config().parameterCount(!gguf.tensors().containsKey("output.weight"));
      if (json) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode node = mapper.createObjectNode();
        node.put("model", modelOptions.model.toString());
        node.put("backend", backend.name());
        node.put("prompt", prompt);
        node.put("seed", s);
        node.putPOJO("sampler", settings);
        Generation.Result first = results.get(0);
        node.put("text", first.text());
        node.put("prompt_tokens", first.promptTokens().length);
        node.put("generated_tokens", first.generated().length);
        node.putPOJO("tokens", first.generated());
        node.put("tokens_per_second", tokens / seconds);
        node.put("prompt_seconds", first.promptSeconds());
        node.put("generation_seconds", seconds);
        node.put("load_seconds", loadSeconds);
        if (samples > 1) {
          ArrayNode texts = node.putArray("texts");
          results.forEach(r -> texts.add(r.text()));
          node.put("distinct_1", Diversity.distinctN(generated, 1));
          node.put("distinct_2", Diversity.distinctN(generated, 2));
        }
        node.putPOJO("backend_report", report);
        node.put("entropy", entropyName(backend));
        if (backend instanceof ChipBackend chip) {
          node.set("chip", ChipReports.json(chip, processed, parameters));
        }
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node));
      } else if (samples > 1) {
        out.printf("[%d samples: %.2f tokens/s overall; distinct-1 %.4f, distinct-2 %.4f]%n", samples, tokens / seconds,
            Diversity.distinctN(generated, 1), Diversity.distinctN(generated, 2));
      }
      if (!json && backend instanceof ChipBackend chip) {
        out.printf(java.util.Locale.ROOT, "[model %s in %.2f s]%n",
            modelOptions.state != null ? "booted from " + modelOptions.state : "programmed onto the chip", loadSeconds);
        ChipReports.print(out, chip, processed, parameters);
      }
      out.flush();
    }
    return 0;
  }
}
