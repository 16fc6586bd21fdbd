package org.ferrogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class Sp80022CommandTest {

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cli = FerroGen.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static Path randomFile(Path dir, int bytes) throws IOException {
    byte[] data = new byte[bytes];
    new SplittableRandom(42).nextBytes(data);
    Path file = dir.resolve("random.bin");
    Files.write(file, data);
    return file;
  }

  @Test
  void jsonHasFlatResultsSummaryAndWallTime(@TempDir Path dir) throws IOException {
    Path file = randomFile(dir, 2 * 125_000);
    Run r = run("sp800-22", file.toString(), "--format", "msb", "--streams", "2", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("streams").asInt()).isEqualTo(2);
    assertThat(root.get("streamLength").asInt()).isEqualTo(1_000_000);
    assertThat(root.get("results")).hasSize(2 * 188);
    JsonNode first = root.get("results").get(0);
    assertThat(first.get("test").asText()).isEqualTo("Frequency");
    assertThat(first.get("variant").asText()).isEmpty();
    assertThat(first.get("stream").asInt()).isZero();
    assertThat(first.get("pValue").asDouble()).isBetween(0.0, 1.0);
    boolean template = false;
    for (JsonNode n : root.get("results")) {
      if (n.get("test").asText().equals("NonOverlappingTemplate") && n.get("variant").asText().equals("000000001")) {
        template = true;
      }
      if (n.get("test").asText().equals("RandomExcursions")) {
        assertThat(n.get("variant").asText()).matches("x=[-+][1-4]");
      }
    }
    assertThat(template).isTrue();
    assertThat(root.get("summary")).hasSize(188);
    assertThat(root.get("summary").get(0).has("uniformityPValue")).isTrue();
    assertThat(root.get("wallTimeSeconds").asDouble()).isPositive();
  }

  @Test
  void tableForManyStreamsAndOneLineErrorWhenTooShort(@TempDir Path dir) throws IOException {
    Path file = randomFile(dir, 12_500);
    Run r = run("sp800-22", file.toString(), "--format", "lsb", "--stream-length", "10000");
    assertThat(r.out()).contains("RESULTS FOR THE UNIFORMITY OF P-VALUES")
        .contains("10 streams of 10000 bits").contains("Frequency").contains("NonOverlappingTemplate 000000001");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
    assertThat(r.err()).startsWith("sp800-22: streams of 10000 bits are too short for")
        .contains("Universal (needs at least 387840 bits");
  }

  @Test
  void asciiDefaultAndBadInputsGiveOneLineErrors(@TempDir Path dir) throws IOException {
    Path ascii = dir.resolve("bits.txt");
    Files.writeString(ascii, "01".repeat(200) + "\n");
    Run tooFew = run("sp800-22", ascii.toString(), "--streams", "1000");
    assertThat(tooFew.exit()).isNotZero();
    assertThat(tooFew.err()).startsWith("sp800-22: ").contains("400 bits");
    Run missing = run("sp800-22", dir.resolve("nope.bin").toString());
    assertThat(missing.exit()).isNotZero();
    assertThat(missing.err().strip()).startsWith("sp800-22: ").contains("nope.bin").doesNotContain("Exception");
    Run badFormat = run("sp800-22", ascii.toString(), "--format", "hex");
    assertThat(badFormat.exit()).isNotZero();
    assertThat(badFormat.err()).contains("hex");
    Path empty = dir.resolve("empty.txt");
    Files.writeString(empty, "no bits here");
    assertThat(run("sp800-22", empty.toString()).err()).contains("holds no bits");
  }
}
