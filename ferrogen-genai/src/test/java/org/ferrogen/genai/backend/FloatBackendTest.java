package org.ferrogen.genai.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ferrogen.genai.gguf.GgmlType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each kernel equals a plain dot product over the decoded weights, including awkward sizes and values. */
class FloatBackendTest {

  @ParameterizedTest
  @CsvSource({"F32,37,5,1", "F32,256,300,2", "F16,37,5,1", "F16,512,300,2", "BF16,45,3,1", "BF16,256,300,2",
      "Q8_0,32,7,1", "Q8_0,512,300,2", "Q4_0,64,7,1", "Q4_0,512,300,2",
      // At least 2^20 multiply-accumulates: the only size at which two threads split a product.
      "F32,1024,1030,2", "Q8_0,1024,1030,2"})
  void kernelMatchesScalarDotOfDecodedWeights(GgmlType type, int cols, int rows, int threads) {
    SplittableRandom r = new SplittableRandom(cols * 31L + rows);
    float[] w = new float[rows * cols];
    for (int i = 0; i < w.length; i++) {
      // Magnitudes from 1e-7 (binary16 subnormals) to 1e3, both signs, some exact zeros.
      w[i] = i % 17 == 0 ? 0f : (float) (Math.pow(10, -7 + 10 * r.nextDouble()) * (r.nextBoolean() ? 1 : -1));
    }
    float[] x = new float[cols];
    for (int i = 0; i < cols; i++) {
      x[i] = (float) r.nextGaussian();
    }
    WeightMatrix m = WeightMatrix.encode("w", rows, cols, w, type);
    float[] decoded = m.toFloats();
    float[] y = new float[rows];
    try (FloatBackend backend = new FloatBackend(threads)) {
      LinearLayer layer = backend.program(m);
      layer.multiply(x, y);
      assertThat(backend.report().multiplyAccumulates()).isEqualTo((long) rows * cols);
      assertThat(backend.report().weightBytesRead()).isGreaterThanOrEqualTo(m.byteSize());
    }
    for (int row = 0; row < rows; row++) {
      double ref = 0;
      double scale = 0;
      for (int c = 0; c < cols; c++) {
        ref += (double) decoded[row * cols + c] * x[c];
        scale += Math.abs((double) decoded[row * cols + c] * x[c]);
      }
      assertThat((double) y[row]).as("row %d", row).isCloseTo(ref, within(1e-5 * scale + 1e-30));
    }
  }

  /**
   * The batched (matrix-matrix) product equals plain dot products for every vector of the batch:
   * batches below, at and above the kernel's four-vector block, odd row counts (the unpaired row),
   * columns that are not a multiple of eight, on the caller and on the team; only the first n
   * vectors of larger buffers are touched.
   */
  @ParameterizedTest
  @CsvSource({"F32,37,5,3,1", "F32,256,301,9,2", "F16,37,5,4,1", "F16,512,300,7,2", "F16,64,33,1,1", "BF16,45,3,2,1",
      "BF16,256,300,5,2", "Q8_0,32,7,6,1", "Q8_0,512,301,32,2", "Q4_0,64,7,13,1", "Q4_0,512,300,8,2",
      "F16,1024,1030,5,2", "Q8_0,1024,1030,3,2"})
  void batchedProductMatchesScalarDots(GgmlType type, int cols, int rows, int n, int threads) {
    SplittableRandom r = new SplittableRandom(cols * 17L + rows * 3L + n);
    float[] w = new float[rows * cols];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) r.nextGaussian();
    }
    float[][] xs = new float[n + 2][cols];
    for (float[] x : xs) {
      for (int i = 0; i < cols; i++) {
        x[i] = (float) r.nextGaussian();
      }
    }
    float[][] ys = new float[n + 2][rows];
    for (float[] y : ys) {
      java.util.Arrays.fill(y, Float.NaN);
    }
    WeightMatrix m = WeightMatrix.encode("w", rows, cols, w, type);
    float[] decoded = m.toFloats();
    try (FloatBackend backend = new FloatBackend(threads)) {
      backend.program(m).multiply(xs, ys, n);
      assertThat(backend.report().matrixVectorProducts()).isEqualTo(n);
      assertThat(backend.report().multiplyAccumulates()).isEqualTo((long) rows * cols * n);
    }
    for (int t = 0; t < n; t++) {
      for (int row = 0; row < rows; row++) {
        double ref = 0;
        double scale = 0;
        for (int c = 0; c < cols; c++) {
          ref += (double) decoded[row * cols + c] * xs[t][c];
          scale += Math.abs((double) decoded[row * cols + c] * xs[t][c]);
        }
        assertThat((double) ys[t][row]).as("vector %d row %d", t, row).isCloseTo(ref, within(1e-5 * scale));
      }
    }
    assertThat(ys[n]).containsOnly(Float.NaN);
    assertThat(ys[n + 1]).containsOnly(Float.NaN);
  }

  /**
   * The row-pair kernel that batched products use for matrices without panels (beyond the widening
   * budget, e.g. a 100 M-parameter model's): every vector against plain dot products, batches below
   * and above its four-vector block, columns not a multiple of the vector length.
   */
  @ParameterizedTest
  @CsvSource({"37,1", "37,6", "200,9", "8,4"})
  void rowPairKernelMatchesScalarDots(int cols, int n) {
    SplittableRandom r = new SplittableRandom(cols * 7L + n);
    float[] w = new float[3 * cols];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) r.nextGaussian();
    }
    float[][] xs = new float[n][cols];
    float[][] ys = new float[n][4];
    for (float[] x : xs) {
      for (int i = 0; i < cols; i++) {
        x[i] = (float) r.nextGaussian();
      }
    }
    BatchProduct.twoRows(w, 0, cols, cols, xs, ys, n, 1);
    BatchProduct.oneRow(w, 2 * cols, cols, xs, ys, n, 3);
    for (int t = 0; t < n; t++) {
      for (int row = 0; row < 3; row++) {
        double ref = 0;
        double scale = 0;
        for (int c = 0; c < cols; c++) {
          ref += (double) w[row * cols + c] * xs[t][c];
          scale += Math.abs((double) w[row * cols + c] * xs[t][c]);
        }
        assertThat((double) ys[t][row + 1]).as("vector %d row %d", t, row).isCloseTo(ref, within(1e-6 * scale));
      }
      assertThat(ys[t][0]).isZero();
    }
  }
}
