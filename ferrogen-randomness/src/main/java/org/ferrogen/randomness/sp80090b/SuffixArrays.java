package org.ferrogen.randomness.sp80090b;

/**
 * Suffix array by induced sorting (SA-IS; Nong, Zhang and Chan, "Two Efficient Algorithms for
 * Linear Time Suffix Array Construction", IEEE Trans. Computers 60(10), 2011) and the LCP array by
 * Kasai et al. (CPM 2001), on int alphabets. Linear time; used by the t-tuple, LRS and IID LRS
 * tests, whose counts depend only on the sorted order of suffixes.
 */
public final class SuffixArrays {

  private SuffixArrays() {}

  /** Suffix array of {@code text}, whose values lie in [0, alphabetSize). */
  public static int[] suffixArray(int[] text, int alphabetSize) {
    int n = text.length;
    int[] sa = new int[n];
    if (n == 0) {
      return sa;
    }
    if (n == 1) {
      return sa;
    }
    sais(text, sa, n, alphabetSize);
    return sa;
  }

  /**
   * LCP array: {@code lcp[0] = 0} and {@code lcp[i]} is the length of the longest common prefix of
   * the suffixes at {@code sa[i-1]} and {@code sa[i]}.
   */
  public static int[] lcpArray(int[] text, int[] sa) {
    int n = text.length;
    int[] rank = new int[n];
    for (int i = 0; i < n; i++) {
      rank[sa[i]] = i;
    }
    int[] lcp = new int[n];
    int h = 0;
    for (int i = 0; i < n; i++) {
      int r = rank[i];
      if (r > 0) {
        int j = sa[r - 1];
        while (i + h < n && j + h < n && text[i + h] == text[j + h]) {
          h++;
        }
        lcp[r] = h;
        if (h > 0) {
          h--;
        }
      } else {
        h = 0;
      }
    }
    return lcp;
  }

  private static void bucketStarts(int[] counts, int[] bkt, int k) {
    int sum = 0;
    for (int c = 0; c < k; c++) {
      bkt[c] = sum;
      sum += counts[c];
    }
  }

  private static void bucketEnds(int[] counts, int[] bkt, int k) {
    int sum = 0;
    for (int c = 0; c < k; c++) {
      sum += counts[c];
      bkt[c] = sum;
    }
  }

  private static boolean isLms(boolean[] sType, int i) {
    return i > 0 && sType[i] && !sType[i - 1];
  }

  /** SA-IS with a virtual sentinel smaller than every symbol after the last position. */
  private static void sais(int[] t, int[] sa, int n, int k) {
    boolean[] sType = new boolean[n];
    sType[n - 1] = false; // followed by the sentinel, hence L-type
    for (int i = n - 2; i >= 0; i--) {
      sType[i] = t[i] < t[i + 1] || (t[i] == t[i + 1] && sType[i + 1]);
    }
    int[] counts = new int[k];
    for (int i = 0; i < n; i++) {
      counts[t[i]]++;
    }
    int[] bkt = new int[k];

    // Stage 1: sort LMS substrings.
    java.util.Arrays.fill(sa, -1);
    bucketEnds(counts, bkt, k);
    for (int i = 1; i < n; i++) {
      if (isLms(sType, i)) {
        sa[--bkt[t[i]]] = i;
      }
    }
    induce(t, sa, sType, counts, bkt, n, k);

    int n1 = 0;
    for (int i = 0; i < n; i++) {
      if (isLms(sType, sa[i])) {
        sa[n1++] = sa[i];
      }
    }
    java.util.Arrays.fill(sa, n1, n, -1);
    int name = 0;
    int prev = -1;
    for (int i = 0; i < n1; i++) {
      int pos = sa[i];
      boolean diff = false;
      for (int d = 0; ; d++) {
        if (prev == -1
            || pos + d == n
            || prev + d == n
            || t[pos + d] != t[prev + d]
            || sType[pos + d] != sType[prev + d]) {
          diff = true;
          break;
        }
        if (d > 0 && (isLms(sType, pos + d) || isLms(sType, prev + d))) {
          break;
        }
      }
      if (diff) {
        name++;
        prev = pos;
      }
      sa[n1 + (pos >> 1)] = name - 1;
    }
    int[] s1 = new int[n1];
    for (int i = n - 1, j = n1 - 1; i >= n1; i--) {
      if (sa[i] >= 0) {
        s1[j--] = sa[i];
      }
    }

    // Stage 2: sort the reduced problem.
    int[] sa1 = new int[n1];
    if (name < n1) {
      if (n1 > 1) {
        sais(s1, sa1, n1, name);
      }
    } else {
      for (int i = 0; i < n1; i++) {
        sa1[s1[i]] = i;
      }
    }

    // Stage 3: induce the full order from the sorted LMS suffixes.
    for (int i = 1, j = 0; i < n; i++) {
      if (isLms(sType, i)) {
        s1[j++] = i;
      }
    }
    for (int i = 0; i < n1; i++) {
      sa1[i] = s1[sa1[i]];
    }
    java.util.Arrays.fill(sa, -1);
    bucketEnds(counts, bkt, k);
    for (int i = n1 - 1; i >= 0; i--) {
      int p = sa1[i];
      sa[--bkt[t[p]]] = p;
    }
    induce(t, sa, sType, counts, bkt, n, k);
  }

  private static void induce(
      int[] t, int[] sa, boolean[] sType, int[] counts, int[] bkt, int n, int k) {
    bucketStarts(counts, bkt, k);
    // The sentinel's predecessor (position n-1) is L-type and comes first in its bucket.
    sa[bkt[t[n - 1]]++] = n - 1;
    for (int i = 0; i < n; i++) {
      int j = sa[i] - 1;
      if (j >= 0 && !sType[j]) {
        sa[bkt[t[j]]++] = j;
      }
    }
    bucketEnds(counts, bkt, k);
    for (int i = n - 1; i >= 0; i--) {
      int j = sa[i] - 1;
      if (j >= 0 && sType[j]) {
        sa[--bkt[t[j]]] = j;
      }
    }
  }
}
