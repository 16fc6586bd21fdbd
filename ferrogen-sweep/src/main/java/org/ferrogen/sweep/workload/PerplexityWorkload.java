package org.ferrogen.sweep.workload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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

  @Override
  public ObjectNode defaultParameters() {
    ObjectNode p = Trees.JSON.createObjectNode();
    p.put("model", "models/ferrogen-kjv.gguf");
    p.put("text", "models/ferrogen-kjv-heldout.txt");
    p.put("maxTokens", 256);
    p.put("context", 0);
    p.put("stride", 0);
    return p;
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
    for (String file : List.of("model", "text")) {
      if (!Files.isRegularFile(config.file(file))) {
        throw new IllegalArgumentException(file + " = " + config.file(file) + ": no such file");
      }
    }
    if (config.integer("maxTokens") < 2) {
      throw new IllegalArgumentException("maxTokens = " + config.integer("maxTokens") + ": must be >= 2");
    }
    if (config.integer("context") < 0 || config.integer("stride") < 0) {
      throw new IllegalArgumentException("context and stride must be >= 0 (0: the model's context, half of it)");
    }
  }

  @Override
  public LinkedHashMap<String, Double> run(PointConfig config, long seed) throws Exception {
    GgufFile gguf = GgufFile.open(config.file("model"));
    Tokenizer tokenizer = Tokenizers.fromGguf(gguf);
    int[] tokens = tokens(tokenizer, Files.readString(config.file("text"), StandardCharsets.UTF_8),
        config.integer("maxTokens"));
    try (ChipBackend backend = new ChipBackend(ChipSpecTrees.chip(config, SweepSeeds.derive(seed, SweepSeeds.CHIP)))) {
      LlamaModel model = LlamaModel.load(gguf, backend);
      int modelContext = model.config().contextLength();
      int context = config.integer("context") == 0 ? modelContext : Math.min(config.integer("context"), modelContext);
      int stride = config.integer("stride") == 0 ? Math.max(1, context / 2) : config.integer("stride");
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
