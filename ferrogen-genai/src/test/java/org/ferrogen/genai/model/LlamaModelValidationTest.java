package org.ferrogen.genai.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.ferrogen.genai.backend.FloatBackend;
import org.ferrogen.genai.gguf.GgmlType;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.gguf.GgufFormatException;
import org.ferrogen.genai.gguf.GgufValue;
import org.ferrogen.genai.gguf.GgufWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ferrogen.learn.llama.LlamaConfig;

/** Models that parse but make no sense are refused at load time, with one message naming the key or tensor. */
class LlamaModelValidationTest {
  @TempDir Path dir;

  private Path write(Consumer<GgufWriter> change) throws IOException {
    LlamaConfig c = LlamaReferenceTest.config(2, true);
    GgufWriter w = LlamaGguf.writer(c, LlamaReferenceTest.randomTensors(c, 3), GgmlType.Q8_0,
        LlamaReferenceTest.vocabulary());
    change.accept(w);
    Path file = dir.resolve("bad.gguf");
    try (OutputStream out = Files.newOutputStream(file)) {
      w.write(out);
    }
    return file;
  }

  private void refused(Consumer<GgufWriter> change, String... fragments) throws IOException {
    Path file = write(change);
    var assertion = assertThatThrownBy(() -> {
      try (FloatBackend backend = new FloatBackend(1)) {
        LlamaModel.load(GgufFile.open(file), backend);
      }
    }).isInstanceOf(GgufFormatException.class).hasMessageStartingWith(file.toString());
    for (String f : fragments) {
      assertion.hasMessageContaining(f);
    }
  }

  @Test
  void tokenizerSizeMustMatchTheEmbedding() throws IOException {
    String[] tokens = new String[LlamaReferenceTest.VOCAB + 502];
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = "t" + i;
    }
    refused(w -> w.put("tokenizer.ggml.tokens", GgufValue.ofStrings(tokens)),
        "802 tokens", "token_embd.weight has 300 rows");
  }

  @Test
  void declaredVocabularySizeMustMatchTheEmbedding() throws IOException {
    refused(w -> w.putUint32("llama.vocab_size", 384), "llama.vocab_size = 384", "300 rows");
  }

  @Test
  void ropeBaseMustBeFiniteAndPositive() throws IOException {
    for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, 0f, -10000f}) {
      refused(w -> w.putFloat32("llama.rope.freq_base", bad), "llama.rope.freq_base", "finite, positive");
    }
  }

  @Test
  void rmsEpsilonMustBeFinitePositiveAndSmall() throws IOException {
    for (float bad : new float[] {Float.NaN, Float.NEGATIVE_INFINITY, 0f, -1e-5f, 2f}) {
      refused(w -> w.putFloat32("llama.attention.layer_norm_rms_epsilon", bad),
          "llama.attention.layer_norm_rms_epsilon");
    }
  }

  @Test
  void contextLengthIsBounded() throws IOException {
    refused(w -> w.putUint32("llama.context_length", Integer.MAX_VALUE), "llama.context_length = 2147483647",
        "1 to 1048576");
    refused(w -> w.putUint32("llama.context_length", 0), "llama.context_length = 0");
  }

  @Test
  void otherSizesAreBounded() throws IOException {
    refused(w -> w.putUint32("llama.block_count", 100_000), "llama.block_count = 100000");
    refused(w -> w.putUint32("llama.attention.head_count", 1000), "llama.attention.head_count = 1000");
    refused(w -> w.putUint32("llama.attention.head_count_kv", 8), "llama.attention.head_count_kv = 8");
    refused(w -> w.putUint32("llama.feed_forward_length", 1 << 21), "llama.feed_forward_length");
  }

  @Test
  void embeddingWidthMustMatchTheMetadata() throws IOException {
    refused(w -> w.putUint32("llama.embedding_length", 64), "token_embd.weight has rows of 128", "= 64");
  }

  @Test
  void partialRopeIsRefusedByName() throws IOException {
    refused(w -> w.putUint32("llama.rope.dimension_count", 16), "llama.rope.dimension_count = 16", "head dimension is 32");
  }

  @Test
  void matrixShapesMustMatchTheHyperparameters() throws IOException {
    refused(w -> w.putUint32("llama.feed_forward_length", 512), "blk.0.ffn_gate.weight", "[128, 512]");
  }
}
