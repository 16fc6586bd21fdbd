package org.ferrogen.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ferrogen} command. Each area of the toolkit contributes its subcommands here; library
 * modules never print, so every line a user sees comes from this module.
 */
@Command(
    name = "ferrogen",
    mixinStandardHelpOptions = true,
    versionProvider = FerroGen.Version.class,
    description = "Simulate a ferroelectric memory chip that samples and computes, and test what it claims.",
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      org.ferrogen.cli.randomness.Sp80022Command.class,
      org.ferrogen.cli.cim.CimCommand.class,
      org.ferrogen.cli.device.DeviceCommand.class,
      org.ferrogen.cli.genai.GenerateCommand.class,
      org.ferrogen.cli.genai.PerplexityCommand.class,
      org.ferrogen.cli.genai.GgufCommand.class,
      org.ferrogen.cli.genai.NoiseSamplingCommand.class,
      org.ferrogen.cli.genai.TrainLmCommand.class,
      org.ferrogen.cli.learn.TrainCommand.class,
      org.ferrogen.cli.trng.TrngCommand.class,
      org.ferrogen.cli.trng.PufCommand.class,
      org.ferrogen.cli.randomness.Sp80090bCommand.class,
    })
public final class FerroGen implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (0 success, 1 failure, 2 usage error). */
  public static int execute(String... args) {
    return newCommandLine().execute(args);
  }

  static CommandLine newCommandLine() {
    CommandLine cli = new CommandLine(new FerroGen());
    cli.setExecutionExceptionHandler(new UserErrors());
    cli.setParameterExceptionHandler(new UserErrors());
    return cli;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = FerroGen.class.getPackage().getImplementationVersion();
      return new String[] {"ferrogen " + (v == null ? "development build" : v)};
    }
  }
}
