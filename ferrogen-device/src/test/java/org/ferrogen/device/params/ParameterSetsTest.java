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
        .hasMessageContaining("-1.0E-8");
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
}
