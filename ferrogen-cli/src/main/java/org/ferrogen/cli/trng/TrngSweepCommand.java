package org.ferrogen.cli.trng;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.ferrogen.cli.Plots;
import org.ferrogen.cli.ProgressBars;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.cli.options.OutDirOption;
import org.ferrogen.trng.assess.TrngSweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferrogen trng sweep}: raw min-entropy and bias versus temperature, device size or age. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = "SP 800-90B non-IID min-entropy, bias, rate and energy of a design's raw source versus temperature, device size or age.",
    footer = {"%nExample:%n  ferrogen trng sweep --over temperature --trng-design pair --out-dir sweep/"})
public final class TrngSweepCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Option(names = "--over", required = true, paramLabel = "QUANTITY",
      description = "Swept quantity: ${COMPLETION-CANDIDATES} (die temperature in °C, device side in nm, cycles).")
  TrngSweep.Axis over;

  @Option(names = "--points", split = ",", paramLabel = "V,V,...", description = "Values (°C, nm or cycles); default a standard set.")
  double[] points;

  @Option(names = "--samples", defaultValue = "200000", paramLabel = "N", description = "Raw samples per point (default ${DEFAULT-VALUE}).")
  int samples;

  @Mixin OutDirOption outDir;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    TrngSweep.Axis axis = over;
    double[] values = points == null ? axis.defaultPoints() : points;
    List<TrngSweep.Point> rows = new java.util.ArrayList<>();
    try (ProgressBars.Progress p = common.progress("trng sweep", values.length, "point")) {
      for (double v : values) {
        rows.addAll(TrngSweep.run(source.design(), source.conditions(), axis, new double[] {v}, samples, source.noise()));
        p.accept(1);
      }
    }
    if (outDir.value().isPresent()) {
      writePlots(outDir.create(null), axis, rows);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (common.json()) {
      common.printJson(TrngJson.sweep(axis, rows));
    } else {
      out.printf("design %s, %d raw samples per point, seed %s%n", source.design(), samples, source.seedDescription());
      out.printf("%14s %10s %12s %12s %14s%n", axis.toString().toLowerCase(java.util.Locale.ROOT), "ones", "H (90B)", "rate Mb/s", "fJ/raw bit");
      for (TrngSweep.Point p : rows) {
        out.printf("%14.4g %10.4f %12.4f %12.1f %14.2f%n", p.value(), p.onesFraction(), p.hAssessed(),
            p.rawBitRate() / 1e6, p.energyPerRawBit() * 1e15);
      }
    }
    out.flush();
    return 0;
  }

  private void writePlots(java.nio.file.Path dir, TrngSweep.Axis axis, List<TrngSweep.Point> rows) throws java.io.IOException {
    String x = switch (axis) {
      case TEMPERATURE -> "die temperature (°C)";
      case SIZE -> "device side";
      case AGE -> "age (cycles)";
    };
    String xUnit = axis == TrngSweep.Axis.SIZE ? "m" : null;
    double scale = axis == TrngSweep.Axis.SIZE ? 1e-9 : 1;
    double[] xs = rows.stream().mapToDouble(p -> p.value() * scale).toArray();
    String design = source.design().cliName();
    var entropy = Plots.xy("Min-entropy of the " + design + " design's raw bits", x, xUnit, "bits per raw bit", null);
    entropy.addSeries("SP 800-90B non-IID, " + samples + " samples/point", xs, rows.stream().mapToDouble(TrngSweep.Point::hAssessed).toArray());
    entropy.addSeries("fraction of ones", xs, rows.stream().mapToDouble(TrngSweep.Point::onesFraction).toArray());
    var energy = Plots.xy("Energy per raw bit, " + design + " design", x, xUnit, "energy per raw bit", "J");
    energy.addSeries("modelled circuit", xs, rows.stream().mapToDouble(TrngSweep.Point::energyPerRawBit).toArray());
    if (axis == TrngSweep.Axis.AGE) {
      entropy.getStyler().setXAxisLogarithmic(true);
      energy.getStyler().setXAxisLogarithmic(true);
    }
    Plots.write(dir.resolve("trng-sweep-" + design + "-" + axis.name().toLowerCase(java.util.Locale.ROOT)), List.of(entropy, energy));
  }
}
