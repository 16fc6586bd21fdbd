package org.ferrogen.cli.device;

import org.ferrogen.cli.Plots;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.switching.DomainEnsemble;
import org.ferrogen.device.switching.SwitchingCurve;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Switching probability versus pulse amplitude and width for several device sizes. */
@Command(name = "switching", mixinStandardHelpOptions = true,
    footer = {"%nExample:%n  ferrogen device switching --device-params deng-2020-mfm --out-dir plots/ --seed 1"},
    description = "Switching probability vs pulse amplitude and width for devices of 1..1000 domains; CSV + PNG.")
public final class SwitchingCommand implements Callable<Integer> {
  public static final int[] SIZES = {1, 10, 100, 1000};
  static final int DEVICES = 50;
  static final int POINTS = 60;

  @Mixin DeviceOptions options;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Plots.headless();
    DeviceParams p = options.load();
    double t = p.film().thicknessM();
    double width = p.fefet() != null ? p.fefet().programPulseS() : p.fecap().readPulseS();
    double vMax = 4e8 * t;
    double vFixed = 2.5e8 * t; // 2.5 MV/cm for the width sweep
    SplittableRandom rng = options.rng();
    StringBuilder csv = new StringBuilder("sweep,domains,x,mean_switched_fraction,majority_probability,spread_over_devices\n");
    XYChart amp = Plots.xy(p.name() + ": switching probability, " + Plots.withPrefix(width, "s") + " pulses",
        "pulse amplitude", "V", "P(majority of domains switched)", null);
    XYChart wid = Plots.xy(p.name() + ": switching probability at " + Plots.withPrefix(vFixed, "V"),
        "pulse width", "s", "P(majority of domains switched)", null);
    amp.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    wid.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    wid.getStyler().setXAxisLogarithmic(true);
    for (int n : SIZES) {
      double[][] a = average(p, n, rng, true, width, vMax, vFixed);
      double[][] w = average(p, n, rng, false, width, vMax, vFixed);
      amp.addSeries("N = " + n + " domains", a[0], a[2]).setMarker(SeriesMarkers.NONE);
      wid.addSeries("N = " + n + " domains", w[0], w[2]).setMarker(SeriesMarkers.NONE);
      for (int j = 0; j < POINTS; j++) {
        csv.append(String.format("amplitude,%d,%.5g,%.5g,%.5g,%.5g%n", n, a[0][j], a[1][j], a[2][j], a[3][j]));
      }
      for (int j = 0; j < POINTS; j++) {
        csv.append(String.format("width,%d,%.5g,%.5g,%.5g,%.5g%n", n, w[0][j], w[1][j], w[2][j], w[3][j]));
      }
    }
    Path csvFile = options.file(p, "switching.csv");
    Path png = options.file(p, "switching.png");
    Plots.csv(csvFile, csv);
    Plots.write(png, List.of(amp, wid));
    options.report(String.format("wrote %s, %s (and .svg)", csvFile, png), java.util.Map.of(), csvFile, png, svg(png));
    return 0;
  }

  /**
   * Mean over {@link #DEVICES} sampled devices of N domains: [x, mean fraction, majority probability,
   * device-to-device standard deviation of the majority probability].
   */
  public static double[][] average(
      DeviceParams p, int n, SplittableRandom rng, boolean overAmplitude, double width,
      double vMax, double vFixed) {
    double t = p.film().thicknessM();
    double[][] out = new double[4][POINTS];
    double[] sq = new double[POINTS];
    for (int d = 0; d < DEVICES; d++) {
      DomainEnsemble device = DomainEnsemble.sample(p.kinetics(), n, rng);
      SwitchingCurve c = overAmplitude
          ? SwitchingCurve.overAmplitude(device, t, width, 300, 0.05 * vMax, vMax, POINTS)
          : SwitchingCurve.overWidth(device, t, vFixed, 300, 1e-10, 1e-2, POINTS);
      for (int j = 0; j < POINTS; j++) {
        out[0][j] = c.gridValue(j);
        out[1][j] += c.meanFraction(j) / DEVICES;
        out[2][j] += c.majorityProbability(j) / DEVICES;
        sq[j] += c.majorityProbability(j) * c.majorityProbability(j) / DEVICES;
      }
    }
    for (int j = 0; j < POINTS; j++) {
      out[3][j] = Math.sqrt(Math.max(0, sq[j] - out[2][j] * out[2][j]));
    }
    return out;
  }

  private static Path svg(Path png) {
    return png.resolveSibling(png.getFileName().toString().replaceFirst("\\.png$", ".svg"));
  }
}
