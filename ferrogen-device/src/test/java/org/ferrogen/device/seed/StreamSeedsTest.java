package org.ferrogen.device.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class StreamSeedsTest {

  /** The collision of the old additive scheme: matrix k at call c met matrix k+1 at call c−1. */
  @Test
  void neighbouringMatricesAtNeighbouringCallsDrawDifferentStreams() {
    long chip = 1;
    for (int k = 0; k < 3; k++) {
      long matrix = StreamSeeds.derive(chip, StreamSeeds.MATRIX, k);
      long next = StreamSeeds.derive(chip, StreamSeeds.MATRIX, k + 1);
      assertThat(StreamSeeds.derive(matrix, 5 - k, 0)).isNotEqualTo(StreamSeeds.derive(next, 4 - k, 0));
    }
  }

  /** Every (matrix, call) pair of a long run gets its own stream: 512 matrices × 2048 calls. */
  @Test
  void distinctMatrixCallPairsNeverShareAStream() {
    Set<Long> seen = new HashSet<>();
    for (int matrix = 0; matrix < 512; matrix++) {
      long m = StreamSeeds.derive(42, StreamSeeds.MATRIX, matrix);
      for (int call = 1; call <= 2048; call++) {
        assertThat(seen.add(StreamSeeds.derive(m, StreamSeeds.READ_NOISE, call))).as("matrix %d call %d", matrix, call).isTrue();
      }
    }
  }

  /**
   * Property over arbitrary chip seeds and pairs: two different (matrix, call) pairs differ, and so
   * do two units of the same call. (Deterministic: a failure would be an exact collision.)
   */
  @Property(tries = 2000, seed = "20261203")
  void pairsDiffer(
      @ForAll long chipSeed,
      @ForAll @IntRange(min = 0, max = 10_000) int matrixA,
      @ForAll @IntRange(min = 0, max = 1_000_000) int callA,
      @ForAll @IntRange(min = 0, max = 10_000) int matrixB,
      @ForAll @IntRange(min = 0, max = 1_000_000) int callB) {
    long a = StreamSeeds.derive(StreamSeeds.derive(chipSeed, StreamSeeds.MATRIX, matrixA), callA, 0);
    long b = StreamSeeds.derive(StreamSeeds.derive(chipSeed, StreamSeeds.MATRIX, matrixB), callB, 0);
    assertThat(a == b).isEqualTo(matrixA == matrixB && callA == callB);
  }

  @Test
  void fixedArityFormsEqualTheVarargsForm() {
    assertThat(StreamSeeds.derive(7, 1)).isEqualTo(StreamSeeds.derive(7, new long[] {1}));
    assertThat(StreamSeeds.derive(7, 1, 2)).isEqualTo(StreamSeeds.derive(7, new long[] {1, 2}));
    assertThat(StreamSeeds.derive(7, 1, 2, 3)).isEqualTo(StreamSeeds.derive(7, new long[] {1, 2, 3}));
  }
}
