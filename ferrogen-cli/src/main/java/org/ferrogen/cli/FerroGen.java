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
    footer = {"%nExit codes: 0 ran and passed, 1 ran and a statistical criterion failed, 2 bad input or usage.",
        "%nExample:%n  ferrogen demo"},
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      org.ferrogen.cli.report.ReportCommand.class,
      org.ferrogen.cli.randomness.Sp80022Command.class,
      org.ferrogen.cli.cim.CimCommand.class,
      org.ferrogen.cli.chip.ChipCommand.class,
      org.ferrogen.cli.device.DeviceCommand.class,
      org.ferrogen.cli.genai.GenerateCommand.class,
      org.ferrogen.cli.genai.PerplexityCommand.class,
      org.ferrogen.cli.genai.GgufCommand.class,
      org.ferrogen.cli.genai.TokenizeCommand.class,
      org.ferrogen.cli.genai.NoiseSamplingCommand.class,
      org.ferrogen.cli.genai.TrainLmCommand.class,
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

  /** Runs the command line and returns the exit code ({@link ExitCode}). */
  public static int execute(String... args) {
    return newCommandLine().execute(args);
  }

  static CommandLine newCommandLine() {
    CommandLine cli = new CommandLine(new FerroGen());
    cli.setExecutionExceptionHandler(new UserErrors());
    cli.setParameterExceptionHandler(new UserErrors());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws java.io.IOException {
      java.util.Properties p = new java.util.Properties();
      try (java.io.InputStream in = FerroGen.class.getResourceAsStream("/ferrogen-version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      String version = p.getProperty("version", "development build");
      String commit = p.getProperty("commit", "");
      return new String[] {"ferrogen " + version + (commit.isBlank() || commit.startsWith("$") ? "" : " (git " + commit + ")"),
          "Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
    }
  }
}
