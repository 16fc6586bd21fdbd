package org.ferrogen.cli.trng;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ferrogen.cli.AtomicOutput;
import org.ferrogen.trng.EntropySource;
import org.ferrogen.trng.fault.Fault;
import org.ferrogen.trng.fault.FaultInjectingSource;
import org.ferrogen.trng.pipeline.EntropySourceFailure;
import org.ferrogen.trng.pipeline.PipelineStatus;
import org.ferrogen.cli.ProgressBars;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.randomness.drbg.DrbgMechanism;
import org.ferrogen.trng.pipeline.EntropyPipeline;
import org.ferrogen.trng.pipeline.PipelineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ferrogen trng}: random bytes from a simulated ferroelectric TRNG, conditioned (health
 * tests, SHA-256, SP 800-90A DRBG) or raw.
 */
@Command(
    name = "trng",
    mixinStandardHelpOptions = true,
    description = {
      "Generate random bytes from a simulated ferroelectric TRNG: raw samples -> SP 800-90B health tests"
          + " -> SHA-256 conditioning -> SP 800-90A DRBG. A health-test alarm stops the output.",
      "SIMULATION: the physics is driven by a pseudo-random generator; this is not certified entropy."
    },
    footer = {"%nExample:%n  ferrogen trng --trng-design pair --bytes 1000000 -o pair.bin%n"
        + "  ferrogen trng | dieharder -a -g 200"},
    subcommands = {TrngAssessCommand.class, TrngHealthCommand.class, TrngHammerCommand.class, TrngSweepCommand.class})
public final class TrngCommand implements Callable<Integer> {

  @Mixin SourceOptions source;

  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Mixin HealthPolicyOptions health;

  /** Faults a user can inject into the raw samples to watch the health tests react. */
  enum FaultKind {
    stuck, bias, correlation, lane_stuck, drift;

    @Override
    public String toString() {
      return name().replace('_', '-');
    }
  }

  @Option(names = "--fault", paramLabel = "KIND", converter = FaultKindConverter.class,
      description = "Inject a fault into the raw samples: stuck (all samples 1), bias (P(forced 1) = strength, default 0.3),"
          + " correlation (repeat the previous sample with probability strength, default 0.5), lane-stuck (cell 0 of the"
          + " source's cells stuck at 1), drift (forced-1 probability grows by strength per sample, default 1e-5).")
  FaultKind fault;

  @Option(names = "--fault-onset", paramLabel = "SAMPLES", defaultValue = "1e4",
      description = "Raw sample at which the fault starts (default ${DEFAULT-VALUE}).")
  double faultOnset;

  @Option(names = "--fault-strength", paramLabel = "X", description = "Strength of the fault (see --fault).")
  Double faultStrength;

  @Option(names = "--prediction-resistance", description = "Reseed the DRBG from fresh raw samples before every request (SP 800-90A).")
  boolean predictionResistance;

  @Option(names = "--health-sampling", paramLabel = "SAMPLES_PER_BYTE", defaultValue = "0",
      description = "Continuous health sampling: fresh raw samples tested (and mixed in) per output byte; bounds the output"
          + " between a fault's onset and its alarm (default ${DEFAULT-VALUE} = only at reseeds).")
  double healthSampling;

  static final class FaultKindConverter implements picocli.CommandLine.ITypeConverter<FaultKind> {
    @Override
    public FaultKind convert(String value) {
      for (FaultKind k : FaultKind.values()) {
        if (k.toString().equalsIgnoreCase(value)) {
          return k;
        }
      }
      throw new picocli.CommandLine.TypeConversionException("unknown fault '" + value
          + "'; known: stuck, bias, correlation, lane-stuck, drift");
    }
  }


  @Option(names = "--bytes", paramLabel = "N",
      description = "Bytes to write (default: 1048576 to a file; unlimited to a pipe, for dieharder -g 200).")
  Long bytes;

  @Option(names = "--raw", description = "Write raw samples (one bit per sample, packed MSB first; read them with"
      + " `sp800-90b --format packed-msb -k 1` or `sp800-22 --format msb`), health-tested but not conditioned.")
  boolean raw;

  @Option(names = "--drbg", paramLabel = "NAME", defaultValue = "CTR_DRBG/AES-256",
      description = "SP 800-90A mechanism: HMAC_DRBG/SHA-256, HMAC_DRBG/SHA-512, Hash_DRBG/SHA-256, CTR_DRBG/AES-256 (default).")
  String drbg;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE|-", defaultValue = "-",
      description = "Output file, or - for stdout (default; refused when stdout is a terminal).")
  String output;

  /** Whether stdout is a terminal; a test replaces it. */
  static java.util.function.BooleanSupplier stdoutTerminal = () -> org.ferrogen.cli.Terminals.isTerminal(1);

  @Override
  public Integer call() throws IOException {
    if (bytes != null && bytes < 0) {
      throw new IllegalArgumentException("--bytes must be >= 0, got " + bytes);
    }
    boolean toStdout = "-".equals(output);
    if (toStdout && stdoutTerminal.getAsBoolean()) {
      throw new IllegalArgumentException("refusing to write binary random bytes to a terminal;"
          + " pipe them (ferrogen trng | dieharder -a -g 200) or write a file with -o FILE");
    }
    PipelineConfig config = health.apply(PipelineConfig.defaults().withDrbg(DrbgMechanism.byName(drbg)))
        .withPredictionResistance(predictionResistance)
        .withHealthSamplesPerOutputByte(healthSampling);
    EntropySource rawSource = source.createStream();
    FaultInjectingSource injected = fault == null ? null : inject(rawSource);
    try (EntropyPipeline pipeline = new EntropyPipeline(injected == null ? rawSource : injected, config)) {
      try {
        if (toStdout) {
          OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
          try {
            write(pipeline, out, bytes == null ? Long.MAX_VALUE : bytes, ProgressBars.NONE, injected);
            out.flush();
          } catch (IOException e) {
            // A closed pipe (dieharder or head finished reading) ends an unlimited stream normally.
            if (bytes != null) {
              throw e;
            }
          }
        } else {
          long n = bytes == null ? 1L << 20 : bytes;
          try (ProgressBars.Progress p = common.progress("trng", n, "B")) {
            AtomicOutput.write(Path.of(output), out -> write(pipeline, out, n, p, injected));
          }
          if (common.json()) {
            common.printJson(new Written(output, n, source.design().cliName(), raw, raw ? "raw" : drbg));
          }
        }
      } catch (EntropySourceFailure e) {
        if (injected != null) {
          reportDetection(pipeline, injected);
        }
        // A health-test alarm is a failed statistical criterion (exit 1), not bad input.
        spec.commandLine().getErr().println("trng: " + e.getMessage());
        return org.ferrogen.cli.ExitCode.CRITERION_FAILED;
      } finally {
        if (injected != null) {
          PipelineStatus st = pipeline.status();
          spec.commandLine().getErr().printf(
              "trng: alarms %d (stream RCT %d, APT %d; per-cell %d), intermittent %d, persistent %d, start-up tests %d%n",
              st.totalAlarms(), st.repetitionCountAlarms(), st.adaptiveProportionAlarms(), st.laneAlarms(),
              st.intermittentAlarms(), st.persistentFailures(), st.startupTests());
          spec.commandLine().getErr().flush();
        }
      }
    }
    return 0;
  }

  private FaultInjectingSource inject(EntropySource raw) {
    long onset = (long) faultOnset;
    if (!(faultOnset >= 0 && faultOnset < 9e18)) {
      throw new IllegalArgumentException("--fault-onset must be a sample index >= 0, got " + faultOnset);
    }
    Fault f = switch (fault) {
      case stuck -> new Fault.TotalFailure(onset, 1);
      case bias -> new Fault.Bias(onset, strength(0.3), 1);
      case correlation -> new Fault.CorrelatedOutput(onset, strength(0.5));
      case lane_stuck -> new Fault.StuckCell(onset, 0, Math.max(raw.lanes(), 1), 1);
      case drift -> new Fault.BiasDrift(onset, strength(1e-5), 1);
    };
    if (fault == FaultKind.lane_stuck && raw.lanes() == 1) {
      throw new IllegalArgumentException("--fault lane-stuck needs a design with several cells (cell); "
          + raw.info().design() + " is tested as one stream");
    }
    // The fault's own randomness (which samples a bias or correlation touches): a stream derived by
    // hashing from --seed, or a host seed like the physics.
    long faultSeed = source.seed.given().isPresent()
        ? org.ferrogen.device.seed.StreamSeeds.derive(source.seed.given().getAsLong(), FAULT_STREAM)
        : new java.security.SecureRandom().nextLong();
    return new FaultInjectingSource(raw, f, faultSeed);
  }

  /** Stream coordinate of the injected fault's randomness. */
  private static final long FAULT_STREAM = 0xFA_0017L;

  private double strength(double fallback) {
    return faultStrength == null ? fallback : faultStrength;
  }

  /** Detection latency in raw samples and output bytes after the onset, on stderr. */
  private void reportDetection(EntropyPipeline pipeline, FaultInjectingSource injected) {
    long onset = injected.fault().onsetSample();
    PipelineStatus st = pipeline.status();
    long latency = injected.position() - onset;
    long afterOnset = st.outputBytes() - outputAtOnset;
    spec.commandLine().getErr().printf(
        "trng: fault %s injected at raw sample %d; pipeline closed after %d raw samples past the onset"
            + " (to within one read), %d output bytes left after the onset%n",
        fault, onset, latency, Math.max(0, afterOnset));
  }

  private long outputAtOnset;

  /** The --json summary of a file written. */
  record Written(String file, long bytes, String trngDesign, boolean raw, String output) {}

  private void write(EntropyPipeline pipeline, OutputStream out, long total, java.util.function.LongConsumer progress,
      FaultInjectingSource injected) throws IOException {
    // With a fault, small requests make the output-after-onset count fine-grained.
    byte[] buffer = new byte[injected == null ? 1 << 16 : 256];
    byte[] samples = raw ? new byte[buffer.length * 8] : null;
    long done = 0;
    while (done < total) {
      int n = (int) Math.min(buffer.length, total - done);
      if (raw) {
        pipeline.rawSamples(samples, 0, n * 8);
        packMsbFirst(samples, buffer, n);
      } else {
        pipeline.nextBytes(buffer, 0, n);
      }
      out.write(buffer, 0, n);
      done += n;
      progress.accept(n);
      if (injected != null && injected.position() <= injected.fault().onsetSample()) {
        outputAtOnset = pipeline.status().outputBytes();
      }
    }
  }

  /** Packs 8·n one-bit samples into n bytes, most significant bit first. */
  static void packMsbFirst(byte[] samples, byte[] out, int n) {
    for (int i = 0; i < n; i++) {
      int b = 0;
      for (int k = 0; k < 8; k++) {
        b = (b << 1) | (samples[8 * i + k] & 1);
      }
      out[i] = (byte) b;
    }
  }
}
