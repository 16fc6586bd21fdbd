package org.ferrogen.learn.optim;

import java.util.List;

import org.ferrogen.learn.Parameter;

/** Whole-model gradient utilities. */
public final class Gradients {

    private Gradients() {
    }

    /** Euclidean norm of all gradients taken together. */
    public static double globalNorm(List<Parameter> parameters) {
        double sum = 0;
        for (Parameter parameter : parameters) {
            for (float g : parameter.grad()) {
                sum += (double) g * g;
            }
        }
        return Math.sqrt(sum);
    }

    /**
     * Scales all gradients by {@code maxNorm / norm} when their global norm exceeds {@code maxNorm}
     * (clipping by global norm). Returns the norm before clipping.
     */
    public static double clipGlobalNorm(List<Parameter> parameters, double maxNorm) {
        double norm = globalNorm(parameters);
        if (norm > maxNorm && norm > 0) {
            float factor = (float) (maxNorm / norm);
            for (Parameter parameter : parameters) {
                float[] g = parameter.grad();
                for (int i = 0; i < g.length; i++) {
                    g[i] *= factor;
                }
            }
        }
        return norm;
    }
}
