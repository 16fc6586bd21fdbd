package org.ferrogen.genai.entropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import org.ferrogen.trng.EntropySource;
import org.junit.jupiter.api.Test;

/**
 * The degraded sources of the randomness study and how the SP 800-90B health tests (α = 2^-20,
 * claimed entropy 1 bit/sample) see them. Seeds are fixed; the bounds on bit frequencies are 6
 * standard errors wide (false-failure probability about 2·10^-9 each).
 */
class StudySourceTest {
  private static final double ALPHA = 0x1p-20;

  @Test
  void rawSourcesHaveTheirStatedBias() {
    for (StudySource s : new StudySource[] {StudySource.BIAS_055, StudySource.BIAS_060, StudySource.BIAS_075,
        StudySource.LAG1, StudySource.LOW_ENTROPY, StudySource.STUCK}) {
      EntropySource raw = s.rawSource(7).orElseThrow();
      byte[] bits = new byte[200_000];
      raw.read(bits, 0, bits.length);
      double ones = 0;
      for (byte b : bits) {
        ones += b;
      }
      double p = s.probabilityOfOne();
      // Lag-1 correlation and a period inflate the variance of the frequency; 0.01 covers both.
      double tolerance = p == 0 ? 0 : 0.01;
      assertThat(ones / bits.length).as(s.key()).isCloseTo(p, org.assertj.core.data.Offset.offset(tolerance));
    }
  }

  @Test
  void rawBitsArePackedLeastSignificantFirst() {
    RandomGenerator stuck = StudySource.STUCK.open(1, 1L << 22);
    assertThat(stuck.nextLong()).isZero();
    RandomGenerator biased = StudySource.BIAS_075.open(2, 1L << 22);
    double ones = 0;
    for (int i = 0; i < 1000; i++) {
      ones += Long.bitCount(biased.nextLong());
    }
    assertThat(ones / 64_000).isCloseTo(0.75, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void aStuckSourceExhaustsItsBudgetInsteadOfHangingARejectionSampler() {
    RandomGenerator stuck = new RawBitsGenerator(StudySource.STUCK.rawSource(3).orElseThrow(), 1000);
    assertThatThrownBy(() -> {
      for (int i = 0; i < 2000; i++) {
        stuck.nextLong();
      }
    }).isInstanceOf(RawBitsGenerator.EntropyBudgetExhausted.class).hasMessageContaining("never accepted");
  }

  @Test
  void healthTestsCatchBiasCorrelationAndStuckBitsButNotAPeriodicSource() {
    long max = 2_000_000;
    OptionalLong stuck = HealthDetection.samplesToAlarm(StudySource.STUCK.rawSource(4).orElseThrow(), 1.0, ALPHA, max);
    // The repetition-count cutoff for H = 1, α = 2^-20 is 21: the 21st identical sample alarms.
    assertThat(stuck).hasValue(21);
    for (StudySource s : new StudySource[] {StudySource.BIAS_060, StudySource.BIAS_075, StudySource.LAG1}) {
      assertThat(HealthDetection.samplesToAlarm(s.rawSource(4).orElseThrow(), 1.0, ALPHA, max))
          .as(s.key()).isPresent();
    }
    assertThat(HealthDetection.samplesToAlarm(StudySource.LOW_ENTROPY.rawSource(4).orElseThrow(), 1.0, ALPHA, max))
        .isEmpty();
  }

  @Test
  void keysRoundTrip() {
    for (StudySource s : StudySource.values()) {
      assertThat(StudySource.fromKey(s.key())).isSameAs(s);
    }
    assertThatThrownBy(() -> StudySource.fromKey("nope")).hasMessageContaining("nope");
  }
}
