package org.ferrogen.learn.llama;

import java.util.List;

/**
 * Outcome of {@link LlamaTrainer#train}.
 *
 * @param weights         trained tensors under their GGUF names, with the architecture
 * @param training        the optimisation settings used
 * @param curve           one point per step (held-out loss at evaluation steps)
 * @param validation      held-out loss of the final weights on all validation tokens
 * @param seconds         wall-clock training time, evaluations excluded
 * @param tokensPerSecond training tokens per second (forward, backward and update), evaluations excluded
 */
public record TrainingResult(LlamaWeights weights, TrainingConfig training, List<LossPoint> curve,
        Evaluation validation, double seconds, double tokensPerSecond) {

    public TrainingResult {
        curve = List.copyOf(curve);
    }
}
