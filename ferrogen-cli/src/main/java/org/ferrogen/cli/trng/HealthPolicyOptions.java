package org.ferrogen.cli.trng;

import org.ferrogen.randomness.health.HealthCutoffs;
import org.ferrogen.randomness.health.HealthTestConfig;
import org.ferrogen.trng.pipeline.EntropyPipeline;
import org.ferrogen.trng.pipeline.PipelineConfig;
import picocli.CommandLine.Option;

/** The health-test policy options of the {@code trng} commands. */
final class HealthPolicyOptions {

  @Option(names = "--alpha", paramLabel = "A", defaultValue = "2^-20",
      description = "False-positive probability of each health test, 2^-40..2^-20, as 2^-N or a number (default ${DEFAULT-VALUE}).")
  String alpha;

  @Option(names = "--no-cell-tests", description = "Run the health tests on the interleaved stream only, not per physical cell.")
  boolean noCellTests;

  double alpha() {
    String a = alpha.trim();
    double value;
    try {
      value = a.startsWith("2^") ? Math.pow(2, Double.parseDouble(a.substring(2))) : Double.parseDouble(a);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--alpha: expected 2^-N or a number, got '" + alpha + "'");
    }
    if (!(value >= PipelineConfig.MIN_ALPHA && value <= PipelineConfig.MAX_ALPHA)) {
      throw new IllegalArgumentException("--alpha must be between 2^-40 and 2^-20 (SP 800-90B 4.4), got " + alpha);
    }
    return value;
  }

  PipelineConfig apply(PipelineConfig config) {
    return config.withAlpha(alpha()).withLaneTests(!noCellTests);
  }

  /** False alarms per sample for a source at its claim, and for a fair source (true entropy 1). */
  static double[] predictedRates(double claimed, double alpha, boolean laneTests) {
    HealthTestConfig health = new HealthTestConfig(1, claimed, alpha, HealthTestConfig.DEFAULT_STARTUP_SAMPLES);
    double atClaim = EntropyPipeline.predictedFalseAlarmsPerSample(health, laneTests);
    double fair = HealthCutoffs.repetitionCountAlarmRate(1.0, health.repetitionCountCutoff())
        + HealthCutoffs.adaptiveProportionWindowAlarmProbability(health.window(), 1.0, health.adaptiveProportionCutoff())
            / health.window();
    return new double[] {atClaim, laneTests ? 2 * fair : fair};
  }

  /** "0.27 s", "3.1 h", "4.2e+03 years": a duration for people. */
  static String duration(double seconds) {
    if (seconds < 1e-3) {
      return String.format("%.3g µs", seconds * 1e6);
    }
    if (seconds < 1) {
      return String.format("%.3g ms", seconds * 1e3);
    }
    if (seconds < 3600) {
      return String.format("%.3g s", seconds);
    }
    if (seconds < 86400 * 365.25) {
      return String.format("%.3g h", seconds / 3600);
    }
    return String.format("%.3g years", seconds / (86400 * 365.25));
  }
}
