package org.ferrogen.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars on stderr for jobs that can run longer than ~2 s, with rate and ETA
 * (me.tongfei:progressbar).
 *
 * <p><b>The library side.</b> Library code never prints; a long computation takes a {@link
 * LongConsumer} and calls it with the number of work units it has just finished (an increment,
 * not a running total; safe to call from several threads). Passing {@link #NONE} (or {@code n ->
 * {}}) switches reporting off. The caller knows what a unit is and how many there are (samples,
 * streams × tests, tokens) and opens the bar with that total.
 *
 * <p><b>The command side.</b> {@code try (Progress p = common.progress("SP 800-22", total, "test")) {
 * run(..., p); }}. The bar is drawn only when stderr is a terminal and {@code --quiet} is not
 * given; otherwise {@link Progress} is a no-op costing one virtual call per update.
 *
 * <p>Terminal detection: the {@code ./ferrogen} launcher pipes the JVM's stderr through a filter,
 * so it exports {@code FERROGEN_STDERR_TTY=1} when its own stderr is a terminal; bars are then
 * drawn on {@code /dev/tty} directly (a line-buffering filter would hold back the carriage-return
 * updates). Run as {@code java -jar}, the JVM looks at its own stderr.
 */
public final class ProgressBars {

  /** Reports nothing. */
  public static final LongConsumer NONE = n -> {};

  private static final Progress QUIET = new Progress() {
    @Override
    public void accept(long n) {}

    @Override
    public void close() {}
  };

  private ProgressBars() {}

  /** A running bar: feed it increments; close it when the job ends (the bar then stays at its final state). */
  public interface Progress extends LongConsumer, AutoCloseable {
    /** Changes the total when it becomes known only after the start. */
    default void total(long total) {}

    /** Text shown after the bar (e.g. a running accuracy). */
    default void message(String text) {}

    @Override
    void close();
  }

  /**
   * Opens a bar named {@code task} over {@code total} units (a negative total draws an
   * indeterminate bar), or a silent one when {@code quiet} or stderr is not a terminal.
   */
  public static Progress start(String task, long total, String unit, boolean quiet) {
    PrintStream stream = quiet ? null : terminal();
    if (stream == null) {
      return QUIET;
    }
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total)
        .setUnit(" " + unit, 1)
        .showSpeed()
        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
        .setUpdateIntervalMillis(200)
        .setMaxRenderedLength(100)
        .setConsumer(new ConsoleProgressBarConsumer(stream))
        .continuousUpdate()
        .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
        .build();
    return new Progress() {
      @Override
      public void accept(long n) {
        bar.stepBy(n);
      }

      @Override
      public void total(long t) {
        bar.maxHint(t);
      }

      @Override
      public void message(String text) {
        bar.setExtraMessage(text);
      }

      @Override
      public void close() {
        bar.close();
      }
    };
  }

  /** The stream bars go to when stderr is a terminal, or null. */
  private static PrintStream terminal() {
    String fromLauncher = System.getenv("FERROGEN_STDERR_TTY");
    if (fromLauncher != null) {
      if (!"1".equals(fromLauncher)) {
        return null;
      }
      try {
        return new PrintStream(new FileOutputStream("/dev/tty"), true, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return null;
      }
    }
    return Terminals.isTerminal(2) ? System.err : null;
  }
}
