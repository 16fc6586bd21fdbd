package org.ferrogen.bench.genai;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ferrogen.genai.gguf.GgmlCodec;
import org.ferrogen.genai.gguf.GgmlType;
import org.ferrogen.genai.gguf.Half;
import org.ferrogen.genai.tensor.WeightTensor;
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
 * The single-vector dot products of each {@link WeightTensor} type, one thread: one op is a whole
 * 1024 × 4096 matrix-vector product (4.19 M multiply-accumulates) read in place from a direct
 * buffer, as from a memory-mapped file. Multiply ops/s by 4.19e6 for multiply-accumulates/s and by
 * the type's bytes per weight for the bytes streamed. The matrix (0.9-16 MiB) mostly stays in the
 * last-level cache, so this measures the kernels, not DRAM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1)
public class DotProductBench {
  static final int ROWS = 1024;
  static final int COLS = 4096;
  /** Byte offsets of the fp16 scale fields of one block of the types the codec does not write. */
  static final Map<GgmlType, int[]> HALF_FIELDS = Map.of(
      GgmlType.Q2_K, new int[] {80, 82}, GgmlType.Q3_K, new int[] {108}, GgmlType.Q5_K, new int[] {0, 2});

  @Param({"F32", "F16", "BF16", "Q8_0", "Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K"})
  GgmlType type;

  WeightTensor tensor;
  float[] x;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom r = new SplittableRandom(1);
    byte[] bytes;
    if (GgmlCodec.canEncode(type)) {
      float[] w = new float[ROWS * COLS];
      for (int i = 0; i < w.length; i++) {
        w[i] = (float) (0.02 * r.nextGaussian());
      }
      bytes = GgmlCodec.encode(w, type);
    } else {
      bytes = new byte[(int) type.bytesFor((long) ROWS * COLS)];
      r.nextBytes(bytes);
      ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      for (int p = 0; p < bytes.length; p += type.bytesPerBlock()) {
        for (int off : HALF_FIELDS.get(type)) {
          b.putShort(p + off, Half.fromFloat((float) (0.001 * r.nextGaussian())));
        }
      }
    }
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.LITTLE_ENDIAN);
    direct.put(bytes).flip();
    tensor = WeightTensor.of(type, ROWS, COLS, direct);
    x = new float[COLS];
    for (int i = 0; i < COLS; i++) {
      x[i] = (float) r.nextGaussian();
    }
  }

  @Benchmark
  public float matrixVector() {
    float s = 0;
    for (int row = 0; row < ROWS; row++) {
      s += tensor.dot(row, x, 0);
    }
    return s;
  }
}
