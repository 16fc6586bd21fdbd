package org.ferrogen.cli;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * Charts of the command line: one look (sizes, fonts, tick spacing), tick labels with SI prefixes
 * ({@link #si}: "75 ns" rather than "7.5E-8"), and every figure written both as PNG and as SVG
 * through {@link AtomicOutput}, headless.
 */
public final class Plots {
  /** Default chart size in pixels. */
  public static final int WIDTH = 640;
  public static final int HEIGHT = 420;

  private static final String[] PREFIXES = {"y", "z", "a", "f", "p", "n", "µ", "m", "", "k", "M", "G", "T", "P", "E"};

  private Plots() {}

  public static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  public static void csv(Path file, CharSequence text) throws IOException {
    AtomicOutput.write(file, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** An XY chart with the common look; {@code xUnit}/{@code yUnit} non-null give SI-prefixed ticks. */
  public static XYChart xy(String title, String xTitle, String xUnit, String yTitle, String yUnit) {
    headless();
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    style(chart.getStyler());
    if (xUnit != null) {
      chart.getStyler().setxAxisTickLabelsFormattingFunction(si(xUnit));
    } else {
      chart.getStyler().setxAxisTickLabelsFormattingFunction(Plots::number);
    }
    if (yUnit != null) {
      chart.getStyler().setyAxisTickLabelsFormattingFunction(si(yUnit));
    } else {
      chart.getStyler().setyAxisTickLabelsFormattingFunction(Plots::number);
    }
    chart.getStyler().setMarkerSize(4);
    return chart;
  }

  /** A bar chart with the common look. */
  public static CategoryChart bars(String title, String xTitle, String yTitle) {
    headless();
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    style(chart.getStyler());
    chart.getStyler().setyAxisTickLabelsFormattingFunction(Plots::number);
    return chart;
  }

  private static void style(AxesChartStyler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotGridLinesColor(new Color(225, 225, 225));
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    // Wide spacing keeps tick labels apart ("0.2 0.4", never "0.20.4").
    s.setXAxisTickMarkSpacingHint(90);
    s.setYAxisTickMarkSpacingHint(50);
    s.setLegendPosition(Styler.LegendPosition.InsideNE);
    s.setLegendBorderColor(new Color(200, 200, 200));
  }

  /** Tick labels as value and SI-prefixed unit: 7.5e-8 with "s" → "75 ns". */
  public static Function<Double, String> si(String unit) {
    return v -> withPrefix(v, unit);
  }

  /** {@code v} with an SI prefix on {@code unit}, three significant digits at most. */
  public static String withPrefix(double v, String unit) {
    if (v == 0 || !Double.isFinite(v)) {
      return number(v) + (unit.isEmpty() ? "" : " " + unit);
    }
    int exp3 = (int) Math.floor(Math.log10(Math.abs(v)) / 3);
    exp3 = Math.max(-8, Math.min(6, exp3));
    double scaled = v / Math.pow(1000, exp3);
    // Rounding can carry 999.7 to 1000: move up one prefix.
    if (Math.abs(Double.parseDouble(String.format(Locale.ROOT, "%.3g", scaled))) >= 1000 && exp3 < 6) {
      exp3++;
      scaled = v / Math.pow(1000, exp3);
    }
    String prefix = PREFIXES[exp3 + 8];
    return number(scaled) + " " + prefix + unit;
  }

  /** Compact number: three significant digits, no trailing zeros, plain notation for 1e-3..1e5. */
  public static String number(double v) {
    if (v == 0) {
      return "0";
    }
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    double a = Math.abs(v);
    String s;
    if (a >= 1e-3 && a < 1e5) {
      s = new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    } else {
      s = String.format(Locale.ROOT, "%.2e", v).replaceAll("\\.?0+e", "e").replace("e+0", "e").replace("e-0", "e-");
    }
    return s;
  }

  /** Charts side by side, written as FILE.png and FILE.svg ({@code file} without extension). */
  public static void write(Path file, List<? extends Chart<?, ?>> charts) throws IOException {
    String stem = file.getFileName().toString().replaceFirst("\\.(png|svg)$", "");
    Path dir = file.toAbsolutePath().getParent();
    png(dir.resolve(stem + ".png"), charts);
    String svg = svg(charts);
    AtomicOutput.writeString(dir.resolve(stem + ".svg"), svg);
  }

  /** Charts side by side in one PNG. */
  public static void png(Path file, List<? extends Chart<?, ?>> charts) throws IOException {
    headless();
    List<BufferedImage> images = charts.stream().map(BitmapEncoder::getBufferedImage).toList();
    int width = images.stream().mapToInt(BufferedImage::getWidth).sum();
    int height = images.stream().mapToInt(BufferedImage::getHeight).max().orElse(1);
    BufferedImage all = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = all.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    int x = 0;
    for (BufferedImage image : images) {
      g.drawImage(image, x, 0, null);
      x += image.getWidth();
    }
    g.dispose();
    AtomicOutput.write(file, out -> ImageIO.write(all, "png", out));
  }

  /** Charts side by side as one standalone SVG document (each chart a nested svg element). */
  public static String svg(List<? extends Chart<?, ?>> charts) throws IOException {
    headless();
    int width = charts.stream().mapToInt(Chart::getWidth).sum();
    int height = charts.stream().mapToInt(Chart::getHeight).max().orElse(1);
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">%n",
        width, height, width, height));
    int x = 0;
    for (Chart<?, ?> chart : charts) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      VectorGraphicsEncoder.saveVectorGraphic(chart, bytes, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
      String inner = bytes.toString(StandardCharsets.UTF_8)
          .replaceFirst("(?s)^<\\?xml[^>]*\\?>\\s*", "")
          .replaceFirst("(?s)^<!DOCTYPE[^>]*>\\s*", "");
      // The chart's own <svg> element already sets x and y (a second one would make the XML invalid):
      // move it into place with a group transform.
      b.append(String.format(Locale.ROOT, "<g transform=\"translate(%d,0)\">%n", x)).append(inner).append("</g>\n");
      x += chart.getWidth();
    }
    return b.append("</svg>\n").toString();
  }
}
