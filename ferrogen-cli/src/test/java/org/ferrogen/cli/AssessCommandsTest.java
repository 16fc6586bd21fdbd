package org.ferrogen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferrogen.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code trng assess} and {@code puf assess} end to end, on small runs. */
class AssessCommandsTest {



  @Test
  void trngAssessReportsEntropyCircuitBatteryAndClaims() throws Exception {
    CliRun r = run("trng", "assess", "--trng-design", "pair", "--samples", "20000", "--streams", "12",
        "--stream-length", "100000", "--seed", "3", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.get("design").asText()).isEqualTo("pair");
    assertThat(doc.get("seed").asText()).isEqualTo("3");
    assertThat(doc.get("raw_samples").asInt()).isEqualTo(20000);
    assertThat(doc.get("estimators")).hasSize(10);
    double h = doc.get("h_assessed").asDouble();
    assertThat(h).isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
    assertThat(doc.get("warnings").get(0).asText()).contains("fewer than the 1000000");
    assertThat(doc.get("ones_fraction").asDouble()).isBetween(0.48, 0.52);
    assertThat(doc.get("rct_cutoff").asInt()).isEqualTo(26); // 1 + ceil(20 / 0.8)
    assertThat(doc.get("raw_bit_rate_bits_per_s").asDouble()).isGreaterThan(1e6);
    assertThat(doc.get("latency_seconds").asDouble()).isBetween(1e-9, 1e-5);
    double energy = 0;
    for (JsonNode e : doc.get("energy")) {
      energy += e.get("energy_per_sample_j").asDouble();
    }
    assertThat(energy).isCloseTo(doc.get("energy_per_raw_bit_j").asDouble(), org.assertj.core.api.Assertions.within(1e-18));
    // A full-entropy bit carries its raw bits, its share of the SHA-256 conditioner and one DRBG bit.
    double fullBit = 0;
    for (JsonNode e : doc.get("full_entropy_bit_energy")) {
      fullBit += e.get("energy_per_bit_j").asDouble();
    }
    assertThat(doc.get("full_entropy_bit_energy")).extracting(e -> e.get("component").asText())
        .contains("SHA-256 conditioner", "DRBG (CTR_DRBG/AES-256)");
    assertThat(fullBit).isCloseTo(doc.get("energy_per_full_entropy_bit_j").asDouble(), org.assertj.core.api.Assertions.within(1e-18))
        .isGreaterThan(doc.get("raw_bits_per_full_entropy_bit").asDouble() * energy);
    assertThat(doc.get("technology").asText()).isEqualTo("28nm");
    assertThat(doc.get("sp80022_streams").asInt()).isEqualTo(12);
    assertThat(doc.get("sp80022").size()).isGreaterThan(150);
    JsonNode chance = doc.get("sp80022_chance");
    assertThat(chance.get("lines").asInt()).isPositive();
    // An ideal generator fails each line with a small probability: a few lines expected, and "at
    // least as many failures as seen" is certain exactly when none was seen.
    assertThat(chance.get("expected_failures").asDouble()).isPositive().isLessThan(0.1 * chance.get("lines").asInt());
    if (chance.get("failed").asInt() == 0) {
      assertThat(chance.get("at_least_as_many").asDouble()).isEqualTo(1.0);
    } else {
      assertThat(chance.get("at_least_as_many").asDouble()).isGreaterThan(0.0).isLessThan(1.0);
    }
    assertThat(doc.get("claims")).extracting(c -> c.get("claim").asText())
        .contains("raw rate", "latency per bit", "min-entropy per raw bit", "energy per raw bit");
    // The claims' model values are numbers elsewhere in the document, never strings with units.
    assertThat(doc.get("claims").get(2).has("model")).isFalse();
    assertThat(doc.get("claims").get(2).get("met").isBoolean()).isTrue();
    assertThat(doc.get("seed").asLong()).isEqualTo(3);

    CliRun again = run("trng", "assess", "--trng-design", "pair", "--samples", "20000", "--streams", "12",
        "--stream-length", "100000", "--seed", "3", "--json");
    assertThat(again.out()).as("same seed, same report").isEqualTo(r.out());
  }

  @Test
  void trngAssessHumanReportNamesEverySection() {
    CliRun r = run("trng", "assess", "--trng-design", "ring", "--samples", "20000", "--streams", "0", "--seed", "4");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("SIMULATION", "Raw source (20000 samples)", "assessed min-entropy",
        "health-test alarms", "raw rate", "latency per bit", "energy per raw bit",
        "Product brief claims vs this model", "< 100 ns", "~10 pJ");
    assertThat(r.out()).doesNotContain("SP 800-22 on conditioned output");
  }

  @Test
  void pufAssessComparesWithLi2025() throws Exception {
    CliRun r = run("puf", "assess", "--chips", "8", "--cells", "1024", "--seed", "1", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode doc = new ObjectMapper().readTree(r.out());
    JsonNode result = doc.get("result");
    assertThat(result.get("chips").asInt()).isEqualTo(8);
    assertThat(result.get("uniformity_mean").asDouble()).isBetween(0.45, 0.55);
    assertThat(result.get("uniqueness_mean").asDouble()).isBetween(0.45, 0.55);
    assertThat(doc.get("reference").get("bit_error_rate_85c").asDouble()).isEqualTo(0.007);
    double cold = Double.NaN;
    double hot = Double.NaN;
    for (JsonNode p : result.get("reliability")) {
      if (p.get("noise_scale").asDouble() == 1) {
        if (p.get("celsius").asDouble() == 25) {
          cold = p.get("masked_bit_error_rate").asDouble();
        } else if (p.get("celsius").asDouble() == 125) {
          hot = p.get("masked_bit_error_rate").asDouble();
        }
      }
    }
    assertThat(hot).as("heat raises the bit-error rate").isGreaterThan(cold);

    CliRun human = run("puf", "assess", "--chips", "4", "--cells", "512", "--seed", "1");
    assertThat(human.exit()).isZero();
    assertThat(human.out()).contains("uniformity", "uniqueness (inter-chip HD)", "(Li: 0.7 %)");
  }

  @Test
  void badCountsAreOneLineErrors() {
    CliRun r = run("puf", "assess", "--chips", "1");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    CliRun t = run("trng", "assess", "--trng-design", "cell", "--samples", "0");
    assertThat(t.exit()).isEqualTo(2);
    assertThat(t.err().strip().lines()).hasSize(1);
  }
}
