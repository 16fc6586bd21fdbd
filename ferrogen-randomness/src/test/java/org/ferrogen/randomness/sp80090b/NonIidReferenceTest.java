package org.ferrogen.randomness.sp80090b;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reproduces the complete verbose output of NIST's ea_non_iid (commit 68ed165f) for the three
 * reference files: every checkpoint value and every final value to 1e-9 relative, integers exactly.
 */
class NonIidReferenceTest {

  private static final Pattern ESTIMATE =
      Pattern.compile("^(Literal|Bitstring) (.+?) Estimate: (.+?) = (\\S+)$");
  private static final Pattern NOTE = Pattern.compile("^(Literal|Bitstring) (.+?) Estimate: ([^=]+)$");
  private static final Pattern LOADED =
      Pattern.compile("^Loaded (\\d+) samples of (\\d+) distinct (\\d+)-bit-wide symbols$");

  @ParameterizedTest
  @CsvSource({"truerand_1bit, 1", "rand4_short, 4", "normal, 8"})
  void reproducesEveryValueOfTheReferenceRun(String name, int bits) throws IOException {
    Samples samples = Samples.read(ReferenceFiles.bin(name + ".bin"), bits);
    List<String> lines = Files.readAllLines(ReferenceFiles.expected(name + ".res"));
    NonIidAssessment.Result result = NonIidAssessment.assess(samples);

    List<String> checked = new ArrayList<>();
    int estimatorLines = 0;
    for (String line : lines) {
      Matcher m = LOADED.matcher(line);
      if (m.matches()) {
        assertThat(result.samples()).isEqualTo(Integer.parseInt(m.group(1)));
        assertThat(result.alphabetSize()).isEqualTo(Integer.parseInt(m.group(2)));
        continue;
      }
      m = ESTIMATE.matcher(line);
      if (m.matches()) {
        estimatorLines++;
        EstimatorResult e = find(result, m.group(1), m.group(2), line);
        String key = m.group(3);
        double expected = Double.parseDouble(m.group(4));
        Number actual = key.equals("min entropy") ? (Number) e.minEntropy() : e.details().get(key);
        assertThat(actual).as(line).isNotNull();
        if (actual instanceof Long) {
          assertThat(actual.longValue()).as(line).isEqualTo((long) expected);
        } else {
          assertClose(actual.doubleValue(), expected, line);
        }
        checked.add(line);
        continue;
      }
      m = NOTE.matcher(line);
      if (m.matches()) {
        EstimatorResult e = find(result, m.group(1), m.group(2), line);
        assertThat(e.note()).as(line).isEqualTo(m.group(3));
        continue;
      }
      if (line.startsWith("H_bitstring = ")) {
        assertClose(result.hBitstring(), Double.parseDouble(line.substring(14)), line);
      } else if (line.startsWith("H_original: ")) {
        assertClose(result.hOriginal(), Double.parseDouble(line.substring(12)), line);
      } else if (line.startsWith("Assessed min entropy: ")) {
        assertClose(result.hAssessed(), Double.parseDouble(line.substring(22)), line);
      }
    }
    assertThat(estimatorLines).isGreaterThan(40);
    long expectedEstimators =
        lines.stream().filter(s -> s.matches("^(Literal|Bitstring) .* Estimate: min entropy = .*")).count();
    assertThat(result.estimators()).hasSize((int) expectedEstimators);
    assertThat(result.hasBitstring()).isEqualTo(bits > 1);
  }

  private static EstimatorResult find(NonIidAssessment.Result r, String domain, String name, String line) {
    return r.estimators().stream()
        .filter(e -> e.domain().label().equals(domain) && e.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no estimator for: " + line));
  }

  private static void assertClose(double actual, double expected, String what) {
    double tol = 1e-9 * Math.max(Math.abs(expected), Double.MIN_NORMAL);
    assertThat(Math.abs(actual - expected)).as(what + " (got " + actual + ")").isLessThanOrEqualTo(tol);
  }
}
