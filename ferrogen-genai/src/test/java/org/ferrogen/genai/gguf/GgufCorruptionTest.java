package org.ferrogen.genai.gguf;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of damage is rejected with a GgufFormatException whose message names it. */
class GgufCorruptionTest {
  @TempDir Path dir;

  /** A hand-assembled GGUF with one 32-element tensor; each parameter can be set to a damaged value. */
  private static byte[] build(int magic, int version, long tensorCount, int typeId, long ne0, long offset,
      int dataBytes) {
    ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(magic).putInt(version).putLong(tensorCount).putLong(1);
    byte[] key = "general.architecture".getBytes(StandardCharsets.UTF_8);
    b.putLong(key.length).put(key).putInt(8);
    byte[] val = "llama".getBytes(StandardCharsets.UTF_8);
    b.putLong(val.length).put(val);
    byte[] name = "w".getBytes(StandardCharsets.UTF_8);
    b.putLong(name.length).put(name).putInt(1).putLong(ne0).putInt(typeId).putLong(offset);
    int dataStart = (b.position() + 31) / 32 * 32;
    b.position(dataStart);
    b.put(new byte[dataBytes]);
    return Arrays.copyOf(b.array(), b.position());
  }

  private static byte[] good() {
    return build(GgufFile.MAGIC, 3, 1, 0, 32, 0, 128);
  }

  private Path file(byte[] bytes) throws IOException {
    Path p = dir.resolve("m" + System.nanoTime() + ".gguf");
    Files.write(p, bytes);
    return p;
  }

  private void rejects(byte[] bytes, String... fragments) throws IOException {
    Path p = file(bytes);
    var assertion = assertThatThrownBy(() -> GgufFile.open(p)).isInstanceOf(GgufFormatException.class)
        .hasMessageContaining(p.toString());
    for (String f : fragments) {
      assertion.hasMessageContaining(f);
    }
  }

  @Test
  void theUndamagedFileOpens() throws IOException {
    GgufFile f = GgufFile.open(file(good()));
    org.assertj.core.api.Assertions.assertThat(f.requireTensor("w").toFloats()).hasSize(32);
  }

  @Test
  void badMagic() throws IOException {
    rejects(build(0x46554746, 3, 1, 0, 32, 0, 128), "bad magic");
  }

  @Test
  void unsupportedVersion() throws IOException {
    rejects(build(GgufFile.MAGIC, 4, 1, 0, 32, 0, 128), "unsupported GGUF version 4");
    rejects(build(GgufFile.MAGIC, 1, 1, 0, 32, 0, 128), "unsupported GGUF version 1");
  }

  @Test
  void misalignedOffset() throws IOException {
    rejects(build(GgufFile.MAGIC, 3, 1, 0, 32, 4, 132), "misaligned offset", "tensor w");
  }

  @Test
  void tensorDataOutsideTheFile() throws IOException {
    rejects(build(GgufFile.MAGIC, 3, 1, 0, 32, 1 << 20, 128), "tensor data outside the file", "tensor w");
  }

  @Test
  void truncatedData() throws IOException {
    byte[] g = good();
    rejects(Arrays.copyOf(g, g.length - 1), "truncated file", "tensor w");
  }

  @Test
  void truncatedHeader() throws IOException {
    byte[] g = good();
    for (int cut : new int[] {2, 10, 30, 50, 70}) {
      rejects(Arrays.copyOf(g, cut), "truncated");
    }
  }

  @Test
  void sizeMismatchOfABlockType() throws IOException {
    // Q8_0 needs ne[0] to be a multiple of 32.
    rejects(build(GgufFile.MAGIC, 3, 1, 8, 33, 0, 128), "size mismatch", "block size 32");
  }

  @Test
  void unknownTensorTypes() throws IOException {
    rejects(build(GgufFile.MAGIC, 3, 1, 999, 32, 0, 128), "unknown tensor type ggml type 999");
    rejects(build(GgufFile.MAGIC, 3, 1, 4, 32, 0, 128), "unknown tensor type ggml type 4");
  }

  @Test
  void absurdCounts() throws IOException {
    rejects(build(GgufFile.MAGIC, 3, 1L << 40, 0, 32, 0, 128), "absurd tensor count");
    rejects(build(GgufFile.MAGIC, 3, 1, 0, 1L << 50, 0, 128), "absurd dimension");
    byte[] g = good();
    ByteBuffer.wrap(g).order(ByteOrder.LITTLE_ENDIAN).putLong(16, 1L << 50);
    rejects(g, "absurd metadata count");
    byte[] s = good();
    ByteBuffer.wrap(s).order(ByteOrder.LITTLE_ENDIAN).putLong(24, 1L << 40); // key length
    rejects(s, "metadata key #0");
  }

  @Test
  void unknownMetadataValueType() throws IOException {
    byte[] g = good();
    ByteBuffer.wrap(g).order(ByteOrder.LITTLE_ENDIAN).putInt(24 + 8 + 20, 77);
    rejects(g, "general.architecture", "unknown value type 77");
  }

  @Test
  void missingFile() {
    assertThatThrownBy(() -> GgufFile.open(dir.resolve("absent.gguf"))).isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("absent.gguf");
  }
}
