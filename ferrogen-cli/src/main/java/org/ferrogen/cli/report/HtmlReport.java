package org.ferrogen.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.ferrogen.cli.Plots;
import org.ferrogen.cli.cim.MvmPlots;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Renders {@link ReportData} as one self-contained HTML file: no network, no scripts, plots as SVG
 * images embedded in the page (data: URIs), styles inline.
 */
public final class HtmlReport {
  private HtmlReport() {}

  public static String render(ReportData d) throws IOException {
    StringBuilder h = new StringBuilder(1 << 20);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(d.title())).append("</title>\n<style>\n")
        .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1320px;margin:2em auto;padding:0 1em;color:#222}\n")
        .append("h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}\n")
        .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:.25em .6em;text-align:left}")
        .append("td.n{text-align:right;font-variant-numeric:tabular-nums}\n")
        .append("figure{display:inline-block;margin:.5em}img.plot{max-width:100%;height:auto;border:1px solid #eee}\n")
        .append("pre{background:#f6f6f6;padding:.8em;overflow-x:auto;white-space:pre-wrap}.note{color:#555;font-size:.92em}\n")
        .append("</style></head><body>\n");
    h.append("<h1>").append(esc(d.title())).append("</h1>\n");
    h.append("<p class=\"note\">Created ").append(esc(d.createdUtc())).append(" by <code>").append(esc(d.command()))
        .append("</code>. Seed ").append(d.seed()).append(": the same command with <code>--seed ").append(d.seed())
        .append("</code> reproduces every figure. SIMULATION: the devices, the TRNG's physics and the chip are models")
        .append(" whose constants cite their sources; the TRNG is driven by a pseudo-random generator and is not")
        .append(" certified entropy.</p>\n");
    h.append("<nav><a href=\"#spec\">Spec</a> · <a href=\"#device\">Device</a> · <a href=\"#trng\">TRNG</a> · ")
        .append("<a href=\"#compute\">Compute</a> · <a href=\"#energy\">Energy</a> · <a href=\"#text\">Text</a> · ")
        .append("<a href=\"#training\">Training</a></nav>\n");

    spec(h, d.spec());
    device(h, d.device());
    trng(h, d.trng());
    compute(h, d.compute());
    energy(h, d.energy());
    text(h, d.text());
    training(h, d);
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void spec(StringBuilder h, ReportData.Spec s) {
    h.append("<h2 id=\"spec\">1. The chip</h2>\n<table>");
    for (ReportData.Row r : s.rows()) {
      h.append("<tr><th>").append(esc(r.key())).append("</th><td>").append(esc(r.value())).append("</td></tr>");
    }
    h.append("</table>\n<details><summary>Full chip spec (YAML, the format <code>--chip FILE</code> reads)</summary><pre>")
        .append(esc(s.yaml())).append("</pre></details>\n");
  }

  private static void device(StringBuilder h, ReportData.DeviceCurves d) throws IOException {
    h.append("<h2 id=\"device\">2. Devices: switching, levels, retention</h2>\n<p>Parameter set <b>")
        .append(esc(d.parameterSet())).append("</b>. Small devices switch stochastically: the fewer the domains, the")
        .append(" wider the transition, which is what the TRNG exploits and what analog weights must survive.</p>\n");
    XYChart sw = Plots.xy("Switching probability, " + Plots.withPrefix(d.pulseWidthS(), "s") + " pulses",
        "pulse amplitude", "V", "P(majority of domains switched)", null);
    for (ReportData.Curve c : d.switching()) {
      sw.addSeries(c.label(), c.x(), c.y()).setMarker(SeriesMarkers.NONE);
    }
    sw.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    figure(h, "switching", List.of(sw), "Switching probability against pulse amplitude, averaged over devices of N domains.");
    if (d.levels() != null) {
      XYChart lv = Plots.xy("Programmed FeFET levels", "level", null, "conductance", "S");
      lv.addSeries(d.levels().label(), d.levels().x(), d.levels().y()).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      lv.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
      figure(h, "levels", List.of(lv), "Conductance of cells programmed by program-and-verify to each level.");
    }
    // Time on a decade axis: the curves are plotted against log10(t), ticks labelled as times.
    XYChart rt = Plots.xy("Retention of the stored polarization", "time since programming", null, "retained fraction", null);
    rt.getStyler().setxAxisTickLabelsFormattingFunction(v -> humanTime(Math.pow(10, v)));
    rt.getStyler().setXAxisMin(0.0).setXAxisMax(9.0).setXAxisTickMarkSpacingHint(60);
    for (ReportData.Curve c : d.retention()) {
      rt.addSeries(c.label(), java.util.Arrays.stream(c.x()).map(Math::log10).toArray(), c.y()).setMarker(SeriesMarkers.NONE);
    }
    rt.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
    figure(h, "retention", List.of(rt), "Stretched-exponential retention at three temperatures (Arrhenius acceleration).");
  }

  private static void trng(StringBuilder h, ReportData.Trng t) throws IOException {
    h.append("<h2 id=\"trng\">3. The TRNG</h2>\n<table>")
        .append(row("design", t.design()))
        .append(row("raw rate (model)", Plots.withPrefix(t.rawBitRateBitsPerS(), "b/s")))
        .append(row("latency per bit (model)", Plots.withPrefix(t.latencyS(), "s")))
        .append(row("energy per raw bit (model)", Plots.withPrefix(t.energyPerRawBitJ(), "J")))
        .append(row("SP 800-90B assessed min-entropy", String.format(Locale.ROOT, "%.4f bits per raw bit (%d samples)", t.hAssessed(), t.rawSamples())))
        .append(row("health tests (claimed " + Plots.number(t.claimedEntropyBits()) + " bits/sample)",
            String.format(Locale.ROOT, "RCT cutoff %d: %d alarms; APT cutoff %d: %d alarms", t.rctCutoff(), t.rctAlarms(), t.aptCutoff(), t.aptAlarms())))
        .append(row("SP 800-22 on the conditioned output", String.format(Locale.ROOT,
            "%d streams of %d bits: %d of %d lines fail; an ideal generator fails as many with probability %.2f → %s",
            t.streams(), t.streamLengthBits(), t.sp80022Failed(), t.sp80022Lines(), t.sp80022ChanceProbability(),
            t.sp80022Pass() ? "pass" : "FAIL")))
        .append("</table>\n");
    CategoryChart est = Plots.bars("SP 800-90B non-IID estimators, " + t.design() + " raw bits", "estimator", "min-entropy (bits per raw bit)");
    est.addSeries("min-entropy, " + t.rawSamples() + " samples", t.estimators().stream().map(e -> shortName(e.name())).toList(),
        t.estimators().stream().map(ReportData.Estimate::minEntropyBits).toList());
    est.getStyler().setXAxisLabelRotation(35).setYAxisMin(0.0).setYAxisMax(1.05);
    est.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
    figure(h, "estimators", List.of(est), "Each SP 800-90B estimator's min-entropy; the assessment takes the smallest.");
    List<String> bins = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      bins.add(String.format(Locale.ROOT, "%.1f", i / 10.0));
    }
    List<Chart<?, ?>> hists = new ArrayList<>();
    List<ReportData.PValueHistogram> ps = t.pValues();
    for (int g = 0; g < ps.size(); g += 5) {
      CategoryChart c = Plots.bars("SP 800-22 P-values (" + t.streams() + " streams)", "P-value bin (lower edge)",
          "fraction of the test's P-values");
      for (ReportData.PValueHistogram p : ps.subList(g, Math.min(ps.size(), g + 5))) {
        // Fractions, so a test with 148 template variants and one with a single P-value share the scale (0.1 each if flat).
        double total = Math.max(1, java.util.Arrays.stream(p.counts()).sum());
        List<Double> fractions = new ArrayList<>();
        for (int v : p.counts()) {
          fractions.add(v / total);
        }
        c.addSeries(p.test(), bins, fractions);
      }
      c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
      hists.add(c);
    }
    for (int i = 0; i < hists.size(); i++) {
      figure(h, "p-values-" + (i + 1), List.of(hists.get(i)), "P-value histograms, C1..C10 of the STS report: flat for a good generator.");
    }
  }

  private static void compute(StringBuilder h, ReportData.Compute c) throws IOException {
    h.append("<h2 id=\"compute\">4. Compute accuracy</h2>\n<table>")
        .append(row("matrix", c.matrix()))
        .append(row("relative L2 error", Plots.number(c.relativeL2Error())))
        .append(row("mean SNR per output", String.format(Locale.ROOT, "%.1f dB", c.meanSnrDb())))
        .append(row("energy per MVM", Plots.withPrefix(c.energyPerMvmJ(), "J")))
        .append(row("efficiency (system)", Plots.number(c.topsPerWatt()) + " TOPS/W"))
        .append("</table>\n");
    MvmPlots.Pairs p = new MvmPlots.Pairs(c.exact(), c.chip());
    figure(h, "mvm", List.of(MvmPlots.scatter(p, c.matrix()), MvmPlots.errorHistogram(p, c.matrix())),
        "Every output of a batch of random inputs: chip against the exact product, and the chip's error.");
  }

  private static void energy(StringBuilder h, ReportData.Energy e) throws IOException {
    h.append("<h2 id=\"energy\">5. Energy per token</h2>\n<p>")
        .append(String.format(Locale.ROOT, "%d tokens through the tiles (prompt and generated), model of %s parameters:"
            + " <b>%s per token</b> (array, converters and periphery as modelled; programming excluded).",
            e.tokens(), Plots.withPrefix(e.parameters(), ""), Plots.withPrefix(e.totalPerTokenJ(), "J")))
        .append("</p>\n");
    CategoryChart cat = Plots.bars("Energy per token by category", "category", "energy per token");
    cat.getStyler().setyAxisTickLabelsFormattingFunction(Plots.si("J"));
    cat.addSeries("chip model", e.byCategory().stream().map(ReportData.Row::key).toList(),
        java.util.Arrays.stream(e.byCategoryJ()).boxed().toList());
    cat.getStyler().setXAxisLabelRotation(30);
    List<Chart<?, ?>> charts = new ArrayList<>(List.of(cat));
    if (!e.perLayer().isEmpty()) {
      CategoryChart layer = Plots.bars("Energy per token by layer", "matrix", "energy per token");
      layer.getStyler().setyAxisTickLabelsFormattingFunction(Plots.si("J"));
      List<String> names = new ArrayList<>();
      for (int i = 0; i < e.perLayer().size(); i++) {
        names.add(shortLayer(e.perLayer().get(i).layer(), i));
      }
      layer.addSeries("chip model", names, e.perLayer().stream().map(ReportData.LayerEnergy::energyPerTokenJ).toList());
      layer.getStyler().setXAxisLabelRotation(90).setLegendVisible(false);
      charts.add(layer);
    }
    figure(h, "energy", charts, "Modelled energy per token by cost category and per programmed matrix.");
    h.append("<p>Beside measured GPU figures (batch size matters: compare like with like). Per 10⁹ parameters divides"
        + " by model size, a rough normalisation across models of very different size.</p>\n<table><tr><th>system</th>"
        + "<th>model</th><th>J per token</th><th>J per token per 10⁹ parameters</th><th>source</th></tr>");
    h.append("<tr><td>this chip (model)</td><td>").append(esc(Plots.withPrefix(e.parameters(), "")))
        .append(" parameters</td><td class=\"n\">").append(esc(Plots.withPrefix(e.totalPerTokenJ(), "J")))
        .append("</td><td class=\"n\">").append(esc(Plots.withPrefix(e.totalPerTokenJ() / (e.parameters() / 1e9), "J")))
        .append("</td><td>this run</td></tr>");
    for (ReportData.GpuFigure g : e.gpu()) {
      Double n = ChipRun.GPU_PARAMETERS.get(g.model());
      h.append("<tr><td>").append(esc(g.system())).append("</td><td>").append(esc(g.model())).append("</td><td class=\"n\">")
          .append(esc(Plots.withPrefix(g.joulesPerToken(), "J"))).append("</td><td class=\"n\">")
          .append(n == null ? "" : esc(Plots.withPrefix(g.joulesPerToken() / (n / 1e9), "J")))
          .append("</td><td>").append(esc(g.source())).append("</td></tr>");
    }
    h.append("</table>\n");
  }

  private static void text(StringBuilder h, ReportData.Text t) {
    h.append("<h2 id=\"text\">6. Generated text</h2>\n<p>")
        .append(String.format(Locale.ROOT, "%s, %s backend, sampled with random numbers from %s: %d tokens at %.1f tokens/s (simulation speed).",
            esc(t.model()), esc(t.backend()), esc(t.entropy()), t.tokens(), t.tokensPerS()))
        .append("</p>\n<pre><b>").append(esc(t.prompt())).append("</b>").append(esc(t.generated())).append("</pre>\n");
  }

  private static void training(StringBuilder h, ReportData d) throws IOException {
    h.append("<h2 id=\"training\">7. On-chip training</h2>\n");
    if (d.training().isEmpty()) {
      h.append("<p class=\"note\">No on-chip training run is part of this report.</p>\n");
      return;
    }
    ReportData.Training t = d.training().get();
    XYChart c = Plots.xy(t.what(), "step", null, "loss", null);
    for (ReportData.Curve curve : t.curves()) {
      c.addSeries(curve.label(), curve.x(), curve.y()).setMarker(SeriesMarkers.NONE);
    }
    figure(h, "training", List.of(c), esc(t.what()));
  }

  /** A duration as people say it: 1 s, 17 min, 2.8 h, 12 d, 3.2 y. */
  static String humanTime(double seconds) {
    double[] unit = {1, 60, 3600, 86400, 365.25 * 86400};
    String[] name = {"s", "min", "h", "d", "y"};
    int k = 0;
    while (k + 1 < unit.length && seconds >= unit[k + 1]) {
      k++;
    }
    return Plots.number(Double.parseDouble(String.format(Locale.ROOT, "%.2g", seconds / unit[k]))) + " " + name[k];
  }

  private static String shortName(String estimator) {
    return estimator.replace(" Estimate", "").replace("Prediction", "Pred.");
  }

  private static String shortLayer(String name, int i) {
    return name.replace("blk.", "").replace(".weight", "");
  }

  private static void figure(StringBuilder h, String id, List<? extends Chart<?, ?>> charts, String caption) throws IOException {
    String svg = Plots.svg(charts);
    int width = charts.stream().mapToInt(Chart::getWidth).sum();
    int height = charts.stream().mapToInt(Chart::getHeight).max().orElse(1);
    h.append("<figure id=\"fig-").append(id).append("\"><img class=\"plot\" alt=\"").append(esc(caption))
        .append("\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" src=\"data:image/svg+xml;base64,")
        .append(Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)))
        .append("\"><figcaption class=\"note\">").append(esc(caption)).append("</figcaption></figure>\n");
  }

  private static String row(String k, String v) {
    return "<tr><th>" + esc(k) + "</th><td>" + esc(v) + "</td></tr>";
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
