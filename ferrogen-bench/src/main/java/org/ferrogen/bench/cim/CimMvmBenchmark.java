package org.ferrogen.bench.cim;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.ferrogen.cim.CimConfig;
import org.ferrogen.cim.MvmKernels;
import org.ferrogen.cim.TiledAnalogMatrix;
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
 * Batched MVM throughput of a 1024×1024 matrix on 256×256 FeFET tiles (default chip: 8-bit DAC and
 * ADCs, programming error and read noise on, exact column-noise path) against plain float products of
 * the same shape in the same JVM: the same Vector API dot-product kernel without any analog
 * modelling (dot-product form and the register-blocked form the simulator uses per tile), and
 * straightforward scalar loops. All three run multithreaded over output blocks.
 * Score: batches per second (multiply by batch for MVMs per second).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class CimMvmBenchmark {

  static final int N = 1024;

  @Param({"64"})
  int batch;

  TiledAnalogMatrix analog;
  float[] w;
  /** W transposed (input-major) and packed into panels, the layout of the broadcast kernel. */
  float[] packed;
  float[] xs;
  float[] ys;

  @Setup(Level.Trial)
  public void setup() {
    SplittableRandom r = new SplittableRandom(1);
    w = new float[N * N];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) r.nextGaussian();
    }
    float[] wt = new float[N * N];
    for (int o = 0; o < N; o++) {
      for (int i = 0; i < N; i++) {
        wt[i * N + o] = w[o * N + i];
      }
    }
    packed = MvmKernels.pack(wt, N, N);
    xs = new float[N * batch];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = (float) r.nextGaussian();
    }
    ys = new float[N * batch];
    analog = new TiledAnalogMatrix(CimConfig.defaults(), N, N, 42);
    analog.program(w);
  }

  @Benchmark
  public float[] analogChip() {
    analog.multiplyBatch(xs, ys, batch);
    return ys;
  }

  /** Y = X·Wᵀ with the simulator's Vector API kernel (4 inputs per pass), 32 outputs per task. */
  @Benchmark
  public float[] floatVectorApi() {
    float[] out = ys;
    IntStream.range(0, N / 32)
        .parallel()
        .forEach(
            blk -> {
              float[] dots = new float[8];
              for (int o = blk * 32; o < blk * 32 + 32; o++) {
                for (int b = 0; b < batch; b += 4) {
                  int count = Math.min(4, batch - b);
                  MvmKernels.dot(w, o * N, xs, b * N, N, count, N, dots);
                  for (int k = 0; k < count; k++) {
                    out[(b + k) * N + o] = dots[k];
                  }
                }
              }
            });
    return out;
  }

  /**
   * Y = X·Wᵀ with the simulator's register-blocked broadcast kernel (the one the analog path runs on
   * each tile) on W packed once into panels, over the whole 1024-long inputs, one panel of outputs
   * per task.
   */
  @Benchmark
  public float[] floatVectorApiBlocked() {
    float[] out = ys;
    int width = MvmKernels.panelWidth();
    IntStream.range(0, MvmKernels.panels(N))
        .parallel()
        .forEach(
            panel -> {
              float[] block = new float[batch * width];
              int o0 = panel * width;
              MvmKernels.panelProduct(packed, MvmKernels.packedIndex(0, o0, N), N, xs, 0, N, batch, block);
              for (int b = 0; b < batch; b++) {
                System.arraycopy(block, b * width, out, b * N + o0, width);
              }
            });
    return out;
  }

  /** Y = X·Wᵀ with plain Java loops, 32 outputs per task. */
  @Benchmark
  public float[] floatScalarLoops() {
    float[] out = ys;
    IntStream.range(0, N / 32)
        .parallel()
        .forEach(
            blk -> {
              for (int o = blk * 32; o < blk * 32 + 32; o++) {
                for (int b = 0; b < batch; b++) {
                  float s = 0;
                  for (int i = 0; i < N; i++) {
                    s += w[o * N + i] * xs[b * N + i];
                  }
                  out[b * N + o] = s;
                }
              }
            });
    return out;
  }
}
