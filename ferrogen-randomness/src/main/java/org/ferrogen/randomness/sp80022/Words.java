package org.ferrogen.randomness.sp80022;

import org.ferrogen.randomness.bits.BitSequence;

/** Word-level bit counting shared by the tests. */
final class Words {

  private Words() {}

  /** Number of ones in bits [from, to). */
  static int countOnes(BitSequence s, int from, int to) {
    int ones = 0;
    int pos = from;
    int head = Math.min(to - pos, (64 - (pos & 63)) & 63);
    if (head > 0) {
      ones += Long.bitCount(s.bits(pos, head));
      pos += head;
    }
    while (to - pos >= 64) {
      ones += Long.bitCount(s.word(pos >>> 6));
      pos += 64;
    }
    if (pos < to) {
      ones += Long.bitCount(s.bits(pos, to - pos));
    }
    return ones;
  }

  /**
   * Adds to {@code histogram[v]} one count per m-bit window (value v, first bit most significant)
   * starting at positions {@code from ... from+count-1}; every window must lie inside the sequence.
   */
  static void windowHistogram(BitSequence s, int from, int count, int m, int[] histogram) {
    if (count <= 0) {
      return;
    }
    int mask = (int) ((1L << m) - 1);
    int index = (int) s.bits(from, m - 1);
    int p = from + m - 1;
    int end = from + m - 1 + count;
    while (p < end) {
      int b = p & 63;
      int stop = Math.min(64, b + (end - p));
      long x = s.word(p >>> 6) << b;
      for (int k = b; k < stop; k++) {
        index = ((index << 1) | (int) (x >>> 63)) & mask;
        x <<= 1;
        histogram[index]++;
      }
      p += stop - b;
    }
  }

  /**
   * Histogram of all n m-bit windows of the sequence read cyclically (the first m-1 bits appended
   * at the end), as the STS serial and approximate-entropy tests count them.
   */
  static int[] cyclicWindowHistogram(BitSequence s, int m) {
    int n = s.length();
    int[] histogram = new int[1 << m];
    int linear = Math.max(0, n - m + 1);
    windowHistogram(s, 0, linear, m, histogram);
    for (int i = linear; i < n; i++) {
      int value = 0;
      for (int j = 0; j < m; j++) {
        value = (value << 1) | s.bit((int) (((long) i + j) % n));
      }
      histogram[value]++;
    }
    return histogram;
  }

  /** Halves a window histogram: the histogram of the windows one bit shorter (last bit dropped). */
  static int[] dropLastBit(int[] histogram) {
    int[] out = new int[histogram.length >>> 1];
    for (int i = 0; i < out.length; i++) {
      out[i] = histogram[2 * i] + histogram[2 * i + 1];
    }
    return out;
  }

  /** Length of the longest run of ones in bits [from, to). */
  static int longestRunOfOnes(BitSequence s, int from, int to) {
    int longest = 0;
    int current = 0;
    for (int pos = from; pos < to; pos += 64) {
      int len = Math.min(64, to - pos);
      long chunk = s.bits(pos, len) << (64 - len);
      int lead = Math.min(len, Long.numberOfLeadingZeros(~chunk));
      if (lead == len) {
        current += len;
        longest = Math.max(longest, current);
        continue;
      }
      longest = Math.max(longest, current + lead);
      int internal = 0;
      for (long x = chunk; x != 0; x &= x << 1) {
        internal++;
      }
      longest = Math.max(longest, internal);
      current = Long.numberOfTrailingZeros(~(chunk >>> (64 - len)));
    }
    return longest;
  }
}
