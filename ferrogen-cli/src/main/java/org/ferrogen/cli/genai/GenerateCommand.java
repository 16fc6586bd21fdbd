package org.ferrogen.cli.genai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import org.ferrogen.cli.Json;
import org.ferrogen.cli.ProgressBars;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.cli.options.TrngDesignOption;
import org.ferrogen.genai.Generation;
import org.ferrogen.genai.backend.BackendReport;
import org.ferrogen.genai.backend.ChipBackend;
import org.ferrogen.genai.backend.DigitalWork;
import org.ferrogen.genai.backend.FloatBackend;
import org.ferrogen.genai.backend.LinearBackend;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.metrics.Diversity;
import org.ferrogen.genai.model.LlamaModel;
import org.ferrogen.genai.sample.AnalogNoiseSampler;
import org.ferrogen.genai.sample.AnalogNoiseSampling;
import org.ferrogen.genai.sample.Sampler;
import org.ferrogen.genai.sample.SamplerSettings;
import org.ferrogen.genai.tokenizer.Tokenizer;
import org.ferrogen.genai.tokenizer.Tokenizers;
import org.ferrogen.trng.random.TrngRandomGenerators;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferrogen generate}: streams a sampled continuation of a prompt. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Generate text with a Llama-architecture GGUF model, streaming tokens as they are sampled.",
        "The prompt comes from -p TEXT, -f FILE, or standard input when neither is given."},
    footer = {"%nExample:%n  ferrogen generate -p 'And God said' -n 48 --temp 0.7 --entropy trng --backend chip"})
public final class GenerateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ModelOptions modelOptions = new ModelOptions();

  /** Where the sampler's random numbers come from. */
  public enum Entropy {
    /** SplittableRandom seeded from --seed. */
    PRNG,
    /** The simulated ferroelectric TRNG pipeline. */
    TRNG,
    /** No random numbers: argmax of the chip's own noisy output-head reads. */
    ANALOG_NOISE;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** Reads an {@link Entropy} by its hyphenated name ({@code analog-noise}). */
  static final class EntropyConverter implements picocli.CommandLine.ITypeConverter<Entropy> {
    @Override
    public Entropy convert(String value) {
      for (Entropy e : Entropy.values()) {
        if (e.toString().equalsIgnoreCase(value)) {
          return e;
        }
      }
      throw new picocli.CommandLine.TypeConversionException("unknown entropy source '" + value + "'; known: "
          + String.join(", ", java.util.Arrays.stream(Entropy.values()).map(Entropy::toString).toList()));
    }
  }

  @Option(names = {"-p", "--prompt"}, paramLabel = "TEXT", description = "Prompt text.")
  String prompt;

  @Option(names = {"-f", "--prompt-file"}, paramLabel = "FILE", description = "Read the prompt from a UTF-8 file.")
  Path promptFile;

  @Option(names = {"-n", "--max-tokens", "--n-predict"}, paramLabel = "N",
      description = "Tokens to generate; prompt plus these must fit the model's context, else the command refuses (default: ${DEFAULT-VALUE}).")
  int maxTokens = 128;

  @Option(names = {"--temperature", "--temp"}, paramLabel = "T", description = "Softmax temperature, >= 0; 0 = greedy (default: ${DEFAULT-VALUE}).")
  double temperature = 0.8;

  @Option(names = "--top-k", paramLabel = "K", description = "Keep the K most likely tokens, >= 0; 0 = off (default: ${DEFAULT-VALUE}).")
  int topK = 40;

  @Option(names = "--top-p", paramLabel = "P", description = "Nucleus sampling threshold in (0, 1]; 1 = off (default: ${DEFAULT-VALUE}).")
  double topP = 0.95;

  @Option(names = "--min-p", paramLabel = "P", description = "Min-p threshold in [0, 1]; 0 = off (default: ${DEFAULT-VALUE}).")
  double minP = 0.05;

  @Option(names = "--repeat-penalty", paramLabel = "R", description = "Repetition penalty, > 0; 1 = off (default: ${DEFAULT-VALUE}).")
  double repeatPenalty = 1.0;

  @Option(names = "--repeat-last-n", paramLabel = "N", description = "Tokens the repetition penalty looks back, >= 0 (default: ${DEFAULT-VALUE}).")
  int repeatLastN = 64;

  @Option(names = "--continuations", paramLabel = "N", description = {"Generate N continuations (their seeds derived from --seed)"
      + " and report their distinct-1/distinct-2 diversity (default: ${DEFAULT-VALUE})."})
  int continuations = 1;

  @Option(names = "--entropy", paramLabel = "SOURCE", converter = EntropyConverter.class, description = {"Where the sampler's random numbers come from: ${COMPLETION-CANDIDATES};"
      + " prng is SplittableRandom, trng the simulated ferroelectric TRNG (raw bits -> health tests -> SHA-256 ->"
      + " CTR_DRBG); analog-noise draws none: the next token is the argmax of the chip's own noisy output-head"
      + " reads, as many averaged as make the noise match --temp (needs --backend chip; temperature only, no"
      + " top-k/top-p/min-p/repeat-penalty) (default: ${DEFAULT-VALUE})."})
  Entropy entropy = Entropy.PRNG;

  @Option(names = "--no-warm-up", description = {"Skip the warm-up at load: throwaway passes (float backend) that get the JIT",
      "to compile the kernels before the prompt and the generation are timed; its CPU time is part of the",
      "command's and printed as warm-up (llama.cpp's tools warm up with an empty run likewise)."})
  boolean noWarmUp;

  /** Most CPU time the warm-up may take (it stops earlier once its passes run compiled). */
  private static final double WARM_UP_CPU_SECONDS = 1.5;

  @Mixin TrngDesignOption trngDesign;

  @Mixin CommonOptions common;

  /** Seed of continuation {@code i}, derived from --seed by hashing. */
  long sampleSeed(int i) {
    return modelOptions.seed.derive("sample-" + i);
  }

  /**
   * The sampler's source of randomness: a seeded PRNG, or the TRNG pipeline whose simulated physics
   * is seeded from the continuation's seed.
   */
  RandomGenerator entropy(long s, LinearBackend backend) {
    return switch (entropy) {
      case PRNG -> new SplittableRandom(s);
      // On the chip: the chip's own TRNG units, metered into its ledger.
      case TRNG -> backend instanceof ChipBackend chip ? chip.chip().trng(OptionalLong.of(s))
          : TrngRandomGenerators.create(trngDesign.value(), OptionalLong.of(s));
      case ANALOG_NOISE -> throw new IllegalStateException("analog-noise draws no random numbers");
    };
  }

  private String entropyName(LinearBackend backend) {
    if (entropy == Entropy.ANALOG_NOISE) {
      return "analog-noise (the output head's own read noise on the chip)";
    }
    String design = backend instanceof ChipBackend chip ? chip.chip().spec().trng().design() : trngDesign.value().cliName();
    return entropy == Entropy.TRNG ? "trng/" + design + " (seeded simulation)" : entropy.toString();
  }

  /** What --entropy analog-noise cannot be combined with, naming the option at fault. */
  void checkAnalogNoise() {
    if (entropy != Entropy.ANALOG_NOISE) {
      return;
    }
    check(Double.isFinite(temperature) && temperature > 0, "--entropy analog-noise needs --temperature > 0 (the read"
        + " noise is the temperature; there is no noise-free greedy mode), got " + temperature);
    check(modelOptions.onChip(), "--entropy analog-noise needs --backend chip (or --state): the noise is the chip's"
        + " own output-head read noise, and the float backend has none");
    for (String option : new String[] {"--top-k", "--top-p", "--min-p", "--repeat-penalty", "--repeat-last-n"}) {
      check(!spec.commandLine().getParseResult().hasMatchedOption(option), option + " does not apply to --entropy"
          + " analog-noise: it samples the whole vocabulary at --temperature by the argmax of noisy reads");
    }
  }

  /** Range checks of the sampler settings, naming the option at fault. */
  SamplerSettings settings() {
    check(Double.isFinite(temperature) && temperature >= 0, "--temperature must be >= 0 (0 = greedy), got " + temperature);
    check(topK >= 0, "--top-k must be >= 0 (0 = off), got " + topK);
    check(topP > 0 && topP <= 1, "--top-p must be in (0, 1] (1 = off), got " + topP);
    check(minP >= 0 && minP <= 1, "--min-p must be in [0, 1] (0 = off), got " + minP);
    check(Double.isFinite(repeatPenalty) && repeatPenalty > 0, "--repeat-penalty must be > 0 (1 = off), got " + repeatPenalty);
    check(repeatLastN >= 0, "--repeat-last-n must be >= 0, got " + repeatLastN);
    check(maxTokens >= 1, "--max-tokens must be at least 1, got " + maxTokens);
    check(continuations >= 1, "--continuations must be at least 1, got " + continuations);
    return new SamplerSettings(temperature, topK, topP, minP, repeatPenalty, repeatLastN);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** The prompt from -p, -f or standard input. */
  String promptText() throws IOException {
    if (prompt != null && promptFile != null) {
      throw new IllegalArgumentException("give the prompt once: -p TEXT or -f FILE, not both");
    }
    if (prompt != null) {
      return prompt;
    }
    if (promptFile != null) {
      if (!Files.isRegularFile(promptFile)) {
        throw new IllegalArgumentException("no such prompt file: " + promptFile);
      }
      return Files.readString(promptFile, StandardCharsets.UTF_8);
    }
    if (org.ferrogen.cli.Terminals.isTerminal(0)) {
      throw new IllegalArgumentException("no prompt: give -p TEXT, -f FILE, or pipe the prompt into standard input");
    }
    return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
  }

  @Override
  public Integer call() throws Exception {
    SamplerSettings settings = settings();
    checkAnalogNoise();
    String promptText = promptText();
    PrintWriter out = spec.commandLine().getOut();
    GgufFile gguf = modelOptions.open();
    Tokenizer tokenizer = Tokenizers.fromGguf(gguf);
    long loadStart = System.nanoTime();
    try (LinearBackend backend = modelOptions.createBackend()) {
      LlamaModel model;
      String task = modelOptions.state().isPresent() ? "booting the chip"
          : modelOptions.onChip() ? "programming the chip" : "loading the model";
      try (ProgressBars.Progress p = common.progress(task, -1, "")) {
        model = LlamaModel.load(gguf, backend);
        modelOptions.calibrate(model, tokenizer);
      }
      // Programming (or booting a saved chip) and calibration: the wait before the first token.
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      // JIT warm-up of the float kernels (and of a throwaway sampler with the same settings), not
      // timed as prompt or generation; the chip's backends are left alone: their reads consume
      // noise and entropy streams that the seed fixes.
      LlamaModel.WarmUp warm = null;
      if (backend instanceof FloatBackend && !noWarmUp) {
        Sampler warmSampler = new Sampler(settings, new SplittableRandom(0));
        warm = model.warmUp(WARM_UP_CPU_SECONDS, warmSampler::sample);
      }
      int promptTokens = tokenizer.encode(promptText).length + (tokenizer.addBos() ? 1 : 0);
      int context = model.config().contextLength();
      if ((long) promptTokens + maxTokens > context) { // long: --max-tokens may be near 2^31
        throw new IllegalArgumentException("the prompt (" + promptTokens + " tokens) and --max-tokens " + maxTokens
            + " do not fit the model's context of " + context + " tokens: ask for at most "
            + Math.max(0, context - promptTokens) + " tokens (this command does not slide the window)");
      }
      backend.resetReport();
      List<Generation.Result> results = new ArrayList<>();
      AnalogNoiseSampling.Setting analog = null;
      for (int i = 0; i < continuations; i++) {
        Generation.TokenPicker picker;
        AnalogNoiseSampler analogSampler = null;
        if (entropy == Entropy.ANALOG_NOISE) {
          // Calibrated on the first continuation's prompt, reused by the others (same prompt).
          analogSampler = new AnalogNoiseSampler(model.outputLayer(), true, temperature, analog,
              modelOptions.seed.derive("analog-noise-calibration"));
          picker = analogSampler;
        } else {
          picker = Generation.picker(new Sampler(settings, entropy(sampleSeed(i), backend)));
        }
        if (!common.json() && continuations > 1) {
          out.printf("--- continuation %d (seed %d)%n", i + 1, sampleSeed(i));
        }
        Generation.Result r = Generation.generate(model, tokenizer, picker, promptText, maxTokens, piece -> {
          if (!common.json()) {
            out.print(piece);
            out.flush();
          }
        });
        results.add(r);
        if (analogSampler != null) {
          analog = analogSampler.setting();
        }
        if (!common.json()) {
          out.println();
          // The prompt in milliseconds: a batched prompt of a small model takes a few of them.
          out.printf(java.util.Locale.ROOT,
              "[%d tokens in %.2f s: %.2f tokens/s; prompt %d tokens in %.1f ms: %.0f tokens/s%s; backend %s; entropy %s;"
                  + " seed %d]%n",
              r.generated().length, r.generationSeconds(), r.tokensPerSecond(), r.promptTokens().length,
              1e3 * r.promptSeconds(), r.promptTokens().length / r.promptSeconds(), warm == null ? "" : String.format(java.util.Locale.ROOT,
                  "; JIT warm-up at load %.2f s CPU (%d rounds)", warm.cpuSeconds(), warm.rounds()),
              backend.name(), entropyName(backend), modelOptions.seed.value());
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
      long parameters = model.config().parameterCount();
      if (common.json()) {
        ObjectNode node = Json.object();
        node.put("model", modelOptions.model.toString());
        node.put("backend", backend.name());
        node.put("prompt", promptText);
        node.put("seed", modelOptions.seed.value());
        node.putPOJO("sampler", settings);
        Generation.Result first = results.get(0);
        node.put("text", first.text());
        node.put("prompt_tokens", first.promptTokens().length);
        node.put("generated_tokens", first.generated().length);
        node.putPOJO("tokens", first.generated());
        node.put("tokens_per_s", tokens / seconds);
        node.put("prompt_s", first.promptSeconds());
        node.put("prompt_tokens_per_s", first.promptTokens().length / first.promptSeconds());
        node.put("generation_s", seconds);
        node.put("load_s", loadSeconds);
        if (warm != null) {
          node.put("warm_up_cpu_s", warm.cpuSeconds());
          node.put("warm_up_rounds", warm.rounds());
        }
        if (continuations > 1) {
          ArrayNode texts = node.putArray("texts");
          results.forEach(r -> texts.add(r.text()));
          node.put("distinct_1", Diversity.distinctN(generated, 1));
          node.put("distinct_2", Diversity.distinctN(generated, 2));
        }
        node.putPOJO("backend_report", report);
        node.put("entropy", entropyName(backend));
        if (analog != null) {
          node.putPOJO("analog_noise", analog);
          node.put("analog_noise_gumbel_equivalent_temperature", analog.gumbelEquivalentTemperature());
        }
        if (backend instanceof ChipBackend chip) {
          node.set("chip", ChipReports.json(chip, processed, parameters));
        }
        common.printJson(node);
      } else if (continuations > 1) {
        out.printf("[%d continuations: %.2f tokens/s overall; distinct-1 %.4f, distinct-2 %.4f]%n", continuations,
            tokens / seconds, Diversity.distinctN(generated, 1), Diversity.distinctN(generated, 2));
      }
      if (!common.json() && analog != null) {
        out.printf(java.util.Locale.ROOT, "[analog-noise: T %.3f -> %d read%s of the output head averaged per token;"
            + " single-read logit noise %.4f, target %.4f%s]%n", analog.temperature(), analog.reads(),
            analog.reads() == 1 ? "" : "s", analog.singleReadSigma(), analog.targetSigma(), analog.atCeiling()
                ? String.format(java.util.Locale.ROOT, "; the chip's read noise is too small for this temperature:"
                    + " ran colder, at about T %.3f (Gumbel-equivalent)", analog.gumbelEquivalentTemperature()) : "");
      }
      if (!common.json() && backend instanceof ChipBackend chip) {
        out.printf(java.util.Locale.ROOT, "[model %s in %.2f s]%n", modelOptions.state().isPresent()
            ? "booted from " + modelOptions.state().get() : "programmed onto the chip", loadSeconds);
        ChipReports.print(out, chip, processed, parameters);
      }
      out.flush();
    }
    return 0;
  }
}
