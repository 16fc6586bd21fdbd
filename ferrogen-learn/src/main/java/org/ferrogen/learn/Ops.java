package org.ferrogen.learn;

/**
 * Forward and backward passes of the element-wise and row-wise operations of the training core.
 *
 * <p>Conventions: tensors are row-major {@code float[]} holding {@code rows × width} values; forward passes
 * overwrite their outputs; backward passes <em>add</em> into every gradient they produce (input and parameter
 * gradients alike), so callers zero gradient buffers once and residual branches simply sum.
 */
public final class Ops {

    private Ops() {
    }

    // ---------------------------------------------------------------- embedding

    /** {@code out[t] = table[tokens[offset + t]]} for {@code t < rows}; each table row has {@code width} values. */
    public static void embeddingForward(float[] table, int vocab, int width, int[] tokens, int offset, int rows,
            float[] out) {
        for (int t = 0; t < rows; t++) {
            int token = tokens[offset + t];
            if (token < 0 || token >= vocab) {
                throw new IllegalArgumentException("token " + token + " at index " + (offset + t)
                        + " is outside the vocabulary [0, " + vocab + ")");
            }
            System.arraycopy(table, token * width, out, t * width, width);
        }
    }

    /** {@code dTable[tokens[offset + t]] += dOut[t]}. */
    public static void embeddingBackward(float[] dTable, int width, int[] tokens, int offset, int rows,
            float[] dOut) {
        for (int t = 0; t < rows; t++) {
            int base = tokens[offset + t] * width;
            int src = t * width;
            for (int i = 0; i < width; i++) {
                dTable[base + i] += dOut[src + i];
            }
        }
    }

    // ---------------------------------------------------------------- RMSNorm

    /**
     * RMSNorm as in llama.cpp: {@code y = x / sqrt(mean(x²) + eps) ⊙ weight}. Stores the reciprocal RMS of each
     * row in {@code invRms} for the backward pass.
     */
    public static void rmsNormForward(float[] x, int rows, int width, float[] weight, float eps, float[] y,
            float[] invRms) {
        rmsNormForward(x, 0, rows, width, weight, eps, y, invRms);
    }

    /** {@link #rmsNormForward(float[], int, int, float[], float, float[], float[])} on rows {@code [rowFrom, rowTo)}. */
    public static void rmsNormForward(float[] x, int rowFrom, int rowTo, int width, float[] weight, float eps,
            float[] y, float[] invRms) {
        for (int t = rowFrom; t < rowTo; t++) {
            int base = t * width;
            double sumSquares = 0;
            for (int i = 0; i < width; i++) {
                float v = x[base + i];
                sumSquares += v * v;
            }
            float inv = (float) (1.0 / Math.sqrt(sumSquares / width + eps));
            invRms[t] = inv;
            for (int i = 0; i < width; i++) {
                y[base + i] = x[base + i] * inv * weight[i];
            }
        }
    }

    /**
     * Backward of {@link #rmsNormForward}: with {@code g = dy ⊙ w} and {@code r = invRms},
     * {@code dx += r·g − x·r³·mean(g ⊙ x)} and {@code dWeight += Σ_rows dy ⊙ x·r}.
     */
    public static void rmsNormBackward(float[] x, int rows, int width, float[] weight, float[] invRms, float[] dy,
            float[] dx, float[] dWeight) {
        for (int t = 0; t < rows; t++) {
            int base = t * width;
            float inv = invRms[t];
            double dot = 0;
            for (int i = 0; i < width; i++) {
                dot += dy[base + i] * weight[i] * x[base + i];
            }
            float coefficient = (float) (dot / width) * inv * inv * inv;
            for (int i = 0; i < width; i++) {
                float xi = x[base + i];
                float dyi = dy[base + i];
                dx[base + i] += dyi * weight[i] * inv - xi * coefficient;
                dWeight[i] += dyi * xi * inv;
            }
        }
    }

    // ---------------------------------------------------------------- LayerNorm

    /**
     * LayerNorm: {@code y = (x − mean) / sqrt(var + eps) ⊙ gamma + beta} (biased variance). Stores each row's
     * mean and reciprocal standard deviation for the backward pass.
     */
    public static void layerNormForward(float[] x, int rows, int width, float[] gamma, float[] beta, float eps,
            float[] y, float[] mean, float[] invStd) {
        for (int t = 0; t < rows; t++) {
            int base = t * width;
            double sum = 0;
            for (int i = 0; i < width; i++) {
                sum += x[base + i];
            }
            double mu = sum / width;
            double sumSquares = 0;
            for (int i = 0; i < width; i++) {
                double d = x[base + i] - mu;
                sumSquares += d * d;
            }
            float inv = (float) (1.0 / Math.sqrt(sumSquares / width + eps));
            mean[t] = (float) mu;
            invStd[t] = inv;
            for (int i = 0; i < width; i++) {
                y[base + i] = (x[base + i] - (float) mu) * inv * gamma[i] + beta[i];
            }
        }
    }

    /**
     * Backward of {@link #layerNormForward}: with {@code x̂} the normalised input and {@code g = dy ⊙ gamma},
     * {@code dx += invStd·(g − mean(g) − x̂·mean(g ⊙ x̂))}; {@code dGamma += Σ dy ⊙ x̂}, {@code dBeta += Σ dy}.
     */
    public static void layerNormBackward(float[] x, int rows, int width, float[] gamma, float[] mean,
            float[] invStd, float[] dy, float[] dx, float[] dGamma, float[] dBeta) {
        for (int t = 0; t < rows; t++) {
            int base = t * width;
            float mu = mean[t];
            float inv = invStd[t];
            double sumG = 0;
            double sumGx = 0;
            for (int i = 0; i < width; i++) {
                float xHat = (x[base + i] - mu) * inv;
                float g = dy[base + i] * gamma[i];
                sumG += g;
                sumGx += g * xHat;
            }
            float meanG = (float) (sumG / width);
            float meanGx = (float) (sumGx / width);
            for (int i = 0; i < width; i++) {
                float xHat = (x[base + i] - mu) * inv;
                float dyi = dy[base + i];
                dx[base + i] += inv * (dyi * gamma[i] - meanG - xHat * meanGx);
                dGamma[i] += dyi * xHat;
                dBeta[i] += dyi;
            }
        }
    }

    // ---------------------------------------------------------------- SwiGLU and ReLU

    /** {@code s = silu(gate) ⊙ up} with {@code silu(g) = g·σ(g)}, over the indices {@code [from, to)}. */
    public static void swigluForward(float[] gate, float[] up, float[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            float g = gate[i];
            s[i] = g / (1f + (float) Math.exp(-g)) * up[i];
        }
    }

    /**
     * Backward of {@link #swigluForward}: {@code dUp += ds·silu(g)},
     * {@code dGate += ds·up·σ(g)·(1 + g·(1 − σ(g)))}.
     */
    public static void swigluBackward(float[] gate, float[] up, float[] ds, float[] dGate, float[] dUp,
            int from, int to) {
        for (int i = from; i < to; i++) {
            float g = gate[i];
            float sigmoid = 1f / (1f + (float) Math.exp(-g));
            float d = ds[i];
            dUp[i] += d * g * sigmoid;
            dGate[i] += d * up[i] * sigmoid * (1f + g * (1f - sigmoid));
        }
    }

    /** {@code y = max(x, 0)}. */
    public static void reluForward(float[] x, float[] y, int count) {
        for (int i = 0; i < count; i++) {
            y[i] = Math.max(x[i], 0f);
        }
    }

    /** {@code dx += dy} where {@code x > 0}. */
    public static void reluBackward(float[] x, float[] dy, float[] dx, int count) {
        for (int i = 0; i < count; i++) {
            if (x[i] > 0f) {
                dx[i] += dy[i];
            }
        }
    }

    // ---------------------------------------------------------------- softmax cross-entropy

    /**
     * Softmax cross-entropy of rows {@code [rowFrom, rowTo)} of {@code logits} (rows of {@code classes} values)
     * against {@code targets[targetOffset + t]}. Writes each row's loss (natural log) to {@code rowLoss[t]} and
     * returns their sum. When {@code dLogits} is non-null its rows receive (overwritten)
     * {@code scale·(softmax − onehot)}, the gradient of {@code scale ×} the summed loss.
     */
    public static double softmaxCrossEntropy(float[] logits, int rowFrom, int rowTo, int classes, int[] targets,
            int targetOffset, float[] dLogits, float scale, float[] rowLoss) {
        double total = 0;
        for (int t = rowFrom; t < rowTo; t++) {
            int base = t * classes;
            int target = targets[targetOffset + t];
            if (target < 0 || target >= classes) {
                throw new IllegalArgumentException("target " + target + " at index " + (targetOffset + t)
                        + " is outside [0, " + classes + ")");
            }
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits[base + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(logits[base + c] - max);
            }
            double logSum = Math.log(sum) + max;
            float loss = (float) (logSum - logits[base + target]);
            rowLoss[t] = loss;
            total += loss;
            if (dLogits != null) {
                for (int c = 0; c < classes; c++) {
                    dLogits[base + c] = (float) Math.exp(logits[base + c] - logSum) * scale;
                }
                dLogits[base + target] -= scale;
            }
        }
        return total;
    }
}
