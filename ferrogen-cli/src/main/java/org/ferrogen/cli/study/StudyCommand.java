package org.ferrogen.cli.study;

import picocli.CommandLine.Command;

/** {@code ferrogen study}: experiments that span several parts of the chip. */
@Command(name = "study", mixinStandardHelpOptions = true, subcommands = RandomnessStudyCommand.class,
    description = {"Studies across the chip's workloads.", "Example: ferrogen study randomness --quick --out-dir study"})
public final class StudyCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a study: randomness");
  }
}
