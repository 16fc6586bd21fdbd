package org.ferrogen.randomness.sp80090b;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
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
      int[] fast = BinarySuffixOrder.lcpIfShortRepeats(bits);
      int[] t = new int[n];
      for (int i = 0; i < n; i++) {
        t[i] = bits[i];
      }
      int[] lcp = SuffixArrays.lcpArray(t, SuffixArrays.suffixArray(t, 2));
      if (Arrays.stream(lcp).max().orElse(0) >= 64) {
        assertThat(fast).isNull();
      } else {
        assertThat(fast).containsExactly(lcp);
      }
    }
  }

  /** Repeats of 44-63 bits: the four-pass sort cannot order them, the full sort does. */
  @Test
  void binaryKeyOrderHandlesRepeatsLongerThanItsFirstSort() {
    SplittableRandom rng = new SplittableRandom(12);
    for (int repeat : new int[] {43, 44, 45, 50, 63, 64, 70}) {
      int n = 5_000;
      byte[] bits = new byte[n];
      for (int i = 0; i < n; i++) {
        bits[i] = (byte) rng.nextInt(2);
      }
      System.arraycopy(bits, 100, bits, 3_000, repeat);
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

  @Test
  void binaryKeyOrderDeclinesLongRepeats() {
    byte[] bits = new byte[500];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = (byte) ((i / 3) % 2);
    }
    assertThat(BinarySuffixOrder.lcpIfShortRepeats(bits)).isNull();
  }
}
