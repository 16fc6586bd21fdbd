package org.ferrogen.learn.optim;

import java.util.List;

import org.ferrogen.learn.Parameter;

/**
 * Adam with decoupled weight decay (Loshchilov &amp; Hutter, "Decoupled Weight Decay Regularization", ICLR 2019):
 * {@code m = β1·m + (1−β1)·g}, {@code v = β2·v + (1−β2)·g²},
 * {@code w −= lr·(m̂/(sqrt(v̂)+ε) + λ·w)} with bias-corrected {@code m̂, v̂}; the decay {@code λ} applies
 * only to parameters marked {@link Parameter#decays()}.
 */
public final class AdamW {

    private final List<Parameter> parameters;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
    private final float[][] firstMoment;
    private final float[][] secondMoment;
    private int step;

    public AdamW(List<Parameter> parameters, float beta1, float beta2, float epsilon, float weightDecay) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("invalid AdamW hyper-parameters beta1=" + beta1 + " beta2=" + beta2
                    + " epsilon=" + epsilon + " weightDecay=" + weightDecay);
        }
        this.parameters = List.copyOf(parameters);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        firstMoment = new float[this.parameters.size()][];
        secondMoment = new float[this.parameters.size()][];
        for (int i = 0; i < this.parameters.size(); i++) {
            firstMoment[i] = new float[this.parameters.get(i).size()];
            secondMoment[i] = new float[this.parameters.get(i).size()];
        }
    }

    /** Number of updates applied so far. */
    public int steps() {
        return step;
    }

    /** Applies one update with learning rate {@code learningRate} from the parameters' current gradients. */
    public void step(float learningRate) {
        step++;
        float correction1 = (float) (1 - Math.pow(beta1, step));
        float correction2 = (float) (1 - Math.pow(beta2, step));
        float stepSize = learningRate / correction1;
        float invSqrtCorrection2 = (float) (1 / Math.sqrt(correction2));
        for (int p = 0; p < parameters.size(); p++) {
            Parameter parameter = parameters.get(p);
            float[] w = parameter.value();
            float[] g = parameter.grad();
            float[] m = firstMoment[p];
            float[] v = secondMoment[p];
            float decay = parameter.decays() ? 1f - learningRate * weightDecay : 1f;
            for (int i = 0; i < w.length; i++) {
                float gi = g[i];
                float mi = beta1 * m[i] + (1 - beta1) * gi;
                float vi = beta2 * v[i] + (1 - beta2) * gi * gi;
                m[i] = mi;
                v[i] = vi;
                w[i] = w[i] * decay - stepSize * mi / ((float) Math.sqrt(vi) * invSqrtCorrection2 + epsilon);
            }
        }
    }
}
