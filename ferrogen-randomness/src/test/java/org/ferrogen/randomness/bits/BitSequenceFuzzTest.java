package org.ferrogen.randomness.bits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.Size;

/**
 * Fuzzing of the bit-file readers (issue 16; docs/fuzzing.md) with a differential oracle: whatever
 * the bytes, {@link BitSequence#read} gives exactly the bits a direct decoding of the file gives,
 * in all three formats. {@code -Djqwik.tries.default=100000} is the long run.
 */
class BitSequenceFuzzTest {

  @Property(shrinking = ShrinkingMode.FULL, seed = "20261203")
  void everyFileReadsToTheBitsItHolds(@ForAll @Size(max = 300) byte[] data) throws IOException {
    readOne(data);
  }

  /** The oracle, shared with {@link BitSequenceJazzerTest}. */
  static void readOne(byte[] data) throws IOException {
    Path file = Files.createTempFile("fuzz", ".bin");
    try {
      Files.write(file, data);
      BitSequence msb = BitSequence.read(file, BitFormat.MSB);
      BitSequence lsb = BitSequence.read(file, BitFormat.LSB);
      assertThat(msb.length()).isEqualTo(8 * data.length);
      assertThat(lsb.length()).isEqualTo(8 * data.length);
      for (int i = 0; i < 8 * data.length; i++) {
        int b = data[i >>> 3] & 0xff;
        assertThat(msb.bit(i)).isEqualTo((b >>> (7 - (i & 7))) & 1);
        assertThat(lsb.bit(i)).isEqualTo((b >>> (i & 7)) & 1);
      }
      BitSequence ascii = BitSequence.read(file, BitFormat.ASCII);
      int n = 0;
      for (byte c : data) {
        if (c == '0' || c == '1') {
          assertThat(ascii.bit(n++)).isEqualTo(c - '0');
        }
      }
      assertThat(ascii.length()).isEqualTo(n);
    } finally {
      Files.delete(file);
    }
  }

  @Property(shrinking = ShrinkingMode.FULL, seed = "20261203")
  void asciiTextWithNoiseKeepsOnlyItsDigits(@ForAll @Size(max = 2000) String text) {
    BitSequence s = BitSequence.parseAscii(text);
    StringBuilder digits = new StringBuilder();
    text.chars().filter(c -> c == '0' || c == '1').forEach(c -> digits.append((char) c));
    assertThat(s.length()).isEqualTo(digits.length());
    for (int i = 0; i < s.length(); i++) {
      assertThat(s.bit(i)).isEqualTo(digits.charAt(i) - '0');
    }
  }
}
