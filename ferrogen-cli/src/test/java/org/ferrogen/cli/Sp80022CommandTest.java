package org.ferrogen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ferrogen.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.ferrogen.randomness.sp80022.SpecialFunctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sp80022CommandTest {



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
    CliRun r = run("sp800-22", file.toString(), "--format", "msb", "--streams", "2", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("streams").asInt()).isEqualTo(2);
    assertThat(root.get("stream_length").asInt()).isEqualTo(1_000_000);
    assertThat(root.get("results")).hasSize(2 * 188);
    JsonNode first = root.get("results").get(0);
    assertThat(first.get("test").asText()).isEqualTo("Frequency");
    assertThat(first.get("variant").asText()).isEmpty();
    assertThat(first.get("stream").asInt()).isZero();
    // The frequency (monobit) test of stream 0 recomputed from the file: P = erfc(|S_n| / sqrt(2n)),
    // S_n = #ones - #zeros over the first 10^6 bits (SP 800-22 rev. 1a, 2.1.4).
    byte[] data = Files.readAllBytes(file);
    long ones = 0;
    for (int i = 0; i < 125_000; i++) {
      ones += Integer.bitCount(data[i] & 0xff);
    }
    double sn = 2 * ones - 1_000_000;
    double expected = SpecialFunctions.erfc(Math.abs(sn) / Math.sqrt(2 * 1_000_000.0));
    assertThat(first.get("p_value").asDouble()).isCloseTo(expected, within(1e-6));
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
    assertThat(root.get("summary").get(0).has("uniformity_p_value")).isTrue();
    assertThat(root.get("battery_pass").isBoolean()).isTrue();
    assertThat(root.get("wall_time_seconds").asDouble()).isPositive();
  }

  @Test
  void tableForManyStreamsAndANoteWhenTooShort(@TempDir Path dir) throws IOException {
    Path file = randomFile(dir, 12_500);
    CliRun r = run("sp800-22", file.toString(), "--format", "lsb", "--stream-length", "10000");
    assertThat(r.out()).contains("RESULTS FOR THE UNIFORMITY OF P-VALUES")
        .contains("10 streams of 10000 bits").contains("Frequency").contains("NonOverlappingTemplate 000000001")
        .contains("Verdict: pass");
    // Tests the streams are too short for are not a failed criterion: exit 0 with a one-line note.
    assertThat(r.exit()).isZero();
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
    assertThat(r.err()).startsWith("sp800-22: note: streams of 10000 bits are too short for")
        .contains("Universal (needs at least 387840 bits");
  }

  @Test
  void exitCodeIsOneOnlyWhenTheBatteryCriterionFails(@TempDir Path dir) throws IOException {
    // A generator that fails many lines: bytes with every bit 1 three times in four.
    byte[] biased = new byte[50_000];
    SplittableRandom rng = new SplittableRandom(7);
    for (int i = 0; i < biased.length; i++) {
      int b = 0;
      for (int k = 0; k < 8; k++) {
        b = (b << 1) | (rng.nextInt(4) == 0 ? 0 : 1);
      }
      biased[i] = (byte) b;
    }
    Path bad = dir.resolve("biased.bin");
    Files.write(bad, biased);
    CliRun r = run("sp800-22", bad.toString(), "--format", "msb", "--streams", "10");
    assertThat(r.out()).contains("FAIL").contains("Verdict: FAIL");
    assertThat(r.exit()).isEqualTo(ExitCode.CRITERION_FAILED);
    // Good bits: ran and passed, 0 (the false-failure rate of the battery criterion is about 1 %;
    // seed 42 is one of the 99 %).
    CliRun good = run("sp800-22", randomFile(dir, 50_000).toString(), "--format", "msb", "--streams", "10");
    assertThat(good.exit()).as(good.out()).isEqualTo(ExitCode.OK);
    // Bad input: 2.
    assertThat(run("sp800-22", dir.resolve("none").toString()).exit()).isEqualTo(ExitCode.BAD_INPUT);
  }

  @Test
  void binaryFileReadAsAsciiIsRefusedWithAHint(@TempDir Path dir) throws IOException {
    Path binary = randomFile(dir, 2_000);
    CliRun r = run("sp800-22", binary.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("is not an ASCII bit file").contains("--format msb");
    // And the other way round: an ASCII bit file read as raw bytes.
    Path ascii = dir.resolve("bits.txt");
    Files.writeString(ascii, "0110".repeat(100));
    CliRun other = run("sp800-22", ascii.toString(), "--format", "msb");
    assertThat(other.exit()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(other.err()).contains("--format ascii");
  }

  @Test
  void dashReadsStandardInput(@TempDir Path dir) throws IOException {
    java.io.InputStream saved = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream(Files.readAllBytes(randomFile(dir, 12_500))));
      CliRun r = run("sp800-22", "-", "--format", "msb", "--json");
      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode root = new ObjectMapper().readTree(r.out());
      assertThat(root.get("file").asText()).isEqualTo("(stdin)");
      assertThat(root.get("stream_length").asInt()).isEqualTo(100_000);
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void asciiDefaultAndBadInputsGiveOneLineErrors(@TempDir Path dir) throws IOException {
    Path ascii = dir.resolve("bits.txt");
    Files.writeString(ascii, "01".repeat(200) + "\n");
    CliRun tooFew = run("sp800-22", ascii.toString(), "--streams", "1000");
    assertThat(tooFew.exit()).isNotZero();
    assertThat(tooFew.err()).startsWith("sp800-22: ").contains("400 bits");
    CliRun missing = run("sp800-22", dir.resolve("nope.bin").toString());
    assertThat(missing.exit()).isNotZero();
    assertThat(missing.err().strip()).startsWith("sp800-22: ").contains("nope.bin").doesNotContain("Exception");
    CliRun badFormat = run("sp800-22", ascii.toString(), "--format", "hex");
    assertThat(badFormat.exit()).isNotZero();
    assertThat(badFormat.err()).contains("hex");
    Path empty = dir.resolve("empty.txt");
    Files.writeString(empty, "");
    assertThat(run("sp800-22", empty.toString()).err()).contains("is empty");
  }
}
