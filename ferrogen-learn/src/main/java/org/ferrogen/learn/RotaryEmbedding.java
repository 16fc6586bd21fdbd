package org.ferrogen.learn;

/**
 * Rotary position embedding in llama.cpp's "normal" layout: within each head the adjacent pairs
 * {@code (2j, 2j+1)} are rotated by {@code θ = pos · base^(−2j/headDim)}. (The "neox" layout, which pairs
 * {@code j} with {@code j + headDim/2}, is not used by the Llama architecture.)
 */
public final class RotaryEmbedding {

    private final int maxPositions;
    private final int headDim;
    private final float[] cos;
    private final float[] sin;

    /**
     * @param maxPositions number of positions tabulated (the context length)
     * @param headDim      head dimension (even)
     * @param base         frequency base (10000 for Llama)
     */
    public RotaryEmbedding(int maxPositions, int headDim, double base) {
        if (headDim % 2 != 0) {
            throw new IllegalArgumentException("rotary head dimension must be even, got " + headDim);
        }
        this.maxPositions = maxPositions;
        this.headDim = headDim;
        int half = headDim / 2;
        cos = new float[maxPositions * half];
        sin = new float[maxPositions * half];
        for (int pos = 0; pos < maxPositions; pos++) {
            for (int j = 0; j < half; j++) {
                double theta = pos * Math.pow(base, -2.0 * j / headDim);
                cos[pos * half + j] = (float) Math.cos(theta);
                sin[pos * half + j] = (float) Math.sin(theta);
            }
        }
    }

    public int headDim() {
        return headDim;
    }

    /**
     * Rotates, in place, every head of rows {@code [0, rows)} of {@code x} (rows of {@code heads·headDim}
     * values); row {@code t} is at position {@code t % seqLen}. With {@code inverse} the rotation is by
     * {@code −θ}: that is the backward pass, since the rotation is orthogonal.
     */
    public void rotate(float[] x, int rows, int seqLen, int heads, boolean inverse) {
        rotate(x, 0, rows, seqLen, heads, inverse);
    }

    /** {@link #rotate(float[], int, int, int, boolean)} on rows {@code [rowFrom, rowTo)} only. */
    public void rotate(float[] x, int rowFrom, int rowTo, int seqLen, int heads, boolean inverse) {
        if (seqLen > maxPositions) {
            throw new IllegalArgumentException("sequence length " + seqLen + " exceeds the rotary table's "
                    + maxPositions + " positions");
        }
        int half = headDim / 2;
        int width = heads * headDim;
        float sign = inverse ? -1f : 1f;
        for (int t = rowFrom; t < rowTo; t++) {
            int table = (t % seqLen) * half;
            int rowBase = t * width;
            for (int h = 0; h < heads; h++) {
                int base = rowBase + h * headDim;
                for (int j = 0; j < half; j++) {
                    float c = cos[table + j];
                    float s = sign * sin[table + j];
                    float x0 = x[base + 2 * j];
                    float x1 = x[base + 2 * j + 1];
                    x[base + 2 * j] = x0 * c - x1 * s;
                    x[base + 2 * j + 1] = x0 * s + x1 * c;
                }
            }
        }
    }
}
