package org.ferrogen.device.config;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the YAML configuration reader with Jazzer (docs/fuzzing.md). In a
 * plain build this replays the corpus in {@code YamlConfigJazzerTestInputs/} as regression tests;
 * with {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration}. The oracle is {@link
 * YamlConfigFuzzTest#readOne}: a record or a one-line {@link ConfigException}, nothing else.
 */
class YamlConfigJazzerTest {

  @FuzzTest(maxDuration = "60s")
  void yamlReader(byte[] input) {
    YamlConfigFuzzTest.readOne(input);
  }
}
