package org.ferrogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  record Sample(double latencyNs, Double boxedRatio, double[] valuesV, List<Double> list, float f) {}

  @Test
  void recordsGetSnakeCaseKeysAndNonFiniteNumbersBecomeNull() throws Exception {
    String text = Json.write(new Sample(Double.NaN, Double.POSITIVE_INFINITY,
        new double[] {1.5, Double.NEGATIVE_INFINITY}, List.of(Double.NaN, 2.0), Float.NaN));
    JsonNode n = Json.MAPPER.readTree(text);
    assertThat(n.get("latency_ns").isNull()).isTrue();
    assertThat(n.get("boxed_ratio").isNull()).isTrue();
    assertThat(n.get("values_v").get(0).asDouble()).isEqualTo(1.5);
    assertThat(n.get("values_v").get(1).isNull()).isTrue();
    assertThat(n.get("list").get(0).isNull()).isTrue();
    assertThat(n.get("list").get(1).isNumber()).isTrue();
    assertThat(n.get("f").isNull()).isTrue();
    assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");
  }

  @Test
  void treesAndMapsToo() throws Exception {
    var node = Json.object();
    node.put("energy_j", Double.NaN);
    node.put("count", 3);
    String text = Json.write(Map.of("tree", node, "rate_hz", Double.NEGATIVE_INFINITY));
    JsonNode n = Json.MAPPER.readTree(text);
    assertThat(n.at("/tree/energy_j").isNull()).isTrue();
    assertThat(n.at("/tree/count").asInt()).isEqualTo(3);
    assertThat(n.get("rate_hz").isNull()).isTrue();
  }

  @Test
  void everyKeyIsSnakeCase() throws Exception {
    assertThat(Json.snakeCase("uniformityPValue")).isEqualTo("uniformity_p_value");
    assertThat(Json.snakeCase("H_original")).isEqualTo("h_original");
    assertThat(Json.snakeCase("NonOverlappingTemplate 000000001")).isEqualTo("non_overlapping_template_000000001");
    assertThat(Json.snakeCase("general.architecture")).isEqualTo("general_architecture");
    assertThat(Json.snakeCase("SP800-22")).isEqualTo("sp800_22");
    assertThat(Json.snakeCase("rateMbPerS")).isEqualTo("rate_mb_per_s");
    assertThat(Json.snakeCase("already_snake_1")).isEqualTo("already_snake_1");
    var node = Json.object();
    node.put("wallTimeSeconds", 1.0);
    String text = Json.write(Map.of("someKey", node));
    assertThat(Json.MAPPER.readTree(text).at("/some_key/wall_time_seconds").asDouble()).isEqualTo(1.0);
  }
}
