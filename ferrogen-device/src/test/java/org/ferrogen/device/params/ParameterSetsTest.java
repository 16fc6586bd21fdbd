package org.ferrogen.device.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParameterSetsTest {

  @Test
  void everyBuiltInSetSurvivesAYamlRoundTrip() {
    for (String name : ParameterSets.names()) {
      DeviceParams p = ParameterSets.byName(name);
      String yaml = ParameterSets.toYaml(p);
      assertThat(ParameterSets.parse(yaml, name + ".yaml")).isEqualTo(p);
    }
  }

  @Test
  void theThreeRequiredSetsExistWithCitations() {
    assertThat(ParameterSets.names()).contains("cea-leti-2025", "deng-2020-mfm", "deng-2020-fefet");
    assertThat(ParameterSets.byName("cea-leti-2025").citation()).contains("Nature Electronics");
    assertThat(ParameterSets.byName("deng-2020-fefet").film().domainCount()).isEqualTo(20);
  }

  @Test
  void ceaDielectricCapacitanceMatchesThePaper() {
    // Martemucci 2025 reports C_D ≈ 9.5 fF for 600 nm × 600 nm, 10 nm, ε_r = 29.7.
    double cd = ParameterSets.byName("cea-leti-2025").film().dielectricCapacitanceF();
    assertThat(cd).isBetween(9.0e-15, 10.0e-15);
  }

  @Test
  void negativeThicknessIsRejectedNamingTheField() {
    String yaml =
        ParameterSets.toYaml(ParameterSets.byName("deng-2020-mfm"))
            .replace("thicknessM: 1.0E-8", "thicknessM: -1.0E-8");
    assertThat(yaml).contains("-1.0E-8");
    assertThatThrownBy(() -> ParameterSets.parse(yaml, "bad.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.yaml")
        .hasMessageContaining("film.thicknessM")
        .hasMessageContaining("got -1e-8");
  }

  @Test
  void zeroBetaIsRejectedNamingTheField() {
    String yaml =
        ParameterSets.toYaml(ParameterSets.byName("deng-2020-fefet")).replace("beta: 2.0", "beta: 0");
    assertThatThrownBy(() -> ParameterSets.parse(yaml, "b.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kinetics.beta");
  }

  @Test
  void unknownFieldsMissingFieldsAndBrokenYamlGiveClearErrors() {
    String good = ParameterSets.toYaml(ParameterSets.byName("deng-2020-mfm"));
    assertThatThrownBy(() -> ParameterSets.parse(good.replace("name:", "name: x\nnmae:"), "t.yaml"))
        .hasMessageContaining("nmae");
    assertThatThrownBy(() -> ParameterSets.parse(good.replace("  tau0S:", "  # tau0S:"), "t.yaml"))
        .hasMessageContaining("tau0S");
    assertThatThrownBy(() -> ParameterSets.parse("film: [unclosed", "t.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("t.yaml");
  }

  @Test
  void unknownNameListsTheKnownSets() {
    assertThatThrownBy(() -> ParameterSets.byName("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope")
        .hasMessageContaining("cea-leti-2025");
  }

  // Issue 16: a domain area of 1e-30 m² overflowed the domain count to -1,222,377,536.
  @Test
  void aTinyDomainAreaIsBoundedInsteadOfOverflowingTheDomainCount() {
    String yaml =
        ParameterSets.toYaml(ParameterSets.byName("deng-2020-mfm")).replace("domainAreaM2: 5.0E-16", "domainAreaM2: 1e-30");
    assertThat(yaml).contains("1e-30");
    assertThatThrownBy(() -> ParameterSets.parse(yaml, "d.yaml"))
        .hasMessage("d.yaml: film.domainAreaM2: must be 1e-18..0.000001 m², got 1e-30 (a domain is at least 1 nm²)");
    // Within the physical bounds the domain count is a resource limit, checked before it is an int.
    String many = yaml.replace("domainAreaM2: 1e-30", "domainAreaM2: 1e-18").replace("areaM2: 1.0E-12", "areaM2: 1.0E-6");
    assertThatThrownBy(() -> ParameterSets.parse(many, "d.yaml"))
        .hasMessageStartingWith("d.yaml: film.areaM2 / film.domainAreaM2 = 1.00e+12 domains; at most 16777216");
  }

  // Issue 16: thicknessM: 1e308 ran to "waveform segment 0 has voltage Infinity".
  @Test
  void anAbsurdThicknessIsRefusedWithItsLimit() {
    String yaml =
        ParameterSets.toYaml(ParameterSets.byName("deng-2020-mfm")).replace("thicknessM: 1.0E-8", "thicknessM: 1e308");
    assertThatThrownBy(() -> ParameterSets.parse(yaml, "t.yaml"))
        .hasMessage("t.yaml: film.thicknessM: must be 1e-10..0.000001 m, got 1e308"
            + " (ferroelectric HfO2/HZO films are nm thin)");
  }

  @Test
  void aMisspelledFieldGetsASuggestion() {
    String yaml = ParameterSets.toYaml(ParameterSets.byName("deng-2020-mfm")).replace("tau0S:", "tau0s_:");
    assertThatThrownBy(() -> ParameterSets.parse(yaml, "k.yaml"))
        .hasMessageStartingWith("k.yaml: kinetics.tau0s_: unknown key; did you mean 'tau0S'? Valid keys here: tau0S, alpha");
  }
}
