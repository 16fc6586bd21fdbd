package org.ferrogen.genai.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.ferrogen.genai.backend.FloatBackend;
import org.ferrogen.learn.llama.LlamaConfig;
import org.ferrogen.genai.model.LlamaGguf;
import org.ferrogen.genai.model.LlamaModel;
import org.ferrogen.genai.tokenizer.Tokenizers;
import org.junit.jupiter.api.Test;

/**
 * Damaged files fail with a GgufFormatException (or another IllegalArgumentException naming the
 * value) and never with an exception from deep inside (index, arithmetic, null pointer, buffer...).
 */
class GgufFuzzTest {

  @Test
  void randomHeaderDamageIsReportedNotThrownFromInside() throws IOException {
    LlamaConfig c = new LlamaConfig("fuzz", 32, 64, 1, 64, 2, 1, 300, 10000f, 1e-5f, true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LlamaGguf.randomWriter(c, GgmlType.Q8_0, 3).write(out);
    byte[] good = out.toByteArray();
    Path file = Files.createTempFile("genai-fuzz", ".gguf");
    SplittableRandom r = new SplittableRandom(12345);
    int rejected = 0;
    try {
      for (int trial = 0; trial < 300; trial++) {
        byte[] bad = good.clone();
        int flips = 1 + r.nextInt(3);
        for (int f = 0; f < flips; f++) {
          // Damage the header (metadata and tensor infos), where parsing decisions are made.
          int pos = r.nextInt(Math.min(bad.length, 8000));
          bad[pos] = (byte) (r.nextBoolean() ? r.nextInt(256) : bad[pos] ^ (1 << r.nextInt(8)));
        }
        if (r.nextInt(4) == 0) {
          bad = java.util.Arrays.copyOf(bad, r.nextInt(bad.length));
        }
        Files.write(file, bad);
        try {
          GgufFile g = GgufFile.open(file);
          Tokenizers.fromGguf(g).encode("In the beginning");
          LlamaModel.load(g, new FloatBackend(1)).newSession(4).forward(1);
        } catch (IllegalArgumentException | IllegalStateException e) {
          rejected++;
          assertThat(e.getMessage()).as("message of %s", e.getClass()).isNotBlank();
        }
      }
    } finally {
      Files.deleteIfExists(file);
    }
    assertThat(rejected).isGreaterThan(50);
  }
}
