package org.ferrogen.randomness.sp80090b;

import java.util.Arrays;

/**
 * Contexts (strings of earlier symbols) and, per context, the counts of the symbols that followed
 * it: the dictionaries of the MultiMMC and LZ78Y predictors for non-binary data. A context of
 * length m+1 is the child of its length-m suffix under the symbol one step further back, so the
 * contexts ending at one position are found with one hash probe per length. A node may exist only
 * as a path to a longer context; {@link #inDictionary} says whether the predictor entered it.
 */
final class ContextTrie {
  static final int NONE = -1;

  private final LongIntMap children = new LongIntMap(1 << 16);
  private final LongIntMap postfixCounts = new LongIntMap(1 << 16);
  private boolean[] member = new boolean[1 << 12];
  private int[] bestCount = new int[1 << 12];
  private int[] bestSymbol = new int[1 << 12];
  private int nodes = 1; // node 0 is the empty context

  static final int ROOT = 0;

  int child(int node, int symbol) {
    if (node == NONE) {
      return NONE;
    }
    int c = children.get(((long) node << 8) | symbol);
    return c == LongIntMap.MISSING ? NONE : c;
  }

  int childOrCreate(int node, int symbol) {
    long key = ((long) node << 8) | symbol;
    int c = children.get(key);
    if (c != LongIntMap.MISSING) {
      return c;
    }
    c = nodes++;
    if (c >= member.length) {
      int cap = member.length * 2;
      member = Arrays.copyOf(member, cap);
      bestCount = Arrays.copyOf(bestCount, cap);
      bestSymbol = Arrays.copyOf(bestSymbol, cap);
    }
    children.put(key, c);
    return c;
  }

  boolean inDictionary(int node) {
    return node != NONE && member[node];
  }

  void enter(int node) {
    member[node] = true;
  }

  /** The predicted symbol: the most frequent follower, the larger symbol on ties. */
  int prediction(int node) {
    return bestSymbol[node];
  }

  /** Count of the predicted symbol. */
  int predictionCount(int node) {
    return bestCount[node];
  }

  /**
   * Counts one more {@code symbol} after the context; creates the pair only when allowed. Returns
   * whether a new pair was created.
   */
  boolean increment(int node, int symbol, boolean mayCreate) {
    int count = postfixCounts.increment(((long) node << 8) | symbol, mayCreate);
    if (count == LongIntMap.MISSING) {
      return false;
    }
    boolean created = count == 1;
    if (count > bestCount[node] || (count == bestCount[node] && symbol > bestSymbol[node])) {
      bestCount[node] = count;
      bestSymbol[node] = symbol;
    }
    return created;
  }
}
