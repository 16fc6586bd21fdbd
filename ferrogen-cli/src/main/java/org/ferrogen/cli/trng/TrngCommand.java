package org.ferrogen.cli.trng;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ferrogen.cli.AtomicOutput;
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
    subcommands = {TrngAssessCommand.class, TrngHealthCommand.class, TrngHammerCommand.class, TrngSweepCommand.class})
public final class TrngCommand implements Callable<Integer> {

  @Mixin SourceOptions source;

  @Option(names = "--bytes", paramLabel = "N",
      description = "Bytes to write (default: 1048576 to a file; unlimited to stdout, for dieharder -g 200).")
  Long bytes;

  @Option(names = "--raw", description = "Write raw samples (one bit per sample, packed MSB first), health-tested but not conditioned.")
  boolean raw;

  @Option(names = "--drbg", paramLabel = "NAME", defaultValue = "CTR_DRBG/AES-256",
      description = "SP 800-90A mechanism: HMAC_DRBG/SHA-256, HMAC_DRBG/SHA-512, Hash_DRBG/SHA-256, CTR_DRBG/AES-256 (default).")
  String drbg;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE|-", defaultValue = "-",
      description = "Output file, or - for stdout (default).")
  String output;

  @Override
  public Integer call() throws IOException {
    if (bytes != null && bytes < 0) {
      throw new IllegalArgumentException("--bytes must be >= 0, got " + bytes);
    }
    PipelineConfig config = PipelineConfig.defaults().withDrbg(
        org.ferrogen.randomness.drbg.DrbgMechanism.byName(drbg));
    try (EntropyPipeline pipeline = new EntropyPipeline(source.create(), config)) {
      if ("-".equals(output)) {
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        try {
          write(pipeline, out, bytes == null ? Long.MAX_VALUE : bytes);
          out.flush();
        } catch (IOException e) {
          // A closed pipe (dieharder or head finished reading) ends an unlimited stream normally.
          if (bytes != null) {
            throw e;
          }
        }
      } else {
        long n = bytes == null ? 1L << 20 : bytes;
        AtomicOutput.write(Path.of(output), out -> write(pipeline, out, n));
      }
    }
    return 0;
  }

  private void write(EntropyPipeline pipeline, OutputStream out, long total) throws IOException {
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
