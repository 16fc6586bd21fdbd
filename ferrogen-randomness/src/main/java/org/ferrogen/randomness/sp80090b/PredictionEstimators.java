package org.ferrogen.randomness.sp80090b;

import static org.ferrogen.randomness.sp80090b.Numerics.Z_ALPHA;
import static org.ferrogen.randomness.sp80090b.Numerics.log2;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The predictor estimators of SP 800-90B: MultiMCW (6.3.7), lag (6.3.8), MultiMMC (6.3.9) and
 * LZ78Y (6.3.10), reproducing NIST's {@code ea_non_iid} including its tie rules, dictionary
 * limits and start-up order. Dictionaries are primitive arrays (binary data) or a context trie on
 * primitive hash maps (other data).
 */
public final class PredictionEstimators {

  private static final int[] MCW_WINDOWS = {63, 255, 1023, 4095};
  private static final int LAG_DEPTH = 128;
  private static final int MMC_DEPTH = 16;
  private static final int MMC_MAX_ENTRIES = 100_000;
  private static final int LZ78Y_B = 16;
  private static final int LZ78Y_MAX_DICTIONARY = 65_536;

  private PredictionEstimators() {}

  /** Section 6.3.7; null when there are too few samples (at most 4095). */
  public static EstimatorResult multiMcw(byte[] data, int k, Domain domain) {
    int len = data.length;
    int nw = MCW_WINDOWS.length;
    if (len < MCW_WINDOWS[nw - 1] + 1) {
      return null;
    }
    if (k == 2) {
      return binaryMultiMcw(data, domain);
    }
    long n = len - MCW_WINDOWS[0];
    int winner = 0;
    long c = 0;
    long run = 0;
    long maxRun = 0;
    long[] scoreboard = new long[nw];
    int[] maxCounts = new int[nw];
    int[][] counts = new int[nw][k];
    int[][] positions = new int[nw][k];
    int[] frequent = new int[nw];
    for (int i = 0; i < MCW_WINDOWS[nw - 1]; i++) {
      int s = data[i] & 0xFF;
      for (int j = 0; j < nw; j++) {
        if (i < MCW_WINDOWS[j]) {
          if (maxCounts[j] <= ++counts[j][s]) {
            maxCounts[j] = counts[j][s];
            frequent[j] = s;
          }
          positions[j][s] = i;
        }
      }
    }
    for (int i = MCW_WINDOWS[0]; i < len; i++) {
      int s = data[i] & 0xFF;
      if (frequent[winner] == s) {
        c++;
        if (++run > maxRun) {
          maxRun = run;
        }
      } else {
        run = 0;
      }
      for (int j = 0; j < nw; j++) {
        if (i >= MCW_WINDOWS[j] && frequent[j] == s) {
          if (++scoreboard[j] >= scoreboard[winner]) {
            winner = j;
          }
        }
      }
      for (int j = 0; j < nw; j++) {
        int w = MCW_WINDOWS[j];
        if (i < w) {
          continue;
        }
        int[] cnt = counts[j];
        int[] pos = positions[j];
        int out = data[i - w] & 0xFF;
        cnt[out]--;
        cnt[s]++;
        pos[s] = i;
        if (out != frequent[j] && maxCounts[j] <= cnt[s]) {
          maxCounts[j] = cnt[s];
          frequent[j] = s;
        } else if (out == frequent[j]) {
          maxCounts[j]--;
          int maxPos = i - w;
          for (int y = 0; y < k; y++) {
            if (maxCounts[j] < cnt[y] || (maxCounts[j] == cnt[y] && maxPos <= pos[y])) {
              maxCounts[j] = cnt[y];
              frequent[j] = y;
              maxPos = pos[y];
            }
          }
        }
      }
    }
    return predictionResult("MultiMCW Prediction", domain, c, n, maxRun, k);
  }

  /**
   * MultiMCW on binary samples. A window is only consulted once it is full, and every window size
   * is odd, so its most common value is simply its majority and the tool's tie rule (the most
   * recent symbol wins) never applies: a count of ones per window replaces the per-symbol counts
   * and positions of the general path, with the same predictions. The windows' predictions do not
   * depend on the scoreboard, so each window runs over a chunk of steps on its own (without a
   * branch), recording which steps it predicted right, and {@link ScoreboardRace} replays the
   * scoreboard 64 steps at a time.
   */
  private static EstimatorResult binaryMultiMcw(byte[] data, Domain domain) {
    int len = data.length;
    int nw = MCW_WINDOWS.length;
    int[] ones = new int[nw]; // ones in window j; its majority is 1 when 2·ones > w (never equal)
    for (int j = 0; j < nw; j++) {
      int w = MCW_WINDOWS[j];
      for (int i = 0; i < w; i++) {
        ones[j] += data[i];
      }
    }
    ScoreboardRace race = new ScoreboardRace(nw);
    long[][] hits = new long[nw][MCW_CHUNK_BLOCKS];
    long[] blockHits = new long[nw];
    // Blocks of 64 steps from the first prediction (step 63) on.
    for (int from = MCW_WINDOWS[0]; from < len; from += MCW_CHUNK_BLOCKS * 64) {
      int to = (int) Math.min(len, from + MCW_CHUNK_BLOCKS * 64L);
      for (int j = 0; j < nw; j++) {
        ones[j] = mcwWindow(data, from, to, MCW_WINDOWS[j], ones[j], hits[j]);
      }
      for (int block = 0, at = from; at < to; block++, at += 64) {
        for (int j = 0; j < nw; j++) {
          blockHits[j] = hits[j][block];
        }
        race.block(blockHits, null, nw, Math.min(64, to - at));
      }
    }
    return predictionResult(
        "MultiMCW Prediction", domain, race.correct(), len - MCW_WINDOWS[0], race.maxRun(), 2);
  }

  /** Steps per chunk of binary MultiMCW, in 64-step blocks. */
  private static final int MCW_CHUNK_BLOCKS = 64;

  /**
   * Window w of binary MultiMCW over steps [from, to): sets bit (i - from) of {@code hitsOut} where
   * the window's majority (consulted from step w on, once the window is full) equals the sample.
   * {@code ones} counts the ones in the window before step max(from, w); returns the count after.
   */
  private static int mcwWindow(byte[] data, int from, int to, int w, int ones, long[] hitsOut) {
    java.util.Arrays.fill(hitsOut, 0L);
    int count = ones;
    long word = 0;
    for (int i = Math.max(from, w); i < to; i++) {
      int s = data[i];
      int majority = (w - 2 * count) >>> 31; // 2·count > w
      int off = i - from;
      word |= (long) (majority ^ s ^ 1) << off;
      count += s - data[i - w];
      if ((off & 63) == 63 || i == to - 1) {
        hitsOut[off >>> 6] = word;
        word = 0;
      }
    }
    return count;
  }

  /** Section 6.3.8: predictors "same as d steps back", d = 1..128. */
  public static EstimatorResult lag(byte[] data, int k, Domain domain) {
    int len = data.length;
    if (len < 3) {
      return null;
    }
    if (k == 2) {
      return binaryLag(data, domain);
    }
    long[] scoreboard = new long[LAG_DEPTH];
    int winner = 0;
    long run = 0;
    long maxRun = 0;
    long correct = 0;
    long highScore = 0;
    // Per symbol, a ring of its most recent positions (at most 128); start/end count modulo 256
    // so that a full ring is distinguishable from an empty one.
    int[] ring = new int[k * LAG_DEPTH];
    int[] start = new int[k];
    int[] end = new int[k];
    int s0 = data[0] & 0xFF;
    ring[s0 * LAG_DEPTH] = 0;
    end[s0] = 1;
    for (int i = 1; i < len; i++) {
      int s = data[i] & 0xFF;
      if (s == (data[i - winner - 1] & 0xFF)) {
        correct++;
        if (++run > maxRun) {
          maxRun = run;
        }
      } else {
        run = 0;
      }
      int base = s * LAG_DEPTH;
      if (start[s] != end[s]) {
        int idx = end[s];
        int cutoff = i >= LAG_DEPTH ? i - LAG_DEPTH : 0;
        do {
          idx = (idx - 1) & 0xFF;
          int pos = ring[base + (idx & (LAG_DEPTH - 1))];
          if (pos >= cutoff) {
            int offset = i - pos - 1;
            long score = ++scoreboard[offset];
            if (score >= highScore) {
              winner = offset;
              highScore = score;
            }
          } else {
            start[s] = (idx + 1) & 0xFF;
            break;
          }
        } while (idx != start[s]);
      }
      if (((end[s] - start[s]) & 0xFF) == LAG_DEPTH) {
        start[s] = (start[s] + 1) & 0xFF;
      }
      ring[base + (end[s] & (LAG_DEPTH - 1))] = i;
      end[s] = (end[s] + 1) & 0xFF;
    }
    return predictionResult("Lag Prediction", domain, correct, len - 1, maxRun, k);
  }

  /**
   * The lag predictor on bits, 64 steps at a time: the hits of lag d over a block are the
   * complement of the block XOR the block d+1 bits earlier, read from a packed copy of the data.
   */
  private static EstimatorResult binaryLag(byte[] data, Domain domain) {
    int len = data.length;
    long[] packed = new long[(len >>> 6) + 2];
    for (int q = 0; q << 6 < len; q++) {
      // One word at a time in a register, not a read-modify-write of the array per bit.
      long word = 0;
      for (int b = 0, t = q << 6; b < 64 && t < len; b++, t++) {
        word |= (long) (data[t] & 1) << b;
      }
      packed[q] = word;
    }
    ScoreboardRace race = new ScoreboardRace(LAG_DEPTH);
    long[] hits = new long[LAG_DEPTH];
    for (int t0 = 1; t0 < len; t0 += 64) {
      int steps = Math.min(64, len - t0);
      long mask = steps == 64 ? -1L : (1L << steps) - 1;
      if (t0 >= LAG_DEPTH) {
        // Blocks start one bit after a word (t0 = 64 q + 1), so the block d+1 bits back starts
        // 64 q - d: word q shifted up by d over the top d bits of word q-1 (and likewise one word
        // further back for d >= 64): two shifts per lag, and no branch on the bit offset.
        int q = t0 >>> 6;
        long now = (packed[q] >>> 1) | (packed[q + 1] << 63);
        long w0 = packed[q];
        long w1 = packed[q - 1];
        long w2 = packed[q - 2];
        hits[0] = ~(now ^ w0) & mask;
        for (int d = 1; d < 64; d++) {
          hits[d] = ~(now ^ ((w0 << d) | (w1 >>> (64 - d)))) & mask;
        }
        hits[64] = ~(now ^ w1) & mask;
        for (int d = 65; d < LAG_DEPTH; d++) {
          hits[d] = ~(now ^ ((w1 << (d - 64)) | (w2 >>> (128 - d)))) & mask;
        }
      } else {
        // Start-up: lag d exists only from step d+1 on.
        for (int d = 0; d < LAG_DEPTH; d++) {
          long h = 0;
          for (int b = 0; b < steps; b++) {
            int i = t0 + b;
            if (d < i && data[i] == data[i - d - 1]) {
              h |= 1L << b;
            }
          }
          hits[d] = h;
        }
      }
      race.block(hits, null, LAG_DEPTH, steps);
    }
    return predictionResult(
        "Lag Prediction", domain, race.correct(), len - 1, race.maxRun(), 2);
  }

  /** Section 6.3.9: Markov models of orders 1..16 with counting; null when fewer than 3 samples. */
  public static EstimatorResult multiMmc(byte[] data, int k, Domain domain) {
    if (data.length < 3) {
      return null;
    }
    return k == 2 ? binaryMultiMmc(data, domain) : generalMultiMmc(data, k, domain);
  }

  /**
   * MultiMMC on bits. The dictionaries evolve independently of the scoreboard, so each step only
   * records which orders predicted and which were right; {@link ScoreboardRace} then replays the
   * scoreboard 64 steps at a time. Within a step, order d depends on order d-1 only through
   * whether d-1 predicted (the tool's "found" chain), so the steps are taken in chunks, one order
   * at a time over the whole chunk: each pass touches one table (at most 512 KiB) instead of all
   * sixteen per step, in a short loop whose one data-dependent choice is computed without a branch
   * (docs/performance.md has the measurements).
   */
  private static EstimatorResult binaryMultiMmc(byte[] s, Domain domain) {
    int len = s.length;
    int[][] dict = new int[MMC_DEPTH][];
    for (int d = 0; d < MMC_DEPTH; d++) {
      dict[d] = new int[1 << (d + 2)];
    }
    int[] elems = new int[MMC_DEPTH];
    int[] unseen = new int[MMC_DEPTH]; // contexts of order d never seen
    int history = 0;
    for (int d = 0; d < MMC_DEPTH; d++) {
      unseen[d] = 2 << d;
      if (d + 1 < len) {
        history = (history << 1) | (s[d] & 1);
        dict[d][((history & ((1 << (d + 1)) - 1)) << 1) + (s[d + 1] & 1)] = 1;
        elems[d] = 1;
        unseen[d]--;
      }
    }
    ScoreboardRace race = new ScoreboardRace(MMC_DEPTH);
    long[][] hits = new long[MMC_DEPTH][MMC_CHUNK_BLOCKS];
    long[][] made = new long[MMC_DEPTH][MMC_CHUNK_BLOCKS];
    long[] blockHits = new long[MMC_DEPTH];
    long[] blockMade = new long[MMC_DEPTH];
    // Blocks of 64 steps from step 2 on, as the step-by-step form flushed them.
    for (int from = 2; from < len; from += MMC_CHUNK_BLOCKS * 64) {
      int to = (int) Math.min(len, from + MMC_CHUNK_BLOCKS * 64L);
      for (int d = 0; d < MMC_DEPTH; d++) {
        elems[d] = mmcOrder(s, from, to, d, dict[d], elems[d], unseen,
            d == 0 ? null : made[d - 1], hits[d], made[d]);
      }
      for (int block = 0, at = from; at < to; block++, at += 64) {
        for (int d = 0; d < MMC_DEPTH; d++) {
          blockHits[d] = hits[d][block];
          blockMade[d] = made[d][block];
        }
        race.block(blockHits, blockMade, MMC_DEPTH, Math.min(64, to - at));
      }
    }
    return predictionResult(
        "MultiMMC Prediction", domain, race.correct(), len - 2, race.maxRun(), 2);
  }

  /** Steps per chunk of binary MultiMMC, in 64-step blocks: the chunk's masks stay in L1. */
  private static final int MMC_CHUNK_BLOCKS = 64;

  /**
   * Order d of binary MultiMMC over steps [from, to): predicts each step from the d+1 bits before
   * it when order d-1 predicted it too ({@code chainMade}, null for d = 0), updates the table, and
   * writes the chunk's masks of steps predicted ({@code madeOut}) and predicted right
   * ({@code hitsOut}). Returns the order's new entry count; {@code unseen[d]} counts the
   * order's contexts not seen yet.
   */
  private static int mmcOrder(byte[] s, int from, int to, int d, int[] table, int entries,
      int[] unseen, long[] chainMade, long[] hitsOut, long[] madeOut) {
    java.util.Arrays.fill(hitsOut, 0L);
    java.util.Arrays.fill(madeOut, 0L);
    int start = Math.max(from, d + 2); // order d predicts from step d + 2 on
    if (start >= to) {
      return entries;
    }
    int mask = (2 << d) - 1;
    int history = 0; // s[i-1] in bit 0
    for (int m = d; m >= 0; m--) {
      history = (history << 1) | (s[start - 1 - m] & 1);
    }
    // The entry count of order d grows by pairs created (at most 2^(d+2)) and by steps where the
    // order below did not predict (each such step is the first visit of a context of a lower
    // order: fewer than 2^(d+1)), so below order 15 it never reaches the limit of 100,000. There,
    // on the steps of a 64-step word where the order below predicted every time, every step just
    // counts its symbol (setting an absent pair to 1 is counting it), without a branch.
    boolean unlimited = (4 << d) + (2 << d) < MMC_MAX_ENTRIES;
    int e = entries;
    for (int i = start; i < to; ) {
      int off = i - from;
      int word = off >>> 6;
      int end = Math.min(to, from + ((word + 1) << 6));
      int firstBit = off & 63;
      int steps = end - i;
      long span = (steps == 64 ? -1L : (1L << steps) - 1) << firstBit;
      long hitWord = 0;
      long madeWord = 0;
      if (unlimited && (chainMade == null || (chainMade[word] & span) == span) && unseen[d] == 0) {
        // Every context has been seen, so the order predicts every step (orders up to about 12
        // on random data after a few 10^4 steps): as below without tracking which contexts were
        // seen (8·10^6 bits: MultiMMC 15 % less CPU under C1).
        for (int b = firstBit; i < end; i++, b++) {
          int y = s[i] & 1;
          int at = (history & mask) << 1;
          int prediction = ((table[at + 1] - table[at]) >>> 31) ^ 1;
          hitWord |= (long) (prediction ^ y ^ 1) << b;
          table[at + y]++;
          history = (history << 1) | y;
        }
        madeWord = span;
      } else if (unlimited && (chainMade == null || (chainMade[word] & span) == span)) {
        int firstVisits = 0;
        for (int b = firstBit; i < end; i++, b++) {
          int y = s[i] & 1;
          int at = (history & mask) << 1;
          int c0 = table[at];
          int c1 = table[at + 1];
          int both = c0 | c1;
          int seen = (both | -both) >>> 31; // 1 when the context was seen, so the order predicts
          // The prediction is c0 > c1 ? 0 : 1 (counts are non-negative ints), a hit when it equals
          // y; without a branch, which on random bits would be mispredicted every other step.
          int prediction = ((c1 - c0) >>> 31) ^ 1;
          madeWord |= (long) seen << b;
          hitWord |= (long) ((prediction ^ y ^ 1) & seen) << b;
          firstVisits += seen ^ 1;
          table[at + y]++;
          history = (history << 1) | y;
        }
        unseen[d] -= firstVisits;
      } else if (e >= MMC_MAX_ENTRIES) {
        // The order's dictionary is full (order 15 on random data after some 2·10^5 steps):
        // nothing is entered any more, so a step counts y only where the order predicts and the
        // pair exists, which needs no branch (8·10^6 bits: MultiMMC 10 % less CPU under C1).
        long chain = chainMade == null ? -1L : chainMade[word];
        for (int b = firstBit; i < end; i++, b++) {
          int y = s[i] & 1;
          int at = (history & mask) << 1;
          int c0 = table[at];
          int c1 = table[at + 1];
          int both = c0 | c1;
          int predicts = ((both | -both) >>> 31) & (int) (chain >>> b);
          int prediction = ((c1 - c0) >>> 31) ^ 1;
          madeWord |= (long) predicts << b;
          hitWord |= (long) ((prediction ^ y ^ 1) & predicts) << b;
          int count = table[at + y];
          table[at + y] = count + (predicts & ((count | -count) >>> 31));
          history = (history << 1) | y;
        }
      } else {
        for (int b = firstBit; i < end; i++, b++) {
          int y = s[i] & 1;
          int at = (history & mask) << 1;
          long bit = 1L << b;
          boolean predicted = false;
          if (chainMade == null || (chainMade[word] & bit) != 0) {
            int c0 = table[at];
            int c1 = table[at + 1];
            if ((c0 | c1) != 0) {
              predicted = true;
              madeWord |= bit;
              int prediction = ((c1 - c0) >>> 31) ^ 1;
              hitWord |= (long) (prediction ^ y ^ 1) << b;
              if (table[at + y] != 0) {
                table[at + y]++;
              } else if (e < MMC_MAX_ENTRIES) {
                table[at + y] = 1;
                e++;
              }
            }
          }
          if (!predicted && e < MMC_MAX_ENTRIES) {
            if ((table[at] | table[at + 1]) == 0) {
              unseen[d]--;
            }
            // The tool sets (not increments) the pair here, even if an earlier pass created it.
            table[at + y] = 1;
            e++;
          }
          history = (history << 1) | y;
        }
      }
      hitsOut[word] = hitWord;
      madeOut[word] = madeWord;
    }
    return e;
  }


  private static EstimatorResult generalMultiMmc(byte[] data, int k, Domain domain) {
    int len = data.length;
    long n = len - 2;
    long[] scoreboard = new long[MMC_DEPTH];
    int[] entries = new int[MMC_DEPTH];
    int winner = 0;
    long c = 0;
    long run = 0;
    long maxRun = 0;
    // Each order enters at most one context per step, and no more than its entry limit.
    ContextTrie trie = new ContextTrie(Math.min(len, MMC_MAX_ENTRIES) * MMC_DEPTH);
    for (int d = 0; d < MMC_DEPTH; d++) {
      if (d < n) {
        int node = contextOrCreate(trie, data, d + 1, d);
        trie.enter(node);
        trie.increment(node, data[d + 1] & 0xFF, true);
        entries[d] = 1;
      }
    }
    for (int i = 2; i < len; i++) {
      boolean found = false;
      int curWinner = winner;
      int y = data[i] & 0xFF;
      int node = ContextTrie.ROOT;
      boolean fresh = false; // node was created in this step, so it has no children to look up
      for (int d = 0; d < MMC_DEPTH && i - 2 >= d; d++) {
        int child = fresh ? ContextTrie.NONE : trie.child(node, data[i - d - 1] & 0xFF);
        fresh = false;
        if (d == 0 || found) {
          found = trie.inDictionary(child);
        }
        if (found) {
          if (trie.prediction(child) == y) {
            if (++scoreboard[d] >= scoreboard[winner]) {
              winner = d;
            }
            if (d == curWinner) {
              c++;
              if (++run > maxRun) {
                maxRun = run;
              }
            }
          } else if (d == curWinner) {
            run = 0;
          }
          if (trie.increment(child, y, entries[d] < MMC_MAX_ENTRIES)) {
            entries[d]++;
          }
        } else if (entries[d] < MMC_MAX_ENTRIES) {
          if (child == ContextTrie.NONE) {
            // The parent (this context less its oldest symbol) usually exists: one probe instead of
            // d + 1 from the root (same nodes, same order).
            fresh = node != ContextTrie.NONE;
            child = fresh
                ? trie.childOrCreate(node, data[i - d - 1] & 0xFF)
                : contextOrCreate(trie, data, i, d);
          }
          trie.enter(child);
          trie.increment(child, y, true);
          entries[d]++;
        }
        node = child;
      }
    }
    return predictionResult("MultiMMC Prediction", domain, c, n, maxRun, k);
  }

  /** The node of the context data[i-d-1 .. i-1], creating missing nodes along the path. */
  private static int contextOrCreate(ContextTrie trie, byte[] data, int i, int d) {
    int node = ContextTrie.ROOT;
    for (int m = 0; m <= d; m++) {
      node = trie.childOrCreate(node, data[i - m - 1] & 0xFF);
    }
    return node;
  }

  /** Section 6.3.10; null when there are too few samples (fewer than 18). */
  public static EstimatorResult lz78y(byte[] data, int k, Domain domain) {
    if (data.length < LZ78Y_B + 2) {
      return null;
    }
    return k == 2 ? binaryLz78y(data, domain, LZ78Y_MAX_DICTIONARY) : generalLz78y(data, k, domain);
  }

  /** Steps per chunk of binary LZ78Y once its dictionary is full. */
  private static final int LZ78Y_CHUNK = 4096;

  /**
   * LZ78Y on binary samples with one table of (next is 0, next is 1) counts per context length j
   * (the context as a j-bit index). While the dictionary grows, the context lengths of a step
   * compete for its last entries, so steps are taken one at a time as the tool does. Once it is
   * full (on random data after some 10^4 steps) no entry is created any more and every length
   * evolves on its own: the steps are then taken in chunks, one context length at a time over the
   * whole chunk (one table in cache at a time, a short loop without data-dependent branches), each
   * length offering its (count, prediction) to the chunk's per-step best, and the predictions are
   * scored in a last pass.
   *
   * <p>Most lengths need not be visited step by step at all. When, as the dictionary fills up,
   * every pair count of length j is at most that of its (j-1)-long suffix (up to a few contexts
   * far below length 1, {@link #lz78yDominated}), this stays so for good: a step that counts a
   * j-context also counts its suffix. Then no length counts more than length 1, the tool's choice
   * (the largest count, the longest context on ties) is the longest length whose count equals
   * length 1's, and lengths beyond the first one that never ties within a chunk cannot change its
   * predictions. Those are "deferred": the
   * chunk's 17-bit windows go to one histogram, added to their tables (folded down one length at
   * a time) only when a tie calls a deferred length in. On random data two lengths are visited
   * per step instead of sixteen (8·10^6 bits: 0.77 s to 0.2 s of CPU under C1, docs/performance.md).
   *
   * @param maxDictionary the tool's dictionary limit, 65,536; tests pass smaller ones to reach
   *     the states that a full dictionary of real data hardly ever gets into
   */
  static EstimatorResult binaryLz78y(byte[] s, Domain domain, int maxDictionary) {
    int len = s.length;
    int[][] counts = new int[LZ78Y_B + 1][];
    for (int j = 1; j <= LZ78Y_B; j++) {
      counts[j] = new int[1 << (j + 1)];
    }
    long run = 0;
    long maxRun = 0;
    long correct = 0;
    int elems = 0;
    int pattern = 0;
    for (int j = 0; j < LZ78Y_B; j++) {
      pattern |= (s[LZ78Y_B - j - 1] & 1) << j;
      counts[j + 1][((pattern & ((1 << (j + 1)) - 1)) << 1) + (s[LZ78Y_B] & 1)] = 1;
      elems++;
    }
    int window = 0;
    for (int m = 1; m < LZ78Y_B + 1; m++) {
      window = (window << 1) | (s[m] & 1);
    }
    int i = LZ78Y_B + 1;
    for (; i < len && elems < maxDictionary; i++) {
      // window holds s[i-16 .. i-1], s[i-1] in bit 0.
      int y = s[i] & 1;
      int step = lz78yGrowingStep(counts, window, y, elems, maxDictionary);
      elems = step >>> 2;
      if ((step & 3) == y) {
        correct++;
        if (++run > maxRun) {
          maxRun = run;
        }
      } else {
        run = 0;
      }
      window = ((window << 1) | y) & 0xFFFF;
    }
    // The dictionary is full from step i on. Lengths 1..visited are counted step by step, the
    // longer ones are deferred (only when the counts are dominated by their suffixes').
    int visited = i < len && lz78yDominated(counts) ? 2 : LZ78Y_B;
    int[] deferredWindows = new int[1 << (LZ78Y_B + 1)];
    boolean pending = false; // deferredWindows holds counts not yet added to the tables
    long[] best = new long[LZ78Y_CHUNK];
    for (int from = i; from < len; from += LZ78Y_CHUNK) {
      int to = Math.min(len, from + LZ78Y_CHUNK);
      java.util.Arrays.fill(best, 0L);
      boolean lastWon = false;
      for (int j = 1; j <= visited; j++) {
        lastWon = lz78yLength(s, from, to, j, counts[j], best);
      }
      // A step where the last visited length ties with length 1 may be won by a longer one.
      while (lastWon && visited < LZ78Y_B) {
        if (pending) {
          addDeferred(counts, visited + 1, deferredWindows);
          pending = false;
        }
        visited++;
        lastWon = lz78yLength(s, from, to, visited, counts[visited], best);
      }
      if (visited < LZ78Y_B) {
        countWindows(s, from, to, deferredWindows);
        pending = true;
      }
      for (int t = from; t < to; t++) {
        long b = best[t - from];
        if (b != 0 && (b & 1) == (s[t] & 1)) {
          correct++;
          if (++run > maxRun) {
            maxRun = run;
          }
        } else {
          run = 0;
        }
      }
    }
    return predictionResult("LZ78Y Prediction", domain, correct, len - LZ78Y_B - 1, maxRun, 2);
  }

  /**
   * One step of binary LZ78Y while the dictionary grows, as the tool takes it: every context
   * length from the longest down offers its prediction and counts y, or enters the dictionary while
   * there is room. A method of its own, so that a cold JVM compiles it after some hundred steps
   * instead of interpreting the whole growth (10^4 steps) while it compiles binaryLz78y.
   *
   * @param window s[i-16 .. i-1], s[i-1] in bit 0
   * @return the new entry count times 4 plus the prediction (2 for none)
   */
  private static int lz78yGrowingStep(int[][] counts, int window, int y, int elems,
      int maxDictionary) {
    int prediction = 2;
    int maxCount = 0;
    for (int j = LZ78Y_B; j > 0; j--) {
      int[] table = counts[j];
      int at = (window & ((1 << j) - 1)) << 1;
      int c0 = table[at];
      int c1 = table[at + 1];
      int count = Math.max(c0, c1);
      if (count != 0) {
        if (count > maxCount) {
          maxCount = count;
          prediction = c0 > c1 ? 0 : 1;
        }
        table[at + y]++;
      } else if (elems < maxDictionary) {
        table[at + y] = 1;
        elems++;
      }
    }
    return elems << 2 | prediction;
  }

  /**
   * Whether, for every context of length j, 2 <= j <= 16, each (context, next) count is at most
   * that of the context's (j-1)-long suffix with the same next symbol, or else each is below that
   * of its 1-long suffix. Once the dictionary is full a step counts a context only when it has been
   * seen, and then (by this) so has the suffix it is compared with, which the step counts too: the
   * property holds from then on, so no length ever counts more than length 1, and one that is not
   * as high as length 1 at a step has no longer length reaching length 1 there either. (The second
   * case covers the few contexts whose suffix found no room in the dictionary's last step.)
   */
  private static boolean lz78yDominated(int[][] counts) {
    int[] one = counts[1];
    for (int j = 2; j <= LZ78Y_B; j++) {
      int[] table = counts[j];
      int[] shorter = counts[j - 1];
      int suffix = (1 << j) - 1; // (j + 1)-bit index -> its low j bits
      for (int at = 0; at < table.length; at += 2) {
        int c0 = table[at];
        int c1 = table[at + 1];
        boolean belowSuffix = c0 <= shorter[at & suffix] && c1 <= shorter[(at + 1) & suffix];
        boolean belowOne = c0 < one[at & 3] && c1 < one[(at + 1) & 3];
        if (!belowSuffix && !belowOne) {
          return false;
        }
      }
    }
    return true;
  }

  /** Counts the 17-bit windows s[t-16 .. t] (s[t] in bit 0) of steps [from, to). */
  static void countWindows(byte[] s, int from, int to, int[] windows) {
    int w = 0;
    for (int m = LZ78Y_B; m > 0; m--) {
      w = (w << 1) | (s[from - m] & 1);
    }
    int mask = windows.length - 1;
    for (int t = from; t < to; t++) {
      w = ((w << 1) | (s[t] & 1)) & mask;
      windows[w]++;
    }
  }

  /**
   * Adds the deferred steps' counts (as 17-bit windows) to lengths {@code first}..16, at contexts
   * already seen (the only ones a full dictionary counts), and clears the windows. The (j+1)-bit
   * index of length j is a window's low j+1 bits, so halving the histogram moves it one length down.
   */
  static void addDeferred(int[][] counts, int first, int[] windows) {
    for (int j = LZ78Y_B; j >= first; j--) {
      int[] table = counts[j];
      int size = 2 << j;
      for (int at = 0; at < size; at += 2) {
        int c0 = table[at];
        int c1 = table[at + 1];
        if ((c0 | c1) != 0) {
          table[at] = c0 + windows[at];
          table[at + 1] = c1 + windows[at + 1];
        }
      }
      int half = size >>> 1;
      for (int x = 0; x < half; x++) {
        windows[x] += windows[x + half];
      }
    }
    java.util.Arrays.fill(windows, 0);
  }

  /**
   * Context length j of binary LZ78Y over steps [from, to) of a full dictionary: counts every step
   * under a context seen before and offers the context's (count, prediction) to {@code best}. The
   * tool takes the largest count, the longest context on ties; with each offer encoded as
   * (count, j, prediction) in one long, that is the largest offer, whatever order the lengths come in.
   * Returns whether some offer won its step.
   */
  static boolean lz78yLength(byte[] s, int from, int to, int j, int[] table, long[] best) {
    int mask = (1 << j) - 1;
    int context = 0; // s[t-1] in bit 0
    for (int m = j; m > 0; m--) {
      context = (context << 1) | (s[from - m] & 1);
    }
    boolean won = false;
    for (int t = from; t < to; t++) {
      int y = s[t] & 1;
      int at = (context & mask) << 1;
      int c0 = table[at];
      int c1 = table[at + 1];
      int diff = c1 - c0; // counts are non-negative ints
      int prediction = (diff >>> 31) ^ 1; // c0 > c1 ? 0 : 1
      int count = c0 + (diff & ~(diff >> 31)); // max(c0, c1)
      int seen = (count | -count) >>> 31; // 1 when the context was seen
      long offer = ((long) count << 6 | j << 1 | prediction) & -seen;
      if (offer > best[t - from]) {
        best[t - from] = offer;
        won = true;
      }
      table[at + y] += seen;
      context = (context << 1) | y;
    }
    return won;
  }

  private static EstimatorResult generalLz78y(byte[] data, int k, Domain domain) {
    int len = data.length;
    long n = len - LZ78Y_B - 1;
    long c = 0;
    long run = 0;
    long maxRun = 0;
    int dictSize = 0;
    ContextTrie trie = new ContextTrie(LZ78Y_MAX_DICTIONARY);
    for (int j = 1; j <= LZ78Y_B; j++) {
      int node = contextOrCreate(trie, data, LZ78Y_B, j - 1);
      trie.enter(node);
      trie.increment(node, data[LZ78Y_B] & 0xFF, true);
      dictSize++;
    }
    int[] path = new int[LZ78Y_B + 1];
    for (int i = LZ78Y_B + 1; i < len; i++) {
      int y = data[i] & 0xFF;
      path[0] = ContextTrie.ROOT;
      for (int j = 1; j <= LZ78Y_B; j++) {
        path[j] = trie.child(path[j - 1], data[i - j] & 0xFF);
      }
      boolean have = false;
      int prediction = 0;
      int maxCount = 0;
      for (int j = LZ78Y_B; j > 0; j--) {
        int node = path[j];
        if (trie.inDictionary(node)) {
          int count = trie.predictionCount(node);
          if (count > maxCount) {
            maxCount = count;
            prediction = trie.prediction(node);
            have = true;
          }
          trie.increment(node, y, true);
        } else if (dictSize < LZ78Y_MAX_DICTIONARY) {
          if (node == ContextTrie.NONE) {
            for (int m = 1; m <= j; m++) {
              if (path[m] == ContextTrie.NONE) {
                path[m] = trie.childOrCreate(path[m - 1], data[i - m] & 0xFF);
              }
            }
            node = path[j];
          }
          trie.enter(node);
          trie.increment(node, y, true);
          dictSize++;
        }
      }
      if (have && prediction == y) {
        c++;
        if (++run > maxRun) {
          maxRun = run;
        }
      } else {
        run = 0;
      }
    }
    return predictionResult("LZ78Y Prediction", domain, c, n, maxRun, k);
  }

  /**
   * The common final step of the predictors (section 6.3.7 steps 5-7 and alike): global accuracy
   * with its 99% upper bound, the local bound from the longest run of correct predictions when it
   * can change the result, and the min-entropy.
   */
  static EstimatorResult predictionResult(
      String name, Domain domain, long c, long n, long maxRun, int k) {
    double curMax = 1.0 / k;
    double pGlobal = (double) c / (double) n;
    double pGlobalPrime;
    if (pGlobal > 0) {
      pGlobalPrime =
          Math.min(1.0, pGlobal + Z_ALPHA * Math.sqrt((pGlobal * (1.0 - pGlobal)) / ((double) n - 1.0)));
    } else {
      pGlobalPrime = 1.0 - Math.pow(0.01, 1.0 / (double) n);
    }
    curMax = Math.max(curMax, pGlobalPrime);
    double pLocal = -1.0;
    long r = maxRun + 1;
    double logAlpha = Math.log(0.99);
    if (curMax < 1.0 && runProbabilityLog(curMax, r, n) > logAlpha) {
      pLocal = Numerics.bisect(p -> runProbabilityLog(p, r, n), logAlpha, curMax, 1.0, 1.0);
      curMax = Math.max(curMax, pLocal);
    }
    Map<String, Number> d = new LinkedHashMap<>();
    d.put("C", c);
    d.put("r", r);
    d.put("N", n);
    d.put("P_global", pGlobal);
    d.put("P_global'", pGlobalPrime);
    String note = "";
    if (pLocal > 0.0) {
      d.put("P_local", pLocal);
    } else {
      note = "P_local can't change the result.";
    }
    return new EstimatorResult(name, domain, -log2(curMax), d, note);
  }

  /**
   * log of the probability that N predictions with success probability p have no run of r
   * successes (SP 800-90B section 6.3.7 step 6, via the fixed point x of 1 + q p^r x^(r+1)).
   */
  static double runProbabilityLog(double p, long r, long n) {
    double q = 1.0 - p;
    double x = 1.0;
    double xlast = 0.0;
    double eps = Math.ulp(1.0);
    for (int i = 0; i <= 65 && (x - xlast) > (eps * x); i++) {
      xlast = x;
      x = 1.0 + q * Math.pow(p, r) * Math.pow(x, r + 1.0);
    }
    return Math.log(1.0 - p * x) - Math.log((r + 1.0 - r * x) * q) - (n + 1.0) * Math.log(x);
  }
}
