package org.ferrogen.cli.device;

import org.ferrogen.cli.Plots;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.ferrogen.device.AnalogCell.ProgramResult;
import org.ferrogen.device.fecap.FeCap;
import org.ferrogen.device.fecap.ReadResult;
import org.ferrogen.device.fefet.FeFetCell;
import org.ferrogen.device.memristor.MemristorCell;
import org.ferrogen.device.params.DeviceParams;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Read and write energy breakdown. */
@Command(name = "energy", mixinStandardHelpOptions = true,
    footer = {"%nExample:%n  ferrogen device energy --device-params cea-leti-2025 --out-dir plots/"},
    description = "FeCAP read/write energy breakdown (and FeFET / memristor programming energy); CSV + PNG.")
final class EnergyCommand implements Callable<Integer> {
  @Mixin DeviceOptions options;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Plots.headless();
    DeviceParams p = options.load();
    SplittableRandom rng = options.rng();
    StringBuilder csv = new StringBuilder("device,operation,component,joules\n");
    List<Chart<?, ?>> charts = new ArrayList<>();

    FeCap cap = new FeCap(p, rng);
    cap.addCycles(LoopCommand.woken(p));
    double write1 = cap.write(true);
    ReadResult one = cap.read();
    double write0 = cap.write(false);
    ReadResult zero = cap.read();
    List<String> ops = List.of("write 1", "write 0", "read 1", "read 0");
    double[][] parts = { // fJ: [component][operation]
      {write1 * 1e15, write0 * 1e15, 0, 0},
      {0, 0, (one.energy().plateDrive() - one.energy().switching()) * 1e15,
          (zero.energy().plateDrive() - zero.energy().switching()) * 1e15},
      {0, 0, one.energy().switching() * 1e15, zero.energy().switching() * 1e15},
      {0, 0, one.energy().senseAmplifier() * 1e15, zero.energy().senseAmplifier() * 1e15},
      {0, 0, one.energy().writeBack() * 1e15, zero.energy().writeBack() * 1e15},
    };
    String[] names = {"write pulse", "plate drive (dielectric)", "polarization switching", "sense amplifier", "write-back"};
    CategoryChart bars = Plots.bars(String.format("%s FeCAP energy, bit line %s, read at %s", p.name(),
        Plots.withPrefix(p.fecap().bitLineCapacitanceF(), "F"), Plots.withPrefix(p.fecap().readVoltageV(), "V")),
        "operation", "energy (fJ)");
    bars.getStyler().setStacked(true);
    for (int c = 0; c < names.length; c++) {
      bars.addSeries(names[c], ops, toList(parts[c]));
      for (int o = 0; o < ops.size(); o++) {
        if (parts[c][o] != 0) {
          csv.append(String.format("fecap,%s,%s,%.5g%n", ops.get(o), names[c], parts[c][o] * 1e-15));
        }
      }
    }
    charts.add(bars);
    String extra = "";

    if (p.fefet() != null) {
      FeFetCell cell = FeFetCell.multiLevel(p);
      int levels = cell.levels();
      List<String> labels = new ArrayList<>();
      List<Double> energy = new ArrayList<>();
      double spacing = (cell.maxConductance() - cell.minConductance()) / (levels - 1);
      for (int k = 0; k < levels; k += 3) {
        double target = cell.levelConductance(k);
        double sum = 0;
        int n = 200;
        for (int i = 0; i < n; i++) {
          ProgramResult r = cell.program(target, 0.2 * spacing / target, 60, rng);
          sum += r.energyJoules();
        }
        labels.add(Integer.toString(k));
        energy.add(sum / n * 1e15);
        csv.append(String.format("fefet,program level %d,program-and-verify,%.5g%n", k, sum / n));
      }
      CategoryChart fe = Plots.bars(p.name() + ": FeFET program-and-verify energy", "level", "energy (fJ)");
      fe.addSeries("mean over 200 cells", labels, energy);
      charts.add(fe);
      extra = String.format(", FeFET program %.0f..%.0f fJ", energy.get(0), energy.get(energy.size() - 1));
    }
    if (p.memristor() != null) {
      MemristorCell cell = new MemristorCell(p);
      List<String> labels = new ArrayList<>();
      List<Double> energy = new ArrayList<>();
      for (int k = 0; k < cell.levels(); k++) {
        ProgramResult r = cell.program(cell.levelConductance(k), Double.MAX_VALUE, 2, rng);
        labels.add(String.format("%.0f", cell.levelConductance(k) * 1e6));
        energy.add(r.energyJoules() * 1e12);
        csv.append(String.format("memristor,program %.1f uS,reset+set+read,%.5g%n", cell.levelConductance(k) * 1e6, r.energyJoules()));
      }
      CategoryChart m = Plots.bars(p.name() + ": memristor RESET + SET energy", "level (µS)", "energy (pJ)");
      m.addSeries("one RESET + SET", labels, energy);
      charts.add(m);
      extra += String.format(", memristor RESET+SET %.0f..%.0f pJ", energy.get(0), energy.get(energy.size() - 1));
    }
    Path csvFile = options.file(p, "energy.csv");
    Path png = options.file(p, "energy.png");
    Plots.csv(csvFile, csv);
    Plots.write(png, charts);
    options.report(String.format(
        "%s: FeCAP sense window %.0f mV, switching energy %.0f fJ, read-1 total %.0f fJ, write-1 %.0f fJ%s%nwrote %s, %s (and .svg)",
        p.name(), (one.bitLineVolts() - zero.bitLineVolts()) * 1e3, one.energy().switching() * 1e15,
        one.energy().total() * 1e15, write1 * 1e15, extra, csvFile, png),
        java.util.Map.of("sense_window_v", one.bitLineVolts() - zero.bitLineVolts(),
            "switching_energy_j", one.energy().switching(), "read_1_energy_j", one.energy().total(),
            "write_1_energy_j", write1),
        csvFile, png, svg(png));
    return 0;
  }

  private static List<Double> toList(double[] values) {
    List<Double> out = new ArrayList<>();
    for (double v : values) {
      out.add(v);
    }
    return out;
  }

  private static Path svg(Path png) {
    return png.resolveSibling(png.getFileName().toString().replaceFirst("\\.png$", ".svg"));
  }
}
