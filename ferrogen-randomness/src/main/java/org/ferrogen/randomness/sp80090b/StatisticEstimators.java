package org.ferrogen.randomness.sp80090b;

import static org.ferrogen.randomness.sp80090b.Numerics.Z_ALPHA;
import static org.ferrogen.randomness.sp80090b.Numerics.log2;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The entropic-statistic estimators of SP 800-90B: most common value (6.3.1), collision (6.3.2),
 * Markov (6.3.3) and compression (6.3.4), with the constants and closed forms of NIST's
 * {@code ea_non_iid} (which solves the collision equation in closed form and evaluates the
 * compression expectation with the UL G-function recurrence).
 */
public final class StatisticEstimators {

  private StatisticEstimators() {}

  /** Section 6.3.1: upper 99% bound on the probability of the most common symbol. */
  public static EstimatorResult mostCommonValue(byte[] data, int alphabetSize, Domain domain) {
    long[] counts = new long[256];
    for (byte b : data) {
      counts[b & 0xFF]++;
    }
    long mode = 0;
    for (int i = 0; i < alphabetSize; i++) {
      mode = Math.max(mode, counts[i]);
    }
    int len = data.length;
    double pmax = mode / (double) len;
    double ubound = Math.min(1.0, pmax + Z_ALPHA * Math.sqrt(pmax * (1.0 - pmax) / (len - 1.0)));
    double h = -log2(ubound);
    Map<String, Number> d = new LinkedHashMap<>();
    d.put("Mode count", mode);
    d.put("p-hat", pmax);
    d.put("p_u", ubound);
    return new EstimatorResult("Most Common Value", domain, h, d, "");
  }

  /**
   * Section 6.3.2 for binary data (bytes 0 and 1): mean time to the first repeated bit, solved in
   * closed form.
   */
  public static EstimatorResult collision(byte[] data, Domain domain) {
    long len = data.length;
    long i = 0;
    long v = 0;
    double s = 0.0;
    // The first repeat comes after t = 2 bits when they are equal, else after 3 (the third
    // equals one of the two), taken without a branch: the bits are 0 and 1, and a branch on them
    // is mispredicted every other step (8·10^6 bits: 26 to 20 ms under C1).
    while (i < len - 2) {
      int t = 2 + (data[(int) i] ^ data[(int) i + 1]);
      v++;
      s += t * t;
      i += t;
    }
    if (i == len - 2 && data[(int) i] == data[(int) i + 1]) {
      v++;
      s += 4;
      i += 2;
    }
    double x = i / (double) v;
    s = Math.sqrt((s - (i * x)) / (v - 1));
    Map<String, Number> d = new LinkedHashMap<>();
    d.put("v", v);
    d.put("Sum t_i", i);
    d.put("X-bar", x);
    d.put("sigma-hat", s);
    x -= Z_ALPHA * s / Math.sqrt(v);
    if (x < 2.0) {
      x = 2.0;
    }
    d.put("X-bar'", x);
    double p;
    double h;
    String note;
    // With the UL form of F the step-7 equation reduces to X' = -2p^2 + 2p + 2 (root above 1/2).
    if (x < 2.5) {
      p = 0.5 + Math.sqrt(1.25 - 0.5 * x);
      h = -log2(p);
      note = "Found p.";
    } else {
      p = 0.5;
      h = 1.0;
      note = "Could Not Find p. Proceeding with the lower bound for p.";
    }
    d.put("p", p);
    return new EstimatorResult("Collision", domain, h, d, note);
  }

  /**
   * Section 6.3.3 for binary data (bytes 0 and 1): most likely 128-bit path of a first-order Markov
   * model.
   */
  public static EstimatorResult markov(byte[] data, Domain domain) {
    int len = data.length;
    // Ones among the first len-1 bits and (1, 1) pairs, counted without a branch (the bits are 0
    // and 1); the (0, 0) and (1, 0) pairs follow from them (8·10^6 bits: 57 to 17 ms under C1).
    long ones = 0;
    long c11 = 0;
    int prev = len > 0 ? data[0] : 0;
    for (int i = 1; i < len; i++) {
      int bit = data[i];
      ones += prev;
      c11 += prev & bit;
      prev = bit;
    }
    long c0 = len - 1 - ones;
    long c10 = ones - c11;
    long c00 = c0 - (ones - data[0] + data[len - 1] - c11); // zeros followed by a zero
    long c1 = len - 1 - c0;
    double p00;
    double p01;
    double p10;
    double p11;
    if (c0 > 0) {
      p00 = c00 / (double) c0;
      p01 = 1.0 - p00;
    } else {
      p00 = 0.0;
      p01 = 0.0;
    }
    if (c1 > 0) {
      p10 = c10 / (double) c1;
      p11 = 1.0 - p10;
    } else {
      p10 = 0.0;
      p11 = 0.0;
    }
    if (data[len - 1] == 0) {
      c0++;
    }
    double p0 = c0 / (double) len;
    double p1 = 1.0 - p0;
    double hMin = 128.0;
    if (p00 > 0.0) {
      hMin = Math.min(hMin, -log2(p0) - 127.0 * log2(p00));
    }
    if (p01 > 0.0 && p10 > 0.0) {
      hMin = Math.min(hMin, -log2(p0) - 64.0 * log2(p01) - 63.0 * log2(p10));
    }
    if (p01 > 0.0 && p11 > 0.0) {
      hMin = Math.min(hMin, -log2(p0) - log2(p01) - 126.0 * log2(p11));
    }
    if (p10 > 0.0 && p00 > 0.0) {
      hMin = Math.min(hMin, -log2(p1) - log2(p10) - 126.0 * log2(p00));
    }
    if (p10 > 0.0 && p01 > 0.0) {
      hMin = Math.min(hMin, -log2(p1) - 64.0 * log2(p10) - 63.0 * log2(p01));
    }
    if (p11 > 0.0) {
      hMin = Math.min(hMin, -log2(p1) - 127.0 * log2(p11));
    }
    Map<String, Number> d = new LinkedHashMap<>();
    d.put("P_0", p0);
    d.put("P_1", p1);
    d.put("P_{0,0}", p00);
    d.put("P_{0,1}", p01);
    d.put("P_{1,0}", p10);
    d.put("P_{1,1}", p11);
    d.put("p-hat_max", Math.pow(2.0, -hMin));
    return new EstimatorResult("Markov", domain, Math.min(hMin / 128.0, 1.0), d, "");
  }

  /**
   * Section 6.3.4 for binary data (6-bit blocks, dictionary of 1000 blocks). Returns null when the
   * data has too few blocks, as the tool then skips the estimator.
   */
  public static EstimatorResult compression(byte[] data, Domain domain) {
    final int b = 6;
    final int alph = 1 << b;
    final int dictBlocks = 1000;
    long numBlocks = data.length / b;
    if (numBlocks <= dictBlocks) {
      return null;
    }
    int[] dict = new int[alph];
    for (int i = 0; i < dictBlocks; i++) {
      dict[block(data, i, b)] = i + 1;
    }
    long v = numBlocks - dictBlocks;
    Kahan x = new Kahan();
    Kahan sigma = new Kahan();
    for (int i = dictBlocks; i < numBlocks; i++) {
      int blk = block(data, i, b);
      double l = log2(i + 1 - dict[blk]);
      x.add(l);
      sigma.add(l * l);
      dict[blk] = i + 1;
    }
    double xbar = x.sum / v;
    double sig = 0.5907 * Math.sqrt(sigma.sum / (v - 1.0) - xbar * xbar);
    Map<String, Number> d = new LinkedHashMap<>();
    d.put("X-bar", xbar);
    d.put("sigma-hat", sig);
    xbar -= Z_ALPHA * sig / Math.sqrt(v);
    d.put("X-bar'", xbar);
    CompressionExpectation exp = new CompressionExpectation(alph, dictBlocks, numBlocks);
    double p;
    if (exp.value(1.0 / alph) > xbar) {
      double ldomain = 1.0 / alph;
      p = Numerics.bisect(exp, xbar, ldomain, 1.0, ldomain);
    } else {
      p = -1.0;
    }
    double h;
    String note;
    if (p > 1.0 / alph) {
      h = -log2(p) / b;
      note = "Found p.";
    } else {
      p = 1.0 / alph;
      h = 1.0;
      note = "Could Not Find p. Proceeding with the lower bound for p.";
    }
    d.put("p", p);
    return new EstimatorResult("Compression", domain, h, d, note);
  }

  private static int block(byte[] data, int i, int b) {
    int blk = 0;
    int base = i * b;
    for (int j = 0; j < b; j++) {
      blk |= (data[base + j] & 1) << (b - j - 1);
    }
    return blk;
  }

  /** Kahan-compensated sum, as the tool accumulates. */
  static final class Kahan {
    double sum;
    double comp;

    void add(double in) {
      double y = in - comp;
      double t = sum + y;
      comp = (t - sum) - y;
      sum = t;
    }
  }

  /**
   * The expected compression statistic E(p) = G(p) + (2^b - 1) G(q) of section 6.3.4 step 7,
   * evaluated with the recurrence of UL's implementation notes as the tool does. The tool keeps
   * the geometric factor (1 - z)^(i-1) in x87 extended precision; a double-double product keeps
   * it at least that accurate here.
   *
   * <p>The tool sums G's terms until they underflow, some 5·10^4 of them near p = 2^-6; within
   * 10^-13 (relative) the sum is known after a twentieth of them, with a bound on the rest. The
   * bisection for p needs the exact value only in its last steps ({@link Numerics#bisect(
   * Numerics.Bracketed, double, double, double, double)}): 10^6 bits take 0.04 s less CPU under C1.
   */
  static final class CompressionExpectation implements Numerics.Bracketed {
    private final int alph;
    private final int d;
    private final long numBlocks;
    private double[] log2Table = new double[0];
    private static final double RESCALE_BELOW = 0x1p-400;
    private static final int RESCALE_BITS = 400;
    /** Truncated sums stop once the rest is below this fraction of them. */
    private static final double TAIL = 1e-15;
    /** Bounds are widened by this fraction of the sums, far above their rounding errors. */
    private static final double SLACK = 1e-13;
    private final double[] gp = new double[2];
    private final double[] gq = new double[2];

    CompressionExpectation(int alph, int d, long numBlocks) {
      this.alph = alph;
      this.d = d;
      this.numBlocks = numBlocks;
    }

    double value(double p) {
      double[] out = new double[2];
      bracket(p, true, out);
      return out[0];
    }

    @Override
    public void bracket(double p, boolean exact, double[] out) {
      double q = (1.0 - p) / (alph - 1.0);
      g(p, exact, gp);
      g(q, exact, gq);
      out[0] = gp[0] + (alph - 1.0) * gq[0];
      out[1] = gp[1] + (alph - 1.0) * gq[1];
    }

    private double log2Of(long i) {
      if (i >= log2Table.length) {
        int size = (int) Math.min(numBlocks + 1, Math.max(2 * i + 1, 1 << 16));
        double[] t = new double[size];
        for (int k = 1; k < size; k++) {
          t[k] = log2(k);
        }
        log2Table = t;
      }
      return log2Table[(int) i];
    }

    /**
     * 2^scale when it is a normal double, else NaN. Multiplying by it rounds once, as
     * {@code Math.scalb} does for these arguments (|x| >= 2^-400 here, so scalb's partial steps are
     * exact), and costs far less on a cold JVM, where the loop below runs ~10^5 times per E(p).
     */
    private static double powerOfTwo(int scale) {
      return scale >= Double.MIN_EXPONENT ? Math.scalb(1.0, scale) : Double.NaN;
    }

    /**
     * G(z) into out[0] = out[1] when {@code exact}; else bounds out[0] <= G(z) <= out[1] from the
     * terms down to a TAIL fraction of the sums. Up to there both take the same steps, so the
     * truncated sums are the exact ones' partial sums, short of the rest of the terms: each term
     * is log2(i) (1 - z)^(i-1) (times numBlocks - i < numBlocks in the first sum), so the rest is
     * at most log2(numBlocks) (1 - z)^(i-1) / z.
     */
    private void g(double z, boolean exact, double[] out) {
      Kahan ai = new Kahan();
      Kahan firstSum = new Kahan();
      long v = numBlocks - d;
      double bterm = 1.0 - z;
      // (bHi + bLo) * 2^scale = (1 - z)^(i - 1): a double-double with a separate binary exponent,
      // so that the factor keeps full precision far below the double range, as the tool's x87
      // extended-precision factor does. Without it the product would stall at the smallest
      // subnormal and the underflow cut-off below would never trigger.
      double bHi = bterm;
      double bLo = 0.0;
      int scale = 0;
      for (int i = 2; i <= d; i++) {
        ai.add(Math.scalb(log2Of(i) * (bHi + bLo), scale));
        double hi = bHi * bterm;
        double lo = Math.fma(bHi, bterm, -hi) + bLo * bterm;
        bHi = hi + lo;
        bLo = lo - (bHi - hi);
        if (bHi < RESCALE_BELOW) {
          bHi = Math.scalb(bHi, RESCALE_BITS);
          bLo = Math.scalb(bLo, RESCALE_BITS);
          scale -= RESCALE_BITS;
        }
      }
      double ad1 = ai.sum;
      // From term i = log2(i) (1 - z)^(i-1) on, the terms of ai sum to at most
      // restPerTerm * term_i, as i > d; the sums stop when that is below TAIL ad1.
      double restPerTerm = log2(numBlocks) / (log2(d + 1) * z);
      double stopBelow = TAIL * ad1;
      boolean truncated = false;
      double rest = 0.0; // bound on the terms of ai not summed
      boolean underflow = false;
      double factor = powerOfTwo(scale);
      for (long i = d + 1; i <= numBlocks - 1; i++) {
        double unscaled = log2Of(i) * (bHi + bLo);
        double term = factor == factor ? unscaled * factor : Math.scalb(unscaled, scale);
        if (!exact && term * restPerTerm < stopBelow) {
          truncated = true;
          rest = term * restPerTerm;
          break;
        }
        ai.add(term);
        // The tool stops once (num_blocks - i) * a_i rounds to zero in double precision.
        double scaled = factor == factor
            ? (numBlocks - i) * unscaled * factor
            : Math.scalb((numBlocks - i) * unscaled, scale);
        if (scaled > 0.0) {
          firstSum.add(scaled);
        } else {
          underflow = true;
          break;
        }
        double hi = bHi * bterm;
        double lo = Math.fma(bHi, bterm, -hi) + bLo * bterm;
        bHi = hi + lo;
        bLo = lo - (bHi - hi);
        if (bHi < RESCALE_BELOW) {
          bHi = Math.scalb(bHi, RESCALE_BITS);
          bLo = Math.scalb(bLo, RESCALE_BITS);
          scale -= RESCALE_BITS;
          factor = powerOfTwo(scale);
        }
      }
      firstSum.add((double) (numBlocks - d) * ad1);
      if (!truncated) {
        if (!underflow) {
          ai.add(Math.scalb(log2Of(numBlocks) * (bHi + bLo), scale));
        }
        out[0] = out[1] = 1 / (double) v * z * (z * firstSum.sum + (ai.sum - ad1));
        return;
      }
      double slack = SLACK * z * (z * firstSum.sum + ai.sum);
      out[0] = 1 / (double) v * (z * (z * firstSum.sum + (ai.sum - ad1)) - slack);
      out[1] = 1 / (double) v
          * (z * (z * (firstSum.sum + numBlocks * rest) + (ai.sum + rest - ad1)) + slack);
    }
  }
}
