package org.ferrogen.genai.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Diversity of generated samples. */
public final class Diversity {
  private Diversity() {}

  /**
   * distinct-n (Li et al., 2016, "A Diversity-Promoting Objective Function for Neural Conversation
   * Models"): distinct n-grams over all samples divided by the total number of n-grams; 0 when there
   * are no n-grams.
   */
  public static double distinctN(List<int[]> samples, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, got " + n);
    }
    Set<List<Integer>> distinct = new HashSet<>();
    long total = 0;
    for (int[] s : samples) {
      for (int i = 0; i + n <= s.length; i++) {
        Integer[] gram = new Integer[n];
        for (int j = 0; j < n; j++) {
          gram[j] = s[i + j];
        }
        distinct.add(List.of(gram));
        total++;
      }
    }
    return total == 0 ? 0 : distinct.size() / (double) total;
  }
}
