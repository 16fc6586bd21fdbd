package org.ferrogen.learn.optim;

import java.util.List;

import org.ferrogen.learn.Parameter;

/**
 * Stochastic gradient descent with optional heavy-ball momentum and weight decay:
 * {@code u = μ·u + g + λ·w}, {@code w −= lr·u} (λ only on parameters marked {@link Parameter#decays()}).
 * With {@code μ = 0} and {@code λ = 0} this is the plain online update {@code w −= lr·g} that on-chip
 * training applies as conductance pulses.
 */
public final class Sgd {

    private final List<Parameter> parameters;
    private final float momentum;
    private final float weightDecay;
    private final float[][] velocity;

    public Sgd(List<Parameter> parameters, float momentum, float weightDecay) {
        if (!(momentum >= 0 && momentum < 1) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("invalid SGD hyper-parameters momentum=" + momentum
                    + " weightDecay=" + weightDecay);
        }
        this.parameters = List.copyOf(parameters);
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        velocity = new float[this.parameters.size()][];
        for (int i = 0; i < this.parameters.size(); i++) {
            velocity[i] = momentum > 0 ? new float[this.parameters.get(i).size()] : null;
        }
    }

    /** Plain SGD: no momentum, no decay. */
    public static Sgd plain(List<Parameter> parameters) {
        return new Sgd(parameters, 0f, 0f);
    }

    public void step(float learningRate) {
        for (int p = 0; p < parameters.size(); p++) {
            Parameter parameter = parameters.get(p);
            float[] w = parameter.value();
            float[] g = parameter.grad();
            float decay = parameter.decays() ? weightDecay : 0f;
            float[] u = velocity[p];
            for (int i = 0; i < w.length; i++) {
                float update = g[i] + decay * w[i];
                if (u != null) {
                    update += momentum * u[i];
                    u[i] = update;
                }
                w[i] -= learningRate * update;
            }
        }
    }
}
