package org.ferrogen.cli.trng;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.ferrogen.cli.ProgressBars;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.cli.options.SeedOption;
import org.ferrogen.cli.options.TrngDesignOption;
import org.ferrogen.randomness.health.HealthTestConfig;
import org.ferrogen.trng.EntropySource;
import org.ferrogen.trng.IdealBinarySource;
import org.ferrogen.trng.NoiseSeed;
import org.ferrogen.trng.design.TrngDesign;
import org.ferrogen.trng.fault.AlarmDelayModel;
import org.ferrogen.trng.fault.HealthAlarmCounter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ferrogen trng health}: the false-alarm experiment. Runs the continuous health tests over
 * many samples of a healthy source (the ideal fair coin claiming 1 bit, or a design at its claim),
 * resetting after each alarm, and compares the alarm count with the rate the cutoffs imply.
 */
@Command(
    name = "health",
    mixinStandardHelpOptions = true,
    description = "Measure the health tests' false-alarm rate on a healthy source against the rate alpha implies.",
    footer = {"%nExample:%n  ferrogen trng health --ideal --samples 1e9%n  ferrogen trng health --trng-design pair --samples 1e7"})
public final class TrngHealthCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin TrngDesignOption design;

  @Option(names = "--ideal", description = "Test an ideal fair coin claiming 1 bit/sample instead of --trng-design at its claimed entropy.")
  boolean ideal;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "1e8",
      description = "Samples to check (default ${DEFAULT-VALUE}).")
  double samples;

  @Option(names = "--alpha", paramLabel = "A", defaultValue = "9.5367431640625E-7",
      description = "False-positive probability per test (default 2^-20).")
  double alpha;

  @Mixin SeedOption seed;

  @Mixin CommonOptions common;

  /** The --json document. */
  record Result(String source, long seed, double claimedEntropyBitsPerSample, double alpha, int rctCutoff,
      int aptCutoff, int aptWindow, long samples, double seconds, long rctAlarms, double rctExpected,
      long aptAlarms, double aptExpected) {}

  @Override
  public Integer call() {
    var noise = NoiseSeed.fromSeed(seed.value());
    TrngDesign d = design.value();
    String sourceName = ideal ? "ideal" : d.cliName();
    EntropySource source = ideal ? IdealBinarySource.fair(noise) : d.create(d.nominalConditions(), noise);
    HealthTestConfig config = new HealthTestConfig(1, source.info().claimedMinEntropyPerSample(), alpha, 1024);
    long n = (long) samples;
    if (n < 1) {
      throw new IllegalArgumentException("--samples must be >= 1, got " + samples);
    }
    long start = System.nanoTime();
    HealthAlarmCounter.Counts counts;
    try (ProgressBars.Progress p = common.progress("trng health", n, "sample")) {
      counts = HealthAlarmCounter.run(source, config, n, p);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    AlarmDelayModel model = new AlarmDelayModel(
        config.repetitionCountCutoff(), config.window(), config.adaptiveProportionCutoff());
    double rctExpected = n / model.rctExpectedDelay(0.5, 0.5);
    double aptExpected = (double) n / config.window() * model.aptWindowAlarmProbability(0.5);
    if (common.json()) {
      common.printJson(new Result(sourceName, seed.value(), config.claimedEntropy(), alpha,
          config.repetitionCountCutoff(), config.adaptiveProportionCutoff(), config.window(), n, seconds,
          counts.repetitionCount(), rctExpected, counts.adaptiveProportion(), aptExpected));
      return 0;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("source %s, claimed %.3f bits/sample, alpha %.3g: RCT cutoff %d, APT cutoff %d of %d%n",
        sourceName, config.claimedEntropy(), alpha, config.repetitionCountCutoff(),
        config.adaptiveProportionCutoff(), config.window());
    out.printf("samples %d in %.1f s (%.1f M samples/s), seed %d%n", n, seconds, n / seconds / 1e6, seed.value());
    out.printf("RCT alarms %d (ideal-source prediction %.1f, alpha x samples %.1f)%n",
        counts.repetitionCount(), rctExpected, alpha * n);
    out.printf("APT alarms %d (ideal-source prediction %.1f, alpha x windows %.1f)%n",
        counts.adaptiveProportion(), aptExpected, alpha * n / config.window());
    out.flush();
    return 0;
  }
}
