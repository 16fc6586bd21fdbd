package org.ferrogen.learn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {

  @TempDir Path dir;

  /** An IDX file of unsigned bytes with the given dimensions and values 0, 1, 2, … (mod 256). */
  static byte[] idx(int type, int... dims) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt((type << 8) | dims.length);
    int n = 1;
    for (int d : dims) {
      out.writeInt(d);
      n *= d;
    }
    for (int i = 0; i < n; i++) {
      out.writeByte(i % 256);
    }
    return bytes.toByteArray();
  }

  static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(plain);
    }
    return bytes.toByteArray();
  }

  @Test
  void readsPlainAndGzipFilesAlike() throws IOException {
    byte[] plain = idx(0x08, 3, 2, 5);
    Path a = Files.write(dir.resolve("a-idx3-ubyte"), plain);
    Path b = Files.write(dir.resolve("a-idx3-ubyte.gz"), gzip(plain));
    for (Path p : new Path[] {a, b}) {
      IdxFile.Array array = IdxFile.read(p);
      assertThat(array.dimensions()).containsExactly(3, 2, 5);
      assertThat(array.count()).isEqualTo(3);
      assertThat(array.itemSize()).isEqualTo(10);
      assertThat(array.unsigned(29)).isEqualTo(29);
    }
  }

  @Test
  void unsignedBytesAbove127AreKept() throws IOException {
    IdxFile.Array array = IdxFile.read(Files.write(dir.resolve("b"), idx(0x08, 300)));
    assertThat(array.unsigned(255)).isEqualTo(255);
    assertThat(array.unsigned(256)).isEqualTo(0);
  }

  @Test
  void badMagicNamesFileOffsetAndExpectation() throws IOException {
    Path p = Files.write(dir.resolve("notidx.bin"), "hello world, not idx".getBytes());
    assertThatThrownBy(() -> IdxFile.read(p))
        .hasMessageContaining("notidx.bin")
        .hasMessageContaining("offset 0")
        .hasMessageContaining("expected 00 00 08");
  }

  @Test
  void otherElementTypesAreRefusedByName() throws IOException {
    Path p = Files.write(dir.resolve("floats"), idx(0x0D, 2));
    assertThatThrownBy(() -> IdxFile.read(p)).hasMessageContaining("type 0x0d").hasMessageContaining("0x08");
  }

  @Test
  void truncatedDataSaysWhereItEnds() throws IOException {
    byte[] full = idx(0x08, 4, 3);
    byte[] cut = java.util.Arrays.copyOf(full, full.length - 5);
    Path p = Files.write(dir.resolve("cut.gz"), gzip(cut));
    assertThatThrownBy(() -> IdxFile.read(p))
        .hasMessageContaining("cut.gz")
        .hasMessageContaining("offset " + (cut.length))
        .hasMessageContaining("truncated")
        .hasMessageContaining("7 of 12");
  }

  /** Found by IdxFileFuzzTest (issue 16): a corrupt deflate stream escaped as a bare ZipException. */
  @Test
  void corruptOrCutGzipDataNamesTheFile() throws IOException {
    byte[] zipped = gzip(idx(0x08, 64));
    byte[] badBlock = zipped.clone();
    badBlock[10] |= 0x06; // BTYPE = 11, reserved: "invalid block type"
    Path bad = Files.write(dir.resolve("bad-block.gz"), badBlock);
    assertThatThrownBy(() -> IdxFile.read(bad)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(bad.toString()).hasMessageContaining("corrupt gzip data")
        .hasMessageContaining("invalid block type");
    Path cut = Files.write(dir.resolve("cut-stream.gz"), java.util.Arrays.copyOf(zipped, zipped.length - 12));
    assertThatThrownBy(() -> IdxFile.read(cut)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(cut.toString());
  }

  /** A header promising ~2^31 elements over 4 bytes of data is truncated, not an OutOfMemoryError. */
  @Test
  void hugeHeaderOverAShortFileIsTruncatedNotOutOfMemory() throws IOException {
    byte[] file = {0, 0, 8, 1, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 1, 2, 3, 4};
    Path p = Files.write(dir.resolve("huge"), file);
    assertThatThrownBy(() -> IdxFile.read(p)).hasMessageContaining("huge")
        .hasMessageContaining("truncated, 4 of 2147483632 data bytes");
    Path z = Files.write(dir.resolve("huge.gz"), gzip(file));
    assertThatThrownBy(() -> IdxFile.read(z)).hasMessageContaining("truncated, 4 of 2147483632 data bytes");
  }

  @Test
  void truncatedHeaderIsReported() throws IOException {
    byte[] full = idx(0x08, 4, 3);
    Path p = Files.write(dir.resolve("head"), java.util.Arrays.copyOf(full, 6));
    assertThatThrownBy(() -> IdxFile.read(p)).hasMessageContaining("offset 4").hasMessageContaining("header");
  }

  @Test
  void missingFileIsNamed() {
    assertThatThrownBy(() -> IdxFile.read(dir.resolve("nope.gz"))).hasMessageContaining("nope.gz")
        .hasMessageContaining("not found");
  }

  @Test
  void folderDataSetPairsImagesAndLabels() throws IOException {
    Files.write(dir.resolve(FashionMnist.TRAIN_IMAGES + ".gz"), gzip(idx(0x08, 6, 2, 2)));
    Files.write(dir.resolve(FashionMnist.TRAIN_LABELS), labels(6));
    Files.write(dir.resolve(FashionMnist.TEST_IMAGES), idx(0x08, 2, 2, 2));
    Files.write(dir.resolve(FashionMnist.TEST_LABELS + ".gz"), gzip(labels(2)));
    FashionMnist.Splits s = FashionMnist.load(dir.toString());
    assertThat(s.train().count()).isEqualTo(6);
    assertThat(s.train().pixels()).isEqualTo(4);
    assertThat(s.train().label(5)).isEqualTo(5);
    float[] x = new float[4];
    s.train().image(1, x);
    assertThat(x[0]).isEqualTo(4 / 255f);
  }

  @Test
  void countMismatchAndBadLabelsAreExplained() throws IOException {
    Files.write(dir.resolve(FashionMnist.TRAIN_IMAGES), idx(0x08, 6, 2, 2));
    Files.write(dir.resolve(FashionMnist.TRAIN_LABELS), labels(5));
    Files.write(dir.resolve(FashionMnist.TEST_IMAGES), idx(0x08, 2, 2, 2));
    Files.write(dir.resolve(FashionMnist.TEST_LABELS), labels(2));
    assertThatThrownBy(() -> FashionMnist.load(dir.toString())).hasMessageContaining("6 images but")
        .hasMessageContaining("5 labels");
    Files.write(dir.resolve(FashionMnist.TRAIN_LABELS), idx(0x08, 6)); // 0..5 fine
    Files.write(dir.resolve(FashionMnist.TEST_LABELS), new byte[] {0, 0, 8, 1, 0, 0, 0, 2, 3, 12});
    assertThatThrownBy(() -> FashionMnist.load(dir.toString())).hasMessageContaining("offset 9")
        .hasMessageContaining("label 12");
  }

  @Test
  void missingFilesAndFoldersSayWhatToDo() {
    assertThatThrownBy(() -> FashionMnist.load(dir.toString())).hasMessageContaining("no " + FashionMnist.TRAIN_IMAGES);
    assertThatThrownBy(() -> FashionMnist.load(dir.resolve("absent").toString()))
        .hasMessageContaining("not a folder").hasMessageContaining(FashionMnist.SUBSET);
  }

  @Test
  void bundledSubsetLoads() throws IOException {
    FashionMnist.Splits s = FashionMnist.bundledSubset();
    assertThat(s.train().count()).isEqualTo(8000);
    assertThat(s.test().count()).isEqualTo(2000);
    assertThat(s.train().pixels()).isEqualTo(784);
    int[] perClass = new int[10];
    for (int i = 0; i < s.train().count(); i++) {
      perClass[s.train().label(i)]++;
    }
    for (int c : perClass) {
      assertThat(c).isBetween(600, 1000);
    }
  }

  private static byte[] labels(int n) throws IOException {
    return idx(0x08, n);
  }
}
