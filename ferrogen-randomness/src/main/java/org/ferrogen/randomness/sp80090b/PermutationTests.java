package org.ferrogen.randomness.sp80090b;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The IID permutation tests of SP 800-90B section 5.1: the 11 tests (19 statistics) on the data
 * and on up to 10,000 random permutations of it, as NIST's {@code ea_iid} runs them. A statistic
 * is ranked against its permuted values (counts greater / equal / less); it stops being evaluated
 * once both tails have more than five entries, and fails if either tail ends with five or fewer.
 *
 * <p>The tool seeds its shuffles from /dev/urandom; here permutation i is a Fisher-Yates shuffle
 * of the original data driven by the i-th seed drawn from one seeded generator, and permutations
 * are evaluated in parallel batches but ranked in index order, so a given seed gives the same
 * verdicts on any number of cores.
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
  public static Outcome run(Samples samples, long seed, boolean parallel) {
    return run(samples, seed, parallel, PERMUTATIONS);
  }

  /**
   * Runs the tests with at most {@code permutations} permutations (SP 800-90B uses 10,000; fewer
   * give a coarser test, useful only for quick looks).
   */
  public static Outcome run(Samples samples, long seed, boolean parallel, int permutations) {
    if (permutations < 1) {
      throw new IllegalArgumentException("permutations must be positive, got " + permutations);
    }
    byte[] symbols = samples.symbols();
    byte[] raw = samples.raw();
    Context ctx = Context.of(samples);
    int count = NAMES.size();
    boolean[] active = new boolean[count];
    Arrays.fill(active, true);
    double[] original = ctx.statistics(symbols, raw, active);
    int[][] c = new int[count][3];
    SplittableRandom seeds = new SplittableRandom(seed);
    int batch = parallel ? Math.max(2, 2 * Runtime.getRuntime().availableProcessors()) : 1;
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
      if (parallel) {
        idx = idx.parallel();
      }
      double[][] results =
          idx.mapToObj(
                  i -> {
                    byte[] s = symbols.clone();
                    byte[] r = raw.clone();
                    shuffle(s, r, new SplittableRandom(batchSeeds[i]));
                    return ctx.statistics(s, r, batchActive);
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

  private static void shuffle(byte[] s, byte[] r, SplittableRandom rng) {
    for (int i = s.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      byte t = s[i];
      s[i] = s[j];
      s[j] = t;
      t = r[i];
      r[i] = r[j];
      r[j] = t;
    }
  }

  /** What the statistics need besides the data. */
  record Context(int alphabetSize, double rawMean, double median, int maxSymbol) {

    static Context of(Samples samples) {
      byte[] raw = samples.raw();
      long sum = 0;
      int max = 0;
      for (byte b : raw) {
        sum += b & 0xFF;
        max = Math.max(max, b & 0xFF);
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
      return new Context(k, mean, median, max);
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

    double[] statistics(byte[] data, byte[] raw, boolean[] active) {
      double[] t = new double[NAMES.size()];
      Arrays.fill(t, -1);
      boolean binary = alphabetSize == 2;
      byte[] cs1 = binary ? conversion1(data) : null;
      if (active[0]) {
        t[0] = excursion(raw, rawMean);
      }
      if (active[1] || active[2] || active[3]) {
        byte[] seq = binary ? cs1 : data;
        directional(seq, t);
      }
      if (active[4] || active[5]) {
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
      if (active[COMPRESSION]) {
        t[COMPRESSION] = compressedLength(raw);
      }
      return t;
    }
  }

  /** Ones per 8-bit block (the last block may be partial). */
  static byte[] conversion1(byte[] bits) {
    byte[] out = new byte[(bits.length + 7) / 8];
    for (int i = 0; i < bits.length; i++) {
      out[i >>> 3] += bits[i];
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

  static long periodicity(byte[] data, int p) {
    long c = 0;
    for (int i = 0; i < data.length - p; i++) {
      if (data[i] == data[i + p]) {
        c++;
      }
    }
    return c;
  }

  static long covariance(byte[] data, int p) {
    long c = 0;
    for (int i = 0; i < data.length - p; i++) {
      c += (data[i] & 0xFF) * (data[i + p] & 0xFF);
    }
    return c;
  }

  /**
   * Length of the bzip2 (block size 5, as the tool calls libbzip2) compression of the samples
   * written as decimal numbers separated by single spaces.
   */
  static long compressedLength(byte[] raw) {
    byte[] text = new byte[raw.length * 4];
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
    len--; // no space after the last number
    return Bzip2Length.of(text, len);
  }
}
