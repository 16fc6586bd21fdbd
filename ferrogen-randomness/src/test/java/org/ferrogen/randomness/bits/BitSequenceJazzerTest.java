package org.ferrogen.randomness.bits;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/**
 * Coverage-guided fuzzing of the bit-file readers with Jazzer (docs/fuzzing.md): a plain build
 * replays {@code BitSequenceJazzerTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes. Oracle: {@link
 * BitSequenceFuzzTest#readOne}.
 */
class BitSequenceJazzerTest {

  @FuzzTest(maxDuration = "30s")
  void bitReaders(byte[] input) throws IOException {
    BitSequenceFuzzTest.readOne(input);
  }
}
