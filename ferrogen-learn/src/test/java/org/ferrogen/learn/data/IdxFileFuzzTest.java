package org.ferrogen.learn.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing of the IDX reader (issue 16; docs/fuzzing.md): mutants of small IDX files, plain and
 * gzip-compressed (a label file and an image file cut from the bundled Fashion-MNIST subset), must
 * read with as many elements as the header promises, or be refused with one {@link
 * IllegalArgumentException} line that names the file; any other exception or error (an {@code
 * IOException} from a corrupt gzip stream, an {@code OutOfMemoryError} from a header's sizes) is a
 * finding. {@code mvn verify} runs the default jqwik tries; {@code -Djqwik.tries.default=100000} is
 * the long run, {@link IdxFileJazzerTest} the coverage-guided one.
 */
class IdxFileFuzzTest {

  private static final byte[] LABELS = cut("train-labels-idx1-ubyte.gz", 8 + 64);
  private static final byte[] IMAGES = imagesHead(2);
  private static final byte[][] SEEDS = {LABELS, IMAGES, gzip(LABELS), gzip(IMAGES)};

  /** The first {@code length} bytes of a bundled file, header count patched to what is kept. */
  private static byte[] cut(String name, int length) {
    byte[] plain = Arrays.copyOf(bundled(name), length);
    setInt(plain, 4, length - 8);
    return plain;
  }

  private static byte[] imagesHead(int images) {
    byte[] plain = Arrays.copyOf(bundled("train-images-idx3-ubyte.gz"), 16 + images * 784);
    setInt(plain, 4, images);
    return plain;
  }

  private static void setInt(byte[] b, int at, int v) {
    for (int i = 0; i < 4; i++) {
      b[at + i] = (byte) (v >>> (24 - 8 * i));
    }
  }

  private static byte[] gzip(byte[] plain) {
    try {
      return IdxFileTest.gzip(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bundled(String name) {
    String path = "/org/ferrogen/learn/data/fashion-mnist-subset/" + name;
    try (InputStream in = new GZIPInputStream(IdxFileFuzzTest.class.getResourceAsStream(path))) {
      return in.readNBytes(16 + 2 * 784);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final int[] BOUNDARIES = {
    0, 1, -1, 0x7f, 0x80, 0xff, 0x7fff, 0xffff, 0x7fffffff, 0x80000000, 0x10000, 784, 28, 0x08080808
  };

  static byte[] mutate(byte[] seed, Random random) {
    byte[] data = seed.clone();
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && data.length > 0; e++) {
      // Three edits in four land in the first 32 bytes: the header (or the gzip header and the
      // start of the deflate stream).
      int limit = random.nextInt(4) == 0 ? data.length : Math.min(data.length, 32);
      int at = random.nextInt(Math.max(1, limit));
      switch (random.nextInt(4)) {
        case 0 -> data[at] = (byte) random.nextInt(256);
        case 1 -> { // a boundary integer, big-endian as IDX writes them
          int v = BOUNDARIES[random.nextInt(BOUNDARIES.length)];
          for (int b = 0; b < 4 && at + b < data.length; b++) {
            data[at + b] = (byte) (v >>> (24 - 8 * b));
          }
        }
        case 2 -> data = Arrays.copyOf(data, at); // truncate
        default -> data[at] ^= (byte) (1 << random.nextInt(8));
      }
    }
    return data;
  }

  /**
   * The oracle: reads, with the promised number of elements, or is refused with one line naming
   * the file. Anything else propagates and fails the test.
   */
  static void readOne(byte[] input) throws IOException {
    Path file = Files.createTempFile("fuzz", "-idx-ubyte");
    try {
      Files.write(file, input);
      IdxFile.Array array;
      try {
        array = IdxFile.read(file);
      } catch (IllegalArgumentException e) {
        assertThat(e.getMessage()).startsWith(file.toString()).doesNotContain("\n", "\r");
        return;
      }
      long elements = 1;
      for (int d : array.dimensions()) {
        assertThat(d).isNotNegative();
        elements *= d;
      }
      assertThat((long) array.data().length).isEqualTo(elements);
      if (elements > 0) {
        assertThat(array.itemSize()).isEqualTo((int) (elements / array.count()));
      }
    } finally {
      Files.delete(file);
    }
  }

  @Provide
  Arbitrary<byte[]> mutants() {
    return Arbitraries.of(SEEDS).flatMap(seed -> Arbitraries.randomValue(random -> mutate(seed, random)));
  }

  @Property(shrinking = ShrinkingMode.OFF, seed = "20261203")
  void mutatedIdxFilesReadOrFailWithOneLineNamingTheFile(@ForAll("mutants") byte[] input) throws IOException {
    readOne(input);
  }

  @Test
  void seedsRead() throws IOException {
    for (byte[] seed : SEEDS) {
      readOne(seed);
    }
    assertThat(LABELS).hasSize(72);
    assertThat(IMAGES).hasSize(16 + 2 * 784);
  }
}
