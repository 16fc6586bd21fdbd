package org.ferrogen.randomness.sp80022;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ferrogen.randomness.bits.BitSequence;

/**
 * SP 800-22 §2.7: non-overlapping template matching, over the STS's aperiodic templates of length
 * m in N blocks of M = n/N bits.
 *
 * <p>Speed: an aperiodic template cannot occur twice within m−1 positions (that would be a
 * self-overlap), so skipping m−1 positions after a hit never skips another hit and the
 * non-overlapping count equals the count of all occurrences. One pass per block therefore builds a
 * histogram of every m-bit window and gives the counts of all 148 templates at once.
 */
public final class NonOverlappingTemplateTest {

  private static final Map<Integer, List<String>> VARIANTS = new ConcurrentHashMap<>();

  private NonOverlappingTemplateTest() {}

  static List<String> variants(Sp80022Parameters p) {
    int m = p.nonOverlappingTemplateLength();
    return VARIANTS.computeIfAbsent(m, len -> {
      List<String> names = new ArrayList<>();
      for (int t : AperiodicTemplates.sts(len)) {
        names.add(AperiodicTemplates.toBits(t, len));
      }
      return Collections.unmodifiableList(names);
    });
  }

  static TestResult run(BitSequence s, Sp80022Parameters p) {
    int m = p.nonOverlappingTemplateLength();
    int blocks = p.nonOverlappingBlockCount();
    int blockLength = s.length() / blocks;
    if (blockLength - m + 1 <= 0) {
      return TestResult.tooShort(Sp80022Test.NON_OVERLAPPING_TEMPLATE, variants(p),
          "needs N=" + blocks + " blocks of at least m=" + m + " bits, got " + s.length() + " bits");
    }
    return TestResult.of(Sp80022Test.NON_OVERLAPPING_TEMPLATE, variants(p),
        pValues(s, AperiodicTemplates.sts(m), m, blocks));
  }

  /** P-values of the given aperiodic templates (m bits each) with N = {@code blocks}. */
  public static double[] pValues(BitSequence s, int[] templates, int m, int blocks) {
    int blockLength = s.length() / blocks;
    int[][] counts = new int[blocks][];
    for (int b = 0; b < blocks; b++) {
      counts[b] = new int[1 << m];
      Words.windowHistogram(s, b * blockLength, blockLength - m + 1, m, counts[b]);
    }
    double[] out = new double[templates.length];
    for (int t = 0; t < templates.length; t++) {
      if (!AperiodicTemplates.isAperiodic(templates[t], m)) {
        throw new IllegalArgumentException(
            "template " + AperiodicTemplates.toBits(templates[t], m) + " is not aperiodic");
      }
      int[] w = new int[blocks];
      for (int b = 0; b < blocks; b++) {
        w[b] = counts[b][templates[t]];
      }
      out[t] = pValue(w, m, blockLength);
    }
    return out;
  }

  /**
   * P-value of any one template, counted by the STS's scan (after a hit, continue m positions
   * further); needed for templates that are not aperiodic, and a cross-check of the fast path.
   */
  public static double pValue(BitSequence s, int template, int m, int blocks) {
    int blockLength = s.length() / blocks;
    int[] w = new int[blocks];
    for (int b = 0; b < blocks; b++) {
      int start = b * blockLength;
      for (int j = 0; j <= blockLength - m; j++) {
        if (s.bits(start + j, m) == template) {
          w[b]++;
          j += m - 1;
        }
      }
    }
    return pValue(w, m, blockLength);
  }

  private static double pValue(int[] w, int m, int blockLength) {
    double lambda = (blockLength - m + 1) / Math.pow(2, m);
    double variance = blockLength * (1.0 / Math.pow(2.0, m) - (2.0 * m - 1.0) / Math.pow(2.0, 2.0 * m));
    double chiSquared = 0.0;
    for (int count : w) {
      double z = (count - lambda) / Math.sqrt(variance);
      chiSquared += z * z;
    }
    return SpecialFunctions.igamc(w.length / 2.0, chiSquared / 2.0);
  }
}
