package org.ferrogen.cli.trng;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ferrogen.cli.AtomicOutput;
import org.ferrogen.cli.ProgressBars;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.randomness.drbg.DrbgMechanism;
import org.ferrogen.trng.pipeline.EntropyPipeline;
import org.ferrogen.trng.pipeline.PipelineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

  @Mixin CommonOptions common;

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
    PipelineConfig config = PipelineConfig.defaults().withDrbg(DrbgMechanism.byName(drbg));
    try (EntropyPipeline pipeline = new EntropyPipeline(source.createStream(), config)) {
      if (toStdout) {
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        try {
          write(pipeline, out, bytes == null ? Long.MAX_VALUE : bytes, ProgressBars.NONE);
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
          AtomicOutput.write(Path.of(output), out -> write(pipeline, out, n, p));
        }
        if (common.json()) {
          common.printJson(new Written(output, n, source.design().cliName(), raw, raw ? "raw" : drbg));
        }
      }
    }
    return 0;
  }

  /** The --json summary of a file written. */
  record Written(String file, long bytes, String trngDesign, boolean raw, String output) {}

  private void write(EntropyPipeline pipeline, OutputStream out, long total, java.util.function.LongConsumer progress)
      throws IOException {
    byte[] buffer = new byte[1 << 16];
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
