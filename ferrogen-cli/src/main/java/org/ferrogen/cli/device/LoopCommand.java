package org.ferrogen.cli.device;

import org.ferrogen.cli.Plots;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ferrogen.device.fecap.FeCap;
import org.ferrogen.device.fecap.Loop;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.switching.CoerciveField;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** P–V hysteresis loop with minor loops. */
@Command(name = "loop", mixinStandardHelpOptions = true,
    footer = {"%nExample:%n  ferrogen device loop --device-params deng-2020-mfm --out-dir plots/"},
    description = "P-V hysteresis loop (1 kHz triangle) with minor loops; CSV + PNG.")
final class LoopCommand implements Callable<Integer> {
  static final double FREQUENCY_HZ = 1e3;
  static final int STEPS = 400;
  /** A loop from fewer domains would be dominated by single-domain steps. */
  static final int SMOOTH_DOMAINS = 2000;

  @Mixin DeviceOptions options;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Plots.headless();
    DeviceParams p = options.load();
    double t = p.film().thicknessM();
    int own = p.film().domainCount();
    DeviceParams smooth =
        own >= SMOOTH_DOMAINS ? p : p.withArea(SMOOTH_DOMAINS * p.film().domainAreaM2());
    double major = 4e8 * t; // 4 MV/cm saturates every built-in set at 1 kHz
    double ec = CoerciveField.predict(p.kinetics(), major / t, FREQUENCY_HZ, 300);
    double[] amplitudes = {major, 1.3 * ec * t, 1.12 * ec * t, 1.0 * ec * t};
    FeCap cap = new FeCap(smooth, options.rng());
    cap.addCycles(woken(p));
    List<Loop> loops = cap.loops(amplitudes, FREQUENCY_HZ, 2, STEPS);

    StringBuilder csv = new StringBuilder("series,amplitude_V,volts,polarization_uC_per_cm2,charge_uC_per_cm2\n");
    XYChart chart = Plots.xy(p.name() + ": polarization loops at 1 kHz (N = " + smooth.film().domainCount() + " domains)",
        "voltage", "V", "displacement D = ε₀εᵣE + P (µC/cm²)", null);
    chart.getStyler().setMarkerSize(0);
    for (int i = 0; i < loops.size(); i++) {
      String name = (i == 0 ? "major " : "minor ") + String.format("%.2f V", amplitudes[i]);
      add(chart, csv, name, amplitudes[i], loops.get(i));
    }
    if (own < 200) {
      // The device at its own size: few domains switch in visible single-domain steps.
      FeCap small = new FeCap(p, options.rng());
      small.addCycles(woken(p));
      Loop l = small.loops(new double[] {major}, FREQUENCY_HZ, 2, STEPS).get(0);
      add(chart, csv, "own size, N = " + own, major, l);
    }
    Path csvFile = options.file(p, "loop.csv");
    Path png = options.file(p, "loop.png");
    Plots.csv(csvFile, csv);
    Plots.write(png, List.of(chart));
    Loop m = loops.get(0);
    options.report(String.format(
        "%s: Pr+ %.2f uC/cm2, Pr- %.2f uC/cm2 (set: %.2f), Ec+ %.3f MV/cm, Ec- %.3f MV/cm (kinetics predict %.3f)%n"
            + "wrote %s, %s (and .svg)",
        p.name(), m.remanentPositive() * 100, m.remanentNegative() * 100,
        p.film().remanentPolarizationCPerM2() * 100, m.coerciveVoltagePositive() / t / 1e8,
        m.coerciveVoltageNegative() / t / 1e8, ec / 1e8, csvFile, png),
        java.util.Map.of("remanent_positive_uc_per_cm2", m.remanentPositive() * 100,
            "remanent_negative_uc_per_cm2", m.remanentNegative() * 100,
            "coercive_field_positive_mv_per_cm", m.coerciveVoltagePositive() / t / 1e8,
            "coercive_field_negative_mv_per_cm", m.coerciveVoltageNegative() / t / 1e8),
        csvFile, png, svg(png));
    return 0;
  }

  static long woken(DeviceParams p) {
    return 20 * (long) Math.max(1, p.ageing().wakeUpCycles());
  }

  private static void add(XYChart chart, StringBuilder csv, String name, double amplitude, Loop loop) {
    int n = loop.volts().length;
    double[] v = new double[n + 1];
    double[] pol = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      v[i] = loop.volts()[i % n];
      pol[i] = loop.chargeDensity()[i % n] * 100; // measured loops include the dielectric charge
    }
    chart.addSeries(name, v, pol).setMarker(SeriesMarkers.NONE);
    for (int i = 0; i < n; i++) {
      csv.append(String.format("%s,%.4g,%.5g,%.5g,%.5g%n", name, amplitude, loop.volts()[i],
          loop.polarization()[i] * 100, loop.chargeDensity()[i] * 100));
    }
  }

  private static Path svg(Path png) {
    return png.resolveSibling(png.getFileName().toString().replaceFirst("\\.png$", ".svg"));
  }
}
