package org.ferrogen.bench.trng;

import java.util.concurrent.TimeUnit;
import org.ferrogen.randomness.drbg.DrbgMechanism;
import org.ferrogen.trng.NoiseSeed;
import org.ferrogen.trng.SimulatedSource;
import org.ferrogen.trng.design.StochasticCellArray;
import org.ferrogen.trng.design.TrngDesign;
import org.ferrogen.trng.pipeline.EntropyPipeline;
import org.ferrogen.trng.pipeline.PipelineConfig;
import org.ferrogen.trng.random.BufferedRandomGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Speed of the TRNG simulation on one core. {@code conditioned}: bytes per second out of the
 * pipeline (health-tested, SHA-256-conditioned samples reseeding an SP 800-90A DRBG every MiB, so
 * the raw simulation runs too); the goal is ≥ 25 MB/s, the brief's 200 Mb/s. {@code raw}: raw
 * samples per second of the device-level simulation. {@code nextLong}: the buffered
 * RandomGenerator adapter the samplers use. Throughput is reported per operation; divide by the
 * bytes or samples per operation given in each method.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TrngBench {

  /** Bytes per conditioned-output operation. */
  public static final int CONDITIONED_BYTES = 1 << 16;
  /** Samples per raw-simulation operation. */
  public static final int RAW_SAMPLES = 4096;

  @State(Scope.Thread)
  public static class Conditioned {
    @Param({"cell", "pair", "ring"})
    String design;

    @Param({"CTR_DRBG/AES-256", "HMAC_DRBG/SHA-256", "Hash_DRBG/SHA-256"})
    String drbg;

    EntropyPipeline pipeline;
    byte[] out = new byte[CONDITIONED_BYTES];

    @Setup(Level.Trial)
    public void setUp() {
      TrngDesign d = TrngDesign.byName(design);
      pipeline = new EntropyPipeline(d.create(d.nominalConditions(), NoiseSeed.fromSeed(1)),
          PipelineConfig.defaults().withDrbg(DrbgMechanism.byName(drbg)));
    }
  }

  @State(Scope.Thread)
  public static class Raw {
    @Param({"cell", "pair", "ring"})
    String design;

    SimulatedSource source;
    byte[] samples = new byte[RAW_SAMPLES];

    @Setup(Level.Trial)
    public void setUp() {
      TrngDesign d = TrngDesign.byName(design);
      source = d.create(d.nominalConditions(), NoiseSeed.fromSeed(2));
    }
  }

  /** The cell array on its fast path and domain by domain (full physics, for the before/after ratio). */
  @State(Scope.Thread)
  public static class CellPaths {
    @Param({"fast", "domains"})
    String path;

    StochasticCellArray source;
    byte[] samples = new byte[RAW_SAMPLES];

    @Setup(Level.Trial)
    public void setUp() {
      source = new StochasticCellArray(StochasticCellArray.Config.defaults().withFastPath("fast".equals(path)),
          TrngDesign.CELL.nominalConditions(), NoiseSeed.fromSeed(2));
    }
  }

  /** Raw samples through the pipeline's health tests, with and without the per-cell tests. */
  @State(Scope.Thread)
  public static class HealthTested {
    @Param({"true", "false"})
    boolean cellTests;

    EntropyPipeline pipeline;
    byte[] samples = new byte[1 << 16];

    @Setup(Level.Trial)
    public void setUp() {
      pipeline = new EntropyPipeline(
          TrngDesign.CELL.create(TrngDesign.CELL.nominalConditions(), NoiseSeed.fromSeed(4)),
          PipelineConfig.defaults().withLaneTests(cellTests));
    }
  }

  @State(Scope.Thread)
  public static class Adapter {
    BufferedRandomGenerator generator;

    @Setup(Level.Trial)
    public void setUp() {
      EntropyPipeline p = new EntropyPipeline(
          TrngDesign.CELL.create(TrngDesign.CELL.nominalConditions(), NoiseSeed.fromSeed(3)), PipelineConfig.defaults());
      generator = new BufferedRandomGenerator(p);
    }
  }

  /** 64 KiB of conditioned output per operation. */
  @Benchmark
  public byte[] conditioned(Conditioned s) {
    s.pipeline.nextBytes(s.out, 0, s.out.length);
    return s.out;
  }

  /** 4096 raw samples of the device-level simulation per operation. */
  @Benchmark
  public byte[] raw(Raw s) {
    s.source.read(s.samples, 0, s.samples.length);
    return s.samples;
  }

  /** 4096 raw samples of the cell array per operation, fast path or domain by domain. */
  @Benchmark
  public byte[] cellPath(CellPaths s) {
    s.source.read(s.samples, 0, s.samples.length);
    return s.samples;
  }

  /** 65,536 raw cell samples through the stream (and per-cell) health tests per operation. */
  @Benchmark
  public byte[] healthTested(HealthTested s) {
    s.pipeline.rawSamples(s.samples, 0, s.samples.length);
    return s.samples;
  }

  /** One long from the buffered RandomGenerator adapter per operation. */
  @Benchmark
  public long nextLong(Adapter s) {
    return s.generator.nextLong();
  }
}
