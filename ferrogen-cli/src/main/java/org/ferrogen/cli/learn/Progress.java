package org.ferrogen.cli.learn;

import java.io.PrintStream;
import java.util.Locale;
import org.ferrogen.learn.onchip.EpochResult;
import org.ferrogen.learn.onchip.TrainingListener;

/**
 * One status line on stderr, rewritten in place: samples done, samples/s, running accuracy, ETA.
 * Quiet when stderr is not a terminal or with --quiet. (To be replaced by the CLI's shared
 * progress-bar helper once it lands.)
 */
final class Progress implements TrainingListener {
  private final PrintStream err;
  private final boolean live;
  private final String label;
  private final long start = System.nanoTime();

  Progress(PrintStream err, boolean quiet, String label) {
    this.err = err;
    this.live = !quiet && System.console() != null;
    this.label = label;
  }

  @Override
  public void progress(long done, long total, double runningAccuracy) {
    if (!live) {
      return;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double rate = done / Math.max(seconds, 1e-9);
    double eta = (total - done) / Math.max(rate, 1e-9);
    int width = 30;
    int filled = (int) (width * done / Math.max(1, total));
    err.printf(Locale.ROOT, "\r%s [%s%s] %d/%d  %.0f samples/s  acc %.1f %%  ETA %s ", label,
        "=".repeat(filled), " ".repeat(width - filled), done, total, rate, 100 * runningAccuracy, clock(eta));
    err.flush();
  }

  @Override
  public void epoch(EpochResult r) {
    if (live) {
      err.printf(Locale.ROOT, "\r%s epoch %d: train %.2f %%, test %.2f %% (%.0f s)%s%n", label, r.epoch(),
          100 * r.trainAccuracy(), 100 * r.testAccuracy(), r.seconds(), " ".repeat(40));
    }
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }
}
