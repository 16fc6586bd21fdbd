package org.ferrogen.bench.randomness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * Full SP 800-90B non-IID assessment of 10^6 samples (NIST's ea_non_iid: about 0.75 s for 1-bit
 * and 21-24 s for 8-bit samples on a 2-core machine). Uses the shared reference files when present
 * (system property ferrogen.shared), else seeded uniform samples of the same size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Sp80090bBench {

  @Param({"1", "8"})
  int bits;

  Samples samples;

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
  }

  @Benchmark
  public double nonIidAssessment() {
    return NonIidAssessment.assess(samples).hAssessed();
  }
}
