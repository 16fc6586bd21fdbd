package org.ferrogen.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ferrogen sweep}: listed here so that {@code ferrogen --help} shows it, but it runs on
 * Apache Spark from the ferrogen-sweep module, which the {@code ./ferrogen} launcher builds on first
 * use and starts instead of this jar. Reached only when this jar is run directly.
 */
@Command(footer = {"%nExample:%n  ferrogen sweep run docs/sweeps/trng-design-space.yaml --out-dir sweep-out"},
    name = "sweep", mixinStandardHelpOptions = true,
    description = {"Design-space sweeps on Apache Spark: sweep run SPEC --out-dir DIR [--master URL],"
        + " sweep report DIR, sweep validate SPEC (docs/sweeps.md). Runs through the ./ferrogen launcher."})
public final class SweepCommand implements Callable<Integer> {

  @Parameters(paramLabel = "ARGS", arity = "0..*", description = "Passed to the sweep module.")
  String[] args;

  @Override
  public Integer call() {
    throw new IllegalArgumentException("sweeps run on Apache Spark from a separate module: use the ./ferrogen launcher"
        + " (`./ferrogen sweep ...`), which builds it on first use, or spark-submit (docs/sweeps.md)");
  }
}
