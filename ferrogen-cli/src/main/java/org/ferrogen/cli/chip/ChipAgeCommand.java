package org.ferrogen.cli.chip;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ferrogen.chip.ChipState;
import org.ferrogen.chip.StorageHistory;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.cli.options.OutputFileOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ferrogen chip age}: a saved chip after a storage interval, powered off. */
@Command(footer = {"%nExample:%n  ferrogen chip age --state kjv.state --days 365 --celsius 85 -o aged.state"},
    name = "age", mixinStandardHelpOptions = true,
    description = {"Store a saved chip powered off for D days at T °C: the cells keep their as-programmed values and"
        + " the state records the interval; booting applies the cell model's retention law (drift, relaxation)"
        + " per cell for the whole history's Arrhenius-equivalent time. Reports the retained polarization and"
        + " the imprint (the coercive shift that favours each cell's stored state at the next write)."})
public final class ChipAgeCommand implements Callable<Integer> {
  @Mixin CommonOptions common = new CommonOptions();
  @Mixin OutputFileOption output = new OutputFileOption();

  @Option(names = "--state", required = true, paramLabel = "STATE", description = "Chip state to age.")
  Path state;

  @Option(names = "--days", required = true, paramLabel = "D", description = "Storage time in days.")
  double days;

  @Option(names = "--celsius", required = true, paramLabel = "T", description = "Storage temperature, °C.")
  double celsius;

  @Override
  public Integer call() throws Exception {
    Path out = output.required();
    if (!(days >= 0) || Double.isInfinite(days)) {
      throw new IllegalArgumentException("--days must be finite and >= 0, got " + days);
    }
    if (!(celsius >= -273.15 && celsius < 700)) {
      throw new IllegalArgumentException("--celsius must be in [-273.15, 700), got " + celsius);
    }
    ChipState aged = ChipState.read(state).aged(new StorageHistory.Interval(days * 86_400, celsius + 273.15));
    aged.write(out);
    StorageHistory h = aged.history();
    StorageHistory.Effects e = h.effects(aged.spec().tiles().cell());
    if (common.json()) {
      common.printJson(org.ferrogen.cli.Json.object().put("state", out.toString())
          .put("storage_s", h.seconds()).put("intervals", h.intervals().size())
          .put("equivalent_storage_s", e.equivalentSeconds()).put("reference_kelvin", e.referenceKelvin())
          .put("retained_polarization_fraction", e.retainedPolarization())
          .put("imprint_field_v_per_m", e.imprintFieldVPerM())
          .put("imprint_coercive_shift_v", e.imprintCoerciveShiftVolts()));
    } else {
      common.out().printf(Locale.ROOT, "%s: %d storage interval(s), %.4g days in total -> %s%n", state,
          h.intervals().size(), h.seconds() / 86_400, out);
      if (!Double.isNaN(e.retainedPolarization())) {
        common.out().printf(Locale.ROOT, "  retention: %.4f %% of the stored polarization left (each cell's threshold"
            + " shift drifts toward mid-window by %.4f %%), applied per cell at boot%n",
            100 * e.retainedPolarization(), 100 * (1 - e.retainedPolarization()));
        common.out().printf(Locale.ROOT, "  imprint: %.4g MV/cm favouring each cell's stored state, a coercive shift of"
            + " %.1f mV: the next write needs that much more amplitude to switch a cell away from it%n",
            e.imprintFieldVPerM() / 1e8, 1e3 * e.imprintCoerciveShiftVolts());
      } else {
        common.out().println("  memristor cells: their relaxation law is applied per cell at boot; no ferroelectric imprint");
      }
      common.out().flush();
    }
    return 0;
  }
}
