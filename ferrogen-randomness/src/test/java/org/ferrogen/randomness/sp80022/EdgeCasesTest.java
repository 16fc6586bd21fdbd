package org.ferrogen.randomness.sp80022;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ferrogen.randomness.bits.BitFormat;
import org.ferrogen.randomness.bits.BitSequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class EdgeCasesTest {

  // Issue 16: run() copied all results once per stream, so 10^5 one-bit streams never returned. The
  // timeout is a generous hang guard, not a speed assertion (linear: well under a second of work).
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void oneBitStreamsRunInTimeLinearInTheirNumber() {
    byte[] bytes = new byte[100_000 / 8];
    new SplittableRandom(3).nextBytes(bytes);
    BitSequence all = BitSequence.fromBytes(bytes, BitFormat.MSB);
    Sp80022Battery.BatteryReport report = new Sp80022Battery(Sp80022Parameters.defaults(), Set.of(Sp80022Test.FREQUENCY))
        .run(all.streams(1, 100_000));
    assertThat(report.streams()).isEqualTo(100_000);
    assertThat(report.results().get(99_999)).hasSize(1);
  }

  @Test
  void shortStreamsAreReportedTooShortNotThrown() {
    BitSequence s = BitSequence.parseAscii("0110101101");
    Sp80022Battery battery = new Sp80022Battery(Sp80022Parameters.defaults());
    List<TestResult> results = battery.runSequential(s);
    assertThat(results).hasSize(15);
    for (TestResult r : results) {
      switch (r.test()) {
        case FREQUENCY, CUMULATIVE_SUMS, RUNS, FFT -> assertThat(r.status())
            .as(r.test().stsName()).isEqualTo(TestResult.Status.APPLIED);
        case RANDOM_EXCURSIONS, RANDOM_EXCURSIONS_VARIANT -> assertThat(r.status())
            .isEqualTo(TestResult.Status.NOT_APPLICABLE);
        default -> {
          assertThat(r.status()).as(r.test().stsName()).isEqualTo(TestResult.Status.TOO_SHORT);
          assertThat(r.detail()).contains("needs");
          assertThat(r.pValues()).allSatisfy(v -> assertThat(v.pValue()).isEmpty());
        }
      }
    }
    Sp80022Battery.BatteryReport report = battery.run(List.of(s));
    assertThat(report.tooShort()).anySatisfy(line -> assertThat(line).startsWith("Universal (needs"));
  }

  @Test
  void emptyStreamIsTooShortForEveryTest() {
    BitSequence empty = BitSequence.parseAscii("");
    for (Sp80022Test t : Sp80022Test.values()) {
      assertThat(t.run(empty, Sp80022Parameters.defaults()).status())
          .as(t.stsName()).isEqualTo(TestResult.Status.TOO_SHORT);
    }
  }

  @Test
  void runsTestFailsItsFrequencyPrerequisiteWithPZero() {
    assertThat(RunsTest.pValue(BitSequence.parseAscii("1111111111111111111111101"))).isZero();
  }

  @Test
  void constantSequenceFailsTheFrequencyTest() {
    assertThat(FrequencyTest.pValue(BitSequence.parseAscii("1".repeat(1000)))).isLessThan(1e-100);
  }

  @Test
  void invalidParametersNameTheField() {
    assertThatThrownBy(() -> Sp80022Parameters.defaults().withSerialBlockLength(1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serialBlockLength");
    assertThatThrownBy(() -> Sp80022Parameters.defaults().withLongestRunBlockLength(100))
        .hasMessageContaining("longestRunBlockLength");
    assertThatThrownBy(() -> Sp80022Test.fromStsName("Bogus")).hasMessageContaining("Bogus");
  }

  @Test
  void specialFunctionsMatchKnownValues() {
    assertThat(SpecialFunctions.erfc(0.5)).isCloseTo(0.4795001221869535, within(1e-15));
    assertThat(SpecialFunctions.erfc(-1.0)).isCloseTo(1.8427007929497148, within(1e-15));
    assertThat(SpecialFunctions.erfc(5.0)).isCloseTo(1.5374597944280349e-12, within(1e-24));
    assertThat(SpecialFunctions.normalCdf(1.96)).isCloseTo(0.9750021048517795, within(1e-15));
    assertThat(SpecialFunctions.igamc(1.0, 2.0)).isCloseTo(Math.exp(-2.0), within(1e-15));
    // Q(3, x) = e^-x (1 + x + x²/2): continued-fraction branch (x = 4) and series branch (x = 0.5)
    assertThat(SpecialFunctions.igamc(3.0, 4.0)).isCloseTo(Math.exp(-4.0) * 13.0, within(1e-14));
    assertThat(SpecialFunctions.igamc(3.0, 0.5)).isCloseTo(Math.exp(-0.5) * 1.625, within(1e-14));
    assertThat(SpecialFunctions.igam(3.0, 0.5)).isCloseTo(1 - Math.exp(-0.5) * 1.625, within(1e-14));
    assertThat(SpecialFunctions.lnGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-14));
    assertThat(SpecialFunctions.lnGamma(100)).isCloseTo(359.1342053695754, within(1e-11));
  }

  @Test
  void finalAnalysisFollowsTheStsRules() {
    List<Double> p = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      p.add((i + 0.5) / 100.0);
    }
    FinalAnalysis.Summary uniform = FinalAnalysis.summarize(Sp80022Test.FREQUENCY, "", p, 0.01);
    assertThat(uniform.histogram()).containsOnly(10);
    assertThat(uniform.uniformity()).hasValue(1.0);
    assertThat(uniform.passed()).isEqualTo(99);
    assertThat(uniform.proportionLow()).isCloseTo(0.99 - 3 * Math.sqrt(0.99 * 0.01 / 100), within(1e-15));
    assertThat(uniform.pass()).isTrue();
    List<Double> bad = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      bad.add(i < 10 ? 0.001 : 0.55);
    }
    FinalAnalysis.Summary skewed = FinalAnalysis.summarize(Sp80022Test.FREQUENCY, "", bad, 0.01);
    assertThat(skewed.proportionOk()).isFalse();
    assertThat(skewed.uniformity().getAsDouble()).isLessThan(FinalAnalysis.UNIFORMITY_THRESHOLD);
    assertThat(skewed.pass()).isFalse();
    FinalAnalysis.Summary few = FinalAnalysis.summarize(Sp80022Test.FREQUENCY, "", List.of(0.5, 1.0), 0.01);
    assertThat(few.uniformity()).isEmpty();
    assertThat(few.histogram().get(9)).isEqualTo(1); // P = 1 goes to the last bin
  }

  @Test
  void multiStreamRunLeavesInapplicableExcursionStreamsOut() {
    SplittableRandom r = new SplittableRandom(1);
    byte[] bytes = new byte[4 * 125_000];
    r.nextBytes(bytes);
    BitSequence all = BitSequence.fromBytes(bytes, BitFormat.MSB);
    Sp80022Battery.BatteryReport report = new Sp80022Battery(Sp80022Parameters.defaults())
        .run(all.streams(1_000_000, 4));
    assertThat(report.streams()).isEqualTo(4);
    int applicable = 0;
    for (List<TestResult> stream : report.results()) {
      TestResult re = stream.get(Sp80022Test.RANDOM_EXCURSIONS.ordinal());
      if (re.status() == TestResult.Status.APPLIED) {
        applicable++;
      }
    }
    int finalApplicable = applicable;
    assertThat(report.summary())
        .filteredOn(s -> s.test() == Sp80022Test.RANDOM_EXCURSIONS)
        .hasSize(8)
        .allSatisfy(s -> assertThat(s.sampleSize()).isEqualTo(finalApplicable));
    assertThat(report.summary())
        .filteredOn(s -> s.test() == Sp80022Test.FREQUENCY)
        .singleElement().satisfies(s -> assertThat(s.sampleSize()).isEqualTo(4));
    assertThat(report.rows()).hasSize(4 * 188);
  }
}
