package org.ferrogen.sweep.cli;

import org.ferrogen.cli.ExitCode;
import org.ferrogen.cli.UserErrors;
import org.ferrogen.sweep.spec.SweepSpecException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ferrogen sweep}: design-space sweeps on Apache Spark. A separate entry point from the
 * {@code ferrogen} jar so that Spark stays out of the main build: the launcher builds this module
 * on first use of {@code ferrogen sweep} and runs it here; {@code spark-submit --class
 * org.ferrogen.sweep.cli.SweepMain} runs the same commands on a cluster.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = "Design-space sweeps of FerroGen workloads on Apache Spark (local[*] embedded, or a cluster).",
    subcommands = {CommandLine.HelpCommand.class, SweepRunCommand.class, SweepValidateCommand.class,
        SweepReportCommand.class})
public final class SweepMain implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (0 ok, 2 bad input, 1 other failures). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new SweepMain());
    UserErrors oneLine = new UserErrors();
    cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      if (ex instanceof SweepSpecException) {
        // A spec's problems, one per line, each with its path.
        cmd.getErr().println(cmd.getCommandName() + ": " + ex.getMessage());
        cmd.getErr().flush();
        return ExitCode.BAD_INPUT;
      }
      return oneLine.handleExecutionException(ex, cmd, parsed);
    });
    cli.setParameterExceptionHandler(new UserErrors());
    return cli.execute(args);
  }
}
