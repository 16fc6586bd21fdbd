package org.ferrogen.cli.trng;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.ferrogen.cli.Json;
import org.ferrogen.cli.randomness.Sp80022Report;
import org.ferrogen.trng.assess.TrngAssessment;
import org.ferrogen.trng.assess.TrngSweep;

/**
 * The {@code --json} documents of the trng commands. Records go through the one mapper; the
 * display-only {@code details} (strings such as "50.0 ns") are left out, and quantities whose
 * record names carry no unit get one in the key.
 */
final class TrngJson {
  private TrngJson() {}

  static ObjectNode assessment(TrngAssessment.Report r, long seed) {
    ObjectNode n = Json.MAPPER.valueToTree(r);
    n.remove("details");
    n.put("seed", seed);
    rename(n, "raw_bit_rate", "raw_bit_rate_bits_per_s");
    rename(n, "energy_per_raw_bit", "energy_per_raw_bit_j");
    rename(n, "claimed_entropy", "claimed_entropy_bits_per_sample");
    rename(n, "energy_per_full_entropy_bit", "energy_per_full_entropy_bit_j");
    rename(n, "energy_per_drbg_output_bit", "energy_per_drbg_output_bit_j");
    for (var e : n.withArray("energy")) {
      rename((ObjectNode) e, "joules", "energy_per_sample_j");
    }
    for (var e : n.withArray("full_entropy_bit_energy")) {
      rename((ObjectNode) e, "joules", "energy_per_bit_j");
    }
    for (var e : n.withArray("estimators")) {
      rename((ObjectNode) e, "min_entropy", "min_entropy_bits");
    }
    for (var c : n.withArray("claims")) {
      ((ObjectNode) c).remove("model"); // a display string; the numbers are above
    }
    n.put("sp800_22_battery_pass", r.sp80022Chance() == null || Sp80022Report.batteryPasses(r.sp80022Chance()));
    return n;
  }

  static ArrayNode sweep(TrngSweep.Axis axis, List<TrngSweep.Point> rows) {
    String key = switch (axis) {
      case TEMPERATURE -> "die_temperature_c";
      case SIZE -> "size_nm";
      case AGE -> "age_cycles";
    };
    ArrayNode a = Json.MAPPER.createArrayNode();
    for (TrngSweep.Point p : rows) {
      ObjectNode o = a.addObject();
      o.put(key, p.value());
      o.put("ones_fraction", p.onesFraction());
      o.put("h_assessed_bits", p.hAssessed());
      o.put("raw_bit_rate_bits_per_s", p.rawBitRate());
      o.put("energy_per_raw_bit_j", p.energyPerRawBit());
    }
    return a;
  }

  private static void rename(ObjectNode n, String from, String to) {
    if (n.has(from)) {
      n.set(to, n.remove(from));
    }
  }
}
