package org.ferrogen.learn;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named trainable tensor: its values and a gradient buffer of the same size. Matrices are row-major
 * {@code rows × cols} (for a linear layer: out rows × in columns); vectors have one row.
 *
 * @param name   tensor name (for the Llama model, the GGUF tensor name)
 * @param rows   number of rows (1 for a vector)
 * @param cols   number of columns
 * @param value  the values, {@code rows·cols} floats
 * @param grad   the gradient, same size
 * @param decays whether weight decay applies (matrices yes; norm gains and biases no)
 */
public record Parameter(String name, int rows, int cols, float[] value, float[] grad, boolean decays) {

    public Parameter {
        Objects.requireNonNull(name, "name");
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("parameter " + name + " has invalid shape " + rows + "×" + cols);
        }
        if (value.length != rows * cols || grad.length != rows * cols) {
            throw new IllegalArgumentException("parameter " + name + " buffers do not match shape " + rows + "×" + cols);
        }
    }

    /** A zero-initialised parameter with its own gradient buffer. */
    public static Parameter zeros(String name, int rows, int cols, boolean decays) {
        return new Parameter(name, rows, cols, new float[rows * cols], new float[rows * cols], decays);
    }

    public int size() {
        return value.length;
    }

    public void zeroGrad() {
        Arrays.fill(grad, 0f);
    }

    /** Identity: a parameter is a mutable buffer, and models key per-parameter state by the instance. */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "Parameter[" + name + " " + rows + "×" + cols + "]";
    }
}
