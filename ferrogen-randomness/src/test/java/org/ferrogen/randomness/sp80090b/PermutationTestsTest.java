package org.ferrogen.randomness.sp80090b;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PermutationTestsTest {

  @Test
  void shuffleGivesEveryOrderingEquallyOften() {
    int draws = 120_000;
    Map<String, Integer> counts = new HashMap<>();
    for (int seed = 0; seed < draws; seed++) {
      byte[] a = {0, 1, 2, 3, 4};
      PermutationTests.shuffle(a, seed);
      counts.merge(Arrays.toString(a), 1, Integer::sum);
    }
    assertThat(counts).hasSize(120);
    double expected = draws / 120.0;
    double chi = 0;
    for (int c : counts.values()) {
      chi += (c - expected) * (c - expected) / expected;
    }
    // 119 degrees of freedom: the 99.9% quantile is about 173.
    assertThat(chi).isLessThan(173);
  }

  @Test
  void shuffleKeepsTheMultisetAndDependsOnlyOnTheSeed() {
    SplittableRandom rng = new SplittableRandom(11);
    byte[] data = new byte[100_003];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) rng.nextInt(7);
    }
    byte[] a = data.clone();
    byte[] b = data.clone();
    PermutationTests.shuffle(a, 99);
    PermutationTests.shuffle(b, 99);
    assertThat(a).isEqualTo(b).isNotEqualTo(data);
    byte[] sortedA = a.clone();
    byte[] sortedData = data.clone();
    Arrays.sort(sortedA);
    Arrays.sort(sortedData);
    assertThat(sortedA).isEqualTo(sortedData);
  }

  @Test
  void conversionOneCountsOnesPerByteIncludingAPartialLastBlock() {
    SplittableRandom rng = new SplittableRandom(4);
    byte[] bits = new byte[8 * 100 + 5];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = (byte) rng.nextInt(2);
    }
    byte[] out = PermutationTests.conversion1(bits);
    assertThat(out).hasSize(101);
    for (int b = 0; b < out.length; b++) {
      int ones = 0;
      for (int i = 8 * b; i < Math.min(8 * b + 8, bits.length); i++) {
        ones += bits[i];
      }
      assertThat(out[b]).as("block %d", b).isEqualTo((byte) ones);
    }
  }

  /** The excursion and the compression statistic read raw values, not the translated symbols. */
  @Test
  void translatedSamplesAreRankedOnTheirRawValues() {
    SplittableRandom rng = new SplittableRandom(8);
    byte[] d = new byte[4_000];
    for (int i = 0; i < d.length; i++) {
      d[i] = (byte) (rng.nextBoolean() ? 3 : 12);
    }
    Samples s = Samples.of("two values", d, 4);
    assertThat(s.translated()).isTrue();
    PermutationTests.Outcome o = PermutationTests.run(s, 5, false, 20);
    double rawMean = 0;
    for (byte b : d) {
      rawMean += b;
    }
    rawMean /= d.length;
    assertThat(o.rankings().get(0).value())
        .isCloseTo(PermutationTests.excursion(d, rawMean), within(1e-9));
    byte[] text = PermutationTests.decimalText(d);
    assertThat(o.rankings().get(18).value()).isEqualTo((double) Bzip2Length.of(text, text.length));
  }
}
