package org.ferrogen.randomness.sp80022;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The aperiodic templates of the non-overlapping template test: m-bit words B that cannot overlap
 * a shifted copy of themselves (no proper prefix equals a suffix). They are enumerated here rather
 * than read from the STS {@code templates/} files; in increasing numeric order they are exactly
 * those files' lists (2, 4, 6, 12, 20, 40, 74, 148, ... for m = 2, 3, ...).
 */
public final class AperiodicTemplates {

  /** STS 2.1.2 evaluates at most this many templates (MAXNUMOFTEMPLATES), the first ones in order. */
  public static final int STS_MAX_TEMPLATES = 148;

  private static final Map<Integer, int[]> CACHE = new ConcurrentHashMap<>();

  private AperiodicTemplates() {}

  /** All aperiodic m-bit templates in increasing order (values with the first bit most significant). */
  public static int[] all(int m) {
    return CACHE.computeIfAbsent(m, AperiodicTemplates::enumerate).clone();
  }

  /** The templates the STS evaluates: the first {@value #STS_MAX_TEMPLATES} of {@link #all}. */
  public static int[] sts(int m) {
    int[] all = CACHE.computeIfAbsent(m, AperiodicTemplates::enumerate);
    return java.util.Arrays.copyOf(all, Math.min(all.length, STS_MAX_TEMPLATES));
  }

  /** Whether the m-bit word has no proper border (prefix equal to suffix). */
  public static boolean isAperiodic(int word, int m) {
    for (int shift = 1; shift < m; shift++) {
      int overlap = m - shift;
      int prefix = word >>> shift; // first m-shift bits
      int suffix = word & ((1 << overlap) - 1); // last m-shift bits
      if (prefix == suffix) {
        return false;
      }
    }
    return true;
  }

  /** The template as its bit string, e.g. {@code 000000001}. */
  public static String toBits(int word, int m) {
    StringBuilder sb = new StringBuilder(m);
    for (int i = m - 1; i >= 0; i--) {
      sb.append((word >>> i) & 1);
    }
    return sb.toString();
  }

  private static int[] enumerate(int m) {
    if (m < 2 || m > 21) {
      throw new IllegalArgumentException("template length must be in [2, 21], got " + m);
    }
    List<Integer> out = new ArrayList<>();
    for (int w = 0; w < (1 << m); w++) {
      if (isAperiodic(w, m)) {
        out.add(w);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
