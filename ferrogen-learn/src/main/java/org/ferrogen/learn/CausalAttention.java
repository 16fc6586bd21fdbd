package org.ferrogen.learn;

/**
 * Causal scaled dot-product attention with grouped-query heads, forward and backward.
 *
 * <p>Layouts: {@code q} and the output are {@code (batch·seqLen) × (heads·headDim)}; {@code k} and {@code v}
 * are {@code (batch·seqLen) × (kvHeads·headDim)}. Query head {@code h} reads kv head
 * {@code h / (heads / kvHeads)} (llama.cpp's GQA mapping). Scores are scaled by {@code 1/sqrt(headDim)} and
 * position {@code i} attends to positions {@code j ≤ i} of its own sequence. The softmax probabilities are
 * kept ({@code batch·heads·seqLen²} floats) for the backward pass. Work is split over (sequence, kv head)
 * pairs, so the kv gradients of a group are summed by one thread in a fixed order.
 */
public final class CausalAttention {

    private final int batch;
    private final int seqLen;
    private final int heads;
    private final int kvHeads;
    private final int headDim;
    private final float scale;
    /** Query rows per block of the masked products. */
    private static final int ROW_BLOCK = 32;

    public CausalAttention(int batch, int seqLen, int heads, int kvHeads, int headDim) {
        if (heads % kvHeads != 0) {
            throw new IllegalArgumentException("heads (" + heads + ") must be a multiple of kv heads (" + kvHeads + ")");
        }
        this.batch = batch;
        this.seqLen = seqLen;
        this.heads = heads;
        this.kvHeads = kvHeads;
        this.headDim = headDim;
        this.scale = (float) (1.0 / Math.sqrt(headDim));
    }

    /** Size of the probability buffer the passes need. */
    public int probabilityCount() {
        return batch * heads * seqLen * seqLen;
    }

    /** Computes {@code out} and stores the attention probabilities in {@code probs}. */
    public void forward(Parallel parallel, float[] q, float[] k, float[] v, float[] out, float[] probs) {
        parallel.forRange(batch * kvHeads, 1, (from, to) -> {
            int tt = seqLen * seqLen;
            float[] kT = new float[headDim * seqLen];
            float[] vG = new float[seqLen * headDim];
            float[] qG = new float[seqLen * headDim];
            float[] oG = new float[seqLen * headDim];
            for (int task = from; task < to; task++) {
                int b = task / kvHeads;
                int kvh = task % kvHeads;
                gatherTransposed(k, b, kvh, kvHeads, kT);
                gather(v, b, kvh, kvHeads, vG);
                for (int h = kvh * group(); h < (kvh + 1) * group(); h++) {
                    gather(q, b, h, heads, qG);
                    int pOff = (b * heads + h) * tt;
                    // Scores, row block by row block, skipping the blocks of columns that the mask zeroes.
                    for (int i0 = 0; i0 < seqLen; i0 += ROW_BLOCK) {
                        int i1 = Math.min(seqLen, i0 + ROW_BLOCK);
                        MatMul.multiply(qG, i0 * headDim, headDim, kT, 0, seqLen, probs, pOff + i0 * seqLen, seqLen,
                                i1 - i0, visibleColumns(i1), headDim, false);
                    }
                    for (int i = 0; i < seqLen; i++) {
                        int row = pOff + i * seqLen;
                        float max = Float.NEGATIVE_INFINITY;
                        for (int j = 0; j <= i; j++) {
                            max = Math.max(max, probs[row + j] * scale);
                        }
                        double sum = 0;
                        for (int j = 0; j <= i; j++) {
                            float e = (float) Math.exp(probs[row + j] * scale - max);
                            probs[row + j] = e;
                            sum += e;
                        }
                        float inv = (float) (1.0 / sum);
                        for (int j = 0; j <= i; j++) {
                            probs[row + j] *= inv;
                        }
                        java.util.Arrays.fill(probs, row + i + 1, row + seqLen, 0f);
                    }
                    for (int i0 = 0; i0 < seqLen; i0 += ROW_BLOCK) {
                        int i1 = Math.min(seqLen, i0 + ROW_BLOCK);
                        MatMul.multiply(probs, pOff + i0 * seqLen, seqLen, vG, 0, headDim, oG, i0 * headDim, headDim,
                                i1 - i0, headDim, i1, false);
                    }
                    scatter(oG, b, h, heads, out, false);
                }
            }
        });
    }

    /** Adds the gradients of the loss with respect to q, k and v, given {@code dOut} and the forward's state. */
    public void backward(Parallel parallel, float[] q, float[] k, float[] v, float[] probs, float[] dOut,
            float[] dq, float[] dk, float[] dv) {
        parallel.forRange(batch * kvHeads, 1, (from, to) -> {
            int tt = seqLen * seqLen;
            float[] kG = new float[seqLen * headDim];
            float[] vT = new float[headDim * seqLen];
            float[] qG = new float[seqLen * headDim];
            float[] dOG = new float[seqLen * headDim];
            float[] dQG = new float[seqLen * headDim];
            float[] dKG = new float[seqLen * headDim];
            float[] dVG = new float[seqLen * headDim];
            float[] dS = new float[tt];
            for (int task = from; task < to; task++) {
                int b = task / kvHeads;
                int kvh = task % kvHeads;
                gather(k, b, kvh, kvHeads, kG);
                gatherTransposed(v, b, kvh, kvHeads, vT);
                java.util.Arrays.fill(dKG, 0f);
                java.util.Arrays.fill(dVG, 0f);
                for (int h = kvh * group(); h < (kvh + 1) * group(); h++) {
                    gather(q, b, h, heads, qG);
                    gather(dOut, b, h, heads, dOG);
                    int pOff = (b * heads + h) * tt;
                    // dP = dO · Vᵀ, then dS = scale · P ⊙ (dP − rowsum(P ⊙ dP)).
                    for (int i0 = 0; i0 < seqLen; i0 += ROW_BLOCK) {
                        int i1 = Math.min(seqLen, i0 + ROW_BLOCK);
                        MatMul.multiply(dOG, i0 * headDim, headDim, vT, 0, seqLen, dS, i0 * seqLen, seqLen, i1 - i0,
                                visibleColumns(i1), headDim, false);
                    }
                    for (int i = 0; i < seqLen; i++) {
                        int row = i * seqLen;
                        double dot = 0;
                        for (int j = 0; j <= i; j++) {
                            dot += probs[pOff + row + j] * dS[row + j];
                        }
                        float rowDot = (float) dot;
                        for (int j = 0; j <= i; j++) {
                            dS[row + j] = scale * probs[pOff + row + j] * (dS[row + j] - rowDot);
                        }
                        java.util.Arrays.fill(dS, row + i + 1, row + seqLen, 0f);
                    }
                    // dQ = dS·K (row i needs keys j ≤ i); dK = dSᵀ·Q and dV = Pᵀ·dO (row j needs queries i ≥ j).
                    for (int i0 = 0; i0 < seqLen; i0 += ROW_BLOCK) {
                        int i1 = Math.min(seqLen, i0 + ROW_BLOCK);
                        MatMul.multiply(dS, i0 * seqLen, seqLen, kG, 0, headDim, dQG, i0 * headDim, headDim, i1 - i0,
                                headDim, i1, false);
                    }
                    scatter(dQG, b, h, heads, dq, true);
                    lowerTransposedProduct(dS, 0, qG, dKG);
                    lowerTransposedProduct(probs, pOff, dOG, dVG);
                }
                scatter(dKG, b, kvh, kvHeads, dk, true);
                scatter(dVG, b, kvh, kvHeads, dv, true);
            }
        });
    }

    /**
     * {@code out += Mᵀ · X} for a lower-triangular {@code seqLen × seqLen} matrix M (row i non-zero only in
     * columns ≤ i) and {@code X} of {@code seqLen × headDim}: row j of the result needs rows i ≥ j of X, so
     * each row block skips the leading zeros. M is read in place, transposed by the kernel.
     */
    private void lowerTransposedProduct(float[] m, int mOff, float[] x, float[] out) {
        for (int j0 = 0; j0 < seqLen; j0 += ROW_BLOCK) {
            int j1 = Math.min(seqLen, j0 + ROW_BLOCK);
            MatMul.multiplyTransposedA(null, m, mOff + j0 * seqLen + j0, seqLen, x, j0 * headDim, headDim, out,
                    j0 * headDim, headDim, j1 - j0, headDim, seqLen - j0, true);
        }
    }

    /** Columns a row block ending at row {@code rowEnd} must compute: {@code rowEnd} rounded up to the kernel's block. */
    private int visibleColumns(int rowEnd) {
        int block = MatMul.columnBlock();
        return Math.min(seqLen, (rowEnd + block - 1) / block * block);
    }

    private int group() {
        return heads / kvHeads;
    }

    /** Copies head {@code h} of sequence {@code b} into {@code dst} as {@code seqLen × headDim}. */
    private void gather(float[] src, int b, int h, int headsInRow, float[] dst) {
        int width = headsInRow * headDim;
        for (int t = 0; t < seqLen; t++) {
            System.arraycopy(src, (b * seqLen + t) * width + h * headDim, dst, t * headDim, headDim);
        }
    }

    /** Copies head {@code h} of sequence {@code b} into {@code dst} as {@code headDim × seqLen}. */
    private void gatherTransposed(float[] src, int b, int h, int headsInRow, float[] dst) {
        int width = headsInRow * headDim;
        for (int t = 0; t < seqLen; t++) {
            int base = (b * seqLen + t) * width + h * headDim;
            for (int c = 0; c < headDim; c++) {
                dst[c * seqLen + t] = src[base + c];
            }
        }
    }

    private void scatter(float[] src, int b, int h, int headsInRow, float[] dst, boolean add) {
        int width = headsInRow * headDim;
        for (int t = 0; t < seqLen; t++) {
            int base = (b * seqLen + t) * width + h * headDim;
            int s = t * headDim;
            if (add) {
                for (int c = 0; c < headDim; c++) {
                    dst[base + c] += src[s + c];
                }
            } else {
                System.arraycopy(src, s, dst, base, headDim);
            }
        }
    }
}
