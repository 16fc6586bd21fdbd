package org.ferrogen.randomness.bits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BitSequenceTest {

  @Test
  void asciiSkipsEverythingButZeroAndOne() {
    BitSequence s = BitSequence.parseAscii(" 10\n1x1 0\r\n2 0");
    assertThat(s.toBitString()).isEqualTo("101100");
    assertThat(s.length()).isEqualTo(6);
    assertThat(s.countOnes()).isEqualTo(3);
  }

  @Test
  void msbAndLsbByteOrders() {
    byte[] bytes = {(byte) 0b1000_0001, (byte) 0b0100_0000};
    assertThat(BitSequence.fromBytes(bytes, BitFormat.MSB).toBitString()).isEqualTo("1000000101000000");
    assertThat(BitSequence.fromBytes(bytes, BitFormat.LSB).toBitString()).isEqualTo("1000000100000010");
  }

  @Test
  void readsFilesInEveryFormat(@TempDir Path dir) throws IOException {
    Path ascii = dir.resolve("a.txt");
    Files.writeString(ascii, "0110\n1");
    assertThat(BitSequence.read(ascii, BitFormat.ASCII).toBitString()).isEqualTo("01101");
    Path bin = dir.resolve("b.bin");
    Files.write(bin, new byte[] {(byte) 0xF0});
    assertThat(BitSequence.read(bin, BitFormat.MSB).toBitString()).isEqualTo("11110000");
    assertThat(BitSequence.read(bin, BitFormat.LSB).toBitString()).isEqualTo("00001111");
  }

  @Test
  void windowsSlicesAndStreamsAgreeWithSingleBits() {
    SplittableRandom random = new SplittableRandom(7);
    byte[] bytes = new byte[200];
    random.nextBytes(bytes);
    BitSequence s = BitSequence.fromBytes(bytes, BitFormat.MSB);
    for (int trial = 0; trial < 500; trial++) {
      int count = random.nextInt(65);
      int start = random.nextInt(s.length() - count + 1);
      long expected = 0;
      for (int i = 0; i < count; i++) {
        expected = (expected << 1) | s.bit(start + i);
      }
      assertThat(s.bits(start, count)).as("bits(%d, %d)", start, count).isEqualTo(expected);
    }
    BitSequence slice = s.slice(13, 1000);
    assertThat(slice.length()).isEqualTo(987);
    for (int i = 0; i < slice.length(); i++) {
      assertThat(slice.bit(i)).isEqualTo(s.bit(13 + i));
    }
    assertThat(s.streams(100, 16)).hasSize(16).allSatisfy(p -> assertThat(p.length()).isEqualTo(100));
    assertThat(s.streams(100, 16).get(3)).isEqualTo(s.slice(300, 400));
    assertThat(BitSequence.ofWords(s.toWords(), s.length())).isEqualTo(s);
  }

  @Test
  void rejectsOutOfRangeRequests() {
    BitSequence s = BitSequence.parseAscii("0101");
    assertThatThrownBy(() -> s.bit(4)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> s.bits(2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> s.streams(3, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("need 6 bits, but only 4");
    assertThatThrownBy(() -> BitFormat.parse("hex")).hasMessageContaining("hex");
  }
}
