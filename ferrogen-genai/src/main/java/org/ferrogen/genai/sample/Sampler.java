package org.ferrogen.genai.sample;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Draws the next token from logits according to {@link SamplerSettings}, with all randomness from
 * the given {@link RandomGenerator} (a seeded PRNG for reproducible runs, or a true-random source).
 * Keeps the recent tokens for the repetition penalty. Not thread-safe.
 */
public final class Sampler {
  private final SamplerSettings s;
  private final RandomGenerator random;
  private final int[] recent;
  private int recentCount;
  private int recentNext;

  public Sampler(SamplerSettings settings, RandomGenerator random) {
    this.s = settings;
    this.random = random;
    this.recent = new int[Math.max(1, settings.repeatLastN())];
  }

  /** Records a token (prompt or generated) for the repetition penalty. */
  public void accept(int token) {
    if (s.repeatLastN() == 0) {
      return;
    }
    recent[recentNext] = token;
    recentNext = (recentNext + 1) % recent.length;
    recentCount = Math.min(recentCount + 1, recent.length);
  }

  /** Samples a token from {@code logits} (not modified) and records it via {@link #accept}. */
  public int sample(float[] logits) {
    int token = choose(logits);
    accept(token);
    return token;
  }

  /** Samples without recording. */
  public int choose(float[] logits) {
    float[] l = logits.clone();
    applyRepeatPenalty(l);
    if (s.temperature() <= 0) {
      return argmax(l);
    }
    Candidates c = Candidates.sorted(l, s.topK());
    c.topP(s.topP());
    c.minP(s.minP());
    double[] p = c.softmax(s.temperature());
    double u = random.nextDouble();
    double acc = 0;
    for (int i = 0; i < c.size; i++) {
      acc += p[i];
      if (u < acc) {
        return c.ids[i];
      }
    }
    return c.ids[c.size - 1];
  }

  /** The probabilities the sampler would draw from, over the full vocabulary (for tests and reports). */
  public double[] distribution(float[] logits) {
    float[] l = logits.clone();
    applyRepeatPenalty(l);
    double[] full = new double[l.length];
    if (s.temperature() <= 0) {
      full[argmax(l)] = 1;
      return full;
    }
    Candidates c = Candidates.sorted(l, s.topK());
    c.topP(s.topP());
    c.minP(s.minP());
    double[] p = c.softmax(s.temperature());
    for (int i = 0; i < c.size; i++) {
      full[c.ids[i]] = p[i];
    }
    return full;
  }

  private void applyRepeatPenalty(float[] l) {
    if (s.repeatPenalty() == 1.0 || recentCount == 0) {
      return;
    }
    int[] seen = Arrays.copyOf(recent, recentCount);
    Arrays.sort(seen);
    float penalty = (float) s.repeatPenalty();
    for (int i = 0; i < seen.length; i++) {
      if (i > 0 && seen[i] == seen[i - 1]) {
        continue;
      }
      int t = seen[i];
      if (t >= 0 && t < l.length) {
        l[t] = l[t] <= 0 ? l[t] * penalty : l[t] / penalty;
      }
    }
  }

  static int argmax(float[] l) {
    int best = 0;
    for (int i = 1; i < l.length; i++) {
      if (l[i] > l[best]) {
        best = i;
      }
    }
    return best;
  }

  /** Candidate tokens sorted by descending logit. */
  private static final class Candidates {
    int[] ids;
    float[] logits;
    int size;

    /**
     * The top {@code topK} (all when topK ≤ 0) tokens by descending logit, ties by ascending id.
     * Each token is packed into a long whose ascending order is that order, so selection and
     * sorting run on primitives: a bounded heap for top-k, a full sort otherwise.
     */
    static Candidates sorted(float[] l, int topK) {
      int k = topK > 0 ? Math.min(topK, l.length) : l.length;
      long[] best;
      if (k == l.length) {
        best = new long[l.length];
        for (int i = 0; i < l.length; i++) {
          best[i] = pack(l[i], i);
        }
      } else {
        // Max-heap (by packed value) of the k smallest packed values seen so far.
        best = new long[k];
        for (int i = 0; i < k; i++) {
          best[i] = pack(l[i], i);
          siftUp(best, i);
        }
        for (int i = k; i < l.length; i++) {
          long p = pack(l[i], i);
          if (p < best[0]) {
            best[0] = p;
            siftDown(best, k);
          }
        }
      }
      Arrays.sort(best);
      Candidates c = new Candidates();
      c.size = k;
      c.ids = new int[k];
      c.logits = new float[k];
      for (int i = 0; i < k; i++) {
        c.ids[i] = (int) best[i];
        c.logits[i] = l[c.ids[i]];
      }
      return c;
    }

    private static long pack(float logit, int id) {
      int bits = Float.floatToIntBits(logit);
      int key = bits ^ ((bits >> 31) & 0x7fffffff); // monotone in the float's value
      return ((long) ~key << 32) | id;
    }

    private static void siftUp(long[] h, int i) {
      while (i > 0) {
        int parent = (i - 1) / 2;
        if (h[parent] >= h[i]) {
          return;
        }
        long t = h[parent];
        h[parent] = h[i];
        h[i] = t;
        i = parent;
      }
    }

    private static void siftDown(long[] h, int n) {
      int i = 0;
      while (true) {
        int left = 2 * i + 1;
        if (left >= n) {
          return;
        }
        int largest = left + 1 < n && h[left + 1] > h[left] ? left + 1 : left;
        if (h[i] >= h[largest]) {
          return;
        }
        long t = h[i];
        h[i] = h[largest];
        h[largest] = t;
        i = largest;
      }
    }

    double[] softmax(double temperature) {
      double[] p = new double[size];
      double max = logits[0];
      double sum = 0;
      for (int i = 0; i < size; i++) {
        p[i] = Math.exp((logits[i] - max) / temperature);
        sum += p[i];
      }
      for (int i = 0; i < size; i++) {
        p[i] /= sum;
      }
      return p;
    }

    /** llama.cpp computes top-p on the untempered softmax and keeps at least one token. */
    void topP(double topP) {
      if (topP >= 1) {
        return;
      }
      double[] p = softmax(1);
      double cum = 0;
      for (int i = 0; i < size; i++) {
        cum += p[i];
        if (cum >= topP) {
          size = i + 1;
          return;
        }
      }
    }

    /** Keeps tokens with p ≥ minP·p_max, i.e. logit ≥ max + ln(minP) (untempered, as llama.cpp). */
    void minP(double minP) {
      if (minP <= 0) {
        return;
      }
      double threshold = logits[0] + Math.log(minP);
      int keep = 1;
      while (keep < size && logits[keep] >= threshold) {
        keep++;
      }
      size = keep;
    }
  }
}
