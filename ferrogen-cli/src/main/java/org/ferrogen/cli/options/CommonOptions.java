package org.ferrogen.cli.options;

import java.io.PrintWriter;
import org.ferrogen.cli.Json;
import org.ferrogen.cli.ProgressBars;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --json} and {@code --quiet}, which every command has: {@code @Mixin CommonOptions common;}.
 * JSON goes through the one mapper ({@link Json}); progress bars through {@link ProgressBars}.
 */
public final class CommonOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--json", description = "Print one JSON document (snake_case keys, units in key names, NaN/∞ as null) instead of text.")
  boolean json;

  @Option(names = {"-q", "--quiet"}, description = "No progress bars (they are also off when stderr is not a terminal).")
  boolean quiet;

  public boolean json() {
    return json;
  }

  public boolean quiet() {
    return quiet;
  }

  /** The command's standard output. */
  public PrintWriter out() {
    return command.commandLine().getOut();
  }

  /** The command's standard error, for warnings that belong next to text output. */
  public PrintWriter err() {
    return command.commandLine().getErr();
  }

  /** Prints {@code value} through the one mapper. */
  public void printJson(Object value) {
    Json.print(out(), value);
  }

  /** A progress bar named {@code task} over {@code total} units, silent under --quiet or without a terminal. */
  public ProgressBars.Progress progress(String task, long total, String unit) {
    return ProgressBars.start(task, total, unit, quiet);
  }

  /** As {@link #progress(String, long, String)}, silent also when {@code silent}. */
  public ProgressBars.Progress progress(String task, long total, String unit, boolean silent) {
    return ProgressBars.start(task, total, unit, quiet || silent);
  }
}
