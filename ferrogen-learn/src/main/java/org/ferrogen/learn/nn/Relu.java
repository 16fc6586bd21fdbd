package org.ferrogen.learn.nn;

import java.util.Arrays;
import java.util.List;

import org.ferrogen.learn.Ops;
import org.ferrogen.learn.Parameter;

/** Rectified linear unit {@code max(x, 0)}. */
public final class Relu implements Layer {

    private final int width;
    private float[] input;
    private int count;
    private float[] output = new float[0];
    private float[] gradInput = new float[0];

    public Relu(int width) {
        this.width = width;
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
    public float[] forward(float[] x, int rows) {
        input = x;
        count = rows * width;
        if (output.length < count) {
            output = new float[count];
            gradInput = new float[count];
        }
        Ops.reluForward(x, output, count);
        return output;
    }

    @Override
    public float[] backward(float[] gradOutput) {
        Arrays.fill(gradInput, 0, count, 0f);
        Ops.reluBackward(input, gradOutput, gradInput, count);
        return gradInput;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }
}
