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
        "%nExample:%n  ferrogen demo"})
public final class FerroGen implements Runnable {
  /**
   * Every subcommand. picocli reflects over a command class (its options, their types, converters and
   * mixins) when the command is added; building all of them made {@code --version} cost 0.51-0.56 s
   * of CPU on a cold JVM against 0.29-0.33 s without (2-core machine, docs/performance.md). A command
   * line names one, so only that one is built ({@link #newCommandLine(String...)}).
   */
  static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(
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
      org.ferrogen.cli.learn.TrainCommand.class,
      org.ferrogen.cli.trng.TrngCommand.class,
      org.ferrogen.cli.trng.PufCommand.class,
      org.ferrogen.cli.randomness.Sp80090bCommand.class,
      SweepCommand.class);

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
    return newCommandLine(args).execute(args);
  }

  /** The command line with every subcommand (usage, help, tests that walk all commands). */
  static CommandLine newCommandLine() {
    return build(SUBCOMMANDS);
  }

  /**
   * The command line for {@code args}: only the subcommand that {@code args[0]} names when it names
   * one (other than {@code help}), none for {@code --version}, otherwise all of them (top-level
   * usage, help, and picocli's suggestions for a mistyped name).
   */
  static CommandLine newCommandLine(String... args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      return build(java.util.List.of());
    }
    if (args.length > 0 && !args[0].equals("help")) {
      for (Class<?> c : SUBCOMMANDS) {
        Command command = c.getAnnotation(Command.class);
        if (command.name().equals(args[0]) || java.util.Arrays.asList(command.aliases()).contains(args[0])) {
          return build(java.util.List.of(c));
        }
      }
    }
    return build(SUBCOMMANDS);
  }

  private static CommandLine build(java.util.List<Class<?>> subcommands) {
    CommandLine cli = new CommandLine(new FerroGen());
    for (Class<?> c : subcommands) {
      cli.addSubcommand(c);
    }
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
