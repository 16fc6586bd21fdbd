package org.ferrogen.randomness.sp80090b;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The IID permutation tests of SP 800-90B section 5.1: the 11 tests (19 statistics) on the data
 * and on up to 10,000 random permutations of it, as NIST's {@code ea_iid} runs them. A statistic
 * is ranked against its permuted values (counts greater / equal / less); it stops being evaluated
 * once both tails have more than five entries, and fails if either tail ends with five or fewer.
 *
 * <p>The tool seeds its shuffles from /dev/urandom; here permutation i is a Fisher-Yates shuffle
 * of the original data driven by the i-th seed drawn from one seeded generator (for binary data an
 * arrangement with the same distribution generated 64 samples at a time, see
 * {@link #randomArrangement}), and permutations
 * are evaluated in parallel batches but ranked in index order, so a given seed gives the same
 * verdicts on any number of cores. Only the translated symbols are shuffled; the raw values, which
 * the excursion, the covariances of non-binary data and the compression statistic read, follow
 * from them through the inverse translation, and only statistics still undecided are evaluated.
 */
public final class PermutationTests {

  /** The number of permutations of SP 800-90B. */
  public static final int PERMUTATIONS = 10_000;

  /** Statistic names in the tool's order. */
  public static final List<String> NAMES =
      List.of(
          "excursion",
          "numDirectionalRuns",
          "lenDirectionalRuns",
          "numIncreasesDecreases",
          "numRunsMedian",
          "lenRunsMedian",
          "avgCollision",
          "maxCollision",
          "periodicity(1)",
          "periodicity(2)",
          "periodicity(8)",
          "periodicity(16)",
          "periodicity(32)",
          "covariance(1)",
          "covariance(2)",
          "covariance(8)",
          "covariance(16)",
          "covariance(32)",
          "compression");

  private static final int[] LAGS = {1, 2, 8, 16, 32};
  private static final int COMPRESSION = 18;

  /** SplitMix64's increment (the odd integer closest to 2^64 / golden ratio). */
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  /** Eight bytes of an array read as one little-endian long. */
  private static final VarHandle EIGHT_BYTES =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * One statistic's ranking.
   *
   * @param name statistic name
   * @param value its value on the unpermuted data
   * @param greater permutations with a larger value (C[i][0])
   * @param equal permutations with an equal value (C[i][1])
   * @param less permutations with a smaller value (C[i][2])
   */
  public record Ranking(String name, double value, int greater, int equal, int less) {
    public boolean passed() {
      return greater + equal > 5 && equal + less > 5;
    }
  }

  /**
   * The outcome.
   *
   * @param rankings per statistic
   * @param permutationsRun permutations evaluated before every statistic was decided
   */
  public record Outcome(List<Ranking> rankings, int permutationsRun) {
    public Outcome {
      rankings = List.copyOf(rankings);
    }

    public boolean passed() {
      return rankings.stream().allMatch(Ranking::passed);
    }
  }

  private PermutationTests() {}

  /** Runs the tests with the standard 10,000 permutations drawn from {@code seed}. */
  public static Outcome run(Samples samples, long seed, int threads) {
    return run(samples, seed, threads, PERMUTATIONS);
  }

  /**
   * Runs the tests with at most {@code permutations} permutations (SP 800-90B uses 10,000; fewer
   * give a coarser test, useful only for quick looks).
   */
  public static Outcome run(Samples samples, long seed, int threads, int permutations) {
    if (permutations < 1) {
      throw new IllegalArgumentException("permutations must be positive, got " + permutations);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (threads == 1) {
      return run(samples, seed, null, permutations);
    }
    // A pool of its own: a parallel stream run from inside it uses its workers, exactly `threads` of them.
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      return pool.submit(() -> run(samples, seed, pool, permutations)).join();
    } finally {
      pool.shutdown();
    }
  }

  /** The permutations in batches, evaluated in parallel on {@code pool} (null: on the calling thread). */
  private static Outcome run(Samples samples, long seed, ForkJoinPool pool, int permutations) {
    byte[] symbols = samples.symbols();
    Context ctx = Context.of(samples);
    int count = NAMES.size();
    boolean[] active = new boolean[count];
    Arrays.fill(active, true);
    // Work arrays of finished evaluations, lent to the next ones (at most one per running task).
    Queue<Workspace> idle = new ConcurrentLinkedQueue<>();
    Workspace first = new Workspace(symbols.length);
    // Binary symbols are arranged in packed form (see randomArrangement); -1 selects the shuffle.
    final int ones = ctx.alphabetSize() == 2 ? countOnes(symbols) : -1;
    long[] packedOriginal = null;
    if (ones >= 0) {
      pack(symbols, first.packed);
      packedOriginal = first.packed;
    }
    double[] original = ctx.statistics(symbols, null, packedOriginal, active, first);
    idle.add(first);
    int[][] c = new int[count][3];
    SplittableRandom seeds = new SplittableRandom(seed);
    int batch = pool == null ? 1 : 2 * pool.getParallelism();
    int done = 0;
    int remaining = count;
    while (done < permutations && remaining > 0) {
      int size = Math.min(batch, permutations - done);
      long[] batchSeeds = new long[size];
      for (int i = 0; i < size; i++) {
        batchSeeds[i] = seeds.nextLong();
      }
      boolean[] batchActive = active.clone();
      IntStream idx = IntStream.range(0, size);
      if (pool != null) {
        idx = idx.parallel();
      }
      double[][] results =
          idx.mapToObj(
                  i -> {
                    Workspace w = idle.poll();
                    if (w == null) {
                      w = new Workspace(symbols.length);
                    }
                    double[] t;
                    if (ones >= 0) {
                      t = binaryPermutationStatistics(ctx, w, ones, batchSeeds[i], batchActive);
                    } else {
                      System.arraycopy(symbols, 0, w.permuted, 0, symbols.length);
                      shuffle(w.permuted, batchSeeds[i]);
                      t = ctx.statistics(w.permuted, null, null, batchActive, w);
                    }
                    idle.add(w);
                    return t;
                  })
              .toArray(double[][]::new);
      for (int i = 0; i < size && remaining > 0; i++) {
        done++;
        for (int j = 0; j < count; j++) {
          if (!active[j]) {
            continue;
          }
          double tp = results[i][j];
          if (tp > original[j]) {
            c[j][0]++;
          } else if (tp == original[j]) {
            c[j][1]++;
          } else {
            c[j][2]++;
          }
          if (c[j][0] + c[j][1] > 5 && c[j][1] + c[j][2] > 5) {
            active[j] = false;
            remaining--;
          }
        }
      }
    }
    List<Ranking> rankings = new ArrayList<>(count);
    for (int j = 0; j < count; j++) {
      rankings.add(new Ranking(NAMES.get(j), original[j], c[j][0], c[j][1], c[j][2]));
    }
    return new Outcome(rankings, done);
  }

  /**
   * Fisher-Yates shuffle. The random numbers are SplitMix64's (Steele, Lea and Flood, "Fast
   * splittable pseudorandom number generators", OOPSLA 2014; the generator behind
   * SplittableRandom), each 64-bit output giving two 32-bit draws, mapped onto [0, bound) by
   * Lemire's multiply-and-reject method ("Fast random integer generation in an interval", ACM
   * TOMACS 29(1), 2019), which is unbiased and needs a division only on the rare rejection path.
   */
  static void shuffle(byte[] a, long seed) {
    long state = seed;
    int i = a.length - 1;
    while (i > 0) {
      state += GOLDEN_GAMMA;
      long bits = mix64(state);
      long product = (bits >>> 32) * (i + 1);
      if (rejected(product, i + 1)) {
        continue; // draw again for the same position
      }
      swap(a, i, (int) (product >>> 32));
      i--;
      if (i == 0) {
        break;
      }
      product = (bits & 0xFFFF_FFFFL) * (i + 1);
      if (rejected(product, i + 1)) {
        continue;
      }
      swap(a, i, (int) (product >>> 32));
      i--;
    }
  }

  /**
   * One permutation of binary data: a uniformly random arrangement of its {@code ones} ones in
   * packed form, then the statistics still active. The symbols are unpacked into bytes only while a
   * statistic that reads them is active (excursion, runs around the median, collisions,
   * compression); the others (directional runs, periodicity, covariance) read conversion 1, which is
   * counted from the packed words. Once only those remain, which on 10^6 samples is typically after
   * a few dozen permutations while periodicity and covariance may need a thousand or more, a
   * permutation costs about 0.1 ms instead of the 2 ms of a byte shuffle.
   */
  static double[] binaryPermutationStatistics(
      Context ctx, Workspace w, int ones, long seed, boolean[] active) {
    int n = w.permuted.length;
    randomArrangement(w.packed, n, ones, seed);
    onesPerByte(w.packed, n, w.ones);
    byte[] data = null;
    if (readsSymbols(active, ctx.binaryDigits())) {
      unpack(w.packed, n, w.permuted);
      data = w.permuted;
    }
    return ctx.statistics(data, w.ones, w.packed, active, w);
  }

  private static int countOnes(byte[] binary) {
    int ones = 0;
    for (byte b : binary) {
      ones += b;
    }
    return ones;
  }

  /**
   * Whether an active statistic of binary data reads the symbols themselves; the compression
   * statistic reads the packed form when both raw values are single digits.
   */
  static boolean readsSymbols(boolean[] active, boolean binaryDigits) {
    return active[0] || active[6] || active[7] || (active[COMPRESSION] && !binaryDigits);
  }

  /** 0/1 bytes to packed form (sample i to bit i % 64 of word i / 64). */
  static void pack(byte[] binary, long[] packed) {
    Arrays.fill(packed, 0L);
    for (int i = 0; i < binary.length; i++) {
      packed[i >>> 6] |= (long) (binary[i] & 1) << i;
    }
  }

  /**
   * Writes a uniformly random arrangement of {@code ones} ones among {@code n} binary samples into
   * {@code packed} (sample i is bit i % 64 of word i / 64), driven by {@code seed} through
   * SplitMix64. This is the distribution a Fisher-Yates shuffle of binary data gives (every
   * arrangement of the multiset equally likely), generated word-wise: first independent bits with
   * probability q (ones/n rounded to 10 binary digits, each word built from one random word per
   * digit: a one digit ORs a fair random word in, a zero digit ANDs it), then random positions are
   * drawn until the count is exact (ones cleared while there are too many, zeros set while there
   * are too few). The result is uniform because both steps treat all positions alike, so its
   * distribution is invariant under every permutation of the positions, and the only such
   * distribution on the arrangements of a fixed number of ones is the uniform one. The corrections
   * number about |q n - ones| + sqrt(n) / 2, a few hundred on 10^6 samples.
   */
  static void randomArrangement(long[] packed, int n, int ones, long seed) {
    if (ones < 0 || ones > n) {
      throw new IllegalArgumentException("ones " + ones + " outside [0, " + n + "]");
    }
    int words = (n + 63) / 64;
    int digits = 10;
    long q = Math.round((double) ones / n * (1 << digits));
    long state = seed;
    if (q == 0 || q == 1L << digits) {
      Arrays.fill(packed, 0, words, q == 0 ? 0L : -1L);
    } else {
      while ((q & 1) == 0) {
        q >>>= 1;
        digits--;
      }
      for (int i = 0; i < words; i++) {
        // Least significant digit (always 1) first: P = 0.d1 d2 ... dt in binary.
        state += GOLDEN_GAMMA;
        long word = mix64(state);
        for (int d = 1; d < digits; d++) {
          state += GOLDEN_GAMMA;
          long fair = mix64(state);
          word = ((q >>> d) & 1) != 0 ? word | fair : word & fair;
        }
        packed[i] = word;
      }
    }
    if ((n & 63) != 0) {
      packed[words - 1] &= (1L << (n & 63)) - 1;
    }
    long count = 0;
    for (int i = 0; i < words; i++) {
      count += Long.bitCount(packed[i]);
    }
    while (count != ones) {
      state += GOLDEN_GAMMA;
      long product = (mix64(state) >>> 32) * n;
      if (rejected(product, n)) {
        continue;
      }
      int pos = (int) (product >>> 32);
      long bit = 1L << pos;
      long word = packed[pos >>> 6];
      if (count > ones && (word & bit) != 0) {
        packed[pos >>> 6] = word & ~bit;
        count--;
      } else if (count < ones && (word & bit) == 0) {
        packed[pos >>> 6] = word | bit;
        count++;
      }
    }
  }

  /** Conversion 1 (ones per 8-sample block) of packed binary samples, the bytes of each word summed at once. */
  static void onesPerByte(long[] packed, int n, byte[] out) {
    int blocks = (n + 7) / 8;
    for (int i = 0; i < packed.length; i++) {
      long x = packed[i];
      x = x - ((x >>> 1) & 0x5555_5555_5555_5555L);
      x = (x & 0x3333_3333_3333_3333L) + ((x >>> 2) & 0x3333_3333_3333_3333L);
      x = (x + (x >>> 4)) & 0x0F0F_0F0F_0F0F_0F0FL;
      int at = 8 * i;
      if (at + 8 <= blocks) {
        EIGHT_BYTES.set(out, at, x);
      } else {
        for (int b = 0; at + b < blocks; b++) {
          out[at + b] = (byte) (x >>> (8 * b));
        }
      }
    }
  }

  /** The 0/1 bytes of the eight samples in one byte of a packed word (bit j to byte j). */
  private static final long[] SPREAD = new long[256];

  static {
    for (int v = 0; v < 256; v++) {
      long spread = 0;
      for (int j = 0; j < 8; j++) {
        spread |= (long) ((v >>> j) & 1) << (8 * j);
      }
      SPREAD[v] = spread;
    }
  }

  /** Packed binary samples to one 0/1 byte per sample. */
  static void unpack(long[] packed, int n, byte[] out) {
    int whole = n / 8;
    for (int b = 0; b < whole; b++) {
      int v = (int) (packed[b >>> 3] >>> (8 * (b & 7))) & 0xFF;
      EIGHT_BYTES.set(out, 8 * b, SPREAD[v]);
    }
    for (int i = 8 * whole; i < n; i++) {
      out[i] = (byte) ((packed[i >>> 6] >>> i) & 1);
    }
  }

  /**
   * Lemire's test: the draw is rejected when the low half of draw * bound falls below 2^32 mod
   * bound (which is below bound, so the division is rarely needed).
   */
  private static boolean rejected(long product, long bound) {
    long low = product & 0xFFFF_FFFFL;
    return low < bound && low < (0x1_0000_0000L - bound) % bound;
  }

  private static void swap(byte[] a, int i, int j) {
    byte t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  /** SplitMix64's output function (Stafford's "mix13"). */
  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** Arrays one permutation works in: the shuffled symbols and the compression's buffers. */
  static final class Workspace {
    final byte[] permuted;
    final Bzip2Length compressor = new Bzip2Length();
    /** Binary data only: the arrangement, 64 samples per long, and its conversion 1. */
    final long[] packed;
    final byte[] ones;
    /** The decimal text, made when first needed (binary digits are compressed without it). */
    private byte[] text;

    Workspace(int samples) {
      permuted = new byte[samples];
      packed = new long[(samples + 63) / 64];
      ones = new byte[(samples + 7) / 8];
    }

    byte[] text() {
      if (text == null) {
        text = new byte[4 * permuted.length];
      }
      return text;
    }
  }

  /**
   * What the statistics need besides the data.
   *
   * @param rawOfSymbol the raw value of each translated symbol, or null when nothing was translated
   */
  record Context(int alphabetSize, double rawMean, double median, byte[] rawOfSymbol) {

    static Context of(Samples samples) {
      byte[] raw = samples.raw();
      byte[] rawOfSymbol = null;
      if (samples.translated()) {
        rawOfSymbol = new byte[256];
        byte[] symbols = samples.symbols();
        for (int i = 0; i < raw.length; i++) {
          rawOfSymbol[symbols[i] & 0xFF] = raw[i];
        }
      }
      long sum = 0;
      for (byte b : raw) {
        sum += b & 0xFF;
      }
      double mean = sum / (double) raw.length;
      double median;
      int k = samples.alphabetSize();
      if (k == 2) {
        median = 0.5; // SP 800-90B 5.1.5: binary data use 0.5
      } else {
        int[] counts = new int[256];
        for (byte b : samples.symbols()) {
          counts[b & 0xFF]++;
        }
        int n = raw.length;
        int half = n / 2;
        median = (n & 1) == 1 ? kth(counts, half) : (kth(counts, half) + kth(counts, half - 1)) / 2.0;
      }
      return new Context(k, mean, median, rawOfSymbol);
    }

    private static int kth(int[] counts, int k) {
      int acc = 0;
      for (int v = 0; v < counts.length; v++) {
        acc += counts[v];
        if (acc > k) {
          return v;
        }
      }
      throw new IllegalStateException("rank out of range");
    }

    /** Whether the data are binary and both raw values single digits (so the text alternates). */
    boolean binaryDigits() {
      return alphabetSize == 2 && rawValue(1) <= 9;
    }

    /** The raw value of a translated symbol. */
    private int rawValue(int symbol) {
      return rawOfSymbol == null ? symbol : rawOfSymbol[symbol] & 0xFF;
    }

    /**
     * The statistics still active on {@code data} (translated symbols); -1 for the others. For
     * binary data, {@code onesPerByte} is conversion 1 of {@code data} when the caller has it
     * (null otherwise), {@code packed} is the data in packed form, and {@code data} may be null
     * when no active statistic reads it (see {@link #readsSymbols}).
     */
    double[] statistics(
        byte[] data, byte[] onesPerByte, long[] packed, boolean[] active, Workspace work) {
      double[] t = new double[NAMES.size()];
      Arrays.fill(t, -1);
      boolean binary = alphabetSize == 2;
      boolean packedText = binary && binaryDigits();
      boolean anyRaw = active[0] || (active[COMPRESSION] && !packedText);
      boolean anyConverted = active[1] || active[2] || active[3];
      for (int l = 0; l < LAGS.length; l++) {
        anyRaw |= !binary && active[13 + l];
        anyConverted |= binary && (active[8 + l] || active[13 + l]);
      }
      byte[] raw = anyRaw ? raw(data) : null;
      byte[] cs1 = null;
      if (binary && anyConverted) {
        cs1 = onesPerByte != null ? onesPerByte : conversion1(data);
      }
      if (active[0]) {
        t[0] = excursion(raw, rawMean);
      }
      if (active[1] || active[2] || active[3]) {
        byte[] seq = binary ? cs1 : data;
        directional(seq, t);
      }
      if ((active[4] || active[5]) && binary && packed != null) {
        medianRunsOfBits(packed, work.permuted.length, t);
      } else if (active[4] || active[5]) {
        medianRuns(data, median, t);
      }
      if (active[6] || active[7]) {
        if (binary) {
          collisions(conversion2(data), 256, t);
        } else {
          collisions(data, alphabetSize, t);
        }
      }
      byte[] periodic = binary ? cs1 : data;
      byte[] covar = binary ? cs1 : raw;
      for (int l = 0; l < LAGS.length; l++) {
        if (active[8 + l]) {
          t[8 + l] = periodicity(periodic, LAGS[l]);
        }
        if (active[13 + l]) {
          t[13 + l] = covariance(covar, LAGS[l]);
        }
      }
      if (active[COMPRESSION] && packedText) {
        int n = work.permuted.length;
        t[COMPRESSION] = work.compressor.binaryTextLength(packed, n, rawValue(0), rawValue(1));
      } else if (active[COMPRESSION]) {
        byte[] text = work.text();
        t[COMPRESSION] = work.compressor.length(text, decimalText(raw, text));
      }
      return t;
    }

    /** The raw values of the symbols (the same array when nothing was translated). */
    private byte[] raw(byte[] data) {
      if (rawOfSymbol == null) {
        return data;
      }
      byte[] raw = new byte[data.length];
      for (int i = 0; i < data.length; i++) {
        raw[i] = rawOfSymbol[data[i] & 0xFF];
      }
      return raw;
    }
  }

  /** Ones per 8-bit block (the last block may be partial). */
  static byte[] conversion1(byte[] bits) {
    byte[] out = new byte[(bits.length + 7) / 8];
    int whole = bits.length / 8;
    for (int b = 0; b < whole; b++) {
      // The eight 0/1 bytes summed by one multiplication: their total lands in the top byte.
      long eight = (long) EIGHT_BYTES.get(bits, 8 * b);
      out[b] = (byte) ((eight * 0x0101_0101_0101_0101L) >>> 56);
    }
    for (int i = 8 * whole; i < bits.length; i++) {
      out[whole] += bits[i];
    }
    return out;
  }

  /** 8-bit blocks read MSB first (a partial last block fills the high bits). */
  static byte[] conversion2(byte[] bits) {
    byte[] out = new byte[(bits.length + 7) / 8];
    for (int i = 0; i < bits.length; i++) {
      out[i >>> 3] += (byte) (bits[i] << (7 - (i & 7)));
    }
    return out;
  }

  static double excursion(byte[] raw, double mean) {
    double max = 0;
    double running = 0;
    for (int i = 0; i < raw.length; i++) {
      running += raw[i] & 0xFF;
      double d = Math.abs(running - ((i + 1) * mean));
      if (d > max) {
        max = d;
      }
    }
    return max;
  }

  /** Runs of the +1/-1 sequence "next is not smaller" / "next is smaller". */
  static void directional(byte[] seq, double[] t) {
    int len = seq.length - 1;
    if (len <= 0) {
      t[1] = 0;
      t[2] = 1; // the tool's run counter starts at one
      t[3] = 0;
      return;
    }
    long runs = 1;
    long maxRun = 0;
    long run = 1;
    long ups = 0;
    boolean prev = (seq[0] & 0xFF) <= (seq[1] & 0xFF);
    if (prev) {
      ups++;
    }
    for (int i = 1; i < len; i++) {
      boolean up = (seq[i] & 0xFF) <= (seq[i + 1] & 0xFF);
      if (up) {
        ups++;
      }
      if (up != prev) {
        runs++;
        maxRun = Math.max(maxRun, run);
        run = 1;
      } else {
        run++;
      }
      prev = up;
    }
    maxRun = Math.max(maxRun, run);
    t[1] = runs;
    t[2] = maxRun;
    t[3] = Math.max(ups, len - ups);
  }

  static void medianRuns(byte[] data, double median, double[] t) {
    long runs = 1;
    long maxRun = 0;
    long run = 1;
    boolean prev = (data[0] & 0xFF) >= median;
    for (int i = 1; i < data.length; i++) {
      boolean above = (data[i] & 0xFF) >= median;
      if (above != prev) {
        runs++;
        maxRun = Math.max(maxRun, run);
        run = 1;
      } else {
        run++;
      }
      prev = above;
    }
    t[4] = runs;
    t[5] = Math.max(maxRun, run);
  }

  /**
   * {@link #medianRuns} of binary data (median 0.5: a run is a run of equal bits) from the packed
   * samples: the runs are counted from the bit changes 64 at a time, without the per-sample branch
   * that random data make unpredictable.
   */
  static void medianRunsOfBits(long[] packed, int n, double[] t) {
    long runs = 1;
    long maxRun = 0;
    long runStart = 0;
    long carry = packed[0] & 1; // bit 0 compared with itself: no change
    int words = (n + 63) / 64;
    for (int w = 0; w < words; w++) {
      long x = packed[w];
      long changes = x ^ ((x << 1) | carry); // bit i: sample i differs from sample i - 1
      carry = x >>> 63;
      if (w == words - 1 && (n & 63) != 0) {
        changes &= (1L << (n & 63)) - 1;
      }
      runs += Long.bitCount(changes);
      while (changes != 0) {
        long at = 64L * w + Long.numberOfTrailingZeros(changes);
        maxRun = Math.max(maxRun, at - runStart);
        runStart = at;
        changes &= changes - 1;
      }
    }
    t[4] = runs;
    t[5] = Math.max(maxRun, n - runStart);
  }

  /** Lengths of the windows up to and including the first repeated value, back to back. */
  static void collisions(byte[] data, int k, double[] t) {
    int n = data.length;
    int[] seen = new int[Math.max(k, 256)];
    int stamp = 0;
    long sum = 0;
    long count = 0;
    long max = 0;
    int i = 0;
    while (i < n) {
      stamp++;
      int j = i;
      boolean hit = false;
      while (j < n) {
        int v = data[j] & 0xFF;
        if (seen[v] == stamp) {
          hit = true;
          break;
        }
        seen[v] = stamp;
        j++;
      }
      if (!hit) {
        break;
      }
      long len = j - i + 1;
      sum += len;
      count++;
      max = Math.max(max, len);
      i = j + 1;
    }
    t[6] = (double) (int) sum / (double) (int) count;
    t[7] = max;
  }

  /**
   * Positions i with data[i] = data[i + p], eight at a time: the equal bytes of two words are the
   * zero bytes of their XOR, whose high bits a carry-free test sets exactly for nonzero bytes.
   */
  static long periodicity(byte[] data, int p) {
    int len = data.length - p;
    long c = 0;
    int i = 0;
    for (; i + 8 <= len; i += 8) {
      long x = (long) EIGHT_BYTES.get(data, i) ^ (long) EIGHT_BYTES.get(data, i + p);
      long nonzero = (((x & 0x7F7F_7F7F_7F7F_7F7FL) + 0x7F7F_7F7F_7F7F_7F7FL) | x);
      c += 8 - Long.bitCount(nonzero & 0x8080_8080_8080_8080L);
    }
    for (; i < len; i++) {
      if (data[i] == data[i + p]) {
        c++;
      }
    }
    return c;
  }

  /** Sum of data[i] * data[i + p], in int chunks (2^15 products of bytes fit) that C2 vectorizes. */
  static long covariance(byte[] data, int p) {
    int len = data.length - p;
    long c = 0;
    for (int from = 0; from < len; from += 1 << 15) {
      int to = Math.min(len, from + (1 << 15));
      int chunk = 0;
      for (int i = from; i < to; i++) {
        chunk += (data[i] & 0xFF) * (data[i + p] & 0xFF);
      }
      c += chunk;
    }
    return c;
  }

  /**
   * The samples as the tool writes them for the compression statistic (the bzip2 length of this
   * text, block size 5): decimal numbers separated by single spaces.
   */
  static byte[] decimalText(byte[] raw) {
    byte[] text = new byte[raw.length * 4];
    return Arrays.copyOf(text, decimalText(raw, text));
  }

  /** Writes the decimal text into {@code text} (4 bytes per sample suffice); returns its length. */
  private static int decimalText(byte[] raw, byte[] text) {
    int len = 0;
    for (int i = 0; i < raw.length; i++) {
      int v = raw[i] & 0xFF;
      if (v >= 100) {
        text[len++] = (byte) ('0' + v / 100);
      }
      if (v >= 10) {
        text[len++] = (byte) ('0' + (v / 10) % 10);
      }
      text[len++] = (byte) ('0' + v % 10);
      text[len++] = ' ';
    }
    return Math.max(len - 1, 0); // no space after the last number
  }
}
