package org.ferrogen.randomness.sp80090b;

import java.util.Arrays;

/**
 * Sorted order of the cyclic rotations of a block, i.e. the Burrows-Wheeler transform's sort as
 * libbzip2 does it (blocksort.c sorts rotations, wrapping at the block end). Rotations that are
 * identical (a periodic block) come out in no particular order, which does not change the
 * transform's last column.
 *
 * <p>Every rotation gets a 64-bit key: the order-preserving dense ranks of the 2-grams at offsets
 * 0, 2, 4, ... packed in mixed radix, as many as fit in 64 bits. On the decimal text of binary
 * samples only four 2-grams occur (five with the pair across the block end), so a key covers 54-64
 * characters (27-32 samples) and settles almost every rotation. Rotations starting with a symbol
 * of an "inducible" set (symbols never adjacent to each other or themselves: there, the space or
 * the two digits) are not sorted but placed after the others in one pass, ordered by the rotation
 * that follows them. The others are radix sorted on the upper 48 bits of their keys (three 16-bit
 * digits, least significant first); the short runs of equal upper bits are then sorted in place on
 * the whole key. Rotations with equal keys are compared on the keys that follow (a few rounds), and
 * whatever is still tied goes to prefix doubling on group ranks (Larsson and Sadakane, "Faster
 * suffix sorting", Theoretical Computer Science 387, 2007), which bounds the work on repetitive
 * blocks.
 */
final class RotationSorter {

  /** Ranges up to this size are sorted by insertion. */
  private static final int INSERTION_LIMIT = 16;
  /** 16-bit digits, from the top of the key, sorted by the first radix sort. */
  private static final int RADIX_DIGITS = 3;
  /** Rounds comparing the following keys before prefix doubling takes over. */
  private static final int KEY_ROUNDS = 2;

  // Work arrays, reused from block to block.
  private final int[] order;
  private final int[] subsetOrder;
  private final long[] keys;
  private final long[] sorted;
  private final long[] spareKeys;
  private final int[] spareOrder;
  private final int[] grams;
  private final int[][] digitCounts = new int[RADIX_DIGITS][1 << 16];

  /** A sorter for blocks of up to {@code capacity} symbols. */
  RotationSorter(int capacity) {
    order = new int[capacity];
    subsetOrder = new int[capacity];
    keys = new long[capacity];
    sorted = new long[capacity];
    spareKeys = new long[capacity];
    spareOrder = new int[capacity];
    grams = new int[capacity];
  }

  /**
   * The rotation order of {@code symbols[0..n)}, whose unsigned values lie in [0, alphabetSize):
   * element j (j < n) of the returned array, which the next call overwrites, is the start of the
   * j-th smallest rotation.
   */
  int[] sort(byte[] symbols, int n, int alphabetSize) {
    if (n == 1) {
      order[0] = 0;
      return order;
    }
    boolean[] gramPresent = new boolean[alphabetSize * alphabetSize];
    int keyChars = packedKeys(symbols, n, alphabetSize, gramPresent, grams, keys);
    int[] frequency = frequencies(symbols, n, alphabetSize);
    boolean[] induced = inducibleSymbols(frequency, alphabetSize, gramPresent);
    int sortedCount = sortSubset(symbols, n, keyChars, induced, false);
    if (sortedCount < 0) {
      // Ties survived the key rounds: sort every rotation, so that prefix doubling has all ranks.
      induced = new boolean[alphabetSize];
      sortedCount = sortSubset(symbols, n, keyChars, induced, true);
    }
    if (sortedCount == n) {
      return subsetOrder;
    }
    induce(symbols, n, frequency, induced, sortedCount);
    return order;
  }

  /**
   * Occurrences of each symbol, counted in four interleaved tables so that runs of one symbol do
   * not chain every increment through the same memory word.
   */
  private static int[] frequencies(byte[] symbols, int n, int alphabetSize) {
    int[][] partial = new int[4][256];
    int i = 0;
    for (; i + 3 < n; i += 4) {
      partial[0][symbols[i] & 0xFF]++;
      partial[1][symbols[i + 1] & 0xFF]++;
      partial[2][symbols[i + 2] & 0xFF]++;
      partial[3][symbols[i + 3] & 0xFF]++;
    }
    for (; i < n; i++) {
      partial[0][symbols[i] & 0xFF]++;
    }
    int[] frequency = new int[alphabetSize];
    for (int c = 0; c < alphabetSize; c++) {
      frequency[c] = partial[0][c] + partial[1][c] + partial[2][c] + partial[3][c];
    }
    return frequency;
  }

  /**
   * Symbols whose rotations need no sorting: a set of symbols no two of which (nor one twice) are
   * ever adjacent, so that a rotation starting with one of them is followed by a rotation starting
   * with another symbol. Chosen greedily by frequency; on the text of binary samples this is the
   * space or the two digits, half the block.
   */
  private static boolean[] inducibleSymbols(
      int[] frequency, int alphabetSize, boolean[] gramPresent) {
    long[] frequencyAndSymbol = new long[alphabetSize];
    for (int c = 0; c < alphabetSize; c++) {
      frequencyAndSymbol[c] = (long) frequency[c] << 32 | c;
    }
    Arrays.sort(frequencyAndSymbol);
    boolean[] chosen = new boolean[alphabetSize];
    for (int k = alphabetSize - 1; k >= 0; k--) {
      int c = (int) frequencyAndSymbol[k];
      boolean free = !gramPresent[c * alphabetSize + c];
      for (int d = 0; d < alphabetSize && free; d++) {
        free =
            !chosen[d] || !gramPresent[c * alphabetSize + d] && !gramPresent[d * alphabetSize + c];
      }
      chosen[c] = free;
    }
    return chosen;
  }

  /**
   * Sorts the rotations not starting with a skipped symbol into {@code subsetOrder} and returns
   * their count, or -1 when ties remain after the key rounds and {@code doubling} is false.
   */
  private int sortSubset(byte[] symbols, int n, int keyChars, boolean[] skip, boolean doubling) {
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (!skip[symbols[i] & 0xFF]) {
        spareOrder[count] = i;
        spareKeys[count] = keys[i];
        count++;
      }
    }
    sortByUpperDigits(count);
    // Runs of equal upper digits are short unless the block is repetitive: finish them in place.
    int unsortedBits = 64 - 16 * RADIX_DIGITS;
    int from = 0;
    while (from < count) {
      int to = from + 1;
      while (to < count && sorted[to] >>> unsortedBits == sorted[from] >>> unsortedBits) {
        to++;
      }
      sortRange(sorted, subsetOrder, from, to - from, spareKeys, spareOrder);
      from = to;
    }
    Groups groups = new Groups();
    groups.addRuns(sorted, 0, count);
    long covered = keyChars;
    // Every group agrees on `covered` characters: compare the keys that follow, a key at a time.
    long[] ahead = sorted; // the sorted keys themselves are no longer needed
    for (int round = 0; round < KEY_ROUNDS && covered < n && !groups.isEmpty(); round++) {
      Groups next = new Groups();
      int shift = (int) (covered % n);
      for (int g = 0; g < groups.size(); g++) {
        int start = groups.start(g);
        int len = groups.length(g);
        for (int m = start; m < start + len; m++) {
          int p = subsetOrder[m] + shift;
          ahead[m] = keys[p >= n ? p - n : p];
        }
        sortRange(ahead, subsetOrder, start, len, spareKeys, spareOrder);
        next.addRuns(ahead, start, len);
      }
      groups = next;
      covered += keyChars;
    }
    if (covered < n && !groups.isEmpty()) {
      if (!doubling) {
        return -1;
      }
      doubling(subsetOrder, groups, n, covered);
    }
    return count;
  }

  /**
   * The full order from the sorted subset: rotations are bucketed by first symbol; the subset keeps
   * its order within its buckets, and the rotation just before a subset rotation, when it starts
   * with an induced symbol, is ordered by that successor (bzip2's mainSort uses the same idea to
   * order small buckets from sorted ones).
   */
  private void induce(byte[] symbols, int n, int[] frequency, boolean[] induced, int sortedCount) {
    int[] next = new int[frequency.length];
    for (int c = 0, sum = 0; c < frequency.length; c++) {
      next[c] = sum;
      sum += frequency[c];
    }
    for (int j = 0; j < sortedCount; j++) {
      int r = subsetOrder[j];
      order[next[symbols[r] & 0xFF]++] = r;
      int before = r == 0 ? n - 1 : r - 1;
      int c = symbols[before] & 0xFF;
      if (induced[c]) {
        order[next[c]++] = before;
      }
    }
  }

  /**
   * Fills {@code keys[i]} with the key of the rotation at i and returns how many characters a key
   * covers.
   */
  private static int packedKeys(
      byte[] symbols, int n, int alphabetSize, boolean[] present, int[] gram, long[] keys) {
    for (int i = 0; i < n; i++) {
      int next = i + 1 == n ? 0 : i + 1;
      gram[i] = (symbols[i] & 0xFF) * alphabetSize + (symbols[next] & 0xFF);
      present[gram[i]] = true;
    }
    int[] denseRank = new int[present.length];
    int grams = 0;
    for (int g = 0; g < present.length; g++) {
      if (present[g]) {
        denseRank[g] = grams++;
      }
    }
    for (int i = 0; i < n; i++) {
      gram[i] = denseRank[gram[i]];
    }
    // The largest count (at most 64) of 2-grams whose key values, below grams^count <= 2^64, fit in
    // an unsigned long.
    long maxSpan = grams <= 1 ? -1L : Long.divideUnsigned(-1L, grams);
    if (grams > 1 && Long.remainderUnsigned(-1L, grams) == grams - 1) {
      maxSpan++; // grams divides 2^64
    }
    int perKey = 0;
    long leading = 1; // grams^(perKey - 1)
    long span = 1; // grams^perKey, 0 standing for 2^64
    while (perKey < 64 && span != 0 && Long.compareUnsigned(span, maxSpan) <= 0) {
      leading = span;
      span *= grams;
      perKey++;
    }
    for (int start = 0; start < 2 && start < n; start++) {
      long key = 0;
      for (int k = 0; k < perKey; k++) {
        key = key * grams + gram[(int) ((start + 2L * k) % n)];
      }
      keys[start] = key;
    }
    // Rolling update: drop the leading 2-gram, shift by one digit, append the 2-gram 2*perKey on.
    int tail = (int) ((2L * perKey - 2) % n);
    for (int i = 2; i < n; i++) {
      int p = i + tail;
      if (p >= n) {
        p -= n;
      }
      keys[i] = (keys[i - 2] - gram[i - 2] * leading) * grams + gram[p];
    }
    return 2 * perKey;
  }

  /**
   * Sorts the first {@code count} entries of {@code spareKeys} (unsigned) with their positions in
   * {@code spareOrder} on their upper {@code 16 * RADIX_DIGITS} bits, into {@code sorted} and
   * {@code subsetOrder}.
   */
  private void sortByUpperDigits(int count) {
    for (int[] c : digitCounts) {
      Arrays.fill(c, 0);
    }
    int lowest = 64 - 16 * RADIX_DIGITS;
    for (int i = 0; i < count; i++) {
      long k = spareKeys[i];
      for (int d = 0; d < RADIX_DIGITS; d++) {
        digitCounts[d][(int) (k >>> (lowest + 16 * d)) & 0xFFFF]++;
      }
    }
    int[] varying = new int[RADIX_DIGITS];
    int passes = 0;
    for (int d = 0; d < RADIX_DIGITS; d++) {
      if (digitCounts[d][(int) (spareKeys[0] >>> (lowest + 16 * d)) & 0xFFFF] != count) {
        varying[passes++] = d; // a digit every key shares needs no pass
      }
    }
    if (passes % 2 == 0) {
      // An even number of passes would end in the spare arrays: start from a copy instead.
      System.arraycopy(spareKeys, 0, sorted, 0, count);
      System.arraycopy(spareOrder, 0, subsetOrder, 0, count);
    }
    long[] keysIn = passes % 2 == 0 ? sorted : spareKeys;
    int[] orderIn = passes % 2 == 0 ? subsetOrder : spareOrder;
    for (int pass = 0; pass < passes; pass++) {
      long[] keysOut = keysIn == sorted ? spareKeys : sorted;
      int[] orderOut = orderIn == subsetOrder ? spareOrder : subsetOrder;
      int d = varying[pass];
      scatter(keysIn, orderIn, keysOut, orderOut, count, lowest + 16 * d, digitCounts[d]);
      keysIn = keysOut;
      orderIn = orderOut;
    }
  }

  /** One stable counting-sort pass on the 16-bit digit at {@code shift}. */
  private static void scatter(
      long[] keysIn, int[] orderIn, long[] keysOut, int[] orderOut, int n, int shift, int[] count) {
    int sum = 0;
    for (int v = 0; v < count.length; v++) {
      int c = count[v];
      count[v] = sum;
      sum += c;
    }
    for (int i = 0; i < n; i++) {
      long k = keysIn[i];
      int slot = count[(int) (k >>> shift) & 0xFFFF]++;
      keysOut[slot] = k;
      orderOut[slot] = orderIn[i];
    }
  }

  /**
   * Sorts {@code keys[from..from+len)} as unsigned numbers, moving {@code order} along: insertion
   * for short ranges, else byte-wise radix passes, skipping bytes every key shares.
   */
  private static void sortRange(
      long[] keys, int[] order, int from, int len, long[] spareKeys, int[] spareOrder) {
    if (len <= INSERTION_LIMIT) {
      for (int m = from + 1; m < from + len; m++) {
        long key = keys[m];
        int pos = order[m];
        int k = m - 1;
        while (k >= from && Long.compareUnsigned(keys[k], key) > 0) {
          keys[k + 1] = keys[k];
          order[k + 1] = order[k];
          k--;
        }
        keys[k + 1] = key;
        order[k + 1] = pos;
      }
      return;
    }
    int[][] count = new int[8][256];
    for (int m = from; m < from + len; m++) {
      long k = keys[m];
      for (int d = 0; d < 8; d++) {
        count[d][(int) (k >>> (8 * d)) & 0xFF]++;
      }
    }
    long[] keysIn = keys;
    int[] orderIn = order;
    long[] keysOut = spareKeys;
    int[] orderOut = spareOrder;
    for (int d = 0; d < 8; d++) {
      int shift = 8 * d;
      int[] c = count[d];
      if (c[(int) (keys[from] >>> shift) & 0xFF] == len) {
        continue; // every key has this byte
      }
      int sum = from;
      for (int v = 0; v < 256; v++) {
        int t = c[v];
        c[v] = sum;
        sum += t;
      }
      for (int m = from; m < from + len; m++) {
        long k = keysIn[m];
        int slot = c[(int) (k >>> shift) & 0xFF]++;
        keysOut[slot] = k;
        orderOut[slot] = orderIn[m];
      }
      long[] tk = keysIn;
      keysIn = keysOut;
      keysOut = tk;
      int[] to = orderIn;
      orderIn = orderOut;
      orderOut = to;
    }
    if (keysIn != keys) {
      System.arraycopy(keysIn, from, keys, from, len);
      System.arraycopy(orderIn, from, order, from, len);
    }
  }

  /**
   * Prefix doubling on the remaining groups, whose members agree on their first h characters: a
   * group is sorted by the rank of the rotation h further on. A rank is the first position of its
   * group and is updated in place, which only refines it (Larsson and Sadakane, section 2).
   */
  private static void doubling(int[] order, Groups groups, int n, long h) {
    int[] rank = new int[n];
    for (int j = 0; j < n; j++) {
      rank[order[j]] = j;
    }
    for (int g = 0; g < groups.size(); g++) {
      int from = groups.start(g);
      for (int m = from; m < from + groups.length(g); m++) {
        rank[order[m]] = from;
      }
    }
    int[] ahead = new int[n];
    long[] packed = new long[0];
    for (; h < n && !groups.isEmpty(); h *= 2) {
      Groups next = new Groups();
      int shift = (int) (h % n);
      for (int g = 0; g < groups.size(); g++) {
        int from = groups.start(g);
        int len = groups.length(g);
        boolean allEqual = true;
        for (int m = 0; m < len; m++) {
          int p = order[from + m] + shift;
          ahead[m] = rank[p >= n ? p - n : p];
          allEqual &= ahead[m] == ahead[0];
        }
        if (allEqual) {
          next.add(from, len);
          continue;
        }
        if (packed.length < len) {
          packed = new long[Math.max(len, 2 * packed.length)];
        }
        for (int m = 0; m < len; m++) {
          packed[m] = ((long) ahead[m] << 32) | order[from + m];
        }
        Arrays.sort(packed, 0, len);
        int sub = 0;
        for (int m = 0; m < len; m++) {
          order[from + m] = (int) packed[m];
          if (m > 0 && packed[m] >>> 32 != packed[m - 1] >>> 32) {
            next.add(from + sub, m - sub);
            sub = m;
          }
          rank[order[from + m]] = from + sub;
        }
        next.add(from + sub, len - sub);
      }
      groups = next;
    }
  }

  /** Ranges (start, length) of rotations not yet told apart; ranges of one are not kept. */
  private static final class Groups {
    private int[] bounds = new int[16];
    private int size;

    void add(int start, int length) {
      if (length > 1) {
        if (2 * size + 2 > bounds.length) {
          bounds = Arrays.copyOf(bounds, 2 * bounds.length);
        }
        bounds[2 * size] = start;
        bounds[2 * size + 1] = length;
        size++;
      }
    }

    /** Adds the runs of equal values in {@code values[from..from+len)}. */
    void addRuns(long[] values, int from, int len) {
      int run = from;
      for (int m = from + 1; m < from + len; m++) {
        if (values[m] != values[m - 1]) {
          add(run, m - run);
          run = m;
        }
      }
      add(run, from + len - run);
    }

    int size() {
      return size;
    }

    boolean isEmpty() {
      return size == 0;
    }

    int start(int g) {
      return bounds[2 * g];
    }

    int length(int g) {
      return bounds[2 * g + 1];
    }
  }
}
