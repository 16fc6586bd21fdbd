package org.ferrogen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferrogen.cli.CliRun.run;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ferrogen.genai.gguf.GgmlType;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.gguf.GgufTensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gguf random / quantize / info and tokenize, end to end. */
class GgufToolsCliTest {
  @TempDir static Path dir;
  static Path model;



  @BeforeAll
  static void writeModel() {
    model = dir.resolve("tiny.gguf");
    // 4 layers of width 256, so that the attention matrices can be K-quants.
    CliRun r = run("gguf", "random", "--param-count", "3.3M", "--vocab", "300", "--context-length", "64", "--type", "f16",
        "--seed", "1", "-o", model.toString());
    assertThat(r.exit()).as(r.err()).isZero();
  }

  @Test
  void randomModelsNameTheirSpecialTokens() throws IOException {
    GgufFile f = GgufFile.open(model);
    assertThat(f.requireLong("tokenizer.ggml.bos_token_id")).isEqualTo(256);
    assertThat(f.requireLong("tokenizer.ggml.eos_token_id")).isEqualTo(257);
    String[] tokens = (String[]) f.get("tokenizer.ggml.tokens").value();
    assertThat(tokens[256]).isEqualTo("<s>");
    assertThat(tokens[257]).isEqualTo("</s>");
    assertThat(tokens['A']).isEqualTo("A");
    assertThat(tokens[' ']).isEqualTo("\u0120");
  }

  @Test
  void quantizeWritesKQuantsThatRun() throws IOException {
    for (String type : new String[] {"q4_k", "q6_k"}) {
      Path out = dir.resolve(type + ".gguf");
      CliRun q = run("gguf", "quantize", "-m", model.toString(), "--type", type, "-o", out.toString());
      assertThat(q.exit()).as(q.err()).isZero();
      GgufFile f = GgufFile.open(out);
      GgmlType want = GgmlType.parse(type);
      for (GgufTensor t : f.tensors().values()) {
        GgmlType expected = t.dimensions().length == 1 ? GgmlType.F32 : want.forRowLength(t.dimension(0));
        assertThat(t.type()).as(t.name()).isEqualTo(expected);
      }
      assertThat(f.tensors().get("blk.0.attn_q.weight").type()).isEqualTo(want);
      CliRun g = run("generate", "--model", out.toString(), "--prompt", "ab", "--max-tokens", "4", "--seed", "1");
      assertThat(g.exit()).as(g.err()).isZero();
    }
    CliRun bad = run("gguf", "quantize", "-m", model.toString(), "--type", "q3_k", "-o", dir.resolve("x.gguf").toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("q3_k").contains("cannot be written");
    assertThat(Files.exists(dir.resolve("x.gguf"))).isFalse();
  }

  /** A GGUF holding one IQ2_XS tensor (ggml type 17, 74 bytes per 256 elements), written by hand. */
  static Path iq2xsFile() throws IOException {
    ByteBuffer b = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0x46554747).putInt(3).putLong(1).putLong(1);
    putString(b, "general.architecture");
    b.putInt(8);
    putString(b, "llama");
    putString(b, "token_embd.weight");
    b.putInt(2).putLong(256).putLong(2).putInt(17).putLong(0);
    int data = (b.position() + 31) / 32 * 32;
    Path p = dir.resolve("iq2xs.gguf");
    byte[] bytes = new byte[data + 2 * 74];
    System.arraycopy(b.array(), 0, bytes, 0, b.position());
    Files.write(p, bytes);
    return p;
  }

  private static void putString(ByteBuffer b, String s) {
    byte[] u = s.getBytes(StandardCharsets.UTF_8);
    b.putLong(u.length).put(u);
  }

  @Test
  void infoListsTypesThisBuildCannotRun() throws IOException {
    Path f = iq2xsFile();
    CliRun text = run("gguf", "info", f.toString());
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains("token_embd.weight").contains("IQ2_XS").contains("not runnable")
        .contains("tensor types this build runs: f32, f16, q4_0, q4_1, q5_0, q5_1, q8_0, q2_k, q3_k, q4_k, q5_k, q6_k, bf16");
    JsonNode j = new ObjectMapper().readTree(run("gguf", "info", f.toString(), "--json").out());
    assertThat(j.get("runnable").asBoolean()).isFalse();
    assertThat(j.get("types_not_runnable").get(0).asText()).isEqualTo("IQ2_XS");
    assertThat(j.get("tensors").get(0).get("runnable").asBoolean()).isFalse();
  }

  @Test
  void tokenizePrintsIdsAndPieces() throws IOException {
    CliRun r = run("tokenize", "-m", model.toString(), "-p", "ab\n");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("97  'a'").contains("98  'b'").contains("'\\n'").contains("3 tokens");
    JsonNode j = new ObjectMapper().readTree(run("tokenize", "-m", model.toString(), "-p", "ab", "--json").out());
    assertThat(j.get("token_count").asInt()).isEqualTo(2);
    assertThat(j.get("pre_tokenizer").asText()).isEqualTo("gpt-2");
    assertThat(j.get("tokens").get(1).get("id").asInt()).isEqualTo(98);
    Path text = dir.resolve("prompt.txt");
    Files.writeString(text, "ba");
    assertThat(run("tokenize", "-m", model.toString(), "-f", text.toString(), "--ids-only").out().trim()).isEqualTo("98 97");
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream("a".getBytes(StandardCharsets.UTF_8)));
      assertThat(run("tokenize", "-m", model.toString(), "--ids-only").out().trim()).isEqualTo("97");
    } finally {
      System.setIn(stdin);
    }
    CliRun both = run("tokenize", "-m", model.toString(), "-p", "a", "-f", text.toString());
    assertThat(both.exit()).isEqualTo(2);
    CliRun absent = run("tokenize", "-m", dir.resolve("absent.gguf").toString(), "-p", "a");
    assertThat(absent.exit()).isEqualTo(2);
    assertThat(absent.err()).contains("absent.gguf");
  }

  @Test
  void tokenizeUsesTheVocabularysPreTokenizer() {
    String shared = System.getProperty("ferrogen.shared");
    Path vocab = shared == null ? null : Path.of(shared, "reference", "gguf", "vocab", "ggml-vocab-llama-bpe.gguf");
    assumeTrue(vocab != null && Files.isRegularFile(vocab), "llama.cpp vocabularies not found (ferrogen.shared)");
    CliRun r = run("tokenize", "-m", vocab.toString(), "-p", "ied 4 \u00bd months", "--ids-only");
    assertThat(r.out().trim()).isEqualTo("1142 220 19 220 27154 4038");
  }
}
