package org.ferrogen.cli.cim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.ferrogen.cim.CimConfig;
import org.ferrogen.cim.MvmExperiment;
import org.ferrogen.cim.TiledAnalogMatrix;
import org.ferrogen.device.cost.CostCategory;
import org.ferrogen.device.cost.CostReport;
import picocli.CommandLine;
import org.ferrogen.cli.Json;
import org.ferrogen.cli.Plots;
import org.ferrogen.cli.options.ChipOption;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.cli.options.OutDirOption;
import org.ferrogen.cli.options.SeedOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ferrogen cim mvm}: accuracy and cost of analog MVMs on a random or given matrix. */
@Command(
    name = "mvm",
    mixinStandardHelpOptions = true,
    description =
        "Programs a matrix (random normal, or --matrix FILE) into crossbar tiles, runs random MVMs and"
            + " reports the error against the exact product, the energy/latency/area breakdown and TOPS/W.",
    footer = {"%nExample:%n  ferrogen cim mvm --rows 256 --cols 256 --chip my-chip.yaml --out-dir mvm/"})
public final class MvmCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--rows", description = "Outputs of the random matrix (rows of W).")
  Integer rows;

  @Option(names = "--cols", description = "Inputs of the random matrix (columns of W).")
  Integer cols;

  @Option(names = "--matrix", paramLabel = "FILE", description = "Weight matrix: .npy (float32/float64, 2-D) or CSV.")
  Path matrix;

  @Mixin ChipOption chip;

  @Option(names = "--trials", defaultValue = "100", description = "Random input vectors (default ${DEFAULT-VALUE}).")
  int trials;

  @Mixin SeedOption seedOption;

  @Mixin OutDirOption outDir;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    CimConfig cfg = chip.cimConfig();
    if (trials < 1) {
      throw new IllegalArgumentException("--trials must be at least 1, got " + trials);
    }
    float[] weights;
    int r;
    int c;
    if (matrix != null) {
      MatrixFiles.Matrix m = MatrixFiles.read(matrix);
      if ((rows != null && rows != m.rows()) || (cols != null && cols != m.cols())) {
        throw new IllegalArgumentException(
            "--rows/--cols " + rows + "x" + cols + " disagree with " + matrix + " (" + m.rows() + "x" + m.cols() + ")");
      }
      r = m.rows();
      c = m.cols();
      weights = m.values();
    } else {
      if (rows == null || cols == null) {
        throw new IllegalArgumentException("give --rows and --cols, or --matrix FILE");
      }
      r = rows;
      c = cols;
      if (r < 1 || c < 1 || (long) r * c > 64L * 1024 * 1024) {
        throw new IllegalArgumentException("--rows " + r + " --cols " + c + ": each must be >= 1 and rows×cols <= 67108864");
      }
      weights = new float[r * c];
      SplittableRandom rng = new SplittableRandom(seedOption.derive("weights"));
      for (int i = 0; i < weights.length; i++) {
        weights[i] = (float) rng.nextGaussian();
      }
    }
    TiledAnalogMatrix analog = new TiledAnalogMatrix(cfg, r, c, seedOption.derive("chip"));
    MvmExperiment.Result res;
    try (var p = common.progress("cim mvm", -1, "")) {
      res = MvmExperiment.run(analog, weights, trials, seedOption.derive("inputs"));
    }
    if (outDir.value().isPresent()) {
      int vectors = Math.max(1, Math.min(trials, 2000 / r));
      MvmPlots.Pairs pairs = MvmPlots.sample(analog, weights, vectors, seedOption.derive("plot-inputs"));
      String what = r + "x" + c;
      Plots.write(outDir.create(null).resolve("cim-mvm-chip-vs-exact"),
          java.util.List.of(MvmPlots.scatter(pairs, what), MvmPlots.errorHistogram(pairs, what)));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (common.json()) {
      out.println(toJson(res, analog, seedOption.value()));
    } else {
      out.printf("seed %d%n", seedOption.value());
      printText(out, res, analog);
    }
    out.flush();
    return 0;
  }

  private static void printText(PrintWriter out, MvmExperiment.Result res, TiledAnalogMatrix m) {
    CostReport c = res.costPerMvm();
    out.printf("matrix %dx%d on %d tile(s) of %dx%d, cell %s (%d bits/cell x %d slice(s)), %d trial(s)%n",
        res.rows(), res.cols(), m.tileCount(), m.config().tile().rows(), m.config().tile().cols(),
        m.cell().name(), m.bitsPerCell(), m.config().mapping().slices(), res.trials());
    out.printf("relative L2 error  %.4g%n", res.relativeL2Error());
    out.printf("SNR per output     mean %.2f dB, median %.2f dB, min %.2f dB%n",
        res.meanSnrDb(), res.medianSnrDb(), res.minSnrDb());
    out.printf("energy per MVM     %.4g pJ%n", c.computeEnergyJoules() * 1e12);
    for (CostCategory cat : CostCategory.values()) {
      if (cat != CostCategory.PROGRAMMING) {
        double e = c.energy(cat);
        out.printf("  %-12s %12.4g pJ  %5.1f %%%n", cat.name().toLowerCase(java.util.Locale.ROOT), e * 1e12,
            100 * e / Math.max(c.computeEnergyJoules(), Double.MIN_NORMAL));
      }
    }
    out.printf("latency per MVM    %.4g ns%n", c.latencySeconds() * 1e9);
    out.printf("throughput         %.4g TOPS%n", c.tops());
    out.printf("efficiency         %.4g TOPS/W macro (converters, array, shift-add), %.4g TOPS/W system%n",
        c.macroTopsPerWatt(), c.topsPerWatt());
    out.printf("area               %.4g mm^2 (cells %.4g, ADCs %.4g, DACs %.4g)%n",
        res.area().totalSquareMillimetres(), res.area().cellsSquareMetres() * 1e6,
        res.area().adcsSquareMetres() * 1e6, res.area().dacsSquareMetres() * 1e6);
    out.printf("programming        %.4g nJ (once)%n", res.programmingEnergyJoules() * 1e9);
  }

  private static String toJson(MvmExperiment.Result res, TiledAnalogMatrix m, long seed) throws Exception {
    ObjectNode root = Json.object();
    root.put("seed", seed);
    root.put("rows", res.rows());
    root.put("cols", res.cols());
    root.put("tiles", m.tileCount());
    root.put("cell", m.cell().name());
    root.put("trials", res.trials());
    root.put("relativeL2Error", res.relativeL2Error());
    ObjectNode snr = root.putObject("snr_db");
    snr.put("mean", res.meanSnrDb());
    snr.put("median", res.medianSnrDb());
    snr.put("min", res.minSnrDb());
    ArrayNode per = snr.putArray("perOutput");
    for (double v : res.snrDb()) {
      per.add(v);
    }
    CostReport c = res.costPerMvm();
    ObjectNode energy = root.putObject("energy_per_mvm_j");
    for (CostCategory cat : CostCategory.values()) {
      if (cat != CostCategory.PROGRAMMING) {
        energy.put(cat.name().toLowerCase(java.util.Locale.ROOT), c.energy(cat));
      }
    }
    energy.put("total", c.computeEnergyJoules());
    root.put("latency_per_mvm_s", c.latencySeconds());
    root.put("tops", c.tops());
    root.put("topsPerWatt", c.topsPerWatt());
    root.put("macroTopsPerWatt", c.macroTopsPerWatt());
    ObjectNode area = root.putObject("area_mm2");
    area.put("cells", res.area().cellsSquareMetres() * 1e6);
    area.put("adcs", res.area().adcsSquareMetres() * 1e6);
    area.put("dacs", res.area().dacsSquareMetres() * 1e6);
    area.put("total", res.area().totalSquareMillimetres());
    root.put("programming_energy_j", res.programmingEnergyJoules());
    root.set("config", Json.MAPPER.valueToTree(m.config()));
    return Json.write(root);
  }
}
