package org.ferrogen.bench.randomness;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ferrogen.randomness.bits.BitFormat;
import org.ferrogen.randomness.bits.BitSequence;
import org.ferrogen.randomness.sp80022.Sp80022Battery;
import org.ferrogen.randomness.sp80022.Sp80022Parameters;
import org.ferrogen.randomness.sp80022.Sp80022Test;
import org.ferrogen.randomness.sp80022.TestResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SP 800-22 battery speed on 10^6-bit streams of seeded pseudo-random bits (SplittableRandom, seed
 * 2026): the whole battery on one stream on the calling thread, each test alone, and 100 streams in
 * parallel on all cores.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xss8m"})
public class Sp80022Bench {

  static final int STREAM_BITS = 1_000_000;

  /** One 10^6-bit stream. */
  @State(Scope.Benchmark)
  public static class OneStream {
    BitSequence stream;
    Sp80022Battery battery;
    Sp80022Parameters parameters;

    @Setup
    public void setUp() {
      stream = randomBits(2026, STREAM_BITS);
      parameters = Sp80022Parameters.defaults();
      battery = new Sp80022Battery(parameters);
    }
  }

  /** One test on one stream. */
  @State(Scope.Benchmark)
  public static class SingleTest {
    @Param({
      "FREQUENCY", "BLOCK_FREQUENCY", "CUMULATIVE_SUMS", "RUNS", "LONGEST_RUN", "RANK", "FFT",
      "NON_OVERLAPPING_TEMPLATE", "OVERLAPPING_TEMPLATE", "UNIVERSAL", "APPROXIMATE_ENTROPY",
      "RANDOM_EXCURSIONS", "RANDOM_EXCURSIONS_VARIANT", "LINEAR_COMPLEXITY", "SERIAL"
    })
    public String test;

    Sp80022Test selected;
    BitSequence stream;
    Sp80022Parameters parameters;

    @Setup
    public void setUp() {
      selected = Sp80022Test.valueOf(test);
      stream = randomBits(2026, STREAM_BITS);
      parameters = Sp80022Parameters.defaults();
    }
  }

  /** 100 streams of 10^6 bits. */
  @State(Scope.Benchmark)
  public static class HundredStreams {
    List<BitSequence> streams;
    Sp80022Battery battery;

    @Setup
    public void setUp() {
      streams = randomBits(7, 100 * STREAM_BITS).streams(STREAM_BITS, 100);
      battery = new Sp80022Battery(Sp80022Parameters.defaults());
    }
  }

  static BitSequence randomBits(long seed, int bits) {
    byte[] bytes = new byte[bits / 8];
    new SplittableRandom(seed).nextBytes(bytes);
    return BitSequence.fromBytes(bytes, BitFormat.MSB);
  }

  /** All 15 tests, one after the other, on one core. */
  @Benchmark
  public List<TestResult> batterySingleThread(OneStream s) {
    return s.battery.runSequential(s.stream);
  }

  /** One test on one core. */
  @Benchmark
  public TestResult singleTest(SingleTest s) {
    return s.selected.run(s.stream, s.parameters);
  }

  /** 100 streams × 15 tests on the common ForkJoin pool (all cores), with the final analysis. */
  @Benchmark
  @Warmup(iterations = 1, time = 5)
  @Measurement(iterations = 3, time = 5)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Sp80022Battery.BatteryReport hundredStreamsAllCores(HundredStreams s) {
    return s.battery.run(s.streams);
  }
}
