package org.ferrogen.genai.study;

/**
 * Sizes of the randomness-quality study's workloads.
 *
 * @param lmSamples language-model continuations per source
 * @param lmTokens tokens per continuation
 * @param rlRepeats independent bandit and grid-world runs per source
 * @param banditSteps pulls per bandit run
 * @param cliffEpisodes Q-learning episodes per grid-world run
 * @param diffusionBatches independent image batches per source (0 skips the diffusion workload)
 * @param diffusionSamples images per batch
 * @param healthSamples raw samples the health tests may see before a source counts as undetected
 */
public record StudyPlan(int lmSamples, int lmTokens, int rlRepeats, int banditSteps, int cliffEpisodes,
    int diffusionBatches, int diffusionSamples, long healthSamples) {

  public StudyPlan {
    if (lmSamples < 2 || lmTokens < 4 || rlRepeats < 2 || banditSteps < 1 || cliffEpisodes < 1
        || diffusionBatches < 0 || diffusionSamples < 2 || healthSamples < 1024) {
      throw new IllegalArgumentException("study plan out of range: " + this);
    }
  }

  /** Finishes in minutes on two cores. */
  public static StudyPlan quick() {
    return new StudyPlan(16, 48, 20, 1000, 200, 2, 48, 2_000_000);
  }

  /** The figures in docs/randomness-study.md. */
  public static StudyPlan full() {
    return new StudyPlan(48, 96, 100, 2000, 300, 4, 128, 50_000_000);
  }
}
