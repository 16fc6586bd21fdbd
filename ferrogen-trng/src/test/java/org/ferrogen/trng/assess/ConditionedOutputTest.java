package org.ferrogen.trng.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.ferrogen.randomness.bits.BitFormat;
import org.ferrogen.randomness.bits.BitSequence;
import org.ferrogen.randomness.sp80022.Sp80022Battery;
import org.ferrogen.randomness.sp80022.Sp80022Parameters;
import org.ferrogen.randomness.sp80022.Sp80022Test;
import org.ferrogen.randomness.sp80022.TestResult;
import org.ferrogen.trng.NoiseSeed;
import org.ferrogen.trng.design.TrngDesign;
import org.ferrogen.trng.pipeline.EntropyPipeline;
import org.ferrogen.trng.pipeline.PipelineConfig;
import org.junit.jupiter.api.Test;

/**
 * A quick SP 800-22 subset on one 10^6-bit stream of conditioned output per design. Each P-value
 * must exceed 10^-3; with about 10 P-values per design the false-failure probability is about 1 %
 * per design for a perfect generator (the seeds are fixed, so the outcome is deterministic). The
 * full 100-stream battery is {@code ferrogen trng assess}.
 */
class ConditionedOutputTest {

  @Test
  void conditionedOutputPassesAQuickSp80022Subset() {
    Sp80022Battery battery = new Sp80022Battery(Sp80022Parameters.defaults(), EnumSet.of(
        Sp80022Test.FREQUENCY, Sp80022Test.BLOCK_FREQUENCY, Sp80022Test.RUNS, Sp80022Test.LONGEST_RUN,
        Sp80022Test.CUMULATIVE_SUMS, Sp80022Test.APPROXIMATE_ENTROPY, Sp80022Test.SERIAL));
    for (TrngDesign d : TrngDesign.values()) {
      try (EntropyPipeline p = new EntropyPipeline(d.create(d.nominalConditions(), NoiseSeed.fromSeed(77)), PipelineConfig.defaults())) {
        byte[] bytes = new byte[125_000];
        p.nextBytes(bytes, 0, bytes.length);
        List<TestResult> results = battery.runSequential(BitSequence.fromBytes(bytes, BitFormat.MSB));
        assertThat(results).isNotEmpty();
        for (TestResult r : results) {
          for (TestResult.VariantPValue v : r.pValues()) {
            assertThat(v.pValue()).as(d + " " + r.test() + " " + v.variant()).isPresent();
            assertThat(v.pValue().getAsDouble()).as(d + " " + r.test() + " " + v.variant()).isGreaterThan(1e-3);
          }
        }
      }
    }
  }
}
