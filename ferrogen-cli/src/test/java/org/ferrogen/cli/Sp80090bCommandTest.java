package org.ferrogen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferrogen.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sp80090bCommandTest {

  @TempDir Path dir;



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

  // Issue 16: 10 samples exited 0 with "Assessed min entropy: -0.0" and no warning.
  @Test
  void tooFewSamplesWarnAndFailUnderStrictAndZeroHasNoSign() throws Exception {
    Path f = dir.resolve("ten.bin");
    Files.write(f, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
    CliRun r = run("sp800-90b", f.toString(), "-k", "1");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Assessed min entropy: ").doesNotContain("-0.0");
    assertThat(r.err()).contains("warning: 10 samples, fewer than the 1000000 SP 800-90B requires");
    CliRun strict = run("sp800-90b", f.toString(), "-k", "1", "--strict");
    assertThat(strict.exit()).isEqualTo(1);
    assertThat(strict.err()).contains("exit code 1 under --strict");
    CliRun json = run("sp800-90b", f.toString(), "-k", "1", "--json");
    assertThat(json.out()).doesNotContain("-0.0");
  }

  @Test
  void nonIidJsonFollowsTheContract() throws Exception {
    Path f = randomFile(20_000, 4, 1);
    CliRun r = run("sp800-90b", f.toString(), "--bits-per-symbol", "4", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("track").asText()).isEqualTo("non-iid");
    assertThat(j.get("samples").asInt()).isEqualTo(20_000);
    assertThat(j.get("bits_per_symbol").asInt()).isEqualTo(4);
    double hOriginal = j.get("h_original").asDouble();
    double hBitstring = j.get("h_bitstring").asDouble();
    assertThat(j.get("h_assessed").asDouble())
        .isEqualTo(Math.min(4.0, Math.min(hOriginal, 4 * hBitstring)));
    JsonNode est = j.get("estimators");
    assertThat(est.size()).isEqualTo(17); // 10 bitstring + 7 literal estimates for k > 1
    for (JsonNode e : est) {
      assertThat(e.get("domain").asText()).isIn("literal", "bitstring");
      assertThat(e.get("min_entropy_bits").asDouble()).isPositive();
      assertThat(e.get("name").asText()).isNotBlank();
    }
    assertThat(j.get("warnings").size()).isEqualTo(1);
  }

  @Test
  void humanOutputReadsLikeNistsTool() throws Exception {
    Path f = randomFile(20_000, 1, 2);
    CliRun r = run("sp800-90b", f.toString(), "-k", "1");
    assertThat(r.exit()).as(r.err()).isZero();
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
    // Exit code 1 exactly when the IID tests reject the IID assumption: these 10^4 samples fail the
    // chi-square test (whatever the permutation seed), so the verdict is "rejected" and the code 1.
    CliRun r = run("sp800-90b", f.toString(), "-k", "8", "--track", "iid", "--json", "--seed", "20240712");
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("track").asText()).isEqualTo("iid");
    assertThat(j.get("permutation_tests").get("statistics").size()).isEqualTo(19);
    assertThat(j.get("chi_square").size()).isEqualTo(2);
    assertThat(j.get("h_assessed").asDouble()).isBetween(5.0, 8.0);
    assertThat(r.exit()).as(r.err()).isEqualTo(j.get("iid").asBoolean() ? ExitCode.OK : ExitCode.CRITERION_FAILED);
    assertThat(j.get("permutation_tests").get("seed").asLong()).isEqualTo(20240712L);
  }

  @Test
  void badInputGivesOneLineErrors() throws Exception {
    Path empty = dir.resolve("empty.bin");
    Files.write(empty, new byte[0]);
    CliRun r = run("sp800-90b", empty.toString(), "-k", "8");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err().strip()).contains("empty.bin").doesNotContain("\n").doesNotContain("Exception");

    Path wide = dir.resolve("wide.bin");
    Files.write(wide, new byte[] {0, 1, 9});
    r = run("sp800-90b", wide.toString(), "-k", "2");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("wide.bin").contains("9");

    r = run("sp800-90b", wide.toString(), "-k", "9");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("got 9");

    r = run("sp800-90b", wide.toString(), "-k", "4", "--track", "both");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("both");
  }

  @Test
  void readsThePackedOutputOfTrngRawAndStandardInput() throws Exception {
    Path raw = dir.resolve("raw.bin");
    assertThat(FerroGen.execute("trng", "--raw", "--bytes", "2500", "--seed", "1", "-o", raw.toString())).isZero();
    // Byte-per-symbol reading of packed bits fails, and says what to do.
    CliRun wrong = run("sp800-90b", raw.toString(), "-k", "1");
    assertThat(wrong.exit()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(wrong.err()).contains("does not fit").contains("--format packed-msb");
    CliRun packed = run("sp800-90b", raw.toString(), "-k", "1", "--format", "packed-msb", "--json", "--out-dir",
        dir.resolve("plots").toString());
    assertThat(dir.resolve("plots/sp800-90b-estimators.svg")).exists();
    assertThat(packed.exit()).as(packed.err()).isZero();
    var j = new ObjectMapper().readTree(packed.out());
    assertThat(j.get("samples").asInt()).isEqualTo(20_000);
    assertThat(j.get("format").asText()).isEqualTo("packed-msb");
    // The same samples one per byte give the same assessment.
    byte[] bytes = Files.readAllBytes(raw);
    byte[] unpacked = new byte[bytes.length * 8];
    for (int i = 0; i < unpacked.length; i++) {
      unpacked[i] = (byte) ((bytes[i / 8] >> (7 - i % 8)) & 1);
    }
    Path perByte = dir.resolve("per-byte.bin");
    Files.write(perByte, unpacked);
    var k = new ObjectMapper().readTree(run("sp800-90b", perByte.toString(), "-k", "1", "--json").out());
    assertThat(k.get("h_assessed").asDouble()).isEqualTo(j.get("h_assessed").asDouble());
    java.io.InputStream saved = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream(bytes));
      CliRun stdin = run("sp800-90b", "-", "-k", "1", "--format", "packed-msb", "--json");
      assertThat(stdin.exit()).as(stdin.err()).isZero();
      assertThat(new ObjectMapper().readTree(stdin.out()).get("h_assessed").asDouble()).isEqualTo(j.get("h_assessed").asDouble());
    } finally {
      System.setIn(saved);
    }
  }
}
