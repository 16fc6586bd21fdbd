package org.ferrogen.cli.genai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ferrogen.cli.Json;
import org.ferrogen.cli.ProgressBars;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.genai.backend.ChipBackend;
import org.ferrogen.genai.backend.DigitalWork;
import org.ferrogen.genai.backend.LinearBackend;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.metrics.Perplexity;
import org.ferrogen.genai.model.LlamaModel;
import org.ferrogen.genai.tokenizer.Tokenizer;
import org.ferrogen.genai.tokenizer.Tokenizers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferrogen perplexity}: perplexity of a model on a text file. */
@Command(name = "perplexity", mixinStandardHelpOptions = true,
    description = "Perplexity of a GGUF model on a UTF-8 text (sliding context window).",
    footer = {"%nExample:%n  ferrogen perplexity -f heldout.txt -c 128 --backend chip --text-tokens 512"})
public final class PerplexityCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ModelOptions modelOptions = new ModelOptions();

  @Option(names = {"-f", "--text"}, required = true, paramLabel = "FILE", description = "UTF-8 text to score.")
  Path text;

  @Option(names = {"-c", "--ctx-size"}, paramLabel = "N", description = "Window length in tokens, at most the model's context (default: the model's context length).")
  Integer context;

  @Option(names = "--stride", paramLabel = "N", description = "Window advance in tokens (default: half the window).")
  Integer stride;

  @Option(names = "--text-tokens", paramLabel = "N", description = "Score only the first N tokens of the text (default: all).")
  Integer maxTokens;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.isRegularFile(text)) {
      throw new IllegalArgumentException("no such text file: " + text);
    }
    if (maxTokens != null && maxTokens < 2) {
      throw new IllegalArgumentException("--text-tokens must be at least 2, got " + maxTokens);
    }
    String content = Files.readString(text, StandardCharsets.UTF_8);
    GgufFile gguf = modelOptions.open();
    Tokenizer tokenizer = Tokenizers.fromGguf(gguf);
    int[] encoded = tokenizer.encode(content);
    int[] tokens = encoded;
    if (tokenizer.addBos()) {
      tokens = new int[encoded.length + 1];
      tokens[0] = tokenizer.bosId();
      System.arraycopy(encoded, 0, tokens, 1, encoded.length);
    }
    if (maxTokens != null) {
      tokens = java.util.Arrays.copyOf(tokens, Math.min(tokens.length, maxTokens));
    }
    try (LinearBackend backend = modelOptions.createBackend()) {
      LlamaModel model;
      try (ProgressBars.Progress p = common.progress(modelOptions.onChip() ? "programming the chip" : "loading the model", -1, "")) {
        model = LlamaModel.load(gguf, backend);
        modelOptions.calibrate(model, tokenizer);
      }
      int ctx = context != null ? context : model.config().contextLength();
      if (ctx < 2 || ctx > model.config().contextLength()) {
        throw new IllegalArgumentException("--ctx-size must be in 2.." + model.config().contextLength()
            + " (the model's context), got " + ctx);
      }
      int str = stride != null ? stride : Math.max(1, Math.min(ctx, model.config().contextLength()) / 2);
      backend.resetReport();
      long t0 = System.nanoTime();
      Perplexity.Result r;
      try (ProgressBars.Progress p = common.progress("perplexity", tokens.length - 1, "tok")) {
        r = Perplexity.compute(model, tokens, ctx, str, p);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      long parameters = model.config().parameterCount();
      if (backend instanceof ChipBackend chip) {
        // Scoring runs every token through the model without sampling: digital units per position.
        int window = Math.min(ctx, model.config().contextLength());
        for (long w = 0; w < r.tokensProcessed() / window; w++) {
          chip.charge(DigitalWork.tokens(model.config(), 0, window, 0));
        }
        chip.charge(DigitalWork.tokens(model.config(), 0, (int) (r.tokensProcessed() % window), 0));
      }
      if (common.json()) {
        ObjectNode node = Json.object();
        node.put("model", modelOptions.model.toString());
        node.put("backend", backend.name());
        node.put("text", text.toString());
        node.put("tokens", tokens.length);
        node.put("tokens_scored", r.tokensScored());
        node.put("perplexity", r.perplexity());
        node.put("mean_nll_nats", r.meanNll());
        node.put("context", Math.min(ctx, model.config().contextLength()));
        node.put("stride", str);
        node.put("wall_s", seconds);
        node.putPOJO("backend_report", backend.report());
        if (backend instanceof ChipBackend chip) {
          node.set("chip", ChipReports.json(chip, r.tokensProcessed(), parameters));
        }
        common.printJson(node);
      } else {
        out.printf("perplexity %.4f (mean NLL %.4f nats over %d tokens; context %d, stride %d; %s backend; %.1f s)%n",
            r.perplexity(), r.meanNll(), r.tokensScored(), Math.min(ctx, model.config().contextLength()), str,
            backend.name(), seconds);
        if (backend instanceof ChipBackend chip) {
          ChipReports.print(out, chip, r.tokensProcessed(), parameters);
        }
      }
      out.flush();
    }
    return 0;
  }
}
