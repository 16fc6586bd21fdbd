package org.ferrogen.learn.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/**
 * Coverage-guided fuzzing of the IDX reader with Jazzer (docs/fuzzing.md): a plain build replays
 * {@code IdxFileJazzerTestInputs/} as regression tests; {@code JAZZER_FUZZ=1} fuzzes for {@code
 * maxDuration}. Oracle: {@link IdxFileFuzzTest#readOne}.
 */
class IdxFileJazzerTest {

  @FuzzTest(maxDuration = "30s")
  void idxReader(byte[] input) throws IOException {
    IdxFileFuzzTest.readOne(input);
  }
}
