package org.ferrogen.cli.cim;

import java.util.List;
import java.util.SplittableRandom;
import org.ferrogen.cim.AnalogMatrix;
import org.ferrogen.cli.Plots;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** Chip against exact product: the scatter and the error histogram of `cim mvm` and the report. */
public final class MvmPlots {
  private MvmPlots() {}

  /** Chip and exact outputs of {@code vectors} fresh standard-normal inputs through a programmed matrix. */
  public record Pairs(double[] exact, double[] chip) {}

  /** Runs {@code vectors} products on {@code matrix} (already programmed with {@code weights}). */
  public static Pairs sample(AnalogMatrix matrix, float[] weights, int vectors, long seed) {
    int rows = matrix.rows();
    int cols = matrix.cols();
    SplittableRandom rng = new SplittableRandom(seed);
    float[] xs = new float[vectors * cols];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = (float) rng.nextGaussian();
    }
    float[] ys = new float[vectors * rows];
    matrix.multiplyBatch(xs, ys, vectors);
    double[] exact = new double[vectors * rows];
    double[] chip = new double[vectors * rows];
    for (int b = 0; b < vectors; b++) {
      for (int r = 0; r < rows; r++) {
        double e = 0;
        for (int c = 0; c < cols; c++) {
          e += (double) weights[r * cols + c] * xs[b * cols + c];
        }
        exact[b * rows + r] = e;
        chip[b * rows + r] = ys[b * rows + r];
      }
    }
    return new Pairs(exact, chip);
  }

  /** Scatter of chip against exact outputs with the identity line. */
  public static XYChart scatter(Pairs p, String what) {
    XYChart c = Plots.xy("Chip vs exact product, " + what, "exact output", null, "chip output", null);
    c.addSeries(p.exact().length + " outputs", p.exact(), p.chip()).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    double lo = Math.min(min(p.exact()), min(p.chip()));
    double hi = Math.max(max(p.exact()), max(p.chip()));
    c.addSeries("chip = exact", new double[] {lo, hi}, new double[] {lo, hi})
        .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line).setMarker(new org.knowm.xchart.style.markers.None());
    c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    return c;
  }

  /** Histogram of chip − exact in 30 bins. */
  public static CategoryChart errorHistogram(Pairs p, String what) {
    double[] err = new double[p.exact().length];
    for (int i = 0; i < err.length; i++) {
      err[i] = p.chip()[i] - p.exact()[i];
    }
    double lo = min(err);
    double hi = max(err);
    int bins = 30;
    double width = (hi - lo) / bins == 0 ? 1 : (hi - lo) / bins;
    int[] counts = new int[bins];
    for (double e : err) {
      counts[Math.min(bins - 1, (int) ((e - lo) / width))]++;
    }
    List<String> labels = new java.util.ArrayList<>();
    List<Integer> values = new java.util.ArrayList<>();
    for (int i = 0; i < bins; i++) {
      // Label every fifth bin only, so the labels stay apart.
      labels.add(i % 5 == 0 ? Plots.number(lo + (i + 0.5) * width) : " ".repeat(i + 1));
      values.add(counts[i]);
    }
    CategoryChart c = Plots.bars("Error of the chip, " + what, "chip − exact (bin centre)", "outputs");
    c.addSeries(err.length + " outputs", labels, values);
    c.getStyler().setAvailableSpaceFill(0.95);
    c.getStyler().setXAxisLabelRotation(0);
    return c;
  }

  private static double min(double[] a) {
    return java.util.Arrays.stream(a).min().orElse(0);
  }

  private static double max(double[] a) {
    return java.util.Arrays.stream(a).max().orElse(1);
  }
}
