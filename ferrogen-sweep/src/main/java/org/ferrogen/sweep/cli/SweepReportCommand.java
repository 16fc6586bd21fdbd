package org.ferrogen.sweep.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ferrogen.cli.ExitCode;
import org.ferrogen.cli.options.CommonOptions;
import picocli.CommandLine.Command;
import org.ferrogen.sweep.report.SweepReport;
import org.ferrogen.sweep.report.SweepTable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ferrogen sweep report DIR}. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Heatmaps of two-parameter slices, Pareto fronts and a summary table of a sweep's output folder.")
public final class SweepReportCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "DIR", description = "Output folder of `sweep run`.")
  Path dir;

  @Option(names = "--report-dir", paramLabel = "PLOTS", description = "Where the plots and tables go (default: DIR/report).")
  Path reportDir;

  @Override
  public Integer call() throws Exception {
    SweepTable table = SweepTable.read(dir);
    Path out = reportDir != null ? reportDir : dir.resolve("report");
    SweepReport.Written w = SweepReport.write(table, out);
    if (common.json()) {
      common.printJson(java.util.Map.of("files", w.files().stream().map(Path::toString).toList(),
          "points", table.rows().size(), "ok", table.okRows().size()));
    } else {
      common.out().print(w.summaryMarkdown());
      common.out().printf("%nwrote %d files to %s%n", w.files().size(), out);
    }
    return ExitCode.OK;
  }
}
