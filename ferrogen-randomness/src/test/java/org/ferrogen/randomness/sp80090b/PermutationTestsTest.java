package org.ferrogen.randomness.sp80090b;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
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

  /**
   * Binary permutations are arrangements drawn in packed form: each of the C(6,2) = 15 (and, for a
   * count that 10 binary digits cannot express, C(7,3) = 35) arrangements equally often.
   */
  @Test
  void binaryArrangementsAreUniform() {
    for (int[] nk : new int[][] {{6, 2}, {7, 3}, {5, 5}, {9, 0}}) {
      int n = nk[0];
      int ones = nk[1];
      int draws = 70_000;
      Map<Long, Integer> counts = new HashMap<>();
      long[] packed = new long[1];
      for (int seed = 0; seed < draws; seed++) {
        PermutationTests.randomArrangement(packed, n, ones, seed);
        assertThat(Long.bitCount(packed[0])).isEqualTo(ones);
        assertThat(packed[0] >>> n).isZero();
        counts.merge(packed[0], 1, Integer::sum);
      }
      int arrangements = binomial(n, ones);
      assertThat(counts).hasSize(arrangements);
      if (arrangements > 1) {
        double expected = draws / (double) arrangements;
        double chi = 0;
        for (int c : counts.values()) {
          chi += (c - expected) * (c - expected) / expected;
        }
        // 14 and 34 degrees of freedom: the 99.99 % quantiles are about 40 and 70
        // (false-failure rate 1e-4 per case).
        assertThat(chi).as("n=%d ones=%d", n, ones).isLessThan(arrangements == 15 ? 40 : 70);
      }
    }
  }

  private static int binomial(int n, int k) {
    long r = 1;
    for (int i = 1; i <= k; i++) {
      r = r * (n - k + i) / i;
    }
    return (int) r;
  }

  /** Long arrangements: exact counts for biased and balanced data, and a seed fixes the result. */
  @Test
  void binaryArrangementsKeepTheCountAndDependOnlyOnTheSeed() {
    int n = 100_005;
    for (int ones : new int[] {0, 1, 137, 30_000, 50_002, 99_999, n}) {
      long[] a = new long[(n + 63) / 64];
      long[] b = new long[a.length];
      PermutationTests.randomArrangement(a, n, ones, 5);
      PermutationTests.randomArrangement(b, n, ones, 5);
      assertThat(a).isEqualTo(b);
      long count = 0;
      for (long w : a) {
        count += Long.bitCount(w);
      }
      assertThat(count).isEqualTo(ones);
      assertThat(a[a.length - 1] >>> (n & 63)).isZero();
    }
  }

  @Test
  void unpackAndConversionOneOfPackedSamplesMatchTheByteForms() {
    SplittableRandom rng = new SplittableRandom(6);
    for (int n : new int[] {1, 7, 8, 63, 64, 65, 1000, 8 * 129 + 5}) {
      long[] packed = new long[(n + 63) / 64];
      byte[] bits = new byte[n];
      for (int i = 0; i < n; i++) {
        bits[i] = (byte) rng.nextInt(2);
        packed[i >>> 6] |= (long) bits[i] << i;
      }
      byte[] unpacked = new byte[n];
      PermutationTests.unpack(packed, n, unpacked);
      assertThat(unpacked).as("n=%d", n).isEqualTo(bits);
      byte[] ones = new byte[(n + 7) / 8];
      PermutationTests.onesPerByte(packed, n, ones);
      assertThat(ones).as("n=%d", n).isEqualTo(PermutationTests.conversion1(bits));
    }
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
    PermutationTests.Outcome o = PermutationTests.run(s, 5, 1, 20);
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

  /** The packed runs count of binary data equals the per-sample one. */
  @Property(tries = 300, seed = "20261203")
  void medianRunsOfPackedBitsEqualThePerSampleCount(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 3000) int n,
      @ForAll @IntRange(min = 0, max = 100) int onesPercent) {
    SplittableRandom rng = new SplittableRandom(seed);
    byte[] bits = new byte[n];
    for (int i = 0; i < n; i++) {
      bits[i] = (byte) (rng.nextInt(100) < onesPercent ? 1 : 0);
    }
    long[] packed = new long[(n + 63) / 64];
    PermutationTests.pack(bits, packed);
    double[] expected = new double[PermutationTests.NAMES.size()];
    double[] actual = new double[PermutationTests.NAMES.size()];
    PermutationTests.medianRuns(bits, 0.5, expected);
    PermutationTests.medianRunsOfBits(packed, n, actual);
    assertThat(actual[4]).isEqualTo(expected[4]);
    assertThat(actual[5]).isEqualTo(expected[5]);
  }

  /** Periodicity and covariance, eight bytes or an int chunk at a time, against the plain sums. */
  @Property(tries = 200, seed = "20261203")
  void periodicityAndCovarianceEqualThePlainSums(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 70_000) int n,
      @ForAll @IntRange(min = 1, max = 40) int lag,
      @ForAll @IntRange(min = 1, max = 256) int values) {
    SplittableRandom rng = new SplittableRandom(seed);
    byte[] data = new byte[n];
    for (int i = 0; i < n; i++) {
      data[i] = (byte) (rng.nextInt(values) + (values <= 9 ? 0 : 256 - values));
    }
    long equal = 0;
    long products = 0;
    for (int i = 0; i + lag < n; i++) {
      equal += data[i] == data[i + lag] ? 1 : 0;
      products += (data[i] & 0xFF) * (long) (data[i + lag] & 0xFF);
    }
    assertThat(PermutationTests.periodicity(data, lag)).isEqualTo(equal);
    assertThat(PermutationTests.covariance(data, lag)).isEqualTo(products);
  }
}
