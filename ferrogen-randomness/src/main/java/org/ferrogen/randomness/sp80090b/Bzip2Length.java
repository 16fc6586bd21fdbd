package org.ferrogen.randomness.sp80090b;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Length in bytes of the bzip2 stream libbzip2 1.0.8 produces for a byte string, computed without
 * producing it, for the compression statistic of the IID permutation tests. NIST's tool calls
 * {@code BZ2_bzBuffToBuffCompress(dest, &len, src, n, 5, 0, 0)}: block size 5, default work factor
 * (30, which only picks libbzip2's sorting algorithm, not the output). The stages are those of
 * libbzip2 1.0.8, and every choice that changes the length is replicated exactly:
 *
 * <ul>
 *   <li>bzlib.c: the initial run-length coding (runs of 4 to 255 equal bytes become four bytes and
 *       a count) and the filling of blocks of at most {@code 100000 * 5 - 19} bytes, the check made
 *       before each input byte and the pending run carried into the next block, or, at the end of
 *       the input, flushed into the current one;
 *   <li>blocksort.c: the Burrows-Wheeler sort of each block's cyclic rotations ({@link
 *       RotationSorter}; the 24-bit origPtr and the 32-bit CRCs have fixed sizes, so only the
 *       transform's last column matters);
 *   <li>compress.c generateMTFValues: move-to-front with RUNA/RUNB coding of zero runs and EOB;
 *   <li>compress.c sendMTFValues: the table count from the symbol count, the initial partition of
 *       symbols by frequency, four refinement passes over 50-symbol groups, huffman.c
 *       BZ2_hbMakeCodeLengths with maximum length 17, unary-coded move-to-front selectors,
 *       delta-coded code lengths and the 16x16 symbol-in-use bitmap;
 *   <li>compress.c BZ2_compressBlock: block header (48-bit magic, 32-bit CRC, randomised bit,
 *       24-bit origPtr), stream header "BZh5", trailer (48-bit magic, 32-bit CRC) and padding of
 *       the last byte.
 * </ul>
 *
 * <p>{@code bzip2 -5 -c} gives the same lengths except when the input ends exactly as a block
 * fills: its streaming interface then puts the pending run in a block of its own.
 */
public final class Bzip2Length {

  /** The block size (in 100 kB) the tool uses. */
  public static final int BLOCK_SIZE = 5;

  /** bzlib.c BZ2_bzCompressInit: nblockMAX, the fill level at which a block is closed. */
  static final int MAX_BLOCK = 100_000 * BLOCK_SIZE - 19;

  /** Stream header: "BZh" and the block size digit. */
  private static final int STREAM_HEADER_BITS = 32;
  /** Stream trailer: 48-bit end-of-stream magic and the combined CRC. */
  private static final int STREAM_TRAILER_BITS = 48 + 32;
  /** Block header: 48-bit block magic, block CRC, randomised bit, origPtr. */
  private static final int BLOCK_HEADER_BITS = 48 + 32 + 1 + 24;

  /** compress.c: zero runs are written in bijective base 2 with these two symbols. */
  private static final int RUNA = 0;
  private static final int RUNB = 1;
  /** bzlib_private.h BZ_G_SIZE, BZ_N_ITERS, BZ_N_GROUPS. */
  private static final int GROUP_SIZE = 50;
  private static final int ITERATIONS = 4;
  private static final int MAX_TABLES = 6;
  /** compress.c BZ_LESSER_ICOST / BZ_GREATER_ICOST: initial code lengths. */
  private static final int LESSER_COST = 0;
  private static final int GREATER_COST = 15;
  /** Longest Huffman code libbzip2 1.0.3 and later make. */
  private static final int MAX_CODE_LENGTH = 17;
  /**
   * Alphabets (symbols in use + 2) up to this size are entropy coded from per-group histograms: the
   * text of 1- to 8-bit samples uses at most 11 symbols.
   */
  private static final int HISTOGRAM_ALPHABET = 24;

  /** Zero runs shorter than this are coded from tables: their digit count, and which are RUNB. */
  private static final int SHORT_ZERO_RUNS = 64;
  private static final int[] ZERO_RUN_DIGITS = new int[SHORT_ZERO_RUNS];
  private static final int[] ZERO_RUN_B = new int[SHORT_ZERO_RUNS];

  static {
    for (int zeros = 1; zeros < SHORT_ZERO_RUNS; zeros++) {
      int digits = 0;
      int runb = 0;
      for (int z = zeros - 1; ; z = (z - 2) / 2) {
        runb |= (z & 1) << digits;
        digits++;
        if (z < 2) {
          break;
        }
      }
      ZERO_RUN_DIGITS[zeros] = digits;
      ZERO_RUN_B[zeros] = runb;
    }
  }

  /** Eight bytes of an array read as one little-endian long. */
  private static final VarHandle EIGHT_BYTES =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Room for the run pairs libbzip2 may add past the fill level. */
  private static final int BLOCK_SLACK = 20;

  /** The fill level at which a block is closed: {@link #MAX_BLOCK}, smaller only in tests. */
  private final int maxBlock;

  // Work arrays, kept between calls on one instance.
  private final byte[] block;
  private BlockCoder coder;
  private BinaryTextRotations binaryRotations;

  /** A length counter whose work arrays are reused from call to call; not thread-safe. */
  Bzip2Length() {
    this(MAX_BLOCK);
  }

  /**
   * A counter that closes blocks at {@code maxBlock} bytes instead of libbzip2's {@link
   * #MAX_BLOCK}, so that tests can put many block boundaries into short inputs.
   */
  Bzip2Length(int maxBlock) {
    if (maxBlock < 1 || maxBlock > MAX_BLOCK) {
      throw new IllegalArgumentException("block limit " + maxBlock + " outside 1.." + MAX_BLOCK);
    }
    this.maxBlock = maxBlock;
    block = new byte[maxBlock + BLOCK_SLACK];
  }

  /** Which implementation computes the lengths. */
  public static String implementation() {
    return "exact libbzip2 1.0.8 length (block size " + BLOCK_SIZE + ", pure Java)";
  }

  /** The compressed length in bytes of {@code data[0..len)}. */
  public static long of(byte[] data, int len) {
    return new Bzip2Length().length(data, len);
  }

  /** The compressed length in bytes of {@code data[0..len)}. */
  long length(byte[] data, int len) {
    if (len < 0 || len > data.length) {
      throw new IllegalArgumentException("length " + len + " outside 0.." + data.length);
    }
    // Runs of exactly four grow by a count byte, so a block holds at most 5/4 of its input.
    ensureCoder((int) Math.min(len + len / 4L + BLOCK_SLACK, maxBlock + BLOCK_SLACK));
    long bits = STREAM_HEADER_BITS;
    int filled = 0;
    int runByte = -1;
    int runLength = 0;
    for (int i = 0; i < len; i++) {
      if (filled >= maxBlock) {
        bits += coder.bits(block, filled);
        filled = 0;
      }
      int b = data[i] & 0xFF;
      if (b == runByte && runLength < 255) {
        runLength++;
        continue;
      }
      if (runByte >= 0) {
        filled = appendRun(block, filled, runByte, runLength);
      }
      runByte = b;
      runLength = 1;
    }
    if (runByte >= 0) {
      filled = appendRun(block, filled, runByte, runLength);
    }
    if (filled > 0) {
      bits += coder.bits(block, filled);
    }
    bits += STREAM_TRAILER_BITS;
    return (bits + 7) / 8;
  }

  private void ensureCoder(int capacity) {
    if (coder == null || coder.capacity < capacity) {
      coder = new BlockCoder(capacity);
    }
  }

  /**
   * The compressed length in bytes of the decimal text of {@code n} binary samples (what {@link
   * #length} gives on "a b b a ..."), the samples packed 64 to a word (sample i is bit i % 64 of
   * word i / 64), a 0 written as {@code lowDigit} and a 1 as {@code highDigit}. The same number as
   * the general path, faster: in this text no byte repeats its neighbour, so the run-length coding
   * changes nothing and every block but the last holds exactly the fill level; each block's
   * rotations are sorted through its digits alone ({@link BinaryTextRotations}), a block too
   * repetitive for that by the general sorter.
   */
  long binaryTextLength(long[] packed, int n, int lowDigit, int highDigit) {
    if (lowDigit < 0 || lowDigit >= highDigit || highDigit > 9) {
      throw new IllegalArgumentException("digits " + lowDigit + " and " + highDigit);
    }
    if (n < 0 || (long) packed.length * 64 < n) {
      throw new IllegalArgumentException(n + " samples in " + packed.length + " words");
    }
    if (n == 0) {
      return length(new byte[0], 0);
    }
    if (binaryRotations == null) {
      binaryRotations = new BinaryTextRotations();
    }
    long textLength = 2L * n - 1;
    long bits = STREAM_HEADER_BITS;
    long start = 0;
    while (start < textLength) {
      // The fill check comes before each byte is added and the last byte is always pending, so a
      // block closes at the fill level only when at least two more bytes follow; the pending byte
      // of a text one or two bytes longer than a block ends in the last block (up to maxBlock + 1).
      long remaining = textLength - start;
      int len = remaining >= maxBlock + 2L ? maxBlock : (int) remaining;
      ensureCoder(len + BLOCK_SLACK);
      BinaryTextRotations rotations = binaryRotations;
      int symbols = rotations.lastColumn(packed, n, (int) start, len, coder.lastColumn);
      if (symbols > 0) {
        bits +=
            coder.codedBits(
                rotations.headLength(),
                rotations.tailLength(),
                rotations.tailDigitAt(),
                rotations.tailDigit(),
                symbols,
                rotations.nonEmptyRanges());
      } else {
        for (int i = 0; i < len; i++) {
          long t = start + i;
          int sample = (int) (t >>> 1);
          int one = (int) (packed[sample >>> 6] >>> sample) & 1;
          block[i] = (byte) ((t & 1) != 0 ? ' ' : '0' + (one == 0 ? lowDigit : highDigit));
        }
        bits += coder.bits(block, len);
      }
      start += len;
    }
    bits += STREAM_TRAILER_BITS;
    return (bits + 7) / 8;
  }

  /** bzlib.c add_pair_to_block: a run of 1 to 3 stays, 4 to 255 becomes four bytes and a count. */
  private static int appendRun(byte[] block, int filled, int b, int length) {
    int literal = Math.min(length, 4);
    for (int k = 0; k < literal; k++) {
      block[filled++] = (byte) b;
    }
    if (length >= 4) {
      block[filled++] = (byte) (length - 4);
    }
    return filled;
  }

  /** Codes blocks, reusing its work arrays. */
  private static final class BlockCoder {
    private final int capacity;
    private final byte[] symbols;
    private final byte[] lastColumn;
    private final char[] mtf;
    /** The general sorter (about 40 bytes per symbol), made when first needed. */
    private RotationSorter sorter;

    BlockCoder(int capacity) {
      this.capacity = capacity;
      symbols = new byte[capacity];
      lastColumn = new byte[capacity];
      mtf = new char[capacity + 8]; // EOB, and the room of a table-coded zero run
    }

    /** Bits of one compressed block, header included. */
    long bits(byte[] block, int n) {
      boolean[] inUse = new boolean[256];
      for (int i = 0; i < n; i++) {
        inUse[block[i] & 0xFF] = true;
      }
      int[] dense = new int[256];
      int symbolsInUse = 0;
      int nonEmptyRanges = 0;
      for (int range = 0; range < 16; range++) {
        boolean any = false;
        for (int v = range * 16; v < range * 16 + 16; v++) {
          if (inUse[v]) {
            dense[v] = symbolsInUse++;
            any = true;
          }
        }
        if (any) {
          nonEmptyRanges++;
        }
      }
      for (int i = 0; i < n; i++) {
        symbols[i] = (byte) dense[block[i] & 0xFF];
      }
      if (sorter == null) {
        sorter = new RotationSorter(capacity);
      }
      int[] order = sorter.sort(symbols, n, symbolsInUse);
      // The last column: independent loads, which the processor overlaps.
      for (int j = 0; j < n; j++) {
        int p = order[j] - 1;
        lastColumn[j] = symbols[p < 0 ? p + n : p];
      }
      return codedBits(n, 0, -1, 0, symbolsInUse, nonEmptyRanges);
    }

    /**
     * Bits of one compressed block, header included, from the last column of its sorted rotations:
     * {@code lastColumn[0..head)} (dense symbols), then {@code tail} times symbol 0 with, at
     * {@code tailSymbolAt} when that is not -1, {@code tailSymbol} instead (how the last column of
     * binary-sample text ends: {@link BinaryTextRotations}).
     */
    long codedBits(
        int head,
        int tail,
        int tailSymbolAt,
        int tailSymbol,
        int symbolsInUse,
        int nonEmptyRanges) {
      int alphabet = symbolsInUse + 2;
      int[] frequency = new int[alphabet];
      MoveToFront coding = new MoveToFront(symbolsInUse, mtf, frequency);
      coding.add(lastColumn, head);
      if (tailSymbolAt < 0) {
        coding.addRun(0, tail);
      } else {
        coding.addRun(0, tailSymbolAt);
        coding.addRun(tailSymbol, 1);
        coding.addRun(0, tail - tailSymbolAt - 1);
      }
      int count = coding.finish();
      long bits = BLOCK_HEADER_BITS;
      bits += 16 + 16L * nonEmptyRanges; // compress.c: the two-level symbol-in-use bitmap
      bits += entropyCodedBits(mtf, count, frequency, alphabet);
      return bits;
    }
  }

  /**
   * compress.c generateMTFValues: the last column of the sorted rotations, move-to-front coded,
   * runs of zeros written as RUNA/RUNB digits, other positions p as p + 1, then EOB; fed symbol by
   * symbol or run by run.
   */
  private static final class MoveToFront {
    private final int[] list;
    private final char[] out;
    private final int[] frequency;
    private final int endOfBlock;
    private int zeros;
    private int count;

    MoveToFront(int symbolsInUse, char[] out, int[] frequency) {
      list = new int[symbolsInUse];
      for (int i = 0; i < symbolsInUse; i++) {
        list[i] = i;
      }
      this.out = out;
      this.frequency = frequency;
      endOfBlock = symbolsInUse + 1;
    }

    /**
     * Codes {@code symbols[0..n)} run by run: a run's end is found eight bytes at a time, so the
     * branches follow the runs, not the (in random data unpredictable) bytes.
     */
    void add(byte[] symbols, int n) {
      int[] list = this.list;
      char[] out = this.out;
      int[] frequency = this.frequency;
      int count = this.count;
      int zeros = this.zeros;
      int j = 0;
      while (j < n) {
        int c = symbols[j] & 0xFF;
        int end = runEnd(symbols, j, n, c);
        int length = end - j;
        if (list[0] != c) {
          if (zeros > 0) {
            count = zeroRun(zeros, out, count, frequency);
            zeros = 0;
          }
          count = moveToFront(list, c, out, count, frequency);
          length--;
        }
        zeros += length;
        j = end;
      }
      this.count = count;
      this.zeros = zeros;
    }

    /** The first index after {@code j} whose byte is not {@code c}, or {@code n}. */
    private static int runEnd(byte[] symbols, int j, int n, int c) {
      long broadcast = c * 0x0101_0101_0101_0101L;
      int i = j + 1;
      for (; i + 8 <= n; i += 8) {
        long differ = (long) EIGHT_BYTES.get(symbols, i) ^ broadcast;
        if (differ != 0) {
          return i + (Long.numberOfTrailingZeros(differ) >>> 3);
        }
      }
      while (i < n && (symbols[i] & 0xFF) == c) {
        i++;
      }
      return i;
    }

    /** Codes {@code length} times symbol {@code c}. */
    void addRun(int c, int length) {
      if (length <= 0) {
        return;
      }
      if (list[0] != c) {
        if (zeros > 0) {
          count = zeroRun(zeros, out, count, frequency);
          zeros = 0;
        }
        count = moveToFront(list, c, out, count, frequency);
        length--;
      }
      zeros += length;
    }

    /** Ends the block; returns the number of values. */
    int finish() {
      if (zeros > 0) {
        count = zeroRun(zeros, out, count, frequency);
        zeros = 0;
      }
      out[count++] = (char) endOfBlock;
      frequency[endOfBlock]++;
      return count;
    }

    /** Moves c (not at the front) to the front and writes its former position p as p + 1. */
    private static int moveToFront(int[] list, int c, char[] out, int count, int[] frequency) {
      int carried = list[0];
      int k = 1;
      while (list[k] != c) {
        int t = list[k];
        list[k] = carried;
        carried = t;
        k++;
      }
      list[k] = carried;
      list[0] = c;
      out[count++] = (char) (k + 1);
      frequency[k + 1]++;
      return count;
    }
  }

  /**
   * A run of {@code zeros} zeros in bijective base 2, least significant digit first; runs shorter
   * than 64 from a table, written without branches (up to six digits, {@code out} has the room).
   */
  private static int zeroRun(int zeros, char[] out, int count, int[] frequency) {
    if (zeros < SHORT_ZERO_RUNS) {
      int digits = ZERO_RUN_DIGITS[zeros];
      int runb = ZERO_RUN_B[zeros];
      for (int i = 0; i < 6; i++) {
        out[count + i] = (char) ((runb >>> i) & 1); // RUNA = 0, RUNB = 1
      }
      int b = Integer.bitCount(runb);
      frequency[RUNB] += b;
      frequency[RUNA] += digits - b;
      return count + digits;
    }
    int z = zeros - 1;
    while (true) {
      int digit = (z & 1) == 0 ? RUNA : RUNB;
      out[count++] = (char) digit;
      frequency[digit]++;
      if (z < 2) {
        return count;
      }
      z = (z - 2) / 2;
    }
  }

  /**
   * compress.c sendMTFValues: the bits of the table count, selectors, code-length tables and the
   * Huffman-coded values.
   */
  private static long entropyCodedBits(char[] mtf, int count, int[] frequency, int alphabet) {
    int tables =
        count < 200 ? 2 : count < 600 ? 3 : count < 1200 ? 4 : count < 2400 ? 5 : MAX_TABLES;
    int[][] length = initialLengths(frequency, alphabet, count, tables);
    int groups = (count + GROUP_SIZE - 1) / GROUP_SIZE;
    int[] selector = new int[groups];
    int[][] groupFrequency = new int[tables][alphabet];
    int[][] oddFrequency = new int[tables][alphabet];
    // A small alphabet's groups are costed from their histograms (alphabet operations per group
    // and iteration instead of 50), counted once.
    int[] histogram = alphabet <= HISTOGRAM_ALPHABET ? groupHistograms(mtf, count, alphabet) : null;
    // Each table's length of symbol v in a 10-bit field of one long, so that one addition per
    // symbol costs a group under all tables at once (a group of 50 costs at most 50 * 17 < 1024).
    long[] packedLength = new long[alphabet];
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      for (int t = 0; t < tables; t++) {
        Arrays.fill(groupFrequency[t], 0);
        Arrays.fill(oddFrequency[t], 0);
      }
      for (int v = 0; v < alphabet; v++) {
        long p = 0;
        for (int t = 0; t < tables; t++) {
          p |= (long) length[t][v] << (10 * t);
        }
        packedLength[v] = p;
      }
      for (int g = 0; g < groups; g++) {
        int from = g * GROUP_SIZE;
        int to = Math.min(from + GROUP_SIZE, count);
        long cost = 0;
        if (histogram != null) {
          for (int v = 0, h = g * alphabet; v < alphabet; v++, h++) {
            cost += histogram[h] * packedLength[v];
          }
        } else {
          for (int i = from; i < to; i++) {
            cost += packedLength[mtf[i]];
          }
        }
        int best = 0;
        int bestCost = Integer.MAX_VALUE;
        for (int t = 0; t < tables; t++) {
          int c = (int) (cost >>> (10 * t)) & 0x3FF;
          if (c < bestCost) { // the first table of least cost, as compress.c picks it
            bestCost = c;
            best = t;
          }
        }
        selector[g] = best;
        int[] even = groupFrequency[best];
        if (histogram != null) {
          for (int v = 0, h = g * alphabet; v < alphabet; v++, h++) {
            even[v] += histogram[h];
          }
          continue;
        }
        // Two tables for alternate symbols: repeated symbols would otherwise chain every
        // increment through one memory word.
        int[] odd = oddFrequency[best];
        int i = from;
        for (; i + 1 < to; i += 2) {
          even[mtf[i]]++;
          odd[mtf[i + 1]]++;
        }
        if (i < to) {
          even[mtf[i]]++;
        }
      }
      for (int t = 0; t < tables; t++) {
        for (int v = 0; v < alphabet; v++) {
          groupFrequency[t][v] += oddFrequency[t][v];
        }
        codeLengths(groupFrequency[t], alphabet, MAX_CODE_LENGTH, length[t]);
      }
    }
    long bits = 3 + 15; // table count and selector count
    bits += selectorBits(selector, tables);
    for (int t = 0; t < tables; t++) {
      bits += 5; // the first length
      int current = length[t][0];
      for (int v = 0; v < alphabet; v++) {
        bits += 2L * Math.abs(length[t][v] - current) + 1;
        current = length[t][v];
      }
    }
    for (int g = 0; g < groups; g++) {
      int[] len = length[selector[g]];
      if (histogram != null) {
        for (int v = 0, h = g * alphabet; v < alphabet; v++, h++) {
          bits += (long) histogram[h] * len[v];
        }
        continue;
      }
      int to = Math.min((g + 1) * GROUP_SIZE, count);
      for (int i = g * GROUP_SIZE; i < to; i++) {
        bits += len[mtf[i]];
      }
    }
    return bits;
  }

  /** Per group of 50 values, how often each symbol occurs: {@code alphabet} counts per group. */
  private static int[] groupHistograms(char[] mtf, int count, int alphabet) {
    int groups = (count + GROUP_SIZE - 1) / GROUP_SIZE;
    int[] histogram = new int[groups * alphabet];
    for (int g = 0, base = 0; g < groups; g++, base += alphabet) {
      int to = Math.min((g + 1) * GROUP_SIZE, count);
      for (int i = g * GROUP_SIZE; i < to; i++) {
        histogram[base + mtf[i]]++;
      }
    }
    return histogram;
  }

  /**
   * compress.c: table t-1 of the initial set gets cost 0 on a contiguous range of symbols holding
   * about 1/t of the remaining frequency, 15 elsewhere; ranges taken for odd steps give back their
   * last symbol.
   */
  private static int[][] initialLengths(int[] frequency, int alphabet, int count, int tables) {
    int[][] length = new int[tables][alphabet];
    int remaining = count;
    int start = 0;
    for (int part = tables; part > 0; part--) {
      int target = remaining / part;
      int end = start - 1;
      int taken = 0;
      while (taken < target && end < alphabet - 1) {
        end++;
        taken += frequency[end];
      }
      if (end > start && part != tables && part != 1 && (tables - part) % 2 == 1) {
        taken -= frequency[end];
        end--;
      }
      for (int v = 0; v < alphabet; v++) {
        length[part - 1][v] = v >= start && v <= end ? LESSER_COST : GREATER_COST;
      }
      start = end + 1;
      remaining -= taken;
    }
    return length;
  }

  /** Selectors are move-to-front coded and each position p is written as p ones and a zero. */
  private static long selectorBits(int[] selector, int tables) {
    int[] list = new int[tables];
    for (int t = 0; t < tables; t++) {
      list[t] = t;
    }
    long bits = 0;
    for (int s : selector) {
      int carried = list[0];
      int k = 0;
      while (carried != s) {
        k++;
        int t = list[k];
        list[k] = carried;
        carried = t;
      }
      list[0] = carried;
      bits += k + 1;
    }
    return bits;
  }

  /**
   * huffman.c BZ2_hbMakeCodeLengths: Huffman code lengths from a binary heap of weights (frequency,
   * zero counted as one, shifted left 8, with the subtree depth in the low 8 bits so that equal
   * frequencies prefer the shallower subtree); while a code exceeds {@code maxLength} every
   * frequency f becomes 1 + f / 2 and the tree is rebuilt.
   */
  static void codeLengths(int[] frequency, int alphabet, int maxLength, int[] length) {
    int[] heap = new int[alphabet + 2];
    int[] weight = new int[alphabet * 2];
    int[] parent = new int[alphabet * 2];
    for (int i = 0; i < alphabet; i++) {
      weight[i + 1] = (frequency[i] == 0 ? 1 : frequency[i]) << 8;
    }
    while (true) {
      int nodes = alphabet;
      int heapSize = 0;
      heap[0] = 0;
      weight[0] = 0;
      parent[0] = -2;
      for (int i = 1; i <= alphabet; i++) {
        parent[i] = -1;
        heap[++heapSize] = i;
        siftUp(heap, weight, heapSize);
      }
      while (heapSize > 1) {
        int first = heap[1];
        heap[1] = heap[heapSize--];
        siftDown(heap, weight, heapSize);
        int second = heap[1];
        heap[1] = heap[heapSize--];
        siftDown(heap, weight, heapSize);
        nodes++;
        parent[first] = nodes;
        parent[second] = nodes;
        int a = weight[first];
        int b = weight[second];
        weight[nodes] = ((a & 0xFFFFFF00) + (b & 0xFFFFFF00)) | (1 + Math.max(a & 0xFF, b & 0xFF));
        parent[nodes] = -1;
        heap[++heapSize] = nodes;
        siftUp(heap, weight, heapSize);
      }
      boolean tooLong = false;
      for (int i = 1; i <= alphabet; i++) {
        int depth = 0;
        for (int k = i; parent[k] >= 0; k = parent[k]) {
          depth++;
        }
        length[i - 1] = depth;
        tooLong |= depth > maxLength;
      }
      if (!tooLong) {
        return;
      }
      for (int i = 1; i <= alphabet; i++) {
        weight[i] = (1 + (weight[i] >> 8) / 2) << 8;
      }
    }
  }

  /** huffman.c UPHEAP; heap[0] is a sentinel of weight 0. */
  private static void siftUp(int[] heap, int[] weight, int at) {
    int node = heap[at];
    while (weight[node] < weight[heap[at >> 1]]) {
      heap[at] = heap[at >> 1];
      at >>= 1;
    }
    heap[at] = node;
  }

  /** huffman.c DOWNHEAP from the root. */
  private static void siftDown(int[] heap, int[] weight, int size) {
    int at = 1;
    int node = heap[at];
    while (true) {
      int child = at << 1;
      if (child > size) {
        break;
      }
      if (child < size && weight[heap[child + 1]] < weight[heap[child]]) {
        child++;
      }
      if (weight[node] < weight[heap[child]]) {
        break;
      }
      heap[at] = heap[child];
      at = child;
    }
    heap[at] = node;
  }
}
