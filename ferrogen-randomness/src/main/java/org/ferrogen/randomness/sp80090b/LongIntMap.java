package org.ferrogen.randomness.sp80090b;

import java.util.Arrays;

/**
 * Open-addressing hash map from non-negative long keys to int values, without boxing. A key and its
 * value sit next to each other in one array, so that a probe of a large map (the context tries of
 * 10^6 samples hold millions of entries) costs one cache miss, not two.
 */
final class LongIntMap {
  static final int MISSING = Integer.MIN_VALUE;
  private static final long EMPTY = -1L;

  /** Slot i: key at [2 i], value at [2 i + 1]. */
  private long[] slots;
  private int size;
  private int mask;

  LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    slots = emptySlots(cap);
    mask = cap - 1;
  }

  private static long[] emptySlots(int cap) {
    long[] s = new long[2 * cap];
    Arrays.fill(s, EMPTY);
    return s;
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** The slot holding {@code key}, or the empty slot where it would be entered (linear probing). */
  private int slot(long key) {
    int i = mix(key) & mask;
    while (true) {
      long k = slots[2 * i];
      if (k == key || k == EMPTY) {
        return i;
      }
      i = (i + 1) & mask;
    }
  }

  int get(long key) {
    int i = slot(key);
    return slots[2 * i] == EMPTY ? MISSING : (int) slots[2 * i + 1];
  }

  /**
   * Adds one to the value of {@code key}; a missing key is entered with value 1 when
   * {@code mayCreate}, else left out. Returns the new value, or {@link #MISSING}.
   */
  int increment(long key, boolean mayCreate) {
    int i = slot(key);
    if (slots[2 * i] != EMPTY) {
      return (int) ++slots[2 * i + 1];
    }
    if (!mayCreate) {
      return MISSING;
    }
    insertAt(i, key, 1);
    return 1;
  }

  /** The value of {@code key}; a missing key is entered with {@code value}, which is returned. */
  int getOrPut(long key, int value) {
    int i = slot(key);
    if (slots[2 * i] != EMPTY) {
      return (int) slots[2 * i + 1];
    }
    insertAt(i, key, value);
    return value;
  }

  void put(long key, int value) {
    int i = slot(key);
    if (slots[2 * i] != EMPTY) {
      slots[2 * i + 1] = value;
    } else {
      insertAt(i, key, value);
    }
  }

  private void insertAt(int i, long key, int value) {
    slots[2 * i] = key;
    slots[2 * i + 1] = value;
    if (++size * 2 > mask + 1) {
      grow();
    }
  }

  private void grow() {
    long[] old = slots;
    int cap = (mask + 1) * 2;
    slots = emptySlots(cap);
    mask = cap - 1;
    size = 0;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != EMPTY) {
        put(old[i], (int) old[i + 1]);
      }
    }
  }
}
