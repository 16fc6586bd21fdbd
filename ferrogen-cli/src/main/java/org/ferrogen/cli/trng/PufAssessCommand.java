package org.ferrogen.cli.trng;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ferrogen.cli.Plots;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.cli.options.OutDirOption;
import org.ferrogen.cli.options.SeedOption;
import org.ferrogen.trng.NoiseSeed;
import org.ferrogen.trng.puf.FefetPuf;
import org.ferrogen.trng.puf.PufAssessment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferrogen puf assess}: uniformity, uniqueness and reliability over many simulated chips. */
@Command(
    name = "assess",
    mixinStandardHelpOptions = true,
    description = "Uniformity, uniqueness and bit-error rate (vs temperature and read noise) of simulated"
        + " FeFET PUF chips, next to Li et al., Nat. Commun. 2025.",
    footer = {"%nExample:%n  ferrogen puf assess --chips 50 --out-dir puf/"})
public final class PufAssessCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--chips", paramLabel = "N", defaultValue = "100", description = "Simulated chips (default ${DEFAULT-VALUE}).")
  int chips;

  @Option(names = "--cells", paramLabel = "N", defaultValue = "4096", description = "2FeFET-1C cells per chip (default ${DEFAULT-VALUE}).")
  int cells;

  @Option(names = "--size", paramLabel = "NM", defaultValue = "100", description = "FeFET gate side in nm (default ${DEFAULT-VALUE}).")
  double sizeNm;

  @Mixin SeedOption seed;

  @Mixin OutDirOption outDir;

  @Mixin CommonOptions common;

  private static final double[] TEMPERATURES = {25, 85, 125};
  private static final double[] NOISE_SCALES = {1, 2, 4};

  @Override
  public Integer call() throws Exception {
    FefetPuf.Config base = FefetPuf.Config.defaults();
    FefetPuf puf = new FefetPuf(new FefetPuf.Config(base.parameterSet(), cells, sizeNm,
        base.meanVthPerKelvin(), base.vthPerKelvinSigma()));
    if (chips < 2 || cells < 1) {
      throw new IllegalArgumentException("need --chips >= 2 and --cells >= 1, got " + chips + " and " + cells);
    }
    PufAssessment.Result r;
    try (var p = common.progress("puf assess", -1, "")) {
      r = PufAssessment.run(puf, chips, TEMPERATURES, NOISE_SCALES, NoiseSeed.fromSeed(seed.value()));
    }
    if (outDir.value().isPresent()) {
      writePlot(outDir.create(null).resolve("puf-ber-vs-temperature"), r);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (common.json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("seed", seed.value());
      doc.put("result", r);
      doc.put("threshold_spread_v", puf.thresholdSpreadVolts());
      doc.put("read_noise_v", puf.readNoiseVolts());
      doc.put("reference", Map.of("source", "Li et al., Nat. Commun. 2025 (28 nm 2FeFET-1C)",
          "uniformity", PufAssessment.LI_2025_UNIFORMITY, "uniqueness", PufAssessment.LI_2025_UNIQUENESS,
          "bit_error_rate_85c", PufAssessment.LI_2025_BER_85C));
      common.printJson(doc);
    } else {
      out.printf("FeFET PUF: %d chips x %d 2FeFET-1C cells, %s at %.0f nm; Vth spread %.1f mV, read noise %.1f mV%n",
          r.chips(), r.cells(), base.parameterSet(), sizeNm, puf.thresholdSpreadVolts() * 1e3, puf.readNoiseVolts() * 1e3);
      out.printf("  %-28s %-22s %s%n", "figure", "this model", "Li et al. 2025");
      out.printf("  %-28s %6.2f %% (sd %.2f %%)    %.2f %%%n", "uniformity", 100 * r.uniformityMean(),
          100 * r.uniformitySd(), 100 * PufAssessment.LI_2025_UNIFORMITY);
      out.printf("  %-28s %6.2f %% (sd %.2f %%)    %.2f %%%n", "uniqueness (inter-chip HD)", 100 * r.uniquenessMean(),
          100 * r.uniquenessSd(), 100 * PufAssessment.LI_2025_UNIQUENESS);
      out.printf("  bit-error rate vs enrolment at 25 °C (single-read enrolment | %d-read majority, %.1f %% of cells masked)%n",
          PufAssessment.ENROLMENT_READS, 100 * r.maskedFraction());
      for (PufAssessment.ReliabilityPoint p : r.reliability()) {
        out.printf("    %5.0f °C, read noise x%.0f      %6.3f %% | %6.3f %%%s%n", p.celsius(), p.noiseScale(),
            100 * p.bitErrorRate(), 100 * p.maskedBitErrorRate(),
            p.celsius() == 85 && p.noiseScale() == 1 ? String.format("    (Li: %.1f %%)", 100 * PufAssessment.LI_2025_BER_85C) : "");
      }
    }
    out.flush();
    return 0;
  }

  /** Bit-error rate against temperature, one line per read-noise scale, with Li et al.'s 85 °C point. */
  static void writePlot(java.nio.file.Path file, PufAssessment.Result r) throws java.io.IOException {
    var chart = Plots.xy("PUF bit-error rate vs temperature", "temperature (°C)", null, "bit-error rate", null);
    for (double scale : NOISE_SCALES) {
      var pts = r.reliability().stream().filter(p -> p.noiseScale() == scale).toList();
      chart.addSeries(String.format("read noise x%.0f, %d chips", scale, r.chips()),
          pts.stream().mapToDouble(PufAssessment.ReliabilityPoint::celsius).toArray(),
          pts.stream().mapToDouble(PufAssessment.ReliabilityPoint::bitErrorRate).toArray());
    }
    chart.addSeries("Li et al. 2025, 85 °C", new double[] {85}, new double[] {PufAssessment.LI_2025_BER_85C})
        .setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    Plots.write(file, java.util.List.of(chart));
  }
}
