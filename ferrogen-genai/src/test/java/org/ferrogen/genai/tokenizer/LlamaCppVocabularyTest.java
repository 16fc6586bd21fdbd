package org.ferrogen.genai.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ferrogen.genai.gguf.GgufFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * llama.cpp's tokenizer test vocabularies ({@code ${ferrogen.shared}/reference/gguf/vocab}, as used
 * by its test-tokenizer-0): every text of {@code NAME.gguf.inp} must give exactly the ids of the
 * matching line of {@code NAME.gguf.out} (no BOS/EOS, special tokens not parsed). Skipped when the
 * shared folder is absent.
 */
class LlamaCppVocabularyTest {
  static Path vocabDir() {
    String shared = System.getProperty("ferrogen.shared");
    return shared == null ? null : Path.of(shared, "reference", "gguf", "vocab");
  }

  static Stream<String> vocabularies() throws IOException {
    Path dir = vocabDir();
    if (dir == null || !Files.isDirectory(dir)) {
      return Stream.of("(absent)");
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".gguf")).sorted()
          .collect(Collectors.toList()).stream();
    }
  }

  /** The texts of an .inp file: separated by a line __ggml_vocab_test__, each followed by one. */
  static List<String> texts(Path inp) throws IOException {
    String all = Files.readString(inp, StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>(Arrays.asList(all.split("\n__ggml_vocab_test__\n", -1)));
    assertThat(out.remove(out.size() - 1)).as("text after the last separator").isEmpty();
    return out;
  }

  @ParameterizedTest
  @MethodSource("vocabularies")
  void everyTestTextGivesLlamaCppsIds(String name) throws IOException {
    Path dir = vocabDir();
    assumeTrue(dir != null && Files.isDirectory(dir),
        "llama.cpp vocabularies not found (system property ferrogen.shared = " + System.getProperty("ferrogen.shared") + ")");
    Tokenizer tok = Tokenizers.fromGguf(GgufFile.open(dir.resolve(name)));
    List<String> texts = texts(dir.resolve(name + ".inp"));
    List<String> expected = Files.readAllLines(dir.resolve(name + ".out"), StandardCharsets.UTF_8);
    assertThat(expected).hasSameSizeAs(texts);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String want = expected.get(i).trim();
      String got = Arrays.stream(tok.encode(texts.get(i))).mapToObj(Integer::toString).collect(Collectors.joining(" "));
      if (!got.equals(want)) {
        failures.add("text " + i + " " + escape(texts.get(i)) + ": expected [" + want + "] got [" + got + "]");
      }
    }
    assertThat(failures).as("%s: %d of %d texts differ", name, failures.size(), texts.size()).isEmpty();
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder("'");
    for (int i = 0; i < s.length() && i < 60; i++) {
      char c = s.charAt(i);
      sb.append(c == '\n' ? "\\n" : c == '\t' ? "\\t" : c == '\r' ? "\\r" : String.valueOf(c));
    }
    return sb.append(s.length() > 60 ? "...'" : "'").toString();
  }
}
