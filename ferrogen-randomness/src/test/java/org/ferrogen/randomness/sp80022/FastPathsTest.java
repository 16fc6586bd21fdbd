package org.ferrogen.randomness.sp80022;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ferrogen.randomness.bits.BitFormat;
import org.ferrogen.randomness.bits.BitSequence;
import org.junit.jupiter.api.Test;

/** The word-level shortcuts against plain bit-by-bit versions on random inputs (fixed seeds). */
class FastPathsTest {

  private static BitSequence random(long seed, int bits) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] bytes = new byte[(bits + 7) / 8];
    r.nextBytes(bytes);
    return BitSequence.fromBytes(bytes, BitFormat.MSB).slice(0, bits);
  }

  @Test
  void generatesThe148AperiodicTemplatesOfLength9() {
    int[] t = AperiodicTemplates.sts(9);
    assertThat(t).hasSize(148);
    assertThat(AperiodicTemplates.toBits(t[0], 9)).isEqualTo("000000001");
    assertThat(AperiodicTemplates.toBits(t[147], 9)).isEqualTo("111111110");
    int[] counts = new int[11];
    for (int m = 2; m <= 10; m++) {
      counts[m] = AperiodicTemplates.all(m).length;
    }
    // STS numOfTemplates[] for m = 2..10
    assertThat(counts).containsExactly(0, 0, 2, 4, 6, 12, 20, 40, 74, 148, 284);
  }

  @Test
  void histogramCountsEqualTheStsScanForEveryTemplate() {
    BitSequence s = random(11, 20_000);
    int[] templates = AperiodicTemplates.sts(9);
    double[] fast = NonOverlappingTemplateTest.pValues(s, templates, 9, 8);
    for (int i = 0; i < templates.length; i++) {
      assertThat(fast[i]).isCloseTo(NonOverlappingTemplateTest.pValue(s, templates[i], 9, 8), within(1e-15));
    }
  }

  @Test
  void packedBerlekampMasseyEqualsTheTextbookVersion() {
    SplittableRandom r = new SplittableRandom(5);
    for (int trial = 0; trial < 200; trial++) {
      int length = 1 + r.nextInt(700);
      BitSequence s = random(trial, length + 100);
      int from = r.nextInt(100);
      int[] bits = new int[length];
      for (int i = 0; i < length; i++) {
        bits[i] = s.bit(from + i);
      }
      assertThat(BerlekampMassey.linearComplexity(s, from, length))
          .as("length %d", length).isEqualTo(textbookBerlekampMassey(bits));
    }
    // one workspace reused block after block, as the linear complexity test does
    BitSequence long_ = random(99, 500 * 40);
    BerlekampMassey.Workspace reused = new BerlekampMassey.Workspace(500);
    for (int block = 0; block < 40; block++) {
      assertThat(reused.linearComplexity(long_, block * 500))
          .isEqualTo(BerlekampMassey.linearComplexity(long_, block * 500, 500));
    }
    // a sequence with known complexity: period of x^5 + x^2 + 1 (a 5-stage LFSR) has L = 5
    int[] lfsr = new int[100];
    lfsr[0] = 1;
    for (int i = 5; i < lfsr.length; i++) {
      lfsr[i] = lfsr[i - 3] ^ lfsr[i - 5];
    }
    StringBuilder sb = new StringBuilder();
    for (int b : lfsr) {
      sb.append(b);
    }
    assertThat(BerlekampMassey.linearComplexity(BitSequence.parseAscii(sb), 0, 100)).isEqualTo(5);
  }

  private static int textbookBerlekampMassey(int[] s) {
    int n = s.length;
    int[] c = new int[n + 1];
    int[] b = new int[n + 1];
    c[0] = b[0] = 1;
    int l = 0;
    int m = -1;
    for (int i = 0; i < n; i++) {
      int d = s[i];
      for (int j = 1; j <= l; j++) {
        d ^= c[j] & s[i - j];
      }
      if (d == 1) {
        int[] t = c.clone();
        for (int j = 0; j + i - m <= n; j++) {
          c[j + i - m] ^= b[j];
        }
        if (l <= i / 2) {
          l = i + 1 - l;
          m = i;
          b = t;
        }
      }
    }
    return l;
  }

  @Test
  void fftMatchesADirectDftForAwkwardLengths() {
    SplittableRandom r = new SplittableRandom(3);
    // powers of two, mixed radices, a generic radix (7, 11) and Bluestein primes (67, 1009)
    for (int n : new int[] {1, 2, 3, 4, 5, 8, 12, 30, 49, 64, 100, 77, 121, 134, 1009, 1000}) {
      double[] re = new double[n];
      double[] im = new double[n];
      for (int i = 0; i < n; i++) {
        re[i] = r.nextDouble() - 0.5;
        im[i] = r.nextDouble() - 0.5;
      }
      double[] fr = re.clone();
      double[] fi = im.clone();
      Fft.plan(n).transform(fr, fi);
      for (int k = 0; k < n; k++) {
        double sr = 0;
        double si = 0;
        for (int j = 0; j < n; j++) {
          double a = -2 * Math.PI * ((long) j * k % n) / n;
          sr += re[j] * Math.cos(a) - im[j] * Math.sin(a);
          si += re[j] * Math.sin(a) + im[j] * Math.cos(a);
        }
        assertThat(fr[k]).as("n=%d k=%d re", n, k).isCloseTo(sr, within(1e-9 * n));
        assertThat(fi[k]).as("n=%d k=%d im", n, k).isCloseTo(si, within(1e-9 * n));
      }
    }
  }

  @Test
  void realPowerSpectrumMatchesTheComplexTransform() {
    SplittableRandom r = new SplittableRandom(9);
    for (int n : new int[] {4, 10, 100, 1000, 2026, 999}) {
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = r.nextBoolean() ? 1 : -1;
      }
      double[] re = x.clone();
      double[] im = new double[n];
      Fft.plan(n).transform(re, im);
      double[] power = Fft.realPowerSpectrum(x, n / 2);
      for (int k = 0; k < n / 2; k++) {
        assertThat(power[k]).isCloseTo(re[k] * re[k] + im[k] * im[k], within(1e-7 * n));
      }
    }
  }

  @Test
  void wordLevelCountsEqualBitByBitCounts() {
    BitSequence s = random(21, 5_000);
    long transitions = 0;
    int longest = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      if (i > 0 && s.bit(i) != s.bit(i - 1)) {
        transitions++;
      }
      run = s.bit(i) == 1 ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    assertThat(RunsTest.transitions(s)).isEqualTo(transitions);
    assertThat(Words.longestRunOfOnes(s, 0, s.length())).isEqualTo(longest);
    assertThat(Words.countOnes(s, 37, 4001)).isEqualTo(s.slice(37, 4001).countOnes());
    int[] cyclic = Words.cyclicWindowHistogram(s, 5);
    int[] direct = new int[32];
    for (int i = 0; i < s.length(); i++) {
      int v = 0;
      for (int j = 0; j < 5; j++) {
        v = (v << 1) | s.bit((i + j) % s.length());
      }
      direct[v]++;
    }
    assertThat(cyclic).containsExactly(direct);
    assertThat(Words.dropLastBit(cyclic)).containsExactly(Words.cyclicWindowHistogram(s, 4));
    int ones9 = 0;
    for (int i = 0; i + 3 <= 1032; i++) {
      if (s.bits(i, 3) == 7) {
        ones9++;
      }
    }
    assertThat(OverlappingTemplateTest.countRunsOfOnes(s, 0, 1030, 3)).isEqualTo(ones9);
  }
}
