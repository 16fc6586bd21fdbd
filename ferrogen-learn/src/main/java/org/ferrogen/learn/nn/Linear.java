package org.ferrogen.learn.nn;

import java.util.List;
import java.util.random.RandomGenerator;

import org.ferrogen.learn.MatMul;
import org.ferrogen.learn.Parameter;

/**
 * Fully connected layer {@code y = W·x + b} with {@code W} stored out rows × in columns
 * ({@code y[o] = Σ_i W[o·in + i]·x[i] + b[o]}).
 */
public final class Linear implements Layer {

    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;
    private float[] input;
    private int rows;
    private float[] output = new float[0];
    private float[] gradInput = new float[0];
    private float[] scratch = new float[0];

    /**
     * @param name prefix of the parameter names ({@code name.weight}, {@code name.bias})
     * @param hasBias whether the layer adds a bias
     */
    public Linear(String name, int in, int out, boolean hasBias) {
        this.in = in;
        this.out = out;
        this.weight = Parameter.zeros(name + ".weight", out, in, true);
        this.bias = hasBias ? Parameter.zeros(name + ".bias", 1, out, false) : null;
    }

    /** He initialisation for ReLU networks: weights normal(0, sqrt(2/in)), biases zero. */
    public Linear initialiseHe(RandomGenerator random) {
        double std = Math.sqrt(2.0 / in);
        float[] w = weight.value();
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (random.nextGaussian() * std);
        }
        if (bias != null) {
            java.util.Arrays.fill(bias.value(), 0f);
        }
        return this;
    }

    public Parameter weight() {
        return weight;
    }

    /** The bias, or null when the layer has none. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public int inputWidth() {
        return in;
    }

    @Override
    public int outputWidth() {
        return out;
    }

    @Override
    public float[] forward(float[] x, int batchRows) {
        input = x;
        rows = batchRows;
        if (output.length < rows * out) {
            output = new float[rows * out];
            gradInput = new float[rows * in];
            scratch = new float[in * out];
        }
        MatMul.transpose(weight.value(), 0, out, in, scratch, 0);
        MatMul.multiply(x, 0, scratch, 0, output, 0, rows, out, in, false);
        if (bias != null) {
            float[] b = bias.value();
            for (int r = 0; r < rows; r++) {
                for (int o = 0; o < out; o++) {
                    output[r * out + o] += b[o];
                }
            }
        }
        return output;
    }

    @Override
    public float[] backward(float[] gradOutput) {
        java.util.Arrays.fill(gradInput, 0, rows * in, 0f);
        MatMul.multiply(gradOutput, 0, weight.value(), 0, gradInput, 0, rows, in, out, true);
        MatMul.multiplyTransposedA(null, gradOutput, 0, out, input, 0, in, weight.grad(), 0, in, out, in, rows, true);
        if (bias != null) {
            float[] db = bias.grad();
            for (int r = 0; r < rows; r++) {
                for (int o = 0; o < out; o++) {
                    db[o] += gradOutput[r * out + o];
                }
            }
        }
        return gradInput;
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }
}
