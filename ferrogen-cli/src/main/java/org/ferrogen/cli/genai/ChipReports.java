package org.ferrogen.cli.genai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.ferrogen.chip.ChipTrng;
import org.ferrogen.chip.EnergyReferences;
import org.ferrogen.cli.Json;
import org.ferrogen.device.cost.AreaReport;
import org.ferrogen.device.cost.CostCategory;
import org.ferrogen.device.cost.CostReport;
import org.ferrogen.genai.backend.ChipBackend;

/**
 * The chip's ledger per token, as text and JSON, for generate and perplexity: every category (matrix
 * products, conversion, buffers, digital units, entropy), J/token beside the measured GPU figures
 * with their batch sizes, the edge budget on the battery presets, and the TRNG cells' endurance at
 * the workload's demand.
 */
final class ChipReports {

  /** Generation rate of the edge budget (assumption: a responsive assistant reads ~10 tokens/s). */
  static final double BUDGET_TOKENS_PER_SECOND = 10;

  private ChipReports() {}

  static void print(PrintWriter out, ChipBackend chip, long tokens, long parameters) {
    CostReport c = chip.cost();
    double n = Math.max(1, tokens);
    double perToken = c.computeEnergyJoules() / n;
    AreaReport area = chip.area();
    out.printf(Locale.ROOT, "[chip %s, %d tokens: %.4g nJ/token (%.4g J/token), %.4g us/token of array latency,"
        + " %.4g TOPS/W matrices, %.4g TOPS/W macro; %d of %d tiles, %.4g mm^2]%n", chip.chip().spec().name(), tokens,
        perToken * 1e9, perToken, c.latencySeconds() / n * 1e6, c.topsPerWatt(), c.macroTopsPerWatt(), area.tiles(),
        chip.chip().tilesAvailable(), area.totalSquareMillimetres());
    StringBuilder sb = new StringBuilder("[energy per token:");
    for (CostCategory cat : CostCategory.values()) {
      if (cat != CostCategory.PROGRAMMING) {
        sb.append(String.format(Locale.ROOT, " %s %.3g nJ", cat.name().toLowerCase(Locale.ROOT), c.energy(cat) / n * 1e9));
      }
    }
    out.println(sb.append("]"));
    for (EnergyReferences.GpuFigure g : EnergyReferences.gpuFigures()) {
      out.printf(Locale.ROOT, "[GPU %s, %s, batch %s: %.3g J/token = %.3g J per 1e9 parameters; this chip: %.3g J per 1e9 parameters]%n",
          g.system(), g.model(), g.batch() == 0 ? "not stated" : Integer.toString(g.batch()), g.joulesPerToken(),
          g.joulesPerTokenPerBillionParameters(), perToken / (parameters / 1e9));
    }
    for (EnergyReferences.Battery b : EnergyReferences.batteries()) {
      out.printf(Locale.ROOT, "[edge budget, %s (%.0f J): %.3g tokens per charge, %.3g h at %.0f tokens/s (dynamic energy only)]%n",
          b.description(), b.joules(), b.tokensPerCharge(perToken), b.hours(perToken, BUDGET_TOKENS_PER_SECOND),
          BUDGET_TOKENS_PER_SECOND);
    }
    for (ChipTrng t : chip.chip().trngs()) {
      double demand = t.rawSamples() / n * t.sourceInfo().bitsPerSample() * BUDGET_TOKENS_PER_SECOND;
      out.printf(Locale.ROOT, "[TRNG %s: %.1f bits consumed per token; cells' endurance lifetime %.3g s at full rate (%.3g raw bits/s),"
          + " %.3g s at %.0f tokens/s%s]%n", t.sourceInfo().design(), t.consumedBits() / n, t.fullRateLifetimeSeconds(),
          t.rawBitRate(), t.enduranceLifetimeSeconds(demand), BUDGET_TOKENS_PER_SECOND,
          chip.chip().spec().trng().carvedFromWeights() ? "; the TRNG cells are weight cells, worn as both" : "");
    }
  }

  static ObjectNode json(ChipBackend chip, long tokens, long parameters) {
    CostReport c = chip.cost();
    double n = Math.max(1, tokens);
    double perToken = c.computeEnergyJoules() / n;
    ObjectNode node = Json.object();
    node.put("spec", chip.chip().spec().name());
    node.put("technology", chip.chip().spec().technology());
    node.put("tokens", tokens);
    node.put("energy_per_token_j", perToken);
    ObjectNode by = node.putObject("energy_per_token_by_category_j");
    for (CostCategory cat : CostCategory.values()) {
      if (cat != CostCategory.PROGRAMMING) {
        by.put(cat.name().toLowerCase(Locale.ROOT), c.energy(cat) / n);
      }
    }
    node.put("programming_energy_j", c.energy(CostCategory.PROGRAMMING));
    node.put("latency_per_token_s", c.latencySeconds() / n);
    node.put("tops_per_watt", c.topsPerWatt());
    node.put("macro_tops_per_watt", c.macroTopsPerWatt());
    AreaReport a = chip.area();
    node.put("tiles_used", a.tiles());
    node.put("tiles_available", chip.chip().tilesAvailable());
    node.put("area_mm2", a.totalSquareMillimetres());
    node.put("model_parameters", parameters);
    node.put("energy_per_token_per_billion_parameters_j", perToken / (parameters / 1e9));
    ArrayNode gpus = node.putArray("gpu_reference");
    for (EnergyReferences.GpuFigure g : EnergyReferences.gpuFigures()) {
      ObjectNode o = gpus.addObject();
      o.put("system", g.system());
      o.put("model", g.model());
      o.put("parameters", g.parameters());
      if (g.batch() > 0) {
        o.put("batch", g.batch());
      } else {
        o.putNull("batch");
      }
      o.put("energy_per_token_j", g.joulesPerToken());
      o.put("energy_per_token_per_billion_parameters_j", g.joulesPerTokenPerBillionParameters());
      o.put("source", g.source());
    }
    ArrayNode budget = node.putArray("edge_budget");
    for (EnergyReferences.Battery b : EnergyReferences.batteries()) {
      ObjectNode o = budget.addObject();
      o.put("battery", b.name());
      o.put("energy_j", b.joules());
      o.put("tokens_per_charge", b.tokensPerCharge(perToken));
      o.put("tokens_per_second", BUDGET_TOKENS_PER_SECOND);
      o.put("hours", b.hours(perToken, BUDGET_TOKENS_PER_SECOND));
    }
    ArrayNode trngs = node.putArray("trng");
    for (ChipTrng t : chip.chip().trngs()) {
      ObjectNode o = trngs.addObject();
      double demand = t.rawSamples() / n * t.sourceInfo().bitsPerSample() * BUDGET_TOKENS_PER_SECOND;
      o.put("design", t.sourceInfo().design());
      o.put("bits_consumed_per_token", t.consumedBits() / n);
      o.put("raw_bits_per_token", t.rawSamples() / n * t.sourceInfo().bitsPerSample());
      o.put("full_rate_raw_bits_per_s", t.rawBitRate());
      o.put("endurance_lifetime_full_rate_s", t.fullRateLifetimeSeconds());
      o.put("endurance_lifetime_at_demand_s", t.enduranceLifetimeSeconds(demand));
      o.put("demand_tokens_per_second", BUDGET_TOKENS_PER_SECOND);
      // Triple duty: the TRNG cells are weight cells, so this lifetime is also theirs as memory.
      o.put("carved_from_weights", chip.chip().spec().trng().carvedFromWeights());
    }
    return node;
  }
}
