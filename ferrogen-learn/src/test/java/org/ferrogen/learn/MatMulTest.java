package org.ferrogen.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatMulTest {

    private static double[] naive(float[] a, float[] b, int m, int n, int k) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += (double) a[i * k + p] * b[p * n + j];
                }
                c[i * n + j] = sum;
            }
        }
        return c;
    }

    @ParameterizedTest
    @CsvSource({"1,1,1", "4,16,8", "7,37,300", "13,64,513", "70,33,5", "3,5,600"})
    void multiplyMatchesNaiveProductWithAndWithoutAccumulation(int m, int n, int k) {
        SplittableRandom random = new SplittableRandom(m * 1000L + n * 10L + k);
        float[] a = GradientCheck.gaussian(random, m * k, 1);
        float[] b = GradientCheck.gaussian(random, k * n, 1);
        float[] initial = GradientCheck.gaussian(random, m * n, 1);
        double[] expected = naive(a, b, m, n, k);
        float[] c = initial.clone();
        MatMul.multiply(a, 0, b, 0, c, 0, m, n, k, false);
        float[] accumulated = initial.clone();
        MatMul.multiply(a, 0, b, 0, accumulated, 0, m, n, k, true);
        double tolerance = 1e-5 * Math.sqrt(k) * 4;
        for (int i = 0; i < m * n; i++) {
            assertThat((double) c[i]).as("element %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(tolerance));
            assertThat((double) accumulated[i]).isCloseTo(expected[i] + initial[i],
                    org.assertj.core.data.Offset.offset(tolerance));
        }
    }

    @Test
    void offsetsSelectSubMatrices() {
        float[] a = {9, 9, 1, 2, 3, 4};   // A = [[1,2],[3,4]] at offset 2
        float[] b = {9, 5, 6, 7, 8};      // B = [[5,6],[7,8]] at offset 1
        float[] c = new float[5];
        MatMul.multiply(a, 2, b, 1, c, 1, 2, 2, 2, false);
        assertThat(c).containsExactly(0, 19, 22, 43, 50);
    }

    @Test
    void stridedProductWorksOnSubMatrices() {
        SplittableRandom random = new SplittableRandom(9);
        // A is the 5×40 top-left block of a 6×50 array, B the 40×35 block at (2, 3) of a 45×60 array.
        float[] a = GradientCheck.gaussian(random, 6 * 50, 1);
        float[] b = GradientCheck.gaussian(random, 45 * 60, 1);
        float[] c = new float[7 * 40];
        MatMul.multiply(a, 0, 50, b, 2 * 60 + 3, 60, c, 40 + 1, 40, 5, 35, 40, false);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 35; j++) {
                double sum = 0;
                for (int p = 0; p < 40; p++) {
                    sum += (double) a[i * 50 + p] * b[(2 + p) * 60 + 3 + j];
                }
                assertThat((double) c[40 + 1 + i * 40 + j]).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-4));
            }
            assertThat(c[40 + 1 + i * 40 + 35]).isZero();
        }
    }

    @ParameterizedTest
    @CsvSource({"5,35,40", "64,48,300", "3,16,1"})
    void transposedLeftOperandIsReadInPlace(int m, int n, int k) {
        SplittableRandom random = new SplittableRandom(m + n + k);
        float[] aT = GradientCheck.gaussian(random, k * m, 1); // stored k×m
        float[] a = new float[m * k];
        MatMul.transpose(aT, 0, k, m, a, 0);
        float[] b = GradientCheck.gaussian(random, k * n, 1);
        double[] expected = naive(a, b, m, n, k);
        float[] c = new float[m * n];
        try (Parallel parallel = new Parallel(2)) {
            MatMul.multiplyTransposedA(parallel, aT, 0, m, b, 0, n, c, 0, n, m, n, k, false);
        }
        for (int i = 0; i < m * n; i++) {
            assertThat((double) c[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-4 * Math.sqrt(k)));
        }
    }

    @Test
    void resultIsBitIdenticalWhateverTheThreadCount() {
        SplittableRandom random = new SplittableRandom(5);
        int m = 203;
        int n = 96;
        int k = 300;
        float[] a = GradientCheck.gaussian(random, m * k, 1);
        float[] b = GradientCheck.gaussian(random, k * n, 1);
        float[] single = new float[m * n];
        float[] multi = new float[m * n];
        MatMul.multiply(a, 0, b, 0, single, 0, m, n, k, false);
        try (Parallel parallel = new Parallel(3)) {
            MatMul.multiply(parallel, a, 0, b, 0, multi, 0, m, n, k, false);
        }
        assertThat(multi).containsExactly(single);
    }

    @Test
    void transposeSwapsRowsAndColumns() {
        float[] src = {1, 2, 3, 4, 5, 6}; // 2×3
        float[] dst = new float[6];
        MatMul.transpose(src, 0, 2, 3, dst, 0);
        assertThat(dst).containsExactly(1, 4, 2, 5, 3, 6);
    }
}
