package org.ferrogen.randomness.sp80090b;

import java.util.Arrays;

/** Open-addressing hash map from non-negative long keys to int values, without boxing. */
final class LongIntMap {
  static final int MISSING = Integer.MIN_VALUE;
  private static final long EMPTY = -1L;

  private long[] keys;
  private int[] values;
  private int size;
  private int mask;

  LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[cap];
    Arrays.fill(keys, EMPTY);
    values = new int[cap];
    mask = cap - 1;
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  int get(long key) {
    int i = mix(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        return values[i];
      }
      if (k == EMPTY) {
        return MISSING;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Adds one to the value of {@code key}; a missing key is entered with value 1 when
   * {@code mayCreate}, else left out. Returns the new value, or {@link #MISSING}.
   */
  int increment(long key, boolean mayCreate) {
    int i = mix(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        return ++values[i];
      }
      if (k == EMPTY) {
        if (!mayCreate) {
          return MISSING;
        }
        keys[i] = key;
        values[i] = 1;
        if (++size * 2 > keys.length) {
          grow();
        }
        return 1;
      }
      i = (i + 1) & mask;
    }
  }

  void put(long key, int value) {
    int i = mix(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        values[i] = value;
        return;
      }
      if (k == EMPTY) {
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
          grow();
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    values = new int[oldValues.length * 2];
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }
}
