package org.ferrogen.randomness.sp80090b;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The packed open-addressing map against java.util.HashMap, through growth, at the key range's ends. */
class LongIntMapTest {

  @Property(tries = 50, seed = "20261203")
  void behavesAsAHashMap(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5_000) int expected) {
    SplittableRandom rng = new SplittableRandom(seed);
    LongIntMap map = new LongIntMap(expected);
    Map<Long, Integer> reference = new HashMap<>();
    int range = 1 + rng.nextInt(20_000);
    for (int op = 0; op < 20_000; op++) {
      long key = rng.nextInt(8) == 0 ? Integer.MAX_VALUE - 2 - rng.nextInt(3) : rng.nextInt(range);
      switch (rng.nextInt(3)) {
        case 0 -> {
          boolean mayCreate = rng.nextBoolean();
          Integer old = reference.get(key);
          int expectedValue = old != null ? old + 1 : mayCreate ? 1 : LongIntMap.MISSING;
          if (expectedValue != LongIntMap.MISSING) {
            reference.put(key, expectedValue);
          }
          assertThat(map.increment(key, mayCreate)).isEqualTo(expectedValue);
        }
        case 1 -> {
          int value = rng.nextInt(Integer.MAX_VALUE);
          int expectedValue = reference.computeIfAbsent(key, k -> value);
          assertThat(map.getOrPut(key, value)).isEqualTo(expectedValue);
        }
        default -> assertThat(map.get(key)).isEqualTo(reference.getOrDefault(key, LongIntMap.MISSING));
      }
    }
  }
}
