package org.ferrogen.chip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32C;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.ferrogen.chip.spec.ChipSpecs;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing of the chip state file (issue 16; docs/fuzzing.md). The file ends in a CRC-32C of
 * everything before it, so almost every mutant would be refused at the checksum and never reach
 * the parser; the oracle therefore reads each input twice, as given and with its last four bytes
 * replaced by the right checksum. Each read must give a state that boots, or be refused with one
 * {@link IllegalArgumentException} line naming the file; any other exception or error is a
 * finding. Mutations favour the metadata (JSON with the spec's YAML, matrix shapes, storage
 * history), where the lengths and counts live. {@code mvn verify} runs the default jqwik tries;
 * {@code -Djqwik.tries.default=100000} is the long run, {@link ChipStateJazzerTest} the
 * coverage-guided one.
 */
class ChipStateFuzzTest {

  static final byte[] SEED = seed();

  /** A small programmed chip (two matrices, two tiles of 16×16) after one storage interval. */
  static byte[] seed() {
    Chip chip = new Chip(
        ChipSpecs.parse("tiles: {count: 4, programOutcomeSamples: 64, tile: {rows: 16, cols: 16}}", "fuzz"), 5, 1);
    chip.program("w0", 12, 20, ChipTest.gaussian(12 * 20, 1));
    chip.program("w1", 4, 8, ChipTest.gaussian(4 * 8, 2));
    try {
      Path file = Files.createTempFile("seed", ".state");
      try {
        ChipState.of(chip, new ChipState.ModelIdentity("m.gguf", "100 bytes, crc32c 0000abcd"))
            .aged(new StorageHistory.Interval(86_400, 358.15))
            .write(file);
        return Files.readAllBytes(file);
      } finally {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String[] TOKENS = {
    "0", "-1", "1e308", "NaN", "2147483647", "-2147483648", "9223372036854775807", "\"\"", "null", "[]",
    "{}", "true", "1.5", "\"x\"", "[[[[[[[[", "\\u0000", "\"a\\nb\""
  };

  static byte[] mutate(byte[] seed, Random random) {
    byte[] data = seed.clone();
    int metaEnd = 24 + ByteBuffer.wrap(seed, 24, 4).getInt() + 4;
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && data.length > 0; e++) {
      // Three edits in four land in the header and metadata.
      int limit = random.nextInt(4) == 0 ? data.length : Math.min(data.length, metaEnd);
      int at = random.nextInt(Math.max(1, limit));
      switch (random.nextInt(5)) {
        case 0 -> data[at] = (byte) random.nextInt(256);
        case 1 -> { // a JSON token spliced over a run of digits or a value
          byte[] token = TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
          int end = at;
          while (end < data.length && end - at < 24 && (Character.isDigit(data[end]) || data[end] == '.' || data[end] == '-')) {
            end++;
          }
          byte[] spliced = new byte[data.length - (end - at) + token.length];
          System.arraycopy(data, 0, spliced, 0, at);
          System.arraycopy(token, 0, spliced, at, token.length);
          System.arraycopy(data, end, spliced, at + token.length, data.length - end);
          data = spliced;
        }
        case 2 -> data = Arrays.copyOf(data, at); // truncate
        case 3 -> { // a boundary integer where the metadata length lives (if a truncation left it)
          int[] boundaries = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1, 4096};
          if (data.length >= 28) {
            ByteBuffer.wrap(data, 24, 4).putInt(boundaries[random.nextInt(boundaries.length)]);
          }
        }
        default -> data[at] ^= (byte) (1 << random.nextInt(8));
      }
    }
    return data;
  }

  /** The input with its last four bytes set to the CRC-32C of the others (as a valid file ends). */
  static byte[] withChecksum(byte[] input) {
    if (input.length < 4) {
      return input;
    }
    byte[] fixed = input.clone();
    CRC32C crc = new CRC32C();
    crc.update(fixed, 0, fixed.length - 4);
    ByteBuffer.wrap(fixed, fixed.length - 4, 4).putInt((int) crc.getValue());
    return fixed;
  }

  /** The oracle, on the input as given and with a right checksum. */
  static void readOne(byte[] input) throws IOException {
    readExactly(input);
    readExactly(withChecksum(input));
  }

  private static void readExactly(byte[] input) throws IOException {
    Path file = Files.createTempFile("fuzz", ".state");
    try {
      Files.write(file, input);
      ChipState state;
      try {
        state = ChipState.read(file);
      } catch (IllegalArgumentException e) {
        assertThat(e.getMessage()).startsWith("chip state " + file).doesNotContain("\n", "\r");
        return;
      }
      Chip chip = state.boot(1);
      assertThat(chip.matrices()).hasSameSizeAs(state.matrices());
    } finally {
      Files.delete(file);
    }
  }

  @Provide
  Arbitrary<byte[]> mutants() {
    return Arbitraries.randomValue(random -> mutate(SEED, random));
  }

  @Property(tries = 300, shrinking = ShrinkingMode.OFF, seed = "20261203")
  void mutatedStatesLoadOrAreRefusedInOneLineNamingTheFile(@ForAll("mutants") byte[] input) throws IOException {
    readOne(input);
  }

  @Test
  void theSeedLoads() throws IOException {
    readOne(SEED);
  }
}
