package org.ferrogen.bench.randomness;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ferrogen.randomness.sp80090b.Bzip2Length;
import org.ferrogen.randomness.sp80090b.IidAssessment;
import org.ferrogen.randomness.sp80090b.NonIidAssessment;
import org.ferrogen.randomness.sp80090b.Samples;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * SP 800-90B on 10^6 samples: the full non-IID assessment (NIST's ea_non_iid: about 0.75 s for
 * 1-bit and 21-24 s for 8-bit samples on a 2-core machine), the IID track with the CLI's default
 * seed (ea_iid: 20-40 s for the 1-bit file), and the bzip2 length of the samples' decimal text, the
 * IID compression statistic (the bzip2 executable: about 0.3 s for the 2 MB text of 1-bit samples).
 * Uses the shared reference files when present (system property ferrogen.shared), else seeded
 * uniform samples of the same size. The IID track of 8-bit samples runs long; select the 1-bit case
 * with {@code -p bits=1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Sp80090bBench {

  @Param({"1", "8"})
  int bits;

  /** The CLI's default seed for the permutations. */
  private static final long SEED = 20240712L;

  Samples samples;
  byte[] text;

  @Setup
  public void load() throws Exception {
    String shared = System.getProperty("ferrogen.shared", "../shared");
    Path file =
        Path.of(shared, "reference", "sp800-90b", "bin", bits == 1 ? "truerand_1bit.bin" : "truerand_8bit.bin");
    byte[] data;
    if (Files.isRegularFile(file)) {
      data = Files.readAllBytes(file);
    } else {
      SplittableRandom rng = new SplittableRandom(1);
      data = new byte[1_000_000];
      for (int i = 0; i < data.length; i++) {
        data[i] = (byte) rng.nextInt(1 << bits);
      }
    }
    samples = Samples.of(file.getFileName().toString(), data, bits);
    StringBuilder decimal = new StringBuilder(4 * data.length);
    for (byte b : data) {
      decimal.append(b & 0xFF).append(' ');
    }
    text = decimal.substring(0, decimal.length() - 1).getBytes(StandardCharsets.US_ASCII);
  }

  @Benchmark
  public double nonIidAssessment() {
    return NonIidAssessment.assess(samples).hAssessed();
  }

  @Benchmark
  public double iidAssessment() {
    return IidAssessment.assess(samples, SEED, Runtime.getRuntime().availableProcessors()).hAssessed();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  public long bzip2Length() {
    return Bzip2Length.of(text, text.length);
  }
}
