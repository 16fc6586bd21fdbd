package org.ferrogen.device.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.ParameterSets;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing of the YAML configuration reader (issue 16; docs/fuzzing.md): mutants of every built-in
 * parameter set's YAML, byte- and token-level, must either read or fail with a one-line {@link
 * ConfigException} naming the source, never another exception. {@code mvn verify} runs the default
 * jqwik tries (seconds); {@code -Djqwik.tries.default=100000} is the long run. Hand-picked
 * corners, and any input a run finds escaping as another exception, are kept in {@link #corners()}.
 */
class YamlConfigFuzzTest {

  private static final List<byte[]> SEEDS = new ArrayList<>();

  static {
    for (String name : ParameterSets.names()) {
      SEEDS.add(ParameterSets.toYaml(ParameterSets.byName(name)).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Fragments that reach YAML's corners: documents, anchors, tags, flow style, odd numbers. */
  private static final String[] TOKENS = {
    "---\n", "...\n", ": ", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "<<: *a\n", "!!binary ", "!!float ",
    "? ", "\t", "|\n", ">\n", "'", "\"", "#", "\n", "  ", ".nan", ".inf", "-.inf", "1e999", "1e-999",
    "2147483648", "-9223372036854775809", "0x1F", "0o17", "1_000", "~", "null", "true", "\u0000", "\u00ff",
    "kind: normal\n", "kind: generalized-beta\n", "film:\n  ", "\uFEFF", "%YAML 1.1\n"
  };

  static byte[] mutate(byte[] seed, Random random) {
    byte[] data = seed.clone();
    int edits = 1 + random.nextInt(8);
    for (int e = 0; e < edits; e++) {
      int at = data.length == 0 ? 0 : random.nextInt(data.length + 1);
      switch (random.nextInt(5)) {
        case 0 -> { // flip a byte
          if (data.length > 0) {
            data[Math.min(at, data.length - 1)] = (byte) random.nextInt(256);
          }
        }
        case 1 -> data = splice(data, at, at, TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
        case 2 -> data = splice(data, at, Math.min(data.length, at + random.nextInt(40)), new byte[0]);
        case 3 -> { // duplicate a line-sized chunk (duplicate keys, repeated sections)
          int from = random.nextInt(Math.max(1, data.length));
          int to = Math.min(data.length, from + random.nextInt(80));
          data = splice(data, at, at, java.util.Arrays.copyOfRange(data, from, to));
        }
        default -> data = java.util.Arrays.copyOf(data, at); // truncate
      }
    }
    return data;
  }

  private static byte[] splice(byte[] data, int from, int to, byte[] insert) {
    byte[] out = new byte[data.length - (to - from) + insert.length];
    System.arraycopy(data, 0, out, 0, from);
    System.arraycopy(insert, 0, out, from, insert.length);
    System.arraycopy(data, to, out, from + insert.length, data.length - to);
    return out;
  }

  /** The oracle: a record, or a one-line ConfigException naming the source. */
  static void readOne(byte[] input) {
    try {
      YamlConfig.parse(input, "fuzz.yaml", DeviceParams.class, null);
    } catch (ConfigException e) {
      assertThat(e.getMessage()).startsWith("fuzz.yaml: ").doesNotContain("\n").doesNotContain("\r")
          .doesNotContain("\u2028").doesNotContain("\u0085");
    }
  }

  @Provide
  Arbitrary<byte[]> mutants() {
    return Arbitraries.randomValue(random -> mutate(SEEDS.get(random.nextInt(SEEDS.size())), random));
  }

  @Property(shrinking = ShrinkingMode.OFF, seed = "20261203")
  void mutatedParameterFilesReadOrFailWithAConfigException(@ForAll("mutants") byte[] input) {
    readOne(input);
  }

  @Test
  void seedsRead() {
    SEEDS.forEach(YamlConfigFuzzTest::readOne);
  }

  /** YAML corners (merge keys, complex keys, binary tags, hex numbers); findings are added here. */
  static List<String> corners() {
    return List.of(
        // Jazzer finding (docs/fuzzing.md): carriage returns inside a key broke the one-line message.
        "e seedAme: see sNed\nfill: {t\r\r\r\r\r\rCb",
        "film: &a\n  <<: *a\n", "? [a, b]\n: 1\n", "!!binary AAAA\n", "film: {thicknessM: 0x1F}\n");
  }

  @Test
  void cornerInputsReadOrFailCleanly() {
    for (String input : corners()) {
      readOne(input.getBytes(StandardCharsets.UTF_8));
    }
  }
}
