package org.ferrogen.cli.trng;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
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
    description = "SP 800-90B non-IID min-entropy, bias, rate and energy of a design's raw source versus temperature, device size or age.")
public final class TrngSweepCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Option(names = "--over", required = true, paramLabel = "temperature|size|age", description = "Swept quantity.")
  String over;

  @Option(names = "--points", split = ",", paramLabel = "V,V,...", description = "Values (°C, nm or cycles); default a standard set.")
  double[] points;

  @Option(names = "--samples", defaultValue = "200000", paramLabel = "N", description = "Raw samples per point (default ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    TrngSweep.Axis axis;
    try {
      axis = TrngSweep.Axis.parse(over);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--over must be temperature, size or age, got '" + over + "'");
    }
    List<TrngSweep.Point> rows = TrngSweep.run(source.design(), source.conditions(), axis,
        points == null ? axis.defaultPoints() : points, samples, source.noise());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
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
}
