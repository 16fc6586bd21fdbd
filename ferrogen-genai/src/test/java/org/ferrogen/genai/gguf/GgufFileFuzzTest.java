package org.ferrogen.genai.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Fuzzing of the GGUF reader (issue 16; docs/fuzzing.md): mutants of a small, valid GGUF file
 * (metadata of several types, tensors of several ggml types) must open and decode, or fail with
 * {@link GgufFormatException} or an {@link IOException} naming the file; any other exception or
 * error is a finding. Mutations favour the header, where counts, lengths, types and offsets live,
 * and write the boundary integers that break length arithmetic. {@code mvn verify} runs the default
 * jqwik tries; {@code -Djqwik.tries.default=100000} is the long run.
 */
class GgufFileFuzzTest {

  private static final byte[] SEED = seed();

  private static byte[] seed() {
    float[] values = new float[256];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) Math.sin(i);
    }
    GgufWriter w = new GgufWriter()
        .putString("general.architecture", "llama")
        .putString("general.name", "fuzz seed")
        .putUint32("llama.context_length", 64)
        .putFloat32("llama.rope.freq_base", 10000f)
        .addTensor("f32", GgmlType.F32, new long[] {32, 2}, Arrays.copyOf(values, 64))
        .addTensor("q8", GgmlType.Q8_0, new long[] {64}, Arrays.copyOf(values, 64))
        .addTensor("f16", GgmlType.F16, new long[] {256}, values);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      w.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final long[] BOUNDARIES = {
    0, 1, -1, 0x7f, 0x80, 0xff, 0x7fff, 0xffff, 0x7fffffffL, 0x80000000L, 0xffffffffL, Long.MAX_VALUE,
    Long.MIN_VALUE, 1L << 40, 31, 33
  };

  static byte[] mutate(byte[] seed, Random random) {
    byte[] data = seed.clone();
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && data.length > 0; e++) {
      // Three edits in four land in the first 512 bytes, where the header lives.
      int limit = random.nextInt(4) == 0 ? data.length : Math.min(data.length, 512);
      int at = random.nextInt(Math.max(1, limit));
      switch (random.nextInt(4)) {
        case 0 -> data[at] = (byte) random.nextInt(256);
        case 1 -> { // a boundary integer, little-endian, 4 or 8 bytes wide
          long v = BOUNDARIES[random.nextInt(BOUNDARIES.length)];
          int width = random.nextBoolean() ? 4 : 8;
          for (int b = 0; b < width && at + b < data.length; b++) {
            data[at + b] = (byte) (v >>> (8 * b));
          }
        }
        case 2 -> data = Arrays.copyOf(data, at); // truncate
        default -> data[at] ^= (byte) (1 << random.nextInt(8));
      }
    }
    return data;
  }

  /** The oracle: opens and decodes every tensor, or fails with a format or I/O error. */
  static void openOne(byte[] input) throws IOException {
    Path file = Files.createTempFile("fuzz", ".gguf");
    try {
      Files.write(file, input);
      GgufFile f = GgufFile.open(file);
      for (GgufTensor t : f.tensors().values()) {
        assertThat(t.toFloats()).hasSize((int) t.elementCount());
      }
    } catch (GgufFormatException | IOException e) {
      assertThat(e.getMessage()).isNotBlank();
    } finally {
      Files.delete(file);
    }
  }

  @Provide
  Arbitrary<byte[]> mutants() {
    return Arbitraries.randomValue(random -> mutate(SEED, random));
  }

  @Property(shrinking = ShrinkingMode.OFF, seed = "20261203")
  void mutatedModelsOpenOrFailWithAFormatError(@ForAll("mutants") byte[] input) throws IOException {
    openOne(input);
  }
}
