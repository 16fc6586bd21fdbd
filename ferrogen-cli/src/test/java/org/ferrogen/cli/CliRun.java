package org.ferrogen.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One in-process run of the {@code ferrogen} command line as the CLI tests see it: its exit code and
 * everything it wrote to standard output and standard error.
 */
public record CliRun(int exit, String out, String err) {

  /** Runs {@code ferrogen args...} on a fresh command line. */
  public static CliRun run(String... args) {
    CommandLine cli = FerroGen.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }
}
