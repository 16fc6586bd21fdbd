package org.ferrogen.sweep.workload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.ferrogen.device.config.Range;
import org.ferrogen.device.cost.CostReport;
import org.ferrogen.genai.backend.ChipBackend;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.metrics.Perplexity;
import org.ferrogen.genai.model.LlamaModel;
import org.ferrogen.genai.tokenizer.Tokenizer;
import org.ferrogen.genai.tokenizer.Tokenizers;
import org.ferrogen.sweep.spec.SweepSeeds;

/**
 * {@code perplexity}: a GGUF model's perplexity on a text with every matrix on the simulated chip
 * (the chip backend of {@code ferrogen perplexity --backend chip}), and the chip's cost per token.
 * Model and text paths resolve against the spec file's folder; on a cluster every executor must
 * see them (a shared file system).
 */
public final class PerplexityWorkload implements Workload {

  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "perplexity";
  }

  @Override
  public String description() {
    return "perplexity of a GGUF model on a text with the chip backend, and the chip's energy and latency per token";
  }

  @Override
  public List<String> metrics() {
    return List.of("perplexity", "mean_nll_nats", "energy_per_token_joules", "latency_per_token_seconds",
        "tops_per_watt", "macro_tops_per_watt", "area_mm2");
  }

  /**
   * @param model GGUF model file (relative to the spec's folder)
   * @param text UTF-8 text whose perplexity is measured
   * @param maxTokens tokens of the text scored
   * @param context window in tokens; 0: the model's
   * @param stride tokens the window advances; 0: half the window
   */
  public record Parameters(
      String model,
      String text,
      @Range(min = 2, max = 1_000_000) int maxTokens,
      @Range(min = 0, max = 1_000_000, reason = "0 = the model's context") int context,
      @Range(min = 0, max = 1_000_000, reason = "0 = half the window") int stride) {}

  @Override
  public Class<? extends Record> parametersType() {
    return Parameters.class;
  }

  @Override
  public Record defaultParameters() {
    return new Parameters("models/ferrogen-kjv.gguf", "models/ferrogen-kjv-heldout.txt", 256, 0, 0);
  }

  @Override
  public ObjectNode defaultChip() {
    return ChipSpecTrees.defaults();
  }

  @Override
  public ObjectNode loadChip(String yaml, String source) {
    return ChipSpecTrees.load(yaml, source);
  }

  @Override
  public void check(PointConfig config) {
    ChipSpecTrees.spec(config);
    Parameters p = config.parameters(Parameters.class);
    if (!Files.isRegularFile(config.file(p.model()))) {
      throw new IllegalArgumentException("parameters.model: no such file: " + config.file(p.model()));
    }
    if (!Files.isRegularFile(config.file(p.text()))) {
      throw new IllegalArgumentException("parameters.text: no such file: " + config.file(p.text()));
    }
  }

  @Override
  public LinkedHashMap<String, Double> run(PointConfig config, long seed) throws Exception {
    Parameters p = config.parameters(Parameters.class);
    GgufFile gguf = GgufFile.open(config.file(p.model()));
    Tokenizer tokenizer = Tokenizers.fromGguf(gguf);
    int[] tokens = tokens(tokenizer, Files.readString(config.file(p.text()), StandardCharsets.UTF_8),
        p.maxTokens());
    try (ChipBackend backend = new ChipBackend(ChipSpecTrees.chip(config, SweepSeeds.derive(seed, SweepSeeds.CHIP)))) {
      LlamaModel model = LlamaModel.load(gguf, backend);
      int modelContext = model.config().contextLength();
      int context = p.context() == 0 ? modelContext : Math.min(p.context(), modelContext);
      int stride = p.stride() == 0 ? Math.max(1, context / 2) : p.stride();
      backend.resetReport();
      Perplexity.Result r = Perplexity.compute(model, tokens, context, stride);
      CostReport c = backend.cost();
      long processed = Math.max(1, r.tokensProcessed());
      LinkedHashMap<String, Double> m = new LinkedHashMap<>();
      m.put("perplexity", r.perplexity());
      m.put("mean_nll_nats", r.meanNll());
      m.put("energy_per_token_joules", c.computeEnergyJoules() / processed);
      m.put("latency_per_token_seconds", c.latencySeconds() / processed);
      m.put("tops_per_watt", c.topsPerWatt());
      m.put("macro_tops_per_watt", c.macroTopsPerWatt());
      m.put("area_mm2", backend.area().totalSquareMillimetres());
      return m;
    }
  }

  private static int[] tokens(Tokenizer tokenizer, String text, int maxTokens) {
    int[] encoded = tokenizer.encode(text);
    int[] tokens = encoded;
    if (tokenizer.addBos()) {
      tokens = new int[encoded.length + 1];
      tokens[0] = tokenizer.bosId();
      System.arraycopy(encoded, 0, tokens, 1, encoded.length);
    }
    return Arrays.copyOf(tokens, Math.min(tokens.length, maxTokens));
  }

}
