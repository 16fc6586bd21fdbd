package org.ferrogen.sweep.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ferrogen.cli.ExitCode;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.sweep.spec.GridAxis;
import org.ferrogen.sweep.spec.SweepSpec;
import org.ferrogen.sweep.spec.SweepSpecReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ferrogen sweep validate SPEC}: checks a spec and lists its axes and point count, runs nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check a sweep spec (every problem with its field path) and show its axes and number of points.")
public final class SweepValidateCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "SPEC.yaml", description = "Sweep spec.")
  Path specFile;

  @Override
  public Integer call() throws Exception {
    SweepSpec spec = new SweepSpecReader().read(specFile);
    if (common.json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("name", spec.name());
      doc.put("workload", spec.workload().name());
      doc.put("axes", spec.grid());
      doc.put("repeats", spec.repeats());
      doc.put("points", spec.pointCount());
      doc.put("metrics", spec.metrics());
      common.printJson(doc);
    } else {
      common.out().printf("sweep %s: workload %s, %d point(s) (%d repeat(s) each)%n", spec.name(),
          spec.workload().name(), spec.pointCount(), spec.repeats());
      for (GridAxis a : spec.grid()) {
        common.out().printf("  %-40s %d value(s): %s%n", a.path(), a.values().size(), abbreviate(a));
      }
      common.out().println("  metrics: " + String.join(", ", spec.metrics()));
    }
    return ExitCode.OK;
  }

  private static String abbreviate(GridAxis a) {
    var v = a.values();
    if (v.size() <= 8) {
      return v.toString();
    }
    return "[" + v.get(0) + ", " + v.get(1) + ", ..., " + v.get(v.size() - 1) + "]";
  }
}
