package org.ferrogen.cli.cim;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ferrogen cim}: compute-in-memory experiments. */
@Command(
    name = "cim",
    mixinStandardHelpOptions = true,
    footer = {"%nExample:%n  ferrogen cim mvm --rows 256 --cols 256"},
    description = "Compute-in-memory: analog matrix-vector products on ferroelectric crossbar tiles.",
    subcommands = {MvmCommand.class})
public final class CimCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
