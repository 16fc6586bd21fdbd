package org.ferrogen.randomness.sp80022;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChanceLevelTest {

  @Test
  void lineFailureAtOneHundredStreamsIsTheBinomialTail() {
    // 96 of 100 is below 0.99 - 3*sqrt(0.99*0.01/100) = 0.9602, so a line fails with 4 or more
    // failing streams: 1 - sum_{k<=3} C(100,k) 0.01^k 0.99^(100-k) = 0.018374 (hand computation).
    assertThat(FinalAnalysis.lineFailureProbability(100, 0.01, false)).isCloseTo(0.018374, within(1e-6));
    assertThat(FinalAnalysis.lineFailureProbability(100, 0.01, true))
        .isCloseTo(1 - (1 - 0.018374) * (1 - 1e-4), within(1e-6));
    // One stream: the interval [0.8915, 1.0885] only admits a pass, which happens with 0.99.
    assertThat(FinalAnalysis.lineFailureProbability(1, 0.01, false)).isCloseTo(0.01, within(1e-12));
    assertThatThrownBy(() -> FinalAnalysis.lineFailureProbability(0, 0.01, false))
        .hasMessageContaining("sample size");
  }

  @Test
  void batteryOfIdenticalLinesFollowsTheBinomialCount() {
    List<FinalAnalysis.Summary> lines = new ArrayList<>();
    for (int i = 0; i < 188; i++) {
      lines.add(line(100, i < 2 ? 95 : 99));
    }
    FinalAnalysis.ChanceLevel c = FinalAnalysis.chanceLevel(lines, 0.01);
    double p = FinalAnalysis.lineFailureProbability(100, 0.01, true);
    assertThat(c.lines()).isEqualTo(188);
    assertThat(c.failed()).isEqualTo(2);
    assertThat(c.expectedFailures()).isCloseTo(188 * p, within(1e-9));
    double none = Math.pow(1 - p, 188);
    double one = 188 * p * Math.pow(1 - p, 187);
    assertThat(c.atLeastAsMany()).isCloseTo(1 - none - one, within(1e-9));
  }

  @Test
  void idealGeneratorsFailAboutTheExpectedNumberOfLines() {
    // 2000 simulated batteries of 188 lines of 100 uniform P-values each; the mean count of failing
    // lines must match the expectation within 5 standard errors (false-failure rate < 1e-6).
    SplittableRandom rng = new SplittableRandom(20261202);
    int batteries = 2000;
    long failedTotal = 0;
    double expected = 0;
    for (int b = 0; b < batteries; b++) {
      List<FinalAnalysis.Summary> lines = new ArrayList<>();
      for (int l = 0; l < 188; l++) {
        List<Double> p = new ArrayList<>(100);
        for (int s = 0; s < 100; s++) {
          p.add(rng.nextDouble());
        }
        lines.add(FinalAnalysis.summarize(Sp80022Test.FREQUENCY, "", p, 0.01));
      }
      FinalAnalysis.ChanceLevel c = FinalAnalysis.chanceLevel(lines, 0.01);
      failedTotal += c.failed();
      expected = c.expectedFailures();
    }
    double mean = failedTotal / (double) batteries;
    double standardError = Math.sqrt(expected / batteries);
    assertThat(mean).isCloseTo(expected, within(5 * standardError));
  }

  @Test
  void theStsProgramsIntegerBoundsLetNinetySixOfOneHundredPass() {
    // 100 · (0.99 − 3·sqrt(0.99·0.01/100)) = 96.015: below it as a real number, but STS 2.1.2 stores
    // the bound in an int (96), so 96 passing streams fail here and pass there; 95 fail both.
    FinalAnalysis.Summary ninetySix = line(100, 96);
    assertThat(ninetySix.pass()).isFalse();
    assertThat(ninetySix.stsToolPass()).isTrue();
    FinalAnalysis.Summary ninetyFive = line(100, 95);
    assertThat(ninetyFive.pass()).isFalse();
    assertThat(ninetyFive.stsToolPass()).isFalse();
    assertThat(line(100, 100).stsToolPass()).isTrue();
    // 1000 streams: bound 980.56 -> 980 in the program; 980 passes there only.
    assertThat(line(1000, 980).pass()).isFalse();
    assertThat(line(1000, 980).stsToolPass()).isTrue();
    assertThat(line(1000, 979).stsToolPass()).isFalse();
  }

  @Test
  void emptyLinesAreLeftOut() {
    FinalAnalysis.Summary empty = FinalAnalysis.summarize(Sp80022Test.RANDOM_EXCURSIONS, "x = 1", List.of(), 0.01);
    FinalAnalysis.ChanceLevel c = FinalAnalysis.chanceLevel(List.of(empty, line(60, 60)), 0.01);
    assertThat(c.lines()).isEqualTo(1);
    assertThat(c.failed()).isZero();
    assertThat(c.atLeastAsMany()).isEqualTo(1.0);
  }

  private static FinalAnalysis.Summary line(int size, int passing) {
    List<Double> p = new ArrayList<>(Collections.nCopies(passing, 0.05));
    p.addAll(Collections.nCopies(size - passing, 0.001));
    // Spread the passing P-values over the bins so that uniformity does not decide the line.
    for (int i = 0; i < passing; i++) {
      p.set(i, 0.01 + 0.99 * (i + 0.5) / passing);
    }
    return FinalAnalysis.summarize(Sp80022Test.FREQUENCY, "", p, 0.01);
  }
}
