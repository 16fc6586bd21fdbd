package org.ferrogen.genai.gguf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/**
 * Coverage-guided fuzzing of the GGUF reader with Jazzer (docs/fuzzing.md): a plain build replays
 * {@code GgufFileJazzerTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes. Oracle: {@link
 * GgufFileFuzzTest#openOne}.
 */
class GgufFileJazzerTest {

  @FuzzTest(maxDuration = "60s")
  void ggufReader(byte[] input) throws IOException {
    GgufFileFuzzTest.openOne(input);
  }
}
