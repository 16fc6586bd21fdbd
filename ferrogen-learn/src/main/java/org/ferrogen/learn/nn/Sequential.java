package org.ferrogen.learn.nn;

import java.util.ArrayList;
import java.util.List;

import org.ferrogen.learn.Parameter;

/** Layers applied in order; backward runs them in reverse. */
public final class Sequential implements Layer {

    private final List<Layer> layers;

    public Sequential(List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a sequential model needs at least one layer");
        }
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i - 1).outputWidth() != layers.get(i).inputWidth()) {
                throw new IllegalArgumentException("layer " + (i - 1) + " outputs " + layers.get(i - 1).outputWidth()
                        + " values but layer " + i + " expects " + layers.get(i).inputWidth());
            }
        }
        this.layers = List.copyOf(layers);
    }

    public List<Layer> layers() {
        return layers;
    }

    @Override
    public int inputWidth() {
        return layers.get(0).inputWidth();
    }

    @Override
    public int outputWidth() {
        return layers.get(layers.size() - 1).outputWidth();
    }

    @Override
    public float[] forward(float[] input, int rows) {
        float[] x = input;
        for (Layer layer : layers) {
            x = layer.forward(x, rows);
        }
        return x;
    }

    @Override
    public float[] backward(float[] gradOutput) {
        float[] g = gradOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g);
        }
        return g;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (Layer layer : layers) {
            all.addAll(layer.parameters());
        }
        return List.copyOf(all);
    }

    /** Zeroes every parameter gradient. */
    public void zeroGradients() {
        for (Parameter parameter : parameters()) {
            parameter.zeroGrad();
        }
    }
}
