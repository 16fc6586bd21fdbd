package org.ferrogen.randomness.sp80090b;

/**
 * LCP array of a binary text whose longest repeated substring is shorter than 64 bits, without a
 * suffix array: every suffix is represented by its first 64 bits (zero-padded at the end of the
 * text), the keys are radix sorted, and neighbouring keys give the LCP values directly. The order
 * of suffixes is the true suffix order as long as no two full 64-bit keys are equal; if two are,
 * the text has a repeat of 64 bits or more and the caller falls back to the suffix array.
 */
final class BinarySuffixOrder {

  private static final int DIGIT_BITS = 11;
  private static final int BUCKETS = 1 << DIGIT_BITS;

  private BinarySuffixOrder() {}

  /** The LCP array in suffix order, or null when some 64-bit window repeats. */
  static int[] lcpIfShortRepeats(byte[] bits) {
    // Sorting on the upper 44 bits (four 11-bit passes instead of six) orders the suffixes exactly
    // when no two keys agree on all of them; a random text of 10^6 bits repeats about 40. Where
    // two neighbours do agree, the order below may be wrong, and the keys are sorted on all bits
    // (rebuilt from the text rather than copied beforehand: on 8·10^6 bits a copy is 64 MB that
    // the common case never reads).
    long[] keys = windows(bits);
    radixSortUnsigned(keys, Long.SIZE - FAST_BITS);
    int[] lcp = lcpOfSorted(bits, keys, FAST_BITS);
    if (lcp != null) {
      return lcp;
    }
    keys = windows(bits);
    radixSortUnsigned(keys, 0);
    return lcpOfSorted(bits, keys, Long.SIZE);
  }

  /** The first 64 bits of every suffix with at least 64 symbols, in text order. */
  private static long[] windows(byte[] bits) {
    int full = bits.length - Long.SIZE + 1;
    long[] keys = new long[full];
    long key = 0;
    for (int j = 0; j < Long.SIZE; j++) {
      key = (key << 1) | (bits[j] & 1);
    }
    keys[0] = key;
    for (int p = 1; p < full; p++) {
      key = (key << 1) | (bits[p + Long.SIZE - 1] & 1);
      keys[p] = key;
    }
    return keys;
  }

  /** Bits of the first sort: four radix passes. */
  private static final int FAST_BITS = 4 * DIGIT_BITS;

  /**
   * The LCP array from keys sorted on their upper {@code sortedBits} bits, or null when two
   * neighbouring full-length keys agree on all of those bits (then the order is not proven, or, for
   * 64 bits, some 64-bit window repeats).
   */
  private static int[] lcpOfSorted(byte[] bits, long[] keys, int sortedBits) {
    int n = bits.length;
    int full = keys.length;
    if (sortedBits < Long.SIZE) {
      for (int i = 1; i < full; i++) {
        if ((keys[i - 1] ^ keys[i]) >>> (Long.SIZE - sortedBits) == 0) {
          return null;
        }
      }
    }
    // The 63 short suffixes, zero padded, sorted by (key, length): a shorter suffix that is a
    // prefix of a longer one sorts first.
    int shortCount = Long.SIZE - 1;
    long[] shortKeys = new long[shortCount];
    int[] shortLen = new int[shortCount];
    for (int m = 0; m < shortCount; m++) {
      int p = full + m;
      int len = n - p;
      long k = 0;
      for (int j = 0; j < len; j++) {
        k = (k << 1) | (bits[p + j] & 1);
      }
      shortKeys[m] = k << (Long.SIZE - len);
      shortLen[m] = len;
    }
    sortShort(shortKeys, shortLen);

    int[] lcp = new int[n];
    int a = 0;
    int b = 0;
    long prevKey = 0;
    int prevLen = -1;
    for (int r = 0; r < n; r++) {
      long k;
      int len;
      if (b >= shortCount
          || (a < full && before(keys[a], Long.SIZE, shortKeys[b], shortLen[b]))) {
        k = keys[a++];
        len = Long.SIZE;
      } else {
        k = shortKeys[b];
        len = shortLen[b++];
      }
      if (prevLen >= 0) {
        long x = prevKey ^ k;
        int common = x == 0 ? Long.SIZE : Long.numberOfLeadingZeros(x);
        if (common >= sortedBits && len == Long.SIZE && prevLen == Long.SIZE) {
          return null;
        }
        lcp[r] = Math.min(common, Math.min(len, prevLen));
      }
      prevKey = k;
      prevLen = len;
    }
    return lcp;
  }

  private static boolean before(long k1, int len1, long k2, int len2) {
    int c = Long.compareUnsigned(k1, k2);
    return c < 0 || (c == 0 && len1 < len2);
  }

  private static void sortShort(long[] keys, int[] lens) {
    for (int i = 1; i < keys.length; i++) {
      long k = keys[i];
      int l = lens[i];
      int j = i - 1;
      while (j >= 0 && before(k, l, keys[j], lens[j])) {
        keys[j + 1] = keys[j];
        lens[j + 1] = lens[j];
        j--;
      }
      keys[j + 1] = k;
      lens[j + 1] = l;
    }
  }

  /**
   * LSD radix sort of unsigned 64-bit keys on their bits from {@code lowBit} up (all bits for 0),
   * 11 bits per pass; keys equal on those bits keep their input order.
   */
  static void radixSortUnsigned(long[] a, int lowBit) {
    int n = a.length;
    if (n == 0) {
      return;
    }
    long[] src = a;
    long[] dst = new long[n];
    int passes = (Long.SIZE - lowBit + DIGIT_BITS - 1) / DIGIT_BITS;
    int[][] counts = new int[passes][BUCKETS + 1];
    for (long v : a) {
      for (int p = 0; p < passes; p++) {
        counts[p][(int) ((v >>> (lowBit + p * DIGIT_BITS)) & (BUCKETS - 1)) + 1]++;
      }
    }
    for (int p = 0; p < passes; p++) {
      int[] c = counts[p];
      int shift = lowBit + p * DIGIT_BITS;
      if (c[(int) ((a[0] >>> shift) & (BUCKETS - 1)) + 1] == n) {
        continue; // every key has the same digit here
      }
      for (int i = 0; i < BUCKETS; i++) {
        c[i + 1] += c[i];
      }
      for (int i = 0; i < n; i++) {
        long v = src[i];
        dst[c[(int) ((v >>> shift) & (BUCKETS - 1))]++] = v;
      }
      long[] t = src;
      src = dst;
      dst = t;
    }
    if (src != a) {
      System.arraycopy(src, 0, a, 0, n);
    }
  }
}
