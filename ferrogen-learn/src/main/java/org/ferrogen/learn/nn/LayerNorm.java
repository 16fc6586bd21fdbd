package org.ferrogen.learn.nn;

import java.util.Arrays;
import java.util.List;

import org.ferrogen.learn.Ops;
import org.ferrogen.learn.Parameter;

/** Layer normalisation over each row with learned gain (initially 1) and bias (initially 0). */
public final class LayerNorm implements Layer {

    private final int width;
    private final float eps;
    private final Parameter gamma;
    private final Parameter beta;
    private float[] input;
    private int rows;
    private float[] output = new float[0];
    private float[] gradInput = new float[0];
    private float[] mean = new float[0];
    private float[] invStd = new float[0];

    public LayerNorm(String name, int width, float eps) {
        this.width = width;
        this.eps = eps;
        this.gamma = Parameter.zeros(name + ".weight", 1, width, false);
        this.beta = Parameter.zeros(name + ".bias", 1, width, false);
        Arrays.fill(gamma.value(), 1f);
    }

    public Parameter gamma() {
        return gamma;
    }

    public Parameter beta() {
        return beta;
    }

    @Override
    public int inputWidth() {
        return width;
    }

    @Override
    public int outputWidth() {
        return width;
    }

    @Override
    public float[] forward(float[] x, int batchRows) {
        input = x;
        rows = batchRows;
        if (output.length < rows * width) {
            output = new float[rows * width];
            gradInput = new float[rows * width];
            mean = new float[rows];
            invStd = new float[rows];
        }
        Ops.layerNormForward(x, rows, width, gamma.value(), beta.value(), eps, output, mean, invStd);
        return output;
    }

    @Override
    public float[] backward(float[] gradOutput) {
        Arrays.fill(gradInput, 0, rows * width, 0f);
        Ops.layerNormBackward(input, rows, width, gamma.value(), mean, invStd, gradOutput, gradInput, gamma.grad(),
                beta.grad());
        return gradInput;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }
}
