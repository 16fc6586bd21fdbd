package org.ferrogen.learn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dense single-precision matrix products on row-major {@code float[]} storage.
 *
 * <p>One kernel does all the work: {@code C[m×n] (+)= A[m×k] · B[k×n]}, vectorised along the columns of
 * {@code B}/{@code C} (Vector API, preferred species) and register-blocked four rows by two vectors, with
 * the reduction dimension blocked so that the active panel of {@code B} stays in L1 and the active block of
 * {@code A} in L2. Products with a transposed operand are formed by transposing that operand first
 * ({@link #transpose}), which costs O(size) against the product's O(m·n·k), except for a transposed left
 * operand, which the kernel reads in place ({@link #multiplyTransposedA}).
 *
 * <p>Each element of {@code C} is summed in the same order whatever the thread count, so results are
 * bit-identical with one or many threads.
 */
public final class MatMul {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Columns of C per register block: two vectors. */
    private static final int BLOCK_COLS = 2 * LANES;
    /** Rows of C per register block. */
    private static final int BLOCK_ROWS = 4;
    /** Reduction-dimension block: a BLOCK_COLS-wide panel of B of this depth fills 16 KB (L1). */
    private static final int DEPTH_BLOCK = 256;
    /** Rows of A per cache block: 64 rows × 256 depth × 4 B = 64 KB (L2). */
    private static final int ROW_BLOCK = 64;
    /** Below this many multiply-adds a product runs on the calling thread. */
    private static final long PARALLEL_THRESHOLD = 1L << 18;

    private MatMul() {
    }

    /** Column-block width of the kernel: products whose {@code n} is a multiple of it run fully vectorised. */
    public static int columnBlock() {
        return BLOCK_COLS;
    }

    /**
     * {@code C (+)= A · B} with A {@code m×k} at {@code aOff}, B {@code k×n} at {@code bOff} and C {@code m×n}
     * at {@code cOff}, all row-major and densely packed. With {@code accumulate} false C is overwritten.
     * Rows of C are split across the pool's threads.
     */
    public static void multiply(Parallel parallel, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
            int m, int n, int k, boolean accumulate) {
        if ((long) m * n * k < PARALLEL_THRESHOLD || parallel == null) {
            multiplyRows(a, aOff, k, 1, b, bOff, n, c, cOff, n, m, n, k, accumulate, 0, m);
        } else {
            parallel.forRange(m, BLOCK_ROWS, (from, to) ->
                    multiplyRows(a, aOff, k, 1, b, bOff, n, c, cOff, n, m, n, k, accumulate, from, to));
        }
    }

    /** Single-threaded {@link #multiply}. */
    public static void multiply(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
            int m, int n, int k, boolean accumulate) {
        multiplyRows(a, aOff, k, 1, b, bOff, n, c, cOff, n, m, n, k, accumulate, 0, m);
    }

    /**
     * Single-threaded {@code C (+)= A · B} on sub-matrices with explicit row strides ({@code lda, ldb, ldc}:
     * distance in floats between consecutive rows of A, B and C).
     */
    public static void multiply(float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff,
            int ldc, int m, int n, int k, boolean accumulate) {
        multiplyRows(a, aOff, lda, 1, b, bOff, ldb, c, cOff, ldc, m, n, k, accumulate, 0, m);
    }

    /**
     * {@code C (+)= Aᵀ · B} where A is stored {@code k×m} (row stride {@code lda}), B {@code k×n} (row stride
     * {@code ldb}) and C {@code m×n} (row stride {@code ldc}): the weight-gradient product {@code dW = dYᵀ·X}
     * without materialising the transpose. Rows of C are split across the pool's threads (null: this thread).
     */
    public static void multiplyTransposedA(Parallel parallel, float[] a, int aOff, int lda, float[] b, int bOff,
            int ldb, float[] c, int cOff, int ldc, int m, int n, int k, boolean accumulate) {
        if ((long) m * n * k < PARALLEL_THRESHOLD || parallel == null) {
            multiplyRows(a, aOff, 1, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, accumulate, 0, m);
        } else {
            parallel.forRange(m, BLOCK_ROWS, (from, to) ->
                    multiplyRows(a, aOff, 1, lda, b, bOff, ldb, c, cOff, ldc, m, n, k, accumulate, from, to));
        }
    }

    /** Writes the transpose of the {@code rows×cols} matrix at {@code srcOff} as {@code cols×rows} at {@code dstOff}. */
    public static void transpose(float[] src, int srcOff, int rows, int cols, float[] dst, int dstOff) {
        final int tile = 32;
        for (int r0 = 0; r0 < rows; r0 += tile) {
            int r1 = Math.min(rows, r0 + tile);
            for (int c0 = 0; c0 < cols; c0 += tile) {
                int c1 = Math.min(cols, c0 + tile);
                for (int r = r0; r < r1; r++) {
                    int s = srcOff + r * cols;
                    for (int col = c0; col < c1; col++) {
                        dst[dstOff + col * rows + r] = src[s + col];
                    }
                }
            }
        }
    }

    /** Element (i, p) of A is {@code a[aOff + i·rowStride + p·colStride]}. */
    private static void multiplyRows(float[] a, int aOff, int rowStride, int colStride, float[] b, int bOff, int ldb,
            float[] c, int cOff, int ldc, int m, int n, int k, boolean accumulate, int rowFrom, int rowTo) {
        if (!accumulate) {
            for (int i = rowFrom; i < rowTo; i++) {
                java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
            }
        }
        int vectorCols = n - n % BLOCK_COLS;
        for (int p0 = 0; p0 < k; p0 += DEPTH_BLOCK) {
            int p1 = Math.min(k, p0 + DEPTH_BLOCK);
            for (int i0 = rowFrom; i0 < rowTo; i0 += ROW_BLOCK) {
                int i1 = Math.min(rowTo, i0 + ROW_BLOCK);
                for (int j = 0; j < vectorCols; j += BLOCK_COLS) {
                    int i = i0;
                    for (; i + BLOCK_ROWS <= i1; i += BLOCK_ROWS) {
                        block4(a, aOff + i * rowStride, rowStride, colStride, b, bOff + j, ldb, c, cOff + i * ldc + j,
                                ldc, p0, p1);
                    }
                    for (; i < i1; i++) {
                        block1(a, aOff + i * rowStride, colStride, b, bOff + j, ldb, c, cOff + i * ldc + j, p0, p1);
                    }
                }
                for (int i = i0; i < i1; i++) {
                    int aRow = aOff + i * rowStride;
                    int cRow = cOff + i * ldc;
                    for (int j = vectorCols; j < n; j++) {
                        float sum = c[cRow + j];
                        for (int p = p0; p < p1; p++) {
                            sum = Math.fma(a[aRow + p * colStride], b[bOff + p * ldb + j], sum);
                        }
                        c[cRow + j] = sum;
                    }
                }
            }
        }
    }

    /** C[4 × 2 vectors] at c0 += A[4 rows at a0, depth p0..p1) · B[depth rows, 2 vectors at b0]. */
    private static void block4(float[] a, int a0, int rowStride, int colStride, float[] b, int b0, int ldb, float[] c,
            int c0, int ldc, int p0, int p1) {
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        FloatVector acc00 = FloatVector.fromArray(SPECIES, c, c0);
        FloatVector acc01 = FloatVector.fromArray(SPECIES, c, c0 + LANES);
        FloatVector acc10 = FloatVector.fromArray(SPECIES, c, c1);
        FloatVector acc11 = FloatVector.fromArray(SPECIES, c, c1 + LANES);
        FloatVector acc20 = FloatVector.fromArray(SPECIES, c, c2);
        FloatVector acc21 = FloatVector.fromArray(SPECIES, c, c2 + LANES);
        FloatVector acc30 = FloatVector.fromArray(SPECIES, c, c3);
        FloatVector acc31 = FloatVector.fromArray(SPECIES, c, c3 + LANES);
        int bIndex = b0 + p0 * ldb;
        int aIndex = a0 + p0 * colStride;
        for (int p = p0; p < p1; p++, bIndex += ldb, aIndex += colStride) {
            FloatVector v0 = FloatVector.fromArray(SPECIES, b, bIndex);
            FloatVector v1 = FloatVector.fromArray(SPECIES, b, bIndex + LANES);
            FloatVector x = FloatVector.broadcast(SPECIES, a[aIndex]);
            acc00 = x.fma(v0, acc00);
            acc01 = x.fma(v1, acc01);
            x = FloatVector.broadcast(SPECIES, a[aIndex + rowStride]);
            acc10 = x.fma(v0, acc10);
            acc11 = x.fma(v1, acc11);
            x = FloatVector.broadcast(SPECIES, a[aIndex + 2 * rowStride]);
            acc20 = x.fma(v0, acc20);
            acc21 = x.fma(v1, acc21);
            x = FloatVector.broadcast(SPECIES, a[aIndex + 3 * rowStride]);
            acc30 = x.fma(v0, acc30);
            acc31 = x.fma(v1, acc31);
        }
        acc00.intoArray(c, c0);
        acc01.intoArray(c, c0 + LANES);
        acc10.intoArray(c, c1);
        acc11.intoArray(c, c1 + LANES);
        acc20.intoArray(c, c2);
        acc21.intoArray(c, c2 + LANES);
        acc30.intoArray(c, c3);
        acc31.intoArray(c, c3 + LANES);
    }

    private static void block1(float[] a, int a0, int colStride, float[] b, int b0, int ldb, float[] c, int c0,
            int p0, int p1) {
        FloatVector acc0 = FloatVector.fromArray(SPECIES, c, c0);
        FloatVector acc1 = FloatVector.fromArray(SPECIES, c, c0 + LANES);
        int bIndex = b0 + p0 * ldb;
        int aIndex = a0 + p0 * colStride;
        for (int p = p0; p < p1; p++, bIndex += ldb, aIndex += colStride) {
            FloatVector x = FloatVector.broadcast(SPECIES, a[aIndex]);
            acc0 = x.fma(FloatVector.fromArray(SPECIES, b, bIndex), acc0);
            acc1 = x.fma(FloatVector.fromArray(SPECIES, b, bIndex + LANES), acc1);
        }
        acc0.intoArray(c, c0);
        acc1.intoArray(c, c0 + LANES);
    }
}
