package org.ferrogen.randomness.sp80090b;

import java.util.Arrays;

/**
 * The Burrows-Wheeler last column of one bzip2 block of the decimal text of binary samples ("0 1 1
 * 0 ..."), from the order of the suffixes of the block's digits alone; hand-written for speed (the
 * compression statistic of the IID permutation tests spends nearly all its time in this sort).
 *
 * <p>In such text digits and spaces alternate, so libbzip2's initial run-length coding leaves it
 * unchanged, and two rotations of a block compare as their first characters (a space sorts before
 * every digit) and then as the digit strings that follow, until one of them crosses the block's end.
 * There the alternation breaks, and how depends on the block:
 *
 * <ul>
 *   <li>odd length, first character a digit (so is the last): the wrap puts a digit where the other
 *       rotation has a space, so the rotation that wraps first is the larger, as if every digit
 *       string ended in a terminator above both digits;
 *   <li>odd length, first character a space (so is the last): the wrap puts a space where the other
 *       has a digit, a terminator below both digits;
 *   <li>even length: the block alternates all the way round, and rotations compare as the cyclic
 *       rotations of its digit string.
 * </ul>
 *
 * <p>So one sort of the D digit suffixes (digit strings, packed 64 to a word, most significant bit
 * first) orders both the rotations starting at a digit and those starting at a space, and the last
 * column follows: for a digit-first odd block, the digit before each suffix p >= 1 (the space
 * rotations, in suffix order), then D spaces with the block's last digit at the rank of suffix 0;
 * for a space-first odd block, the last digit (the rotation at the final space, whose digit string is
 * empty), the digit before each suffix (a space before suffix 0), then D spaces; for an even block,
 * the digit cyclically before each rotation, then D spaces.
 *
 * <p>The sort: odd blocks (all but possibly the last) by induced sorting ({@link #induce}), whose
 * seeds, and the rotations of an even block, by a most-significant-digit radix sort on the first 30
 * digits (8, then 22 within each bucket as keys that carry the position; digits past the end read as
 * the terminator, or, for even blocks, wrap). Suffixes that agree on those 30 digits, which in
 * random data is rare, are put in exact order by comparing 64 digits at a time. A block so
 * repetitive that this exceeds a work budget (long runs of one digit, as in very biased data) is
 * given back to the general sorter.
 */
final class BinaryTextRotations {

  /** Leading digits of the first distribution. */
  private static final int FIRST_BITS = 8;
  private static final int FIRST_SHIFT = 64 - FIRST_BITS;
  /** The two radix digits sorted within a bucket, and the key bits they make. */
  private static final int DIGIT_BITS = 11;
  private static final int BUCKETS = 1 << DIGIT_BITS;
  private static final int KEY_BITS = 2 * DIGIT_BITS;
  /** Bits of a key holding the position: a block has fewer than 2^18 digits. */
  private static final int POSITION_BITS = 18;
  private static final long POSITION_MASK = (1L << POSITION_BITS) - 1;
  /** The largest digit count of a block. */
  static final int MAX_DIGITS = 1 << POSITION_BITS;
  /** Exact comparisons may read this many 64-digit words per digit of the block before giving up. */
  private static final int WORK_PER_DIGIT = 8;

  private enum Wrap {
    /** Odd block starting with a digit: a terminator above both digits. */
    LARGER,
    /** Odd block starting with a space: a terminator below both digits. */
    SMALLER,
    /** Even block: cyclic. */
    CYCLIC
  }

  private final int[] firstCounts = new int[(1 << FIRST_BITS) + 1];
  private final int[] lowCounts = new int[BUCKETS];
  private final int[] highCounts = new int[BUCKETS];
  private long[] bucketKeys = new long[0];
  private long[] spareKeys = new long[0];
  private long[] digitBits = new long[0];
  private int[] spareOrder = new int[0];
  private int[] lms = new int[0];
  private int[] sa = new int[0];
  /** Where {@link #emit} puts sorted suffixes while the induced sort's seeds are sorted, or null. */
  private int[] sink;
  private int sinkAt;
  private int[] run = new int[0];
  private int[] runSpare = new int[0];
  private int digits;
  private Wrap wrap;
  // The last column as the sort emits it.
  private byte[] column;
  private int written;
  private int sorted;
  private int rankOfZero;
  private int lowSymbol;
  private int highSymbol;
  private int zeroSymbol;
  private int headLength;
  private int tailLength;
  private int tailDigitAt;
  private int tailDigit;
  private long workLeft;
  private int nonEmptyRanges;

  /**
   * Writes the last column of the block {@code text[start, start + length)} of the decimal text of
   * the {@code n} samples in {@code packed} (sample i is bit i % 64 of word i / 64; a 1 is the
   * larger of the two digits) into {@code out}, as bzip2's dense symbols (space, then the smaller
   * digit, then the larger, numbered among those the block holds). Returns the number of symbols
   * the block holds, or -1 when the block is too repetitive for this method ({@code out} then holds
   * nothing of use).
   */
  int lastColumn(long[] packed, int n, int start, int length, byte[] out) {
    if (length < 1 || start < 0 || (long) start + length > 2L * n - 1) {
      throw new IllegalArgumentException(
          "block [" + start + ", " + start + "+" + length + ") outside the text of " + n + " samples");
    }
    int first = (start + 1) / 2; // the first sample in the block
    digits = (start + length + 1) / 2 - first;
    if (digits > MAX_DIGITS) {
      throw new IllegalArgumentException("block of " + length + " characters is too long");
    }
    wrap = length % 2 == 0 ? Wrap.CYCLIC : start % 2 == 0 ? Wrap.LARGER : Wrap.SMALLER;
    int spaces = length - digits;
    int ones = loadDigits(packed, first);
    int space = 0;
    int low = spaces > 0 ? 1 : 0;
    int high = ones < digits ? low + 1 : low;
    int symbols = high + (ones > 0 ? 1 : 0);
    nonEmptyRanges = (spaces > 0 ? 1 : 0) + (digits > 0 ? 1 : 0); // ' ' in 0x20-0x2F, digits in 0x30-0x3F
    if (length == 1) {
      out[0] = (byte) (digits == 1 && ones == 1 ? high : digits == 1 ? low : space);
      headLength = 1;
      tailLength = 0;
      tailDigitAt = -1;
      return symbols;
    }
    int d = digits;
    int lastDigit = (digit(d - 1) ^ (wrap == Wrap.LARGER ? 1 : 0)) == 1 ? high : low;
    column = out;
    written = 0;
    sorted = 0;
    lowSymbol = low;
    highSymbol = high;
    zeroSymbol = wrap == Wrap.CYCLIC ? lastDigit : space; // what precedes suffix 0 (LARGER: none)
    if (wrap == Wrap.SMALLER) {
      out[written++] = (byte) lastDigit; // the rotation at the final space, whose digits are empty
    }
    workLeft = (long) WORK_PER_DIGIT * d + 1024;
    if (wrap == Wrap.CYCLIC ? !sortSuffixes(null, d) : !induce()) {
      return -1;
    }
    headLength = written;
    tailDigitAt = wrap == Wrap.LARGER ? rankOfZero : -1;
    tailDigit = lastDigit;
    tailLength = d;
    return symbols;
  }

  /**
   * Takes suffix p, the next in suffix order: into {@link #sink} while the induced sort's seeds are
   * sorted, else the last column gets what precedes it.
   */
  private void emit(int p) {
    if (sink != null) {
      sink[sinkAt++] = p;
      return;
    }
    if (p == 0) {
      rankOfZero = sorted;
      if (wrap != Wrap.LARGER) {
        column[written++] = (byte) zeroSymbol;
      }
    } else {
      column[written++] = (byte) (lowSymbol + digit(p - 1) * (highSymbol - lowSymbol));
    }
    sorted++;
  }

  /**
   * The suffix order of an odd block by induced sorting (Nong, Zhang and Chan, "Two Efficient
   * Algorithms for Linear Time Suffix Array Construction", IEEE Trans. Computers 60(10), 2011; one
   * level, the seeds sorted directly), on digits whose terminator sorts below both (complemented
   * for a terminator above, whose order is then read backwards). With two digits the types are
   * plain: a 1 is L-type (larger than the suffix after it), a 0 S-type unless only zeros follow it;
   * the seeds (LMS suffixes) are the starts of the runs of zeros after a 1, about a quarter of the
   * suffixes. They are sorted by the radix sort, and one pass forward places the L-type suffixes
   * (ones; the trailing zeros, smallest of the zero bucket, go in first), one pass backward the
   * S-type ones, each suffix being placed before the pass reaches it; the backward pass reads the
   * final order and emits the last column.
   */
  private boolean induce() {
    int d = digits;
    long[] x = digitBits;
    // The trailing run of zeros starts at t.
    int t = d;
    while (t > 0 && ((x[(t - 1) >>> 6] >>> (63 - ((t - 1) & 63))) & 1) == 0) {
      t--;
    }
    int ones = 0;
    int seeds = 0;
    if (lms.length < d) {
      lms = new int[d];
    }
    int whole = (d + 63) / 64;
    long carry = 0; // the digit before the current word
    for (int m = 0; m < whole; m++) {
      long w = x[m];
      ones += Long.bitCount(w);
      long starts = ~w & ((w >>> 1) | (carry << 63)); // a 0 after a 1
      carry = w & 1;
      while (starts != 0) {
        int leading = Long.numberOfLeadingZeros(starts);
        int i = 64 * m + leading;
        starts &= ~(Long.MIN_VALUE >>> leading);
        if (i < t) {
          lms[seeds++] = i;
        }
      }
    }
    int zeros = d - ones;
    if (sa.length < d + 2) {
      sa = new int[d + 2];
    }
    int[] a = sa;
    int dummy = d + 1;
    a[0] = d; // the terminator
    // The zero bucket [1, 1 + zeros): the trailing zeros (shortest first), empty slots, the seeds.
    int head = 1;
    for (int p = d - 1; p >= t; p--) {
      a[head++] = p;
    }
    int seedStart = 1 + zeros - seeds;
    Arrays.fill(a, head, seedStart, 0); // 0 induces nothing, like an empty slot
    sink = a;
    sinkAt = seedStart;
    boolean sorted = sortSuffixes(lms, seeds);
    sink = null;
    if (!sorted) {
      return false;
    }
    // Forward: L-type suffixes (ones) at the heads of the one bucket. The slot is chosen by
    // arithmetic (a suffix that places nothing writes to the spare slot at the end), since the
    // digits of random data defeat branch prediction.
    int oneHead = 1 + zeros;
    for (int i = 0; i <= d; i++) {
      int j = a[i] - 1;
      int bit = j < 0 ? 0 : (int) (x[j >>> 6] >>> (63 - (j & 63))) & 1;
      a[dummy + ((oneHead - dummy) & -bit)] = j;
      oneHead += bit;
    }
    // Backward: S-type suffixes (zeros before position t) at the tails of the zero bucket, and the
    // last column in the order read.
    int zeroTail = zeros;
    int low = lowSymbol;
    int step = highSymbol - lowSymbol;
    boolean reversed = wrap == Wrap.LARGER;
    byte[] out = column;
    int o = written;
    for (int i = d; i >= 1; i--) {
      int p = a[i];
      int j = p - 1;
      int digit = j < 0 ? 1 : (int) (x[j >>> 6] >>> (63 - (j & 63))) & 1;
      int place = (digit ^ 1) & ((j - t) >>> 31); // a zero before t (j = -1 has digit 1)
      a[dummy + ((zeroTail - dummy) & -place)] = j;
      zeroTail -= place;
      if (p == 0) {
        if (reversed) {
          rankOfZero = d - i;
        } else {
          out[i] = (byte) zeroSymbol;
        }
      } else if (reversed) {
        out[o++] = (byte) (low + (digit ^ 1) * step);
      } else {
        out[i] = (byte) (low + digit * step);
      }
    }
    written = o;
    if (!reversed) {
      written = d + 1;
    }
    return true;
  }

  /**
   * The last column's leading part, written into {@code out}: all of it but the {@link #tailLength}
   * rotations starting at a digit that follow a space (or, in a digit-first odd block, the rotation
   * at the last digit, which follows the wrap).
   */
  int headLength() {
    return headLength;
  }

  /** Length of the last column's tail: one space per rotation starting at a digit but one. */
  int tailLength() {
    return tailLength;
  }

  /** Where in the tail the block's last digit stands instead of a space, or -1. */
  int tailDigitAt() {
    return tailDigitAt;
  }

  /** The dense symbol of the block's last digit. */
  int tailDigit() {
    return tailDigit;
  }

  /** How many of bzip2's 16-symbol ranges the last block holds (its symbol bitmap's second level). */
  int nonEmptyRanges() {
    return nonEmptyRanges;
  }

  /**
   * The block's digits, most significant bit first, then what follows them: the terminator's digit
   * repeated, or the digits again (cyclic). Returns the number of ones among the digits.
   */
  private int loadDigits(long[] packed, int first) {
    int d = digits;
    int reach = wrap == Wrap.CYCLIC ? 2 * d + 128 : d + 128; // furthest bit a window reads
    int words = reach / 64 + 2;
    if (digitBits.length < words) {
      digitBits = new long[words];
    }
    long[] bits = digitBits;
    int whole = (d + 63) / 64;
    for (int m = 0; m < whole; m++) {
      int s = first + 64 * m;
      int i = s >>> 6;
      int shift = s & 63;
      long x = packed[i] >>> shift;
      if (shift != 0 && i + 1 < packed.length) {
        x |= packed[i + 1] << (64 - shift);
      }
      bits[m] = Long.reverse(x);
    }
    int rest = d & 63;
    if (rest != 0) {
      bits[whole - 1] &= -1L << (64 - rest); // samples past the block
    }
    int ones = 0;
    for (int m = 0; m < whole; m++) {
      ones += Long.bitCount(bits[m]);
    }
    if (wrap == Wrap.CYCLIC) {
      Arrays.fill(bits, whole, words, 0L);
      for (int pos = d; pos < 64 * words; pos++) {
        int from = pos % d;
        long bit = (bits[from >>> 6] >>> (63 - (from & 63))) & 1;
        bits[pos >>> 6] |= bit << (63 - (pos & 63));
      }
    } else {
      // A terminator above both digits is one below both in the complemented digits, whose suffix
      // order is the reverse: the induced sort below only handles a terminator below.
      if (wrap == Wrap.LARGER) {
        for (int m = 0; m < whole; m++) {
          bits[m] = ~bits[m];
        }
        if (rest != 0) {
          bits[whole - 1] &= -1L << (64 - rest);
        }
      }
      Arrays.fill(bits, whole, words, 0L);
    }
    return ones;
  }

  /** Digit i (0 or 1) of the block. */
  private int digit(int i) {
    return (int) (digitBits[i >>> 6] >>> (63 - (i & 63))) & 1;
  }

  /** The 64 digits from position p (past the end: the terminator, or cyclically the start). */
  private long window(int p) {
    int i = p >>> 6;
    int shift = p & 63;
    return (digitBits[i] << shift) | ((digitBits[i + 1] >>> 1) >>> (63 - shift));
  }

  /**
   * Sorts the suffixes at {@code positions[0..count)} (null: all) and emits them in order (see
   * {@link #emit}): distributed on their first 8 digits, then each
   * bucket (a few thousand suffixes, which stay in the processor's first-level cache) radix sorted
   * on the next 22 as keys that carry the position; false when the exact comparisons of tied
   * suffixes ran out of work.
   */
  private boolean sortSuffixes(int[] positions, int count) {
    if (spareOrder.length < count) {
      spareOrder = new int[Math.max(count, digits)];
    }
    int[] c = firstCounts;
    Arrays.fill(c, 0);
    for (int i = 0; i < count; i++) {
      int p = positions == null ? i : positions[i];
      c[(int) (window(p) >>> FIRST_SHIFT) + 1]++;
    }
    for (int b = 1; b < c.length; b++) {
      c[b] += c[b - 1];
    }
    // c[b] is bucket b's start; the scatter leaves it at bucket b's end.
    for (int i = 0; i < count; i++) {
      int p = positions == null ? i : positions[i];
      spareOrder[c[(int) (window(p) >>> FIRST_SHIFT)]++] = p;
    }
    for (int b = 0, from = 0; b < c.length - 1; b++) {
      int to = c[b];
      if (!sortBucket(from, to)) {
        return false;
      }
      from = to;
    }
    return true;
  }

  /** Sorts the bucket {@code spareOrder[from..to)} and emits it. */
  private boolean sortBucket(int from, int to) {
    int m = to - from;
    if (m <= 1) {
      if (m == 1) {
        emit(spareOrder[from]);
      }
      return true;
    }
    if (bucketKeys.length < m) {
      bucketKeys = new long[Math.max(m, 2 * bucketKeys.length)];
      spareKeys = new long[bucketKeys.length];
    }
    long[] k = bucketKeys;
    long[] s = spareKeys;
    int[] low = lowCounts;
    int[] high = highCounts;
    Arrays.fill(low, 0);
    Arrays.fill(high, 0);
    for (int t = 0; t < m; t++) {
      int p = spareOrder[from + t];
      long key = (window(p) << FIRST_BITS >>> (64 - KEY_BITS)) << POSITION_BITS | p;
      s[t] = key;
      low[(int) (key >>> POSITION_BITS) & (BUCKETS - 1)]++;
      high[(int) (key >>> (POSITION_BITS + DIGIT_BITS))]++;
    }
    for (int v = 0, sumLow = 0, sumHigh = 0; v < BUCKETS; v++) {
      int l = low[v];
      low[v] = sumLow;
      sumLow += l;
      int h = high[v];
      high[v] = sumHigh;
      sumHigh += h;
    }
    for (int t = 0; t < m; t++) {
      long key = s[t];
      k[low[(int) (key >>> POSITION_BITS) & (BUCKETS - 1)]++] = key;
    }
    for (int t = 0; t < m; t++) {
      long key = k[t];
      s[high[(int) (key >>> (POSITION_BITS + DIGIT_BITS))]++] = key;
    }
    // Suffixes equal on their first 30 digits: exact order.
    int j = 1;
    while (j < m) {
      if ((s[j] ^ s[j - 1]) >>> POSITION_BITS != 0) {
        j++;
        continue;
      }
      int a = j - 1;
      int b = j + 1;
      while (b < m && (s[b] ^ s[a]) >>> POSITION_BITS == 0) {
        b++;
      }
      if (!sortTied(s, a, b)) {
        return false;
      }
      j = b + 1;
    }
    for (int t = 0; t < m; t++) {
      emit((int) (s[t] & POSITION_MASK));
    }
    return true;
  }

  /** Puts the keys {@code s[a..b)}, equal on their digits, in exact suffix order. */
  private boolean sortTied(long[] s, int a, int b) {
    int m = b - a;
    if (run.length < m) {
      run = new int[Math.max(m, 2 * run.length)];
      runSpare = new int[run.length];
    }
    for (int t = 0; t < m; t++) {
      run[t] = (int) (s[a + t] & POSITION_MASK);
    }
    if (!mergeSort(run, runSpare, 0, m)) {
      return false;
    }
    for (int t = 0; t < m; t++) {
      s[a + t] = (s[a + t] & ~POSITION_MASK) | run[t];
    }
    return true;
  }

  /** Sorts {@code x[from..to)} by {@link #compare}, {@code tmp} as scratch; false when out of work. */
  private boolean mergeSort(int[] x, int[] tmp, int from, int to) {
    if (to - from <= 8) {
      for (int m = from + 1; m < to; m++) {
        int p = x[m];
        int i = m - 1;
        while (i >= from) {
          int c = compare(x[i], p);
          if (c == Integer.MIN_VALUE) {
            return false;
          }
          if (c <= 0) {
            break;
          }
          x[i + 1] = x[i];
          i--;
        }
        x[i + 1] = p;
      }
      return true;
    }
    int mid = (from + to) >>> 1;
    if (!mergeSort(x, tmp, from, mid) || !mergeSort(x, tmp, mid, to)) {
      return false;
    }
    System.arraycopy(x, from, tmp, from, to - from);
    int i = from;
    int j = mid;
    for (int o = from; o < to; o++) {
      if (j >= to) {
        x[o] = tmp[i++];
      } else if (i >= mid) {
        x[o] = tmp[j++];
      } else {
        int c = compare(tmp[i], tmp[j]);
        if (c == Integer.MIN_VALUE) {
          return false;
        }
        x[o] = c <= 0 ? tmp[i++] : tmp[j++];
      }
    }
    return true;
  }

  /**
   * The exact order of suffixes p and q (negative, 0 for equal rotations of a periodic even block,
   * positive), or {@code Integer.MIN_VALUE} when the work budget is spent.
   */
  private int compare(int p, int q) {
    int d = digits;
    int common = wrap == Wrap.CYCLIC ? d : d - Math.max(p, q); // digits both have
    for (int k = 0; k < common; k += 64) {
      if (--workLeft < 0) {
        return Integer.MIN_VALUE;
      }
      long x = window(p + k);
      long y = window(q + k);
      int left = common - k;
      if (left < 64) {
        x >>>= 64 - left;
        y >>>= 64 - left;
      }
      if (x != y) {
        return Long.compareUnsigned(x, y) < 0 ? -1 : 1;
      }
    }
    if (wrap == Wrap.CYCLIC || p == q) {
      return 0;
    }
    // One digit string ended first: the terminator sorts below both digits (see loadDigits).
    return p > q ? -1 : 1;
  }
}
