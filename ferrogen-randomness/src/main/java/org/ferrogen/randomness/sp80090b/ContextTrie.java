package org.ferrogen.randomness.sp80090b;

import java.util.Arrays;

/**
 * Contexts (strings of earlier symbols) and, per context, the counts of the symbols that followed
 * it: the dictionaries of the MultiMMC and LZ78Y predictors for non-binary data. A context of
 * length m+1 is the child of its length-m suffix under the symbol one step further back, so the
 * contexts ending at one position are found with one probe per length. A node may exist only as a
 * path to a longer context; {@link #inDictionary} says whether the predictor entered it.
 *
 * <p>Every step visits the contexts of length 1 and 2, and on random 8-bit data hardly any longer
 * one, so these are laid out for the cache rather than hashed: the nodes of all 256 contexts of
 * length 1 and all 65,536 of length 2 exist from the start with computed ids (1 + a and
 * 257 + 256 a + b), the follower counts of length-1 contexts are a dense table, and a node's
 * membership, best count and best symbol share one cache line. On 10^6 eight-bit samples this
 * takes MultiMMC from about seven cache misses per step to about three (docs/performance.md).
 *
 * <p>Once MultiMMC's dictionaries are full, a step on random 8-bit data still counts a follower of
 * its length-2 context and looks for its length-3 context. Those keys have maps of their own, at
 * most some 10^5 entries each (a few MiB, within the caches' and the TLB's reach), rather than
 * sharing the maps of all longer contexts (10^6 entries and more, 64 MiB each): literal MultiMMC
 * on 10^6 eight-bit samples takes 0.2 s less CPU under C1.
 *
 * <p>A longer context's first child and first follower count are kept with the node, and only
 * further ones go to the maps. While MultiMMC's dictionaries fill, every step makes a chain of new
 * contexts, each the only child of the one before, with one follower: consecutive nodes, whose
 * records share cache lines, instead of some 30 probes of the big maps scattered over 10^8 bytes
 * (literal MultiMMC on 10^6 eight-bit samples: 0.4 to 0.25 s of CPU under C1).
 */
final class ContextTrie {
  static final int NONE = -1;
  static final int ROOT = 0;

  private static final int SYMBOLS = 256;
  /** First id of a length-2 context; ids 1..256 are the length-1 contexts. */
  private static final int FIRST_PAIR = 1 + SYMBOLS;
  /** First id of a hashed (longer) context. */
  private static final int FIRST_HASHED = FIRST_PAIR + SYMBOLS * SYMBOLS;

  private final LongIntMap children;
  private final LongIntMap postfixCounts;
  /** Children and follower counts of the length-2 contexts. */
  private final LongIntMap pairChildren;
  private final LongIntMap pairCounts;
  /** Follower counts of the root and the length-1 contexts: [node * 256 + symbol]. */
  private final int[] shortCounts = new int[FIRST_PAIR * SYMBOLS];
  /** Per node: [2 node] the best count, [2 node + 1] the best symbol, plus MEMBER once entered. */
  private int[] info = new int[4 * FIRST_HASHED];
  /**
   * Per longer node, from 4 (node - FIRST_HASHED): its first child's symbol + 1 (0: no child yet)
   * and id, its first follower + 1 (0: none yet) and that follower's count.
   */
  private int[] firsts = new int[4 << 12];
  private int nodes = FIRST_HASHED;

  private static final int MEMBER = 1 << 8;

  /**
   * A trie expected to hold about {@code expectedEntries} longer contexts and as many follower
   * pairs (the maps are sized for them up front instead of growing through rehashes).
   */
  ContextTrie(int expectedEntries) {
    // Only a longer context's second and later children and followers are in these maps.
    children = new LongIntMap(Math.max(1 << 12, expectedEntries / 4));
    postfixCounts = new LongIntMap(Math.max(1 << 12, expectedEntries / 4));
    // The predictors enter at most 100,000 contexts or pairs per length (MultiMMC's limit).
    int pairEntries = Math.max(1 << 12, Math.min(expectedEntries, 100_000));
    pairChildren = new LongIntMap(pairEntries);
    pairCounts = new LongIntMap(pairEntries);
  }

  int child(int node, int symbol) {
    if (node == NONE) {
      return NONE;
    }
    if (node < FIRST_PAIR) {
      return node == ROOT ? 1 + symbol : FIRST_PAIR + ((node - 1) << 8 | symbol);
    }
    LongIntMap map = pairChildren;
    if (node >= FIRST_HASHED) {
      int f = (node - FIRST_HASHED) << 2;
      if (firsts[f] == symbol + 1) {
        return firsts[f + 1];
      }
      if (firsts[f] == 0) {
        return NONE;
      }
      map = children;
    }
    int c = map.get(((long) node << 8) | symbol);
    return c == LongIntMap.MISSING ? NONE : c;
  }

  int childOrCreate(int node, int symbol) {
    if (node < FIRST_PAIR) {
      return child(node, symbol);
    }
    int c;
    if (node < FIRST_HASHED) {
      c = pairChildren.getOrPut(((long) node << 8) | symbol, nodes);
    } else {
      int f = (node - FIRST_HASHED) << 2;
      if (firsts[f] == symbol + 1) {
        return firsts[f + 1];
      }
      if (firsts[f] == 0) {
        firsts[f] = symbol + 1;
        firsts[f + 1] = nodes;
        c = nodes;
      } else {
        c = children.getOrPut(((long) node << 8) | symbol, nodes);
      }
    }
    if (c == nodes) {
      nodes++;
      if (2 * c + 1 >= info.length) {
        info = Arrays.copyOf(info, info.length * 2);
      }
      if (((c - FIRST_HASHED + 1) << 2) > firsts.length) {
        firsts = Arrays.copyOf(firsts, firsts.length * 2);
      }
    }
    return c;
  }

  boolean inDictionary(int node) {
    return node != NONE && (info[2 * node + 1] & MEMBER) != 0;
  }

  void enter(int node) {
    info[2 * node + 1] |= MEMBER;
  }

  /** The predicted symbol: the most frequent follower, the larger symbol on ties. */
  int prediction(int node) {
    return info[2 * node + 1] & (MEMBER - 1);
  }

  /** Count of the predicted symbol. */
  int predictionCount(int node) {
    return info[2 * node];
  }

  /**
   * Counts one more {@code symbol} after the context; creates the pair only when allowed. Returns
   * whether a new pair was created.
   */
  boolean increment(int node, int symbol, boolean mayCreate) {
    int count;
    if (node < FIRST_PAIR) {
      int at = node * SYMBOLS + symbol;
      if (shortCounts[at] == 0 && !mayCreate) {
        return false;
      }
      count = ++shortCounts[at];
    } else if (node < FIRST_HASHED) {
      count = pairCounts.increment(((long) node << 8) | symbol, mayCreate);
      if (count == LongIntMap.MISSING) {
        return false;
      }
    } else {
      int f = ((node - FIRST_HASHED) << 2) + 2;
      if (firsts[f] == symbol + 1) {
        count = ++firsts[f + 1];
      } else if (firsts[f] == 0) {
        if (!mayCreate) {
          return false;
        }
        firsts[f] = symbol + 1;
        count = firsts[f + 1] = 1;
      } else {
        count = postfixCounts.increment(((long) node << 8) | symbol, mayCreate);
        if (count == LongIntMap.MISSING) {
          return false;
        }
      }
    }
    int best = info[2 * node];
    if (count > best || (count == best && symbol > prediction(node))) {
      info[2 * node] = count;
      info[2 * node + 1] = (info[2 * node + 1] & MEMBER) | symbol;
    }
    return count == 1;
  }
}
