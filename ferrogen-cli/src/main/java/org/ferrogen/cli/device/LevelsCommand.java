package org.ferrogen.cli.device;

import org.ferrogen.cli.Plots;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.ferrogen.device.AnalogCell.ProgramResult;
import org.ferrogen.device.fefet.FeFetCell;
import org.ferrogen.device.fefet.FeFetTransistor;
import org.ferrogen.device.memristor.MemristorCell;
import org.ferrogen.device.params.DeviceParams;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Programmed levels: FeFET I_D–V_GS family, or the memristor's conductance levels. */
@Command(name = "levels", mixinStandardHelpOptions = true,
    footer = {"%nExample:%n  ferrogen device levels --device-params deng-2020-fefet --out-dir plots/"},
    description = "FeFET I_D-V_GS family of programmed levels (or memristor levels); CSV + PNG.")
final class LevelsCommand implements Callable<Integer> {
  static final int CELLS = 200;

  @Mixin DeviceOptions options;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Plots.headless();
    DeviceParams p = options.load();
    if (p.fefet() != null) {
      return fefet(p);
    }
    if (p.memristor() != null) {
      return memristor(p);
    }
    throw new IllegalArgumentException(
        "parameter set '" + p.name() + "' has neither a fefet nor a memristor section: no levels to program");
  }

  private int fefet(DeviceParams p) throws Exception {
    FeFetCell cell = FeFetCell.multiLevel(p);
    FeFetTransistor transistor = new FeFetTransistor(p.fefet());
    SplittableRandom rng = options.rng();
    int levels = cell.levels();
    double spacing = (cell.maxConductance() - cell.minConductance()) / (levels - 1);
    StringBuilder iv = new StringBuilder("level,vgs_V,id_A\n");
    StringBuilder dist = new StringBuilder("level,target_S,programmed_S,read_S,pulses\n");
    XYChart family = Plots.xy(p.name() + ": drain current of " + levels + " levels at V_DS = "
        + Plots.withPrefix(p.fefet().readDrainV(), "V"), "gate voltage V_GS", "V", "drain current I_D", "A");
    family.getStyler().setYAxisLogarithmic(true).setYAxisMin(1e-13).setLegendVisible(false);
    XYChart spread = Plots.xy(String.format("Programmed conductance, %d cells per level", CELLS),
        "level", null, "read conductance (µS)", null);
    spread.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter)
        .setLegendVisible(false).setMarkerSize(3);
    int points = 121;
    double worst = Double.POSITIVE_INFINITY;
    double[] mean = new double[levels];
    double[] sigma = new double[levels];
    for (int k = 0; k < levels; k++) {
      double target = cell.levelConductance(k);
      double tol = 0.2 * spacing / target;
      double[] x = new double[CELLS];
      double[] y = new double[CELLS];
      for (int i = 0; i < CELLS; i++) {
        ProgramResult r = cell.program(target, tol, 60, rng);
        double read = r.conductance() + cell.readNoiseSigma(r.conductance()) * rng.nextGaussian();
        x[i] = k;
        y[i] = read * 1e6;
        mean[k] += read / CELLS;
        sigma[k] += read * read / CELLS;
        dist.append(String.format("%d,%.5g,%.5g,%.5g,%d%n", k, target, r.conductance(), read, r.pulses()));
        if (i == 0) {
          double vth = cell.thresholdForConductance(r.conductance());
          double[] vg = new double[points];
          double[] id = new double[points];
          for (int j = 0; j < points; j++) {
            vg[j] = 3.0 * j / (points - 1);
            id[j] = transistor.drainCurrent(vg[j], p.fefet().readDrainV(), vth, 300);
            iv.append(String.format("%d,%.4f,%.5g%n", k, vg[j], id[j]));
          }
          // Only the decades the plot shows: a log axis cannot draw the far subthreshold tail.
          int first = 0;
          while (first < points - 2 && id[first] < 1e-13) {
            first++;
          }
          family.addSeries("level " + k, java.util.Arrays.copyOfRange(vg, first, points),
              java.util.Arrays.copyOfRange(id, first, points)).setMarker(SeriesMarkers.NONE);
        }
      }
      spread.addSeries("level " + k, x, y);
      sigma[k] = Math.sqrt(Math.max(0, sigma[k] - mean[k] * mean[k]));
    }
    for (int k = 1; k < levels; k++) {
      worst = Math.min(worst, (mean[k] - mean[k - 1]) / Math.max(sigma[k], sigma[k - 1]));
    }
    Path ivFile = options.file(p, "levels-iv.csv");
    Path distFile = options.file(p, "levels.csv");
    Path png = options.file(p, "levels.png");
    Plots.csv(ivFile, iv);
    Plots.csv(distFile, dist);
    Plots.write(png, List.of(family, spread));
    options.report(String.format(
        "%s: %d levels, G %.3g..%.3g S (%.1fx), %d domains/cell, worst adjacent separation %.1f sigma%n"
            + "wrote %s, %s, %s (and .svg)",
        p.name(), levels, cell.minConductance(), cell.maxConductance(),
        cell.maxConductance() / cell.minConductance(), cell.domains(), worst, ivFile, distFile, png),
        java.util.Map.of("levels", levels, "min_conductance_s", cell.minConductance(),
            "max_conductance_s", cell.maxConductance(), "worst_adjacent_separation_sigma", worst),
        ivFile, distFile, png, svg(png));
    return 0;
  }

  private int memristor(DeviceParams p) throws Exception {
    MemristorCell cell = new MemristorCell(p);
    SplittableRandom rng = options.rng();
    StringBuilder dist = new StringBuilder("level,mean_S,programmed_S\n");
    XYChart hist = Plots.xy(p.name() + ": one-shot SET conductance, " + CELLS * 5 + " devices per level",
        "conductance (µS)", null, "devices", null);
    XYChart iv = Plots.xy("Read current of the level means", "read voltage", "V", "current (µA)", null);
    int bins = 70;
    double width = 2.0; // µS per histogram bin
    StringBuilder summary = new StringBuilder();
    for (int k = 0; k < cell.levels(); k++) {
      double[] count = new double[bins];
      double[] centre = new double[bins];
      for (int b = 0; b < bins; b++) {
        centre[b] = (b + 0.5) * width;
      }
      double s = 0;
      double s2 = 0;
      int n = CELLS * 5;
      for (int i = 0; i < n; i++) {
        double g = cell.program(cell.levelConductance(k), Double.MAX_VALUE, 2, rng).conductance();
        s += g;
        s2 += g * g;
        int b = (int) (g * 1e6 / width);
        if (b >= 0 && b < bins) {
          count[b]++;
        }
        dist.append(String.format("%d,%.5g,%.5g%n", k, cell.levelConductance(k), g));
      }
      double mean = s / n;
      summary.append(String.format(" %.1f+-%.1f", mean * 1e6, Math.sqrt(s2 / n - mean * mean) * 1e6));
      hist.addSeries(String.format("%.1f uS", cell.levelConductance(k) * 1e6), centre, count)
          .setMarker(SeriesMarkers.NONE);
      double[] v = {0, cell.readVoltage()};
      double[] i = {0, cell.levelConductance(k) * cell.readVoltage() * 1e6};
      iv.addSeries("level " + k, v, i).setMarker(SeriesMarkers.NONE);
    }
    Path distFile = options.file(p, "levels.csv");
    Path png = options.file(p, "levels.png");
    Plots.csv(distFile, dist);
    Plots.write(png, List.of(hist, iv));
    options.report(String.format(
        "%s memristor levels (uS, mean+-sigma):%s%nwrote %s, %s (and .svg)", p.name(), summary, distFile, png),
        java.util.Map.of(), distFile, png, svg(png));
    return 0;
  }

  private static Path svg(Path png) {
    return png.resolveSibling(png.getFileName().toString().replaceFirst("\\.png$", ".svg"));
  }
}
