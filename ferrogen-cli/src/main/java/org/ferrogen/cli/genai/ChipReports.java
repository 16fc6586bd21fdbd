package org.ferrogen.cli.genai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.ferrogen.device.cost.AreaReport;
import org.ferrogen.device.cost.CostCategory;
import org.ferrogen.device.cost.CostReport;
import org.ferrogen.genai.backend.ChipBackend;

/** The chip backend's modelled cost per token, as text and JSON, for generate and perplexity. */
final class ChipReports {
  private ChipReports() {}

  static void print(PrintWriter out, ChipBackend chip, long tokens) {
    CostReport c = chip.cost();
    double perToken = c.computeEnergyJoules() / Math.max(1, tokens);
    AreaReport area = chip.area();
    out.printf(Locale.ROOT, "[chip model, %d tokens through the tiles: %.4g nJ/token, %.4g us/token of array latency,"
        + " %.4g TOPS/W system, %.4g TOPS/W macro; %d tiles, %.4g mm^2]%n", tokens, perToken * 1e9,
        c.latencySeconds() / Math.max(1, tokens) * 1e6, c.topsPerWatt(), c.macroTopsPerWatt(), area.tiles(),
        area.totalSquareMillimetres());
    StringBuilder sb = new StringBuilder("[energy per token:");
    for (CostCategory cat : CostCategory.values()) {
      if (cat != CostCategory.PROGRAMMING) {
        sb.append(String.format(Locale.ROOT, " %s %.3g nJ", cat.name().toLowerCase(Locale.ROOT),
            c.energy(cat) / Math.max(1, tokens) * 1e9));
      }
    }
    out.println(sb.append("]"));
  }

  static ObjectNode json(ObjectMapper mapper, ChipBackend chip, long tokens) {
    CostReport c = chip.cost();
    ObjectNode node = mapper.createObjectNode();
    node.put("tokens", tokens);
    node.put("energy_per_token_joules", c.computeEnergyJoules() / Math.max(1, tokens));
    ObjectNode by = node.putObject("energy_per_token_by_category_joules");
    for (CostCategory cat : CostCategory.values()) {
      if (cat != CostCategory.PROGRAMMING) {
        by.put(cat.name().toLowerCase(Locale.ROOT), c.energy(cat) / Math.max(1, tokens));
      }
    }
    node.put("latency_per_token_seconds", c.latencySeconds() / Math.max(1, tokens));
    node.put("tops_per_watt", c.topsPerWatt());
    node.put("macro_tops_per_watt", c.macroTopsPerWatt());
    AreaReport a = chip.area();
    node.put("tiles", a.tiles());
    node.put("area_mm2", a.totalSquareMillimetres());
    return node;
  }
}
