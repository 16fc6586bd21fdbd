package org.ferrogen.cli.trng;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ferrogen.trng.pipeline.EntropyPipeline;
import org.ferrogen.trng.pipeline.EntropySourceFailure;
import org.ferrogen.trng.pipeline.PipelineConfig;
import org.ferrogen.trng.pipeline.PipelineStatus;
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

  @Option(names = "--pipeline", description = "Soak: feed the samples through the entropy pipeline (stream and per-cell"
      + " tests, alarm policy) and count intermittent alarms, persistent failures and delivered samples.")
  boolean pipeline;

  @Override
  public Integer call() throws Exception {
    var noise = NoiseSeed.fromSeed(seed.value());
    TrngDesign d = design.value();
    String sourceName = ideal ? "ideal" : d.cliName();
    EntropySource source = ideal ? IdealBinarySource.fair(noise) : d.create(d.nominalConditions(), noise);
    HealthTestConfig config = new HealthTestConfig(1, source.info().claimedMinEntropyPerSample(), alpha, 1024);
    long n = (long) samples;
    if (n < 1) {
      throw new IllegalArgumentException("--samples must be >= 1, got " + samples);
    }
    if (pipeline) {
      return soak(source, n, sourceName);
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

  /**
   * The soak: n raw samples through {@link EntropyPipeline#rawSamples} at the given alpha; every
   * intermittent alarm reruns the start-up test and the run goes on. Exit 1 if the pipeline closed.
   */
  private int soak(EntropySource source, long n, String sourceName) throws Exception {
    PipelineConfig config = PipelineConfig.defaults().withAlpha(alpha);
    PrintWriter out = spec.commandLine().getOut();
    long start = System.nanoTime();
    long delivered = 0;
    boolean closed = false;
    String closedBy = null;
    try (EntropyPipeline p = new EntropyPipeline(source, config)) {
      byte[] buf = new byte[1 << 20];
      long lastReport = start;
      try {
        while (delivered < n) {
          int len = (int) Math.min(buf.length, n - delivered);
          p.rawSamples(buf, 0, len);
          delivered += len;
          long now = System.nanoTime();
          if (!common.json() && now - lastReport > 60e9) {
            lastReport = now;
            spec.commandLine().getErr().printf("soak: %.3g samples, %d intermittent alarms, %.1f M samples/s%n",
                (double) delivered, p.status().intermittentAlarms(), delivered / ((now - start) / 1e3));
          }
        }
      } catch (EntropySourceFailure e) {
        closed = true;
        closedBy = e.getMessage();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      PipelineStatus st = p.status();
      boolean lanes = p.testedLanes() > 1;
      double[] rates = HealthPolicyOptions.predictedRates(source.info().claimedMinEntropyPerSample(), alpha, lanes);
      double drawn = st.rawSamples();
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("source", sourceName);
      r.put("alpha", alpha);
      r.put("claimed_entropy", source.info().claimedMinEntropyPerSample());
      r.put("tested_cells", p.testedLanes());
      r.put("samples_requested", n);
      r.put("samples_delivered", delivered);
      r.put("raw_samples_drawn", st.rawSamples());
      r.put("stream_rct_alarms", st.repetitionCountAlarms());
      r.put("stream_apt_alarms", st.adaptiveProportionAlarms());
      r.put("cell_alarms", st.laneAlarms());
      r.put("intermittent_alarms", st.intermittentAlarms());
      r.put("persistent_failures", st.persistentFailures());
      r.put("startup_tests", st.startupTests());
      r.put("predicted_alarms_fair_source", rates[1] * drawn);
      r.put("predicted_alarms_at_claim", rates[0] * drawn);
      r.put("modelled_raw_rate_bps", source.info().rawBitRate());
      r.put("modelled_seconds", drawn / source.info().sampleRateHz());
      r.put("wall_s", seconds);
      r.put("samples_per_s", drawn / seconds);
      r.put("closed", closed);
      r.put("closed_by", closedBy);
      if (common.json()) {
        common.printJson(r);
      } else {
        out.printf("soak: source %s, alpha 2^%.1f, %d tested cells, claimed %.2f bits/sample%n", sourceName,
            Math.log(alpha) / Math.log(2), p.testedLanes(), source.info().claimedMinEntropyPerSample());
        out.printf("  samples delivered %d of %d; raw samples drawn %d (%.3g s of the modelled chip at %.1f Mb/s)%n",
            delivered, n, st.rawSamples(), drawn / source.info().sampleRateHz(), source.info().rawBitRate() / 1e6);
        out.printf("  alarms: stream RCT %d, stream APT %d, per-cell %d; intermittent %d, persistent %d, start-up tests %d%n",
            st.repetitionCountAlarms(), st.adaptiveProportionAlarms(), st.laneAlarms(), st.intermittentAlarms(),
            st.persistentFailures(), st.startupTests());
        out.printf("  predicted alarms: %.1f for a fair source, %.1f for a source exactly at its claim%n",
            rates[1] * drawn, rates[0] * drawn);
        out.printf("  %.1f s wall, %.1f M samples/s%s%n", seconds, drawn / seconds / 1e6,
            closed ? "; pipeline CLOSED: " + closedBy : "; output continued to the end");
      }
      out.flush();
    }
    return closed ? 1 : 0;
  }
}
