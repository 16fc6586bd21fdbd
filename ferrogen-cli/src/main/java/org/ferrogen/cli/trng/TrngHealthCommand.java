package org.ferrogen.cli.trng;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.ferrogen.randomness.health.HealthTestConfig;
import org.ferrogen.trng.EntropySource;
import org.ferrogen.trng.IdealBinarySource;
import org.ferrogen.trng.NoiseSeed;
import org.ferrogen.trng.design.TrngDesign;
import org.ferrogen.trng.fault.AlarmDelayModel;
import org.ferrogen.trng.fault.HealthAlarmCounter;
import picocli.CommandLine.Command;
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
    description = "Measure the health tests' false-alarm rate on a healthy source against the rate alpha implies.")
public final class TrngHealthCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--source", paramLabel = "ideal|cell|pair|ring", defaultValue = "ideal",
      description = "Healthy source: ideal (fair coin, claimed 1 bit; default) or a design at its claimed entropy.")
  String sourceName;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "1e9",
      description = "Samples to check (default ${DEFAULT-VALUE}).")
  double samples;

  @Option(names = "--alpha", paramLabel = "A", defaultValue = "9.5367431640625E-7",
      description = "False-positive probability per test (default 2^-20).")
  double alpha;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the simulated source (default: host SecureRandom).")
  Long seed;

  @Override
  public Integer call() {
    var noise = seed == null ? NoiseSeed.fromHost() : NoiseSeed.fromSeed(seed);
    EntropySource source = "ideal".equalsIgnoreCase(sourceName)
        ? IdealBinarySource.fair(noise)
        : TrngDesign.byName(sourceName).create(TrngDesign.byName(sourceName).nominalConditions(), noise);
    HealthTestConfig config = new HealthTestConfig(1, source.info().claimedMinEntropyPerSample(), alpha, 1024);
    long n = (long) samples;
    if (n < 1) {
      throw new IllegalArgumentException("--samples must be >= 1, got " + samples);
    }
    long start = System.nanoTime();
    HealthAlarmCounter.Counts counts = HealthAlarmCounter.run(source, config, n);
    double seconds = (System.nanoTime() - start) / 1e9;
    AlarmDelayModel model = new AlarmDelayModel(
        config.repetitionCountCutoff(), config.window(), config.adaptiveProportionCutoff());
    PrintWriter out = spec.commandLine().getOut();
    out.printf("source %s, claimed %.3f bits/sample, alpha %.3g: RCT cutoff %d, APT cutoff %d of %d%n",
        sourceName, config.claimedEntropy(), alpha, config.repetitionCountCutoff(),
        config.adaptiveProportionCutoff(), config.window());
    out.printf("samples %d in %.1f s (%.1f M samples/s)%n", n, seconds, n / seconds / 1e6);
    double rctExpected = n / model.rctExpectedDelay(0.5, 0.5);
    double aptExpected = (double) n / config.window() * model.aptWindowAlarmProbability(0.5);
    out.printf("RCT alarms %d (ideal-source prediction %.1f, alpha x samples %.1f)%n",
        counts.repetitionCount(), rctExpected, alpha * n);
    out.printf("APT alarms %d (ideal-source prediction %.1f, alpha x windows %.1f)%n",
        counts.adaptiveProportion(), aptExpected, alpha * n / config.window());
    out.flush();
    return 0;
  }
}
