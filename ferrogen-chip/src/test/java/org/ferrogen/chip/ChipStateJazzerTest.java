package org.ferrogen.chip;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/**
 * Coverage-guided fuzzing of the chip state reader with Jazzer (docs/fuzzing.md): a plain build
 * replays {@code ChipStateJazzerTestInputs/} as regression tests; {@code JAZZER_FUZZ=1} fuzzes for
 * {@code maxDuration}. Oracle: {@link ChipStateFuzzTest#readOne} (each input read as given and with
 * its checksum made right, so that mutations reach the parser).
 */
class ChipStateJazzerTest {

  @FuzzTest(maxDuration = "30s")
  void stateReader(byte[] input) throws IOException {
    ChipStateFuzzTest.readOne(input);
  }
}
