package org.ferrogen.randomness.sp80090b;

import java.util.Arrays;

/**
 * LCP array of a binary text whose longest repeated substring is shorter than 64 bits, without a
 * suffix array. Every suffix is represented by its first 32 bits (zero-padded at the end of the
 * text) as an int; the keys are radix sorted, and neighbouring keys give the LCP values directly.
 * Suffixes that share all 32 bits (a random text of 8·10^6 bits has some 7,500 such pairs) are
 * found again in the text and ordered by their next 32 bits. If two of them agree on those too,
 * the text has a repeat of 64 bits or more and the caller falls back to the suffix array.
 *
 * <p>Sorting ints instead of longs halves the memory the radix passes stream through, and only one
 * of them scatters over the whole array: on 8·10^6 bits this takes the t-tuple and LRS estimates
 * from 0.55 to 0.3 s of CPU under C1 (docs/performance.md).
 */
final class BinarySuffixOrder {

  private static final int KEY_BITS = Integer.SIZE;
  /** Top bits of a duplicated key marked in the filter that finds its suffixes in the text. */
  private static final int FILTER_BITS = 24;

  private BinarySuffixOrder() {}

  /** The LCP array in suffix order, or null when some 64-bit window repeats. */
  static int[] lcpIfShortRepeats(byte[] bits) {
    int n = bits.length;
    int full = n - KEY_BITS + 1; // suffixes with at least 32 symbols
    if (full < 1) {
      return null;
    }
    int[] keys = prefixes(bits, full);
    radixSortUnsigned(keys);

    // The 31 short suffixes, zero padded, sorted by (key, length): a shorter suffix that is a
    // prefix of a longer one sorts first.
    int shortCount = n - full;
    int[] shortKeys = new int[shortCount];
    int[] shortLen = new int[shortCount];
    for (int m = 0; m < shortCount; m++) {
      int p = full + m;
      int len = n - p;
      int k = 0;
      for (int j = 0; j < len; j++) {
        k = (k << 1) | (bits[p + j] & 1);
      }
      shortKeys[m] = k << (KEY_BITS - len);
      shortLen[m] = len;
    }
    sortShort(shortKeys, shortLen);

    // The full keys in runs between the short suffixes' places. Within a run, neighbours with
    // different keys have an LCP of the keys' common leading bits; a key equal to the one before
    // it belongs to a group, whose LCP values are filled in afterwards: a loop of a few operations
    // per suffix.
    int[] lcp = new int[n];
    Groups groups = new Groups();
    int r = 0;
    int a = 0;
    int prevKey = 0;
    int prevLen = -1;
    for (int b = 0; b <= shortCount; b++) {
      int end = b < shortCount ? firstNotBelow(keys, a, shortKeys[b]) : full;
      if (a < end) {
        // The first key of the run follows a short suffix (or nothing).
        int k = keys[a++];
        if (prevLen >= 0) {
          lcp[r] = common(prevKey, k, KEY_BITS, prevLen);
        }
        r++;
        prevKey = k;
        prevLen = KEY_BITS;
        boolean inGroup = false;
        while (a < end) {
          k = keys[a++];
          int x = prevKey ^ k;
          if (x != 0) {
            lcp[r] = leadingZeros(x);
            inGroup = false;
          } else if (inGroup) {
            groups.grow();
          } else {
            groups.add(k, r - 1);
            inGroup = true;
          }
          r++;
          prevKey = k;
        }
        // A group ends with its run: keys equal to a short suffix's sort after it.
      }
      if (b < shortCount) {
        if (prevLen >= 0) {
          lcp[r] = common(prevKey, shortKeys[b], shortLen[b], prevLen);
        }
        r++;
        prevKey = shortKeys[b];
        prevLen = shortLen[b];
      }
    }
    return groups.count == 0 || groups.order(bits, full, lcp) ? lcp : null;
  }

  /**
   * {@code Integer.numberOfLeadingZeros(x)} for x != 0, from the exponent of x as a double (exact
   * for 32 bits): C1 has no intrinsic for the former, whose branches cost some 8 ns a call
   * against 1.5 here (8·10^6 suffixes: 50 ms).
   */
  private static int leadingZeros(int x) {
    return 1054 - (int) (Double.doubleToRawLongBits((double) (x & 0xFFFF_FFFFL)) >>> 52);
  }

  /** The first index from {@code from} on whose key is not below {@code key} (unsigned). */
  private static int firstNotBelow(int[] sorted, int from, int key) {
    int lo = from;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Integer.compareUnsigned(sorted[mid], key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** LCP of two suffixes of different order classes from their (padded) 32-bit keys and lengths. */
  private static int common(int k1, int k2, int len1, int len2) {
    return Math.min(Integer.numberOfLeadingZeros(k1 ^ k2), Math.min(len1, len2));
  }

  /** The first 32 bits of suffixes 0 .. count-1 (the first bit most significant). */
  private static int[] prefixes(byte[] bits, int count) {
    int[] keys = new int[count];
    int key = 0;
    for (int j = 0; j < KEY_BITS - 1; j++) {
      key = (key << 1) | (bits[j] & 1);
    }
    for (int p = 0; p < count; p++) {
      key = (key << 1) | (bits[p + KEY_BITS - 1] & 1);
      keys[p] = key;
    }
    return keys;
  }

  /**
   * The groups of suffixes that share their first 32 bits, as the sorted keys list them: each
   * group's key (ascending, unsigned), where its first suffix stands in the LCP array, and its size.
   */
  private static final class Groups {
    int count;
    int[] keys = new int[16];
    int[] at = new int[16];
    int[] size = new int[16];

    void add(int key, int first) {
      if (count == keys.length) {
        keys = Arrays.copyOf(keys, 2 * count);
        at = Arrays.copyOf(at, 2 * count);
        size = Arrays.copyOf(size, 2 * count);
      }
      keys[count] = key;
      at[count] = first;
      size[count++] = 2;
    }

    /** One more suffix in the last group. */
    void grow() {
      size[count - 1]++;
    }

    /**
     * Finds the groups' suffixes in the text, orders each group by their next 32 bits (shorter
     * suffixes, prefixes of longer ones, first) and writes the LCP of each with the one before it
     * into {@code lcp}; false when two share 64 bits.
     */
    boolean order(byte[] bits, int full, int[] lcp) {
      int[] start = new int[count + 1];
      long[] filter = new long[1 << (FILTER_BITS - 6)];
      for (int g = 0; g < count; g++) {
        start[g + 1] = start[g] + size[g];
        int top = keys[g] >>> (KEY_BITS - FILTER_BITS);
        filter[top >>> 6] |= 1L << top;
      }
      int[] groupKeys = Arrays.copyOf(keys, count);
      // Per member: its next 32 bits (zero padded) above its length, so that sorting the longs
      // orders a group by those bits, then shorter suffixes first.
      long[] order = new long[start[count]];
      int[] fill = Arrays.copyOf(start, count);
      int n = bits.length;
      int key = 0;
      for (int j = 0; j < KEY_BITS - 1; j++) {
        key = (key << 1) | (bits[j] & 1);
      }
      for (int p = 0; p < full; p++) {
        key = (key << 1) | (bits[p + KEY_BITS - 1] & 1);
        int top = key >>> (KEY_BITS - FILTER_BITS);
        if ((filter[top >>> 6] & (1L << top)) != 0) {
          int g = binarySearchUnsigned(groupKeys, key);
          if (g >= 0) {
            order[fill[g]++] = nextBits(bits, p) << 31 | (n - p);
          }
        }
      }
      for (int g = 0; g < count; g++) {
        Arrays.sort(order, start[g], start[g + 1]);
        for (int m = start[g] + 1; m < start[g + 1]; m++) {
          int len1 = (int) Math.min(2 * KEY_BITS, order[m - 1] & Integer.MAX_VALUE);
          int len2 = (int) Math.min(2 * KEY_BITS, order[m] & Integer.MAX_VALUE);
          int next = Integer.numberOfLeadingZeros((int) (order[m - 1] >>> 31) ^ (int) (order[m] >>> 31));
          if (next == KEY_BITS && len1 == 2 * KEY_BITS && len2 == 2 * KEY_BITS) {
            return false; // a repeat of 64 bits or more
          }
          lcp[at[g] + m - start[g]] = Math.min(KEY_BITS + next, Math.min(len1, len2));
        }
      }
      return true;
    }
  }

  /** Bits p+32 .. p+63 of the text (zero beyond its end), as an unsigned int in a long. */
  private static long nextBits(byte[] bits, int p) {
    int k = 0;
    for (int j = KEY_BITS; j < 2 * KEY_BITS; j++) {
      k = (k << 1) | (p + j < bits.length ? bits[p + j] & 1 : 0);
    }
    return k & 0xFFFF_FFFFL;
  }

  private static int binarySearchUnsigned(int[] a, int key) {
    int lo = 0;
    int hi = a.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = Integer.compareUnsigned(a[mid], key);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  private static boolean before(int k1, int len1, int k2, int len2) {
    int c = Integer.compareUnsigned(k1, k2);
    return c < 0 || (c == 0 && len1 < len2);
  }

  private static void sortShort(int[] keys, int[] lens) {
    for (int i = 1; i < keys.length; i++) {
      int k = keys[i];
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
   * Sorts unsigned 32-bit keys: one pass distributes them by their top 8 bits, then each of the 256
   * buckets (on 8·10^6 keys some 125 KiB, in cache) is radix sorted on its lower 24 bits, 8 bits per
   * pass. Scattering to 256 places at a time keeps the pages written within the TLB's reach, which
   * 2,048-way passes over the whole array do not: 30 % less CPU than three 11-bit passes.
   */
  static void radixSortUnsigned(int[] a) {
    int n = a.length;
    int[] tmp = new int[n];
    int[] start = new int[RADIX + 1];
    for (int v : a) {
      start[(v >>> 24) + 1]++;
    }
    for (int d = 0; d < RADIX; d++) {
      start[d + 1] += start[d];
    }
    int[] next = Arrays.copyOf(start, RADIX);
    for (int v : a) {
      tmp[next[v >>> 24]++] = v;
    }
    int[] c0 = new int[RADIX + 1];
    int[] c1 = new int[RADIX + 1];
    int[] c2 = new int[RADIX + 1];
    for (int d = 0; d < RADIX; d++) {
      int lo = start[d];
      int hi = start[d + 1];
      Arrays.fill(c0, 0);
      Arrays.fill(c1, 0);
      Arrays.fill(c2, 0);
      for (int i = lo; i < hi; i++) {
        int v = tmp[i];
        c0[(v & (RADIX - 1)) + 1]++;
        c1[((v >>> 8) & (RADIX - 1)) + 1]++;
        c2[((v >>> 16) & (RADIX - 1)) + 1]++;
      }
      // Three passes within [lo, hi): tmp -> a -> tmp -> a.
      scatter(tmp, a, lo, hi, 0, c0);
      scatter(a, tmp, lo, hi, 8, c1);
      scatter(tmp, a, lo, hi, 16, c2);
    }
  }

  private static final int RADIX = 256;

  /** One stable counting pass of src[lo, hi) into dst[lo, hi) on the 8-bit digit at {@code shift}. */
  private static void scatter(int[] src, int[] dst, int lo, int hi, int shift, int[] counts) {
    counts[0] = lo;
    for (int d = 0; d < RADIX; d++) {
      counts[d + 1] += counts[d];
    }
    for (int i = lo; i < hi; i++) {
      int v = src[i];
      dst[counts[(v >>> shift) & (RADIX - 1)]++] = v;
    }
  }
}
