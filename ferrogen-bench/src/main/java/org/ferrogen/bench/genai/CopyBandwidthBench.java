package org.ferrogen.bench.genai;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Memory copy bandwidth, the denominator of the float backend's memory-bandwidth bound: one op
 * copies {@link #MIB} MiB (far beyond the caches) with System.arraycopy split over {@code threads}.
 * STREAM's convention counts read plus write: bandwidth = 2 × MIB MiB × ops/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class CopyBandwidthBench {
  static final int MIB = 256;

  @Param({"1", "2"})
  int threads;

  byte[] src;
  byte[] dst;

  @Setup(Level.Trial)
  public void setUp() {
    src = new byte[MIB << 20];
    dst = new byte[MIB << 20];
    java.util.Arrays.fill(src, (byte) 1);
  }

  @Benchmark
  public byte copy() {
    int chunk = src.length / threads;
    if (threads == 1) {
      System.arraycopy(src, 0, dst, 0, src.length);
    } else {
      IntStream.range(0, threads).parallel().forEach(t -> System.arraycopy(src, t * chunk, dst, t * chunk, chunk));
    }
    return dst[dst.length - 1];
  }
}
