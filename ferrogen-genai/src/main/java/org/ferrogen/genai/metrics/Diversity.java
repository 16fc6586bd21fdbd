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

  /**
   * seq-rep-n of one sample (Welleck et al., "Neural Text Generation with Unlikelihood Training",
   * ICLR 2020): 1 − distinct n-grams / n-grams within the sample, the fraction of its n-grams that
   * repeat an earlier one; 0 when the sample has no n-gram.
   */
  public static double repetition(int[] sample, int n) {
    return sample.length < n ? 0 : 1 - distinctN(List.of(sample), n);
  }

  /**
   * Self-BLEU (Zhu et al., "Texygen: A Benchmarking Platform for Text Generation Models", SIGIR
   * 2018) of sample {@code i}: its BLEU-{@code maxN} score with every other sample as a reference
   * (clipped n-gram precisions for n = 1..maxN, geometric mean, brevity penalty against the closest
   * reference length; Papineni et al., ACL 2002). Higher means the sample resembles the others: less
   * diversity. A zero precision makes the score 0, as in the unsmoothed original.
   */
  public static double selfBleu(List<int[]> samples, int i, int maxN) {
    if (samples.size() < 2) {
      throw new IllegalArgumentException("self-BLEU needs at least 2 samples, got " + samples.size());
    }
    int[] hypothesis = samples.get(i);
    if (hypothesis.length == 0) {
      return 0;
    }
    double logPrecision = 0;
    for (int n = 1; n <= maxN; n++) {
      java.util.Map<List<Integer>, Integer> counts = nGramCounts(hypothesis, n);
      java.util.Map<List<Integer>, Integer> maxReference = new java.util.HashMap<>();
      for (int r = 0; r < samples.size(); r++) {
        if (r != i) {
          nGramCounts(samples.get(r), n).forEach((g, c) -> maxReference.merge(g, c, Math::max));
        }
      }
      int total = Math.max(0, hypothesis.length - n + 1);
      int clipped = 0;
      for (var e : counts.entrySet()) {
        clipped += Math.min(e.getValue(), maxReference.getOrDefault(e.getKey(), 0));
      }
      if (total == 0 || clipped == 0) {
        return 0;
      }
      logPrecision += Math.log(clipped / (double) total) / maxN;
    }
    int closest = Integer.MAX_VALUE;
    for (int r = 0; r < samples.size(); r++) {
      int length = samples.get(r).length;
      if (r != i && (closest == Integer.MAX_VALUE
          || Math.abs(length - hypothesis.length) < Math.abs(closest - hypothesis.length))) {
        closest = length;
      }
    }
    double brevity = hypothesis.length >= closest ? 1 : Math.exp(1 - closest / (double) hypothesis.length);
    return brevity * Math.exp(logPrecision);
  }

  private static java.util.Map<List<Integer>, Integer> nGramCounts(int[] s, int n) {
    java.util.Map<List<Integer>, Integer> counts = new java.util.HashMap<>();
    for (int i = 0; i + n <= s.length; i++) {
      Integer[] gram = new Integer[n];
      for (int j = 0; j < n; j++) {
        gram[j] = s[i + j];
      }
      counts.merge(List.of(gram), 1, Integer::sum);
    }
    return counts;
  }
}
