package org.ferrogen.sweep.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.ferrogen.cli.AtomicOutput;
import org.ferrogen.cli.Plots;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * What {@code ferrogen sweep report DIR} writes: for every pair of axes and every metric a heatmap
 * of the metric (mean over repeats) with the other axes at their first value; Pareto fronts for the
 * workload's trade-offs (all grid points grey, the front red, its points listed in CSV); and a
 * summary table (per metric: range, median, best point) in Markdown, plus the grid points' means
 * and standard deviations over repeats in CSV. Plots as SVG and PNG.
 */
public final class SweepReport {

  /** A trade-off: x and y metrics and whether each is to be maximized. */
  public record Tradeoff(String x, boolean maximizeX, String y, boolean maximizeY) {}

  /** The trade-offs each workload is judged by (energy against quality). */
  static final Map<String, List<Tradeoff>> TRADEOFFS = Map.of(
      "trng-assess", List.of(new Tradeoff("energy_per_entropy_bit_joules", false, "min_entropy_per_bit", true),
          new Tradeoff("energy_per_raw_bit_joules", false, "min_entropy_per_bit", true)),
      "cim-mvm", List.of(new Tradeoff("energy_per_mvm_joules", false, "relative_l2_error", false),
          new Tradeoff("area_mm2", false, "relative_l2_error", false)),
      "perplexity", List.of(new Tradeoff("energy_per_token_joules", false, "perplexity", false)),
      "train", List.of(new Tradeoff("programming_energy_paper_joules", false, "test_accuracy", true),
          new Tradeoff("programming_energy_joules", false, "test_accuracy", true),
          new Tradeoff("max_memristor_cycles_over_endurance", false, "test_accuracy", true)),
      "puf", List.of(new Tradeoff("masked_fraction", false, "masked_bit_error_rate", false)));

  /** What the report wrote. */
  public record Written(List<Path> files, String summaryMarkdown) {}

  private SweepReport() {}

  public static Written write(SweepTable table, Path outDir) throws IOException {
    Plots.headless();
    Files.createDirectories(outDir);
    List<Path> files = new ArrayList<>();
    List<GridMean> means = GridMean.of(table);
    files.add(writeMeans(table, means, outDir.resolve("grid-means.csv")));
    List<String> axes = table.axes().stream()
        .filter(a -> means.stream().map(m -> m.coordinates().get(a)).distinct().count() > 1).toList();
    for (int i = 0; i < axes.size(); i++) {
      for (int j = i + 1; j < axes.size(); j++) {
        for (String metric : table.metrics()) {
          HeatMapChart chart = heatmap(table, means, axes.get(i), axes.get(j), metric);
          if (chart != null) {
            files.addAll(save(chart, outDir.resolve("heatmap-" + slug(metric) + "-" + slug(axes.get(j)) + "-vs-" + slug(axes.get(i)))));
          }
        }
      }
    }
    for (Tradeoff t : TRADEOFFS.getOrDefault(table.workload(), List.of())) {
      if (table.metrics().contains(t.x()) && table.metrics().contains(t.y())) {
        files.addAll(pareto(table, means, t, outDir));
      }
    }
    String summary = summary(table, means);
    Path md = outDir.resolve("summary.md");
    AtomicOutput.write(md, o -> o.write(summary.getBytes(StandardCharsets.UTF_8)));
    files.add(md);
    return new Written(files, summary);
  }

  /** A grid point's metrics averaged over its ok repeats. */
  record GridMean(Map<String, Object> coordinates, int repeats, int failed, Map<String, double[]> meanSd) {

    static List<GridMean> of(SweepTable table) {
      Map<List<Object>, List<Map<String, Object>>> groups = new LinkedHashMap<>();
      for (Map<String, Object> r : table.rows()) {
        List<Object> key = table.axes().stream().map(r::get).toList();
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
      }
      List<GridMean> out = new ArrayList<>();
      for (Map.Entry<List<Object>, List<Map<String, Object>>> g : groups.entrySet()) {
        Map<String, Object> coordinates = new LinkedHashMap<>();
        for (int a = 0; a < table.axes().size(); a++) {
          coordinates.put(table.axes().get(a), g.getKey().get(a));
        }
        List<Map<String, Object>> ok = g.getValue().stream().filter(r -> "ok".equals(r.get("status"))).toList();
        Map<String, double[]> stats = new LinkedHashMap<>();
        for (String m : table.metrics()) {
          double[] v = ok.stream().map(r -> r.get(m)).filter(Objects::nonNull)
              .mapToDouble(x -> ((Number) x).doubleValue()).toArray();
          double mean = v.length == 0 ? Double.NaN : Arrays.stream(v).average().orElse(Double.NaN);
          double sd = v.length < 2 ? Double.NaN
              : Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1));
          stats.put(m, new double[] {mean, sd});
        }
        out.add(new GridMean(coordinates, ok.size(), g.getValue().size() - ok.size(), stats));
      }
      return out;
    }

    double mean(String metric) {
      return meanSd.get(metric)[0];
    }

    String label() {
      return coordinates.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
  }

  private static HeatMapChart heatmap(SweepTable table, List<GridMean> means, String xAxis, String yAxis, String metric) {
    Map<String, Object> at = new LinkedHashMap<>();
    for (String a : table.axes()) {
      if (!a.equals(xAxis) && !a.equals(yAxis)) {
        at.put(a, means.get(0).coordinates().get(a));
      }
    }
    List<GridMean> slice = means.stream()
        .filter(m -> at.entrySet().stream().allMatch(e -> Objects.equals(m.coordinates().get(e.getKey()), e.getValue())))
        .toList();
    List<Object> xs = slice.stream().map(m -> m.coordinates().get(xAxis)).distinct().toList();
    List<Object> ys = slice.stream().map(m -> m.coordinates().get(yAxis)).distinct().toList();
    List<Number[]> cells = new ArrayList<>();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (GridMean m : slice) {
      double v = m.mean(metric);
      if (Double.isFinite(v)) {
        cells.add(new Number[] {xs.indexOf(m.coordinates().get(xAxis)), ys.indexOf(m.coordinates().get(yAxis)), v});
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (cells.isEmpty()) {
      return null;
    }
    String title = metric + (at.isEmpty() ? "" : " at " + at.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
    HeatMapChart chart = new HeatMapChartBuilder().width(760).height(560).title(title).xAxisTitle(xAxis)
        .yAxisTitle(yAxis).build();
    chart.getStyler().setShowValue(true).setValueFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11))
        .setHeatMapValueDecimalPattern(decimalPattern(min, max));
    chart.getStyler().setMin(min).setMax(max == min ? min + Math.max(1e-300, Math.abs(min) * 1e-9) : max);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.addSeries(metric, xs.stream().map(String::valueOf).toList(), ys.stream().map(String::valueOf).toList(), cells);
    return chart;
  }

  /** Three significant digits: plain for magnitudes 0.01 to 10^4, scientific otherwise. */
  static String decimalPattern(double min, double max) {
    double m = Math.max(Math.abs(min), Math.abs(max));
    return m != 0 && (m < 1e-2 || m >= 1e4) ? "0.00E0" : m >= 100 ? "0" : m >= 10 ? "0.0" : m >= 1 ? "0.00" : "0.000";
  }

  private static List<Path> pareto(SweepTable table, List<GridMean> means, Tradeoff t, Path outDir) throws IOException {
    List<Pareto.Point<GridMean>> pts = means.stream()
        .map(m -> new Pareto.Point<>(m.mean(t.x()), m.mean(t.y()), m)).toList();
    List<Pareto.Point<GridMean>> front = Pareto.front(pts, t.maximizeX(), t.maximizeY());
    if (front.isEmpty()) {
      return List.of();
    }
    XYChart chart = new XYChartBuilder().width(760).height(560)
        .title("Pareto front: " + t.y() + (t.maximizeY() ? " (max)" : " (min)") + " vs " + t.x() + (t.maximizeX() ? " (max)" : " (min)"))
        .xAxisTitle(t.x()).yAxisTitle(t.y()).build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    boolean logX = pts.stream().allMatch(p -> p.x() > 0 || Double.isNaN(p.x()))
        && maxOver(pts, true) / minOver(pts, true) > 10;
    chart.getStyler().setXAxisLogarithmic(logX);
    chart.getStyler().setXAxisDecimalPattern(decimalPattern(minOver(pts, true), maxOver(pts, true)));
    chart.getStyler().setYAxisDecimalPattern(decimalPattern(minOver(pts, false), maxOver(pts, false)));
    List<Pareto.Point<GridMean>> finite = pts.stream().filter(p -> Double.isFinite(p.x()) && Double.isFinite(p.y())).toList();
    XYSeries all = chart.addSeries("grid points (mean over repeats)", finite.stream().map(Pareto.Point::x).toList(),
        finite.stream().map(Pareto.Point::y).toList());
    all.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    all.setMarkerColor(Color.GRAY);
    XYSeries f = chart.addSeries("Pareto front", front.stream().map(Pareto.Point::x).toList(),
        front.stream().map(Pareto.Point::y).toList());
    f.setLineColor(Color.RED);
    f.setMarkerColor(Color.RED);
    f.setMarker(SeriesMarkers.DIAMOND);
    String base = "pareto-" + slug(t.y()) + "-vs-" + slug(t.x());
    List<Path> files = new ArrayList<>(save(chart, outDir.resolve(base)));
    StringBuilder csv = new StringBuilder(String.join(",", table.axes())).append(',').append(t.x()).append(',').append(t.y()).append('\n');
    for (Pareto.Point<GridMean> p : front) {
      for (String a : table.axes()) {
        csv.append(p.tag().coordinates().get(a)).append(',');
      }
      csv.append(p.x()).append(',').append(p.y()).append('\n');
    }
    Path csvFile = outDir.resolve(base + ".csv");
    Plots.csv(csvFile, csv);
    files.add(csvFile);
    return files;
  }

  private static double maxOver(List<? extends Pareto.Point<?>> pts, boolean x) {
    return pts.stream().mapToDouble(p -> x ? p.x() : p.y()).filter(Double::isFinite).max().orElse(1);
  }

  private static double minOver(List<? extends Pareto.Point<?>> pts, boolean x) {
    return pts.stream().mapToDouble(p -> x ? p.x() : p.y()).filter(Double::isFinite).min().orElse(1);
  }

  private static Path writeMeans(SweepTable table, List<GridMean> means, Path file) throws IOException {
    StringBuilder sb = new StringBuilder(String.join(",", table.axes())).append(",ok_repeats,failed_repeats");
    for (String m : table.metrics()) {
      sb.append(',').append(m).append("_mean,").append(m).append("_sd");
    }
    sb.append('\n');
    for (GridMean g : means) {
      for (String a : table.axes()) {
        sb.append(g.coordinates().get(a)).append(',');
      }
      sb.append(g.repeats()).append(',').append(g.failed());
      for (String m : table.metrics()) {
        double[] s = g.meanSd().get(m);
        sb.append(',').append(Double.isNaN(s[0]) ? "" : s[0]).append(',').append(Double.isNaN(s[1]) ? "" : s[1]);
      }
      sb.append('\n');
    }
    Plots.csv(file, sb);
    return file;
  }

  static String summary(SweepTable table, List<GridMean> means) {
    StringBuilder sb = new StringBuilder();
    long ok = table.okRows().size();
    sb.append(String.format(Locale.ROOT, "# Sweep summary (%s)%n%n%d points: %d ok, %d failed; %d grid points over %s.%n%n",
        table.workload(), table.rows().size(), ok, table.rows().size() - ok, means.size(), String.join(" × ", table.axes())));
    sb.append("Per metric, over grid points (means over repeats):\n\n");
    sb.append("| metric | min | median | max | grid point at min | grid point at max |\n|---|---|---|---|---|---|\n");
    for (String m : table.metrics()) {
      List<GridMean> finite = means.stream().filter(g -> Double.isFinite(g.mean(m)))
          .sorted(java.util.Comparator.comparingDouble(g -> g.mean(m))).toList();
      if (finite.isEmpty()) {
        sb.append("| ").append(m).append(" | – | – | – | | |\n");
        continue;
      }
      GridMean lo = finite.get(0);
      GridMean hi = finite.get(finite.size() - 1);
      sb.append(String.format(Locale.ROOT, "| %s | %.4g | %.4g | %.4g | %s | %s |%n", m, lo.mean(m),
          finite.get(finite.size() / 2).mean(m), hi.mean(m), lo.label(), hi.label()));
    }
    List<Map<String, Object>> failed = table.rows().stream().filter(r -> !"ok".equals(r.get("status"))).toList();
    if (!failed.isEmpty()) {
      sb.append("\nFailed points (first 10):\n\n");
      failed.stream().limit(10).forEach(r -> sb.append("- ").append(table.axes().stream()
          .map(a -> a + "=" + r.get(a)).collect(Collectors.joining(", "))).append(", repeat ").append(r.get("repeat"))
          .append(": ").append(r.get("error")).append('\n'));
    }
    return sb.toString();
  }

  private static List<Path> save(Chart<?, ?> chart, Path base) throws IOException {
    Path svg = base.resolveSibling(base.getFileName() + ".svg");
    Path png = base.resolveSibling(base.getFileName() + ".png");
    AtomicOutput.write(svg, o -> VectorGraphicsEncoder.saveVectorGraphic(chart, o, VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
    AtomicOutput.write(png, o -> BitmapEncoder.saveBitmap(chart, o, BitmapEncoder.BitmapFormat.PNG));
    return List.of(svg, png);
  }

  private static String slug(String s) {
    return s.replaceAll("[^A-Za-z0-9]+", "_");
  }
}
