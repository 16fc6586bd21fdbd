package org.ferrogen.genai.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A small run of the study's exploration and health workloads (the language and diffusion
 * workloads need the shipped models and are exercised by the CLI). Seeds are fixed; the contrasts
 * asserted are many interval widths apart.
 */
class RandomnessStudyTest {

  @Test
  void brokenSourcesHurtExplorationAndTheHealthTestsSeeAllButThePeriodicOne() {
    StudyPlan plan = new StudyPlan(2, 4, 6, 300, 30, 0, 2, 20_000);
    RandomnessStudy study = new RandomnessStudy(plan, 42, Optional.empty(), Optional.empty());
    long[] reported = new long[1];
    List<RandomnessStudy.SourceResult> results = study.run(n -> reported[0] += n);
    assertThat(reported[0]).isEqualTo(study.work());
    Map<String, RandomnessStudy.SourceResult> bySource = results.stream()
        .collect(Collectors.toMap(RandomnessStudy.SourceResult::source, Function.identity()));
    assertThat(bySource).hasSize(9);
    // Without the language workload the analog-noise source has nothing to run: no random numbers for RL.
    assertThat(bySource.get("analog-noise").rl().thompsonRegret().mean()).isNaN();
    assertThat(bySource.get("analog-noise").health().samplesToAlarm()).isNull();

    double prng = bySource.get("prng").rl().epsilonGreedyRegret().mean();
    double trng = bySource.get("trng").rl().epsilonGreedyRegret().mean();
    RandomnessStudy.RlResult stuck = bySource.get("stuck").rl();
    // A stuck source always "explores" arm 0: regret grows by that arm's gap on every pull, while
    // the healthy sources learn (on these six bandits about 51 against 66 after 300 pulls).
    assertThat(stuck.epsilonGreedyRegret().mean()).isGreaterThan(1.2 * Math.max(prng, trng));
    // Stuck bits never finish an episode of the grid world: the return is the step limit, −1000.
    assertThat(stuck.cliffReturn().mean()).isEqualTo(-1000);

    assertThat(bySource.get("trng").health().samplesToAlarm()).isNull();
    assertThat(bySource.get("stuck").health().samplesToAlarm()).isEqualTo(21L);
    assertThat(bySource.get("bias-0.75").health().samplesToAlarm()).isNotNull();
    assertThat(bySource.get("lag1-0.5").health().samplesToAlarm()).isNotNull();
    assertThat(bySource.get("periodic-4096").health().samplesToAlarm()).isNull();
    assertThat(bySource.get("periodic-4096").health().samplesChecked()).isEqualTo(20_000);
  }

  @Test
  void estimatesUseStudentT() {
    Estimate e = Estimate.of(new double[] {1, 2, 3});
    // mean 2, s = 1, t(0.975, 2) = 4.3027: half-width 4.3027/√3
    assertThat(e.mean()).isEqualTo(2);
    assertThat(e.halfWidth95()).isCloseTo(4.302653 / Math.sqrt(3), org.assertj.core.data.Offset.offset(1e-5));
    assertThat(Estimate.of(new double[] {5}).halfWidth95()).isNaN();
  }
}
