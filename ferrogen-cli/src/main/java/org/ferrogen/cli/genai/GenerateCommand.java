package org.ferrogen.cli.genai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import org.ferrogen.genai.Generation;
import org.ferrogen.genai.backend.BackendReport;
import org.ferrogen.genai.backend.LinearBackend;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.model.LlamaModel;
import org.ferrogen.genai.sample.Sampler;
import org.ferrogen.genai.sample.SamplerSettings;
import org.ferrogen.genai.tokenizer.Tokenizer;
import org.ferrogen.genai.tokenizer.Tokenizers;
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

  @Option(names = "--json", description = "Print one JSON object at the end instead of streaming text.")
  boolean json;

  /** The sampler's source of randomness: a seeded PRNG. */
  RandomGenerator entropy(long s) {
    return new SplittableRandom(s);
  }

  @Override
  public Integer call() throws Exception {
    if (maxTokens < 1) {
      throw new IllegalArgumentException("--max-tokens must be at least 1, got " + maxTokens);
    }
    SamplerSettings settings = new SamplerSettings(temperature, topK, topP, minP, repeatPenalty, repeatLastN);
    long s = seed != null ? seed : new SplittableRandom().nextLong();
    PrintWriter out = spec.commandLine().getOut();
    GgufFile gguf = modelOptions.open();
    Tokenizer tokenizer = Tokenizers.fromGguf(gguf);
    try (LinearBackend backend = modelOptions.createBackend()) {
      LlamaModel model = LlamaModel.load(gguf, backend);
      backend.resetReport();
      Sampler sampler = new Sampler(settings, entropy(s));
      Generation.Result r = Generation.generate(model, tokenizer, sampler, prompt, maxTokens, piece -> {
        if (!json) {
          out.print(piece);
          out.flush();
        }
      });
      BackendReport report = backend.report();
      if (json) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode node = mapper.createObjectNode();
        node.put("model", modelOptions.model.toString());
        node.put("backend", backend.name());
        node.put("prompt", prompt);
        node.put("text", r.text());
        node.put("prompt_tokens", r.promptTokens().length);
        node.put("generated_tokens", r.generated().length);
        node.put("tokens_per_second", r.tokensPerSecond());
        node.put("prompt_seconds", r.promptSeconds());
        node.put("generation_seconds", r.generationSeconds());
        node.put("seed", s);
        node.putPOJO("sampler", settings);
        node.putPOJO("tokens", r.generated());
        node.putPOJO("backend_report", report);
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node));
      } else {
        out.println();
        out.printf("[%d tokens in %.2f s: %.2f tokens/s; prompt %d tokens in %.2f s; backend %s; seed %d]%n",
            r.generated().length, r.generationSeconds(), r.tokensPerSecond(), r.promptTokens().length,
            r.promptSeconds(), backend.name(), s);
      }
      out.flush();
    }
    return 0;
  }
}
