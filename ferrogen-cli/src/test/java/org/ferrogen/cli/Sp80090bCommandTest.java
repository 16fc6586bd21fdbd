package org.ferrogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class Sp80090bCommandTest {

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cli = FerroGen.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path randomFile(int n, int bits, long seed) throws Exception {
    SplittableRandom rng = new SplittableRandom(seed);
    byte[] d = new byte[n];
    for (int i = 0; i < n; i++) {
      d[i] = (byte) rng.nextInt(1 << bits);
    }
    Path f = dir.resolve("samples-" + bits + ".bin");
    Files.write(f, d);
    return f;
  }

  @Test
  void nonIidJsonFollowsTheContract() throws Exception {
    Path f = randomFile(20_000, 4, 1);
    Run r = run("sp800-90b", f.toString(), "--bits-per-symbol", "4", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("track").asText()).isEqualTo("non-iid");
    assertThat(j.get("samples").asInt()).isEqualTo(20_000);
    assertThat(j.get("bitsPerSymbol").asInt()).isEqualTo(4);
    double hOriginal = j.get("hOriginal").asDouble();
    double hBitstring = j.get("hBitstring").asDouble();
    assertThat(j.get("hAssessed").asDouble())
        .isEqualTo(Math.min(4.0, Math.min(hOriginal, 4 * hBitstring)));
    JsonNode est = j.get("estimators");
    assertThat(est.size()).isEqualTo(17); // 10 bitstring + 7 literal estimates for k > 1
    for (JsonNode e : est) {
      assertThat(e.get("domain").asText()).isIn("literal", "bitstring");
      assertThat(e.get("minEntropy").asDouble()).isPositive();
      assertThat(e.get("name").asText()).isNotBlank();
    }
    assertThat(j.get("warnings").size()).isEqualTo(1);
  }

  @Test
  void humanOutputReadsLikeNistsTool() throws Exception {
    Path f = randomFile(20_000, 1, 2);
    Run r = run("sp800-90b", f.toString(), "-k", "1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Loaded 20000 samples of 2 distinct 1-bit-wide symbols")
        .contains("Literal Most Common Value Estimate: Mode count = ")
        .contains("Literal LZ78Y Prediction Estimate: min entropy = ")
        .contains("H_original: ")
        .contains("Assessed min entropy: ")
        .doesNotContain("Bitstring");
  }

  @Test
  void iidTrackReportsVerdicts() throws Exception {
    Path f = randomFile(10_000, 8, 3);
    Run r = run("sp800-90b", f.toString(), "-k", "8", "--track", "iid", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("track").asText()).isEqualTo("iid");
    assertThat(j.get("permutationTests").get("statistics").size()).isEqualTo(19);
    assertThat(j.get("chiSquare").size()).isEqualTo(2);
    assertThat(j.get("hAssessed").asDouble()).isBetween(5.0, 8.0);
  }

  @Test
  void badInputGivesOneLineErrors() throws Exception {
    Path empty = dir.resolve("empty.bin");
    Files.write(empty, new byte[0]);
    Run r = run("sp800-90b", empty.toString(), "-k", "8");
    assertThat(r.code()).isNotZero();
    assertThat(r.err().strip()).contains("empty.bin").doesNotContain("\n").doesNotContain("Exception");

    Path wide = dir.resolve("wide.bin");
    Files.write(wide, new byte[] {0, 1, 9});
    r = run("sp800-90b", wide.toString(), "-k", "2");
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("wide.bin").contains("9");

    r = run("sp800-90b", wide.toString(), "-k", "9");
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("got 9");

    r = run("sp800-90b", wide.toString(), "-k", "4", "--track", "both");
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("both");
  }
}
