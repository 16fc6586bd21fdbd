package org.ferrogen.cli.chip;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ferrogen.chip.spec.ChipSpec;
import org.ferrogen.chip.spec.ChipSpecs;
import org.ferrogen.cli.Json;
import org.ferrogen.cli.options.CommonOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ferrogen chip presets}: the shipped chip specs. */
@Command(footer = {"%nExample:%n  ferrogen chip presets --json"},
    name = "presets", mixinStandardHelpOptions = true, description = "List the shipped chip presets.")
public final class ChipPresetsCommand implements Callable<Integer> {
  @Mixin CommonOptions common = new CommonOptions();

  @Override
  public Integer call() {
    if (common.json()) {
      ArrayNode list = Json.MAPPER.createArrayNode();
      for (String name : ChipSpecs.PRESETS) {
        ChipSpec s = ChipSpecs.preset(name);
        list.addObject().put("name", name).put("description", s.description()).put("technology", s.technology())
            .put("tiles", s.tiles().count()).put("tile_rows", s.tiles().tile().rows())
            .put("tile_cols", s.tiles().tile().cols()).put("cell", s.tiles().cell().type())
            .put("trng_design", s.trng().design()).put("trng_units", s.trng().units());
      }
      common.printJson(list);
      return 0;
    }
    for (String name : ChipSpecs.PRESETS) {
      ChipSpec s = ChipSpecs.preset(name);
      common.out().printf(Locale.ROOT, "%-16s %s%n", name, s.description());
    }
    common.out().println("(`ferrogen chip show NAME` prints a preset with every field's unit, meaning and source)");
    common.out().flush();
    return 0;
  }
}
