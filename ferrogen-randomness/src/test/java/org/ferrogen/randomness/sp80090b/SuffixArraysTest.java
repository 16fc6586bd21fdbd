package org.ferrogen.randomness.sp80090b;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SuffixArraysTest {

  private static Integer[] naiveOrder(int[] t) {
    Integer[] idx = IntStream.range(0, t.length).boxed().toArray(Integer[]::new);
    Comparator<Integer> bySuffix =
        (a, b) -> {
          int i = a;
          int j = b;
          while (i < t.length && j < t.length) {
            if (t[i] != t[j]) {
              return Integer.compare(t[i], t[j]);
            }
            i++;
            j++;
          }
          return Integer.compare(t.length - a, t.length - b);
        };
    Arrays.sort(idx, bySuffix);
    return idx;
  }

  @Test
  void suffixArrayMatchesNaiveSortOnRandomAndRepetitiveTexts() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + rng.nextInt(200);
      int k = 1 + rng.nextInt(trial % 3 == 0 ? 2 : 6);
      int[] t = new int[n];
      for (int i = 0; i < n; i++) {
        // Every third text is periodic, which exercises the recursion.
        t[i] = trial % 3 == 1 ? (i % k) : rng.nextInt(k);
      }
      int[] sa = SuffixArrays.suffixArray(t, k);
      Integer[] expected = naiveOrder(t);
      assertThat(Arrays.stream(sa).boxed().toArray()).as("text %s", Arrays.toString(t))
          .containsExactly((Object[]) expected);
    }
  }

  @Test
  void binaryKeyOrderGivesTheSameLcpArrayAsTheSuffixArray() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int trial = 0; trial < 50; trial++) {
      int n = 65 + rng.nextInt(3000);
      byte[] bits = new byte[n];
      double bias = 0.5 + 0.4 * rng.nextDouble();
      for (int i = 0; i < n; i++) {
        bits[i] = (byte) (rng.nextDouble() < bias ? 1 : 0);
      }
      assertShortRepeatLcpMatchesTheSuffixArray(bits);
    }
  }

  /**
   * Repeats of 32-63 bits: suffixes that the 32-bit keys cannot order, some near the end of the
   * text (shorter than 64 bits).
   */
  @Test
  void binaryKeyOrderHandlesRepeatsLongerThanItsKeys() {
    SplittableRandom rng = new SplittableRandom(12);
    for (int repeat : new int[] {31, 32, 33, 43, 44, 45, 50, 63, 64, 70}) {
      int n = 5_000;
      byte[] bits = new byte[n];
      for (int i = 0; i < n; i++) {
        bits[i] = (byte) rng.nextInt(2);
      }
      System.arraycopy(bits, 100, bits, 3_000, repeat);
      System.arraycopy(bits, 200, bits, 2_500, repeat);
      System.arraycopy(bits, 200, bits, n - repeat + repeat / 2, repeat - repeat / 2);
      int[] fast = BinarySuffixOrder.lcpIfShortRepeats(bits);
      int[] t = new int[n];
      for (int i = 0; i < n; i++) {
        t[i] = bits[i];
      }
      int[] lcp = SuffixArrays.lcpArray(t, SuffixArrays.suffixArray(t, 2));
      int longest = Arrays.stream(lcp).max().orElse(0);
      assertThat(longest).as("planted %d", repeat).isGreaterThanOrEqualTo(repeat);
      if (longest >= 64) {
        assertThat(fast).isNull();
      } else {
        assertThat(fast).as("planted %d", repeat).containsExactly(lcp);
      }
    }
  }

  /**
   * The binary key order (32-bit keys, groups of equal keys ordered by their next 32 bits) against
   * SA-IS, on biased texts with planted repeats: many groups, of any size, near the end too.
   */
  @Property(tries = 80, seed = "20261203")
  void binaryKeyOrderEqualsTheSuffixArrayOnBiasedTexts(
      @ForAll long seed, @ForAll @IntRange(min = 65, max = 40_000) int n) {
    SplittableRandom rng = new SplittableRandom(seed);
    byte[] bits = new byte[n];
    double bias = 0.5 + 0.45 * rng.nextDouble();
    for (int i = 0; i < n; i++) {
      bits[i] = (byte) (rng.nextDouble() < bias ? 1 : 0);
    }
    for (int planted = rng.nextInt(4); planted > 0; planted--) {
      int repeat = 20 + rng.nextInt(50);
      if (repeat < n) {
        System.arraycopy(bits, rng.nextInt(n - repeat + 1), bits, rng.nextInt(n - repeat + 1), repeat);
      }
    }
    assertShortRepeatLcpMatchesTheSuffixArray(bits);
  }

  /**
   * {@link BinarySuffixOrder#lcpIfShortRepeats} gives the LCP array of the general suffix array, or
   * null exactly when some repeat reaches 64 bits.
   */
  private static void assertShortRepeatLcpMatchesTheSuffixArray(byte[] bits) {
    int[] fast = BinarySuffixOrder.lcpIfShortRepeats(bits);
    int[] t = new int[bits.length];
    for (int i = 0; i < bits.length; i++) {
      t[i] = bits[i];
    }
    int[] lcp = SuffixArrays.lcpArray(t, SuffixArrays.suffixArray(t, 2));
    if (Arrays.stream(lcp).max().orElse(0) >= 64) {
      assertThat(fast).isNull();
    } else {
      assertThat(fast).containsExactly(lcp);
    }
  }

  @Test
  void binaryKeyOrderDeclinesLongRepeats() {
    byte[] bits = new byte[500];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = (byte) ((i / 3) % 2);
    }
    assertThat(BinarySuffixOrder.lcpIfShortRepeats(bits)).isNull();
  }
}
