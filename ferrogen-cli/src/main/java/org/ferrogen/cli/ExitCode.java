package org.ferrogen.cli;

/**
 * The exit codes of every {@code ferrogen} command, in one place (documented in docs/cli.md):
 * {@link #OK} when the command ran and every statistical criterion it checks passed (or it checks
 * none), {@link #CRITERION_FAILED} only when it ran and a statistical criterion failed, and {@link
 * #BAD_INPUT} for bad input or usage (a missing file, a value out of range, an unknown option).
 */
public final class ExitCode {
  /** Ran; passed (or nothing to pass). */
  public static final int OK = 0;
  /** Ran; a statistical criterion failed (an SP 800-22 line, a health-test alarm, ...). */
  public static final int CRITERION_FAILED = 1;
  /** Bad input or usage; nothing (or nothing trustworthy) was computed. */
  public static final int BAD_INPUT = 2;

  private ExitCode() {}

  /** {@link #OK} when {@code passed}, else {@link #CRITERION_FAILED}. */
  public static int of(boolean passed) {
    return passed ? OK : CRITERION_FAILED;
  }
}
