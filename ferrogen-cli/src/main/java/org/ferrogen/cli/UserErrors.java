package org.ferrogen.cli;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Turns every failure into one line naming the problem and exit code 2 (ExitCode.BAD_INPUT), never a stack
 * trace. Set the environment variable {@code FERROGEN_DEBUG=1} to see the trace as well.
 */
public final class UserErrors
    implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
    cmd.getErr().println(cmd.getCommandName() + ": " + describe(ex));
    if (System.getenv("FERROGEN_DEBUG") != null) {
      ex.printStackTrace(cmd.getErr());
    }
    cmd.getErr().flush();
    // Every exception is the input's or the environment's fault as far as the user can act on it;
    // exit code 1 is reserved for a statistical criterion that failed (ExitCode).
    return ExitCode.BAD_INPUT;
  }

  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    cmd.getErr().println(cmd.getCommandName() + ": " + ex.getMessage());
    cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
    cmd.getErr().flush();
    return ExitCode.BAD_INPUT;
  }

  /** A one-line description of a failure that names the file or value at fault. */
  static String describe(Throwable ex) {
    Throwable t = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
    if (t instanceof NoSuchFileException || t instanceof FileNotFoundException) {
      return "no such file: " + t.getMessage();
    }
    if (t instanceof AccessDeniedException) {
      return "permission denied: " + t.getMessage();
    }
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      message = t.getClass().getSimpleName();
    }
    return message.replace('\n', ' ');
  }
}
