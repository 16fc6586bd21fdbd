package org.ferrogen.randomness.sp80022;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ferrogen.randomness.bits.BitSequence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SP 800-22 rev1a Appendix B: all 15 tests on the first 10^6 bits of pi and e with the STS
 * defaults, to 2e-6, read from appendix-b-pi-e.csv.
 */
class AppendixBTest {

  /** CSV row label prefix → (test, variant). */
  private static final Map<String, String[]> ROWS = Map.ofEntries(
      Map.entry("Frequency", new String[] {"Frequency", ""}),
      Map.entry("BlockFrequency", new String[] {"BlockFrequency", ""}),
      Map.entry("CumulativeSums forward", new String[] {"CumulativeSums", "forward"}),
      Map.entry("CumulativeSums reverse", new String[] {"CumulativeSums", "reverse"}),
      Map.entry("Runs", new String[] {"Runs", ""}),
      Map.entry("LongestRunOfOnes", new String[] {"LongestRun", ""}),
      Map.entry("Rank", new String[] {"Rank", ""}),
      Map.entry("DFT/Spectral", new String[] {"FFT", ""}),
      Map.entry("NonOverlappingTemplate", new String[] {"NonOverlappingTemplate", "000000001"}),
      Map.entry("OverlappingTemplate", new String[] {"OverlappingTemplate", ""}),
      Map.entry("Universal", new String[] {"Universal", ""}),
      Map.entry("ApproximateEntropy", new String[] {"ApproximateEntropy", ""}),
      Map.entry("RandomExcursions (", new String[] {"RandomExcursions", "x=+1"}),
      Map.entry("RandomExcursionsVariant", new String[] {"RandomExcursionsVariant", "x=-1"}),
      Map.entry("LinearComplexity", new String[] {"LinearComplexity", ""}),
      Map.entry("Serial (m=16) p-value1", new String[] {"Serial", "1"}),
      Map.entry("Serial (m=16) p-value2", new String[] {"Serial", "2"}));

  @BeforeAll
  static void requireReferenceData() {
    ReferenceData.require("appendix-b-pi-e.csv");
  }

  static Stream<Arguments> rows() throws IOException {
    List<String> lines = Files.readAllLines(ReferenceData.require("appendix-b-pi-e.csv"));
    List<Arguments> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      int lastComma = line.lastIndexOf(',');
      int prevComma = line.lastIndexOf(',', lastComma - 1);
      String label = line.substring(0, prevComma).replace("\"", "");
      double pi = Double.parseDouble(line.substring(prevComma + 1, lastComma));
      double e = Double.parseDouble(line.substring(lastComma + 1));
      String[] key = ROWS.entrySet().stream()
          .filter(en -> label.startsWith(en.getKey()))
          .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
          .orElseThrow(() -> new IllegalStateException("unmapped row " + label))
          .getValue();
      out.add(Arguments.of(label, key[0], key[1], "data.pi", pi));
      out.add(Arguments.of(label, key[0], key[1], "data.e", e));
    }
    assertThat(out).hasSize(34);
    return out.stream();
  }

  @ParameterizedTest(name = "{0} on {3}")
  @MethodSource("rows")
  void matchesAppendixB(String label, String test, String variant, String file, double expected) {
    BitSequence bits = ReferenceData.million(file);
    TestResult result = Sp80022Test.fromStsName(test).run(bits, Sp80022Parameters.defaults());
    assertThat(result.pValue(variant)).as(label + " on " + file).isCloseTo(expected, within(2e-6));
  }
}
