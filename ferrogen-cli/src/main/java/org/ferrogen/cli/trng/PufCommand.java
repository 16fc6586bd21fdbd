package org.ferrogen.cli.trng;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ferrogen puf}: the FeFET physical unclonable function. */
@Command(
    name = "puf",
    mixinStandardHelpOptions = true,
    footer = {"%nExample:%n  ferrogen puf assess --chips 100"},
    description = "FeFET PUF (2FeFET-1C cells, device-to-device threshold variation).",
    subcommands = {PufAssessCommand.class})
public final class PufCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
