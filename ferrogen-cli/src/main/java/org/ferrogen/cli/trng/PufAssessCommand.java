package org.ferrogen.cli.trng;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ferrogen.trng.NoiseSeed;
import org.ferrogen.trng.puf.FefetPuf;
import org.ferrogen.trng.puf.PufAssessment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferrogen puf assess}: uniformity, uniqueness and reliability over many simulated chips. */
@Command(
    name = "assess",
    mixinStandardHelpOptions = true,
    description = "Uniformity, uniqueness and bit-error rate (vs temperature and read noise) of simulated"
        + " FeFET PUF chips, next to Li et al., Nat. Commun. 2025.")
public final class PufAssessCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--chips", paramLabel = "N", defaultValue = "100", description = "Simulated chips (default ${DEFAULT-VALUE}).")
  int chips;

  @Option(names = "--cells", paramLabel = "N", defaultValue = "4096", description = "2FeFET-1C cells per chip (default ${DEFAULT-VALUE}).")
  int cells;

  @Option(names = "--size", paramLabel = "NM", defaultValue = "100", description = "FeFET gate side in nm (default ${DEFAULT-VALUE}).")
  double sizeNm;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the fabrication and read noise (default: host SecureRandom).")
  Long seed;

  @Option(names = "--json", description = "Print one JSON document.")
  boolean json;

  private static final double[] TEMPERATURES = {25, 85, 125};
  private static final double[] NOISE_SCALES = {1, 2, 4};

  @Override
  public Integer call() throws Exception {
    FefetPuf.Config base = FefetPuf.Config.defaults();
    FefetPuf puf = new FefetPuf(new FefetPuf.Config(base.parameterSet(), cells, sizeNm,
        base.meanVthPerKelvin(), base.vthPerKelvinSigma()));
    PufAssessment.Result r = PufAssessment.run(puf, chips, TEMPERATURES, NOISE_SCALES,
        seed == null ? NoiseSeed.fromHost() : NoiseSeed.fromSeed(seed));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("result", r);
      doc.put("thresholdSpreadVolts", puf.thresholdSpreadVolts());
      doc.put("readNoiseVolts", puf.readNoiseVolts());
      doc.put("reference", Map.of("source", "Li et al., Nat. Commun. 2025 (28 nm 2FeFET-1C)",
          "uniformity", PufAssessment.LI_2025_UNIFORMITY, "uniqueness", PufAssessment.LI_2025_UNIQUENESS,
          "bitErrorRate85C", PufAssessment.LI_2025_BER_85C));
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
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
}
