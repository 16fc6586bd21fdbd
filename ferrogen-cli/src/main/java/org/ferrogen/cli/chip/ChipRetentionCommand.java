package org.ferrogen.cli.chip;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ferrogen.chip.ChipState;
import org.ferrogen.chip.StorageHistory;
import org.ferrogen.cli.Json;
import org.ferrogen.cli.Plots;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.genai.backend.ChipBackend;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.metrics.Perplexity;
import org.ferrogen.genai.model.LlamaModel;
import org.ferrogen.genai.tokenizer.Tokenizer;
import org.ferrogen.genai.tokenizer.Tokenizers;
import org.ferrogen.cli.genai.ModelOptions;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ferrogen chip retention}: the saved model's perplexity after storage, powered off, for
 * 1 hour to 10 years at 25 °C and 85 °C, each point a fresh boot of the state aged by that interval.
 */
@Command(footer = {"%nExample:%n  ferrogen chip retention --state kjv.state --out-dir retention"},
    name = "retention", mixinStandardHelpOptions = true,
    description = {"Perplexity of a saved chip's model after 1 h, 1 d, 1 month, 1 y and 10 y of storage at 25 °C and"
        + " 85 °C (each point boots the state aged by that interval, per cell, through the cell model's retention law)."})
public final class ChipRetentionCommand implements Callable<Integer> {
  static final double[] SECONDS = {0, 3600, 86_400, 30 * 86_400, 365.25 * 86_400, 3652.5 * 86_400};
  static final String[] LABELS = {"fresh", "1 h", "1 d", "1 month", "1 y", "10 y"};

  @Mixin CommonOptions common = new CommonOptions();

  @Option(names = "--state", required = true, paramLabel = "STATE", description = "Chip state (from `chip program`).")
  Path state;

  @Option(names = {"-m", "--model"}, paramLabel = "FILE.gguf", description = "The model the state holds (default: the shipped model).")
  Path model = ModelOptions.DEFAULT_MODEL;

  @Option(names = {"-f", "--text"}, paramLabel = "FILE", description = "UTF-8 text to score (default: the shipped model's held-out text).")
  Path text;

  @Option(names = "--text-tokens", paramLabel = "N", description = "Score only the first N tokens of the text (default: ${DEFAULT-VALUE}).")
  int maxTokens = 256;

  @Option(names = "--celsius", split = ",", paramLabel = "T", description = "Storage temperatures, °C (default: 25,85).")
  double[] celsius = {25, 85};

  @picocli.CommandLine.Mixin org.ferrogen.cli.options.OutDirOption outDir;

  @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Threads (default: all processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  /** One point of the table. */
  record Point(double celsius, String age, double seconds, double perplexity) {}

  @Override
  public Integer call() throws Exception {
    for (double c : celsius) {
      if (!(c >= -55 && c <= 300)) {
        throw new IllegalArgumentException("--celsius must be within -55..300 °C, got " + c);
      }
    }
    if (maxTokens < 2) {
      throw new IllegalArgumentException("--text-tokens must be at least 2, got " + maxTokens);
    }
    ModelOptions options = new ModelOptions();
    Path modelFile = model.equals(ModelOptions.DEFAULT_MODEL) ? options.modelPath() : model;
    if (!Files.isRegularFile(modelFile)) {
      throw new IllegalArgumentException("model file " + modelFile + " does not exist");
    }
    Path textFile = text != null ? text : modelFile.resolveSibling(
        modelFile.getFileName().toString().replaceFirst("\\.gguf$", "") + "-heldout.txt");
    if (!Files.isRegularFile(textFile)) {
      throw new IllegalArgumentException("text file " + textFile + " does not exist (give --text)");
    }
    ChipState saved = ChipState.read(state);
    saved.requireModel(ChipState.ModelIdentity.of(modelFile));
    GgufFile gguf = GgufFile.open(modelFile);
    Tokenizer tokenizer = Tokenizers.fromGguf(gguf);
    int[] tokens = tokens(tokenizer, Files.readString(textFile, StandardCharsets.UTF_8));
    List<Point> points = new ArrayList<>();
    for (double t : celsius) {
      for (int i = 0; i < SECONDS.length; i++) {
        if (i == 0 && t != celsius[0]) {
          points.add(new Point(t, LABELS[0], 0, points.get(0).perplexity()));
          continue;
        }
        ChipState aged = SECONDS[i] == 0 ? saved : saved.aged(new StorageHistory.Interval(SECONDS[i], t + 273.15));
        try (ChipBackend backend = new ChipBackend(aged.boot(threads))) {
          LlamaModel m = LlamaModel.load(gguf, backend);
          int ctx = m.config().contextLength();
          Perplexity.Result r = Perplexity.compute(m, tokens, ctx, Math.max(1, ctx / 2));
          points.add(new Point(t, LABELS[i], SECONDS[i], r.perplexity()));
        }
      }
    }
    if (outDir.value().isPresent()) {
      plot(points);
    }
    if (common.json()) {
      ObjectNode node = Json.object();
      node.put("state", state.toString());
      node.put("model", modelFile.toString());
      node.put("text", textFile.toString());
      node.put("tokens", tokens.length);
      ArrayNode list = node.putArray("points");
      for (Point p : points) {
        list.addObject().put("celsius", p.celsius()).put("age", p.age()).put("storage_s", p.seconds())
            .put("perplexity", p.perplexity());
      }
      common.printJson(node);
      return 0;
    }
    common.out().printf(Locale.ROOT, "perplexity of %s on %d tokens of %s after storage, powered off%n",
        saved.model().fileName(), tokens.length, textFile.getFileName());
    common.out().printf(Locale.ROOT, "%-8s", "storage");
    for (double c : celsius) {
      common.out().printf(Locale.ROOT, " %10s", String.format(Locale.ROOT, "%.0f °C", c));
    }
    common.out().println();
    for (int i = 0; i < SECONDS.length; i++) {
      common.out().printf(Locale.ROOT, "%-8s", LABELS[i]);
      for (int c = 0; c < celsius.length; c++) {
        common.out().printf(Locale.ROOT, " %10.4f", points.get(c * SECONDS.length + i).perplexity());
      }
      common.out().println();
    }
    common.out().flush();
    return 0;
  }

  private int[] tokens(Tokenizer tokenizer, String content) {
    int[] encoded = tokenizer.encode(content);
    int[] all = encoded;
    if (tokenizer.addBos()) {
      all = new int[encoded.length + 1];
      all[0] = tokenizer.bosId();
      System.arraycopy(encoded, 0, all, 1, encoded.length);
    }
    return java.util.Arrays.copyOf(all, Math.min(all.length, maxTokens));
  }

  private void plot(List<Point> points) throws java.io.IOException {
    Plots.headless();
    XYChart chart = new XYChartBuilder().width(700).height(450).title("Perplexity after storage")
        .xAxisTitle("storage time (s)").yAxisTitle("perplexity").build();
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    for (double c : celsius) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (Point p : points) {
        if (p.celsius() == c && p.seconds() > 0) {
          x.add(p.seconds());
          y.add(p.perplexity());
        }
      }
      chart.addSeries(String.format(Locale.ROOT, "%.0f °C", c), x, y);
    }
    Plots.write(outDir.create(Path.of(".")).resolve("retention"), List.of(chart));
  }
}
