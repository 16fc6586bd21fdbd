package org.ferrogen.cli.chip;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ferrogen chip}: the chip as one object — specs, programming, non-volatile state, ageing. */
@Command(footer = {"%nExample:%n  ferrogen chip show edge"},
    name = "chip",
    mixinStandardHelpOptions = true,
    description = "The whole chip: presets and specs, programming a model into a saved state, ageing it, retention.",
    subcommands = {
      ChipPresetsCommand.class,
      ChipShowCommand.class,
      ChipProgramCommand.class,
      ChipAgeCommand.class,
      ChipRetentionCommand.class
    })
public final class ChipCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
