package org.ferrogen.learn.nn;

import java.util.List;

import org.ferrogen.learn.Parameter;

/**
 * A differentiable layer acting on a batch of rows. {@link #forward} keeps what {@link #backward} needs;
 * {@code backward} adds the parameter gradients into {@link Parameter#grad()} and returns the gradient with
 * respect to the forward input. An analog-crossbar layer for on-chip training implements the same contract.
 */
public interface Layer {

    /** Input values per row. */
    int inputWidth();

    /** Output values per row. */
    int outputWidth();

    /** Output for {@code rows} rows of {@code input} ({@code rows × inputWidth}); the array is owned by the layer. */
    float[] forward(float[] input, int rows);

    /** Gradient with respect to the last forward input, given the gradient of its output. */
    float[] backward(float[] gradOutput);

    /** Trainable parameters (empty for parameter-free layers). */
    List<Parameter> parameters();
}
