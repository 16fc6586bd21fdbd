package org.ferrogen.randomness.sp80090b;

/**
 * The IID longest-repeated-substring test (SP 800-90B section 5.2.5) as {@code ea_iid} runs it: with
 * the collision probability p_col = sum p_i^2 and the LRS length W, the test passes when at least
 * one W-long collision among the C(L - W + 1, 2) pairs of substrings is not too unlikely, i.e.
 * Pr(X >= 1) = 1 - (1 - p_col^W)^N >= 1/1000.
 */
public final class LrsTest {

  /**
   * The outcome.
   *
   * @param collisionProbability p_col
   * @param lrsLength W
   * @param probabilityAtLeastOne Pr(X >= 1)
   * @param passed the verdict
   */
  public record Outcome(
      double collisionProbability, int lrsLength, double probabilityAtLeastOne, boolean passed) {}

  private LrsTest() {}

  public static Outcome run(byte[] symbols, int alphabetSize) {
    int n = symbols.length;
    double[] p = new double[256];
    double step = 1.0 / n;
    for (byte b : symbols) {
      p[b & 0xFF] += step;
    }
    double pcol = 0.0;
    for (int i = 0; i < alphabetSize; i++) {
      pcol += p[i] * p[i];
    }
    if (pcol > 1.0 - Math.ulp(1.0)) {
      return new Outcome(pcol, n - 1, 1.0, true);
    }
    int w = longestRepeat(symbols, alphabetSize);
    double logNoCollisionPerPair = Math.log1p(-Math.pow(pcol, w));
    long pairs = n - (long) w + 1;
    double nPairs = (double) (pairs * (pairs - 1) / 2);
    double probAtLeastOne = -Math.expm1(nPairs * logNoCollisionPerPair);
    boolean passed = Math.log(0.999) >= nPairs * logNoCollisionPerPair;
    return new Outcome(pcol, w, probAtLeastOne, passed);
  }

  /** Length of the longest substring occurring at least twice. */
  static int longestRepeat(byte[] symbols, int alphabetSize) {
    int[] lcp = null;
    if (alphabetSize == 2 && symbols.length > Long.SIZE) {
      lcp = BinarySuffixOrder.lcpIfShortRepeats(symbols);
    }
    if (lcp == null) {
      int[] text = new int[symbols.length];
      int max = 0;
      for (int i = 0; i < text.length; i++) {
        text[i] = symbols[i] & 0xFF;
        max = Math.max(max, text[i]);
      }
      lcp = SuffixArrays.lcpArray(text, SuffixArrays.suffixArray(text, max + 1));
    }
    int w = 0;
    for (int x : lcp) {
      w = Math.max(w, x);
    }
    return w;
  }
}
