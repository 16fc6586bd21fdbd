package org.ferrogen.genai.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build runs on JDK 17, but FerroGen runs on every newer JDK, where the incubating Vector API
 * has changed: its loads and stores from byte arrays and ByteBuffers ({@code fromByteArray},
 * {@code fromByteBuffer}, {@code intoByteArray}, {@code intoByteBuffer}) exist only up to JDK 18
 * (JEP 426 replaced them with MemorySegment ones). Code that calls them compiles and passes every
 * test here and then fails with NoSuchMethodError on JDK 19+, as every quantised model did on JDK
 * 25 until the decodeRow paths copied rows first. This test keeps them out of the sources.
 */
class VectorApiPortabilityTest {
  private static final Pattern REMOVED_AFTER_JDK_18 =
      Pattern.compile("\\.(from|into)(ByteArray|ByteBuffer)\\s*\\(");

  @Test
  void noVectorLoadsOrStoresThatJdk19Removed() throws IOException {
    Path sources = Path.of("src/main/java");
    assertThat(sources).isDirectory();
    List<String> offenders;
    try (Stream<Path> files = Files.walk(sources)) {
      offenders = files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
        try {
          List<String> lines = Files.readAllLines(f);
          return java.util.stream.IntStream.range(0, lines.size())
              .filter(i -> !lines.get(i).trim().startsWith("*") && !lines.get(i).trim().startsWith("//"))
              .filter(i -> REMOVED_AFTER_JDK_18.matcher(lines.get(i)).find())
              .mapToObj(i -> sources.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).trim());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
    assertThat(offenders).as("Vector API calls that do not exist on JDK 19+").isEmpty();
  }
}
