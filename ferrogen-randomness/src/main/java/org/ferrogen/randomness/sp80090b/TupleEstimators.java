package org.ferrogen.randomness.sp80090b;

import static org.ferrogen.randomness.sp80090b.Numerics.Z_ALPHA;
import static org.ferrogen.randomness.sp80090b.Numerics.log2;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The t-tuple (6.3.5) and longest-repeated-substring (6.3.6) estimators. Both need, for every
 * length t, the counts of the distinct t-tuples: the largest count Q[t] (t-tuple) and the number of
 * colliding pairs sum C(count, 2) (LRS). These come from one bottom-up walk over the LCP intervals
 * of the suffix array, instead of counting tuples one length at a time.
 */
public final class TupleEstimators {

  /** A tuple length is used by the t-tuple estimate while some tuple of it occurs this often. */
  private static final int TUPLE_CUTOFF = 35;

  private TupleEstimators() {}

  /** Results of both estimators; either may be null when the tool reports it cannot run. */
  public record Pair(EstimatorResult tTuple, EstimatorResult lrs) {}

  public static Pair estimate(byte[] data, int alphabetSize, Domain domain) {
    int n = data.length;
    if (alphabetSize == 2 && n > Long.SIZE) {
      int[] lcp = BinarySuffixOrder.lcpIfShortRepeats(data);
      if (lcp != null) {
        return fromLcp(lcp, n, domain);
      }
    }
    int[] text = new int[n];
    for (int i = 0; i < n; i++) {
      text[i] = data[i] & 0xFF;
    }
    int[] lcp = SuffixArrays.lcpArray(text, SuffixArrays.suffixArray(text, Math.max(alphabetSize, maxPlusOne(text))));
    return fromLcp(lcp, n, domain);
  }

  private static int maxPlusOne(int[] text) {
    int m = 0;
    for (int v : text) {
      m = Math.max(m, v);
    }
    return m + 1;
  }

  /**
   * Computes both estimates from the LCP array ({@code lcp[0] = 0}, {@code lcp[i]} between the
   * (i-1)-th and i-th sorted suffixes) of a text of length n.
   */
  static Pair fromLcp(int[] lcp, int n, Domain domain) {
    int v = 0;
    for (int x : lcp) {
      v = Math.max(v, x);
    }
    if (v == 0) {
      return new Pair(null, null);
    }
    // best[h]: most suffixes in an LCP interval of depth exactly h. pairs: difference array over t
    // of the sum of C(c, 2) over intervals covering t.
    long[] best = new long[v + 2];
    long[] pairDiff = new long[v + 2];
    int[] stackLcp = new int[v + 2];
    int[] stackLb = new int[v + 2];
    int top = 0;
    stackLcp[0] = 0;
    stackLb[0] = 0;
    for (int i = 1; i <= n; i++) {
      int li = i < n ? lcp[i] : 0;
      int lb = i - 1;
      while (li < stackLcp[top]) {
        int h = stackLcp[top];
        lb = stackLb[top];
        top--;
        long c = (long) (i - 1) - lb + 1;
        int parent = Math.max(li, stackLcp[top]);
        if (c > best[h]) {
          best[h] = c;
        }
        long pairs = c * (c - 1) >> 1; // a shift: C1 divides a long by a division instruction
        pairDiff[parent + 1] += pairs;
        pairDiff[h + 1] -= pairs;
      }
      if (li > stackLcp[top]) {
        top++;
        stackLcp[top] = li;
        stackLb[top] = lb;
      }
    }
    long[] q = new long[v + 2];
    long running = 1;
    for (int t = v; t >= 1; t--) {
      running = Math.max(running, best[t]);
      q[t] = running;
    }
    long[] s = new long[v + 2];
    long acc = 0;
    for (int t = 1; t <= v; t++) {
      acc += pairDiff[t];
      s[t] = acc;
    }

    int u = 1;
    while (u <= v && q[u] >= TUPLE_CUTOFF) {
      u++;
    }
    EstimatorResult tTuple = null;
    double pmax = -1.0;
    for (int i = 1; i < u; i++) {
      double curP = (double) q[i] / (double) (n - i + 1);
      pmax = Math.max(pmax, Math.pow(curP, 1.0 / i));
    }
    if (pmax > 0.0) {
      double pu = Math.min(1.0, pmax + Z_ALPHA * Math.sqrt(pmax * (1.0 - pmax) / (double) (n - 1)));
      Map<String, Number> d = new LinkedHashMap<>();
      d.put("t", (long) (u - 1));
      d.put("p-hat_max", pmax);
      d.put("p_u", pu);
      tTuple = new EstimatorResult("t-Tuple", domain, -log2(pu), d, "");
    }
    EstimatorResult lrs = null;
    if (v >= u) {
      double lrsMax = 0.0;
      for (int i = u; i <= v; i++) {
        long pairsTotal = ((long) (n - i) * (long) (n - i + 1)) >> 1;
        double curP = (double) s[i] / (double) pairsTotal;
        double cur = Math.pow(curP, 1.0 / i);
        if (lrsMax < cur) {
          lrsMax = cur;
        }
      }
      double pu =
          Math.min(1.0, lrsMax + Z_ALPHA * Math.sqrt(lrsMax * (1.0 - lrsMax) / (double) (n - 1)));
      Map<String, Number> d = new LinkedHashMap<>();
      d.put("u", (long) u);
      d.put("v", (long) v);
      d.put("p-hat", lrsMax);
      d.put("p_u", pu);
      lrs = new EstimatorResult("LRS", domain, -log2(pu), d, "");
    }
    return new Pair(tTuple, lrs);
  }
}
