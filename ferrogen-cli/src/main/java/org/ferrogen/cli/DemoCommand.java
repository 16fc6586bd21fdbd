package org.ferrogen.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ferrogen.cli.genai.ShippedModel;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.cli.options.OutDirOption;
import org.ferrogen.cli.report.ChipRun;
import org.ferrogen.cli.report.HtmlReport;
import org.ferrogen.cli.report.ReportData;
import org.ferrogen.chip.spec.ChipSpecs;
import org.ferrogen.trng.design.TrngDesign;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ferrogen demo}: the main job in one run. It walks through what the chip does — store,
 * compute, randomise, generate — with a progress bar per step and the command that repeats each
 * step by hand, streams the text the chip generates, and ends with the path of the HTML report.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Tour of the simulated ferroelectric chip: device physics, the entropy source and its tests, an analog"
      + " matrix product, and text generated on the chip, ending in a self-contained HTML report (ferrogen report).",
      "Runs from any folder; a fixed seed (" + DemoCommand.SEED + ") makes every figure repeatable."
    },
    footer = {"%nExample:%n  ferrogen demo --out-dir /tmp/demo"})
public final class DemoCommand implements Callable<Integer> {
  /** The demo's seed: fixed, so a rerun shows the same figures. */
  static final long SEED = 2026;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin OutDirOption outDir;

  @Mixin CommonOptions common;

  /** The command that repeats each step by hand. */
  static final Map<ChipRun.Step, String> COMMANDS = Map.of(
      ChipRun.Step.DEVICE, "ferrogen device switching --device-params deng-2020-fefet --seed " + SEED,
      ChipRun.Step.TRNG, "ferrogen trng assess --trng-design cell --samples 100000 --streams 0 --seed " + SEED,
      ChipRun.Step.SP80022, "ferrogen trng --bytes 250000 -o bits.bin && ferrogen sp800-22 bits.bin --format msb --streams 20",
      ChipRun.Step.COMPUTE, "ferrogen cim mvm --rows 128 --cols 128 --trials 20 --out-dir . --seed " + SEED,
      ChipRun.Step.PROGRAM, "ferrogen generate --backend chip -p 'And God said' -n 48 --entropy trng --seed " + SEED,
      ChipRun.Step.GENERATE, "(same command: the text streams below)");

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path dir = outDir.create(Path.of("ferrogen-demo"));
    Path model = ShippedModel.locate().orElseThrow(() -> new IllegalArgumentException(
        "the shipped model models/ferrogen-kjv.gguf was not found next to the installation"));
    ChipRun.Settings s = new ChipRun.Settings(ChipSpecs.preset(ChipSpecs.DEFAULT_PRESET), "deng-2020-fefet", TrngDesign.CELL,
        SEED, model, "And God said", 48, 100_000, 20, 100_000, 128);
    if (!common.json()) {
      out.println("FerroGen demo: a simulated ferroelectric chip that stores, computes and samples.");
      out.println("Each step names the command that repeats it by hand; the report collects every figure.");
      out.flush();
    }
    List<ChipRun.Step> steps = List.of(ChipRun.Step.values());
    ReportData data = ChipRun.run(s, "ferrogen demo", new ChipRun.Listener() {
      @Override
      public ProgressBars.Progress start(ChipRun.Step step, long total, String unit) {
        if (!common.json()) {
          out.printf("%n== %d/%d  %s%n$ %s%n", steps.indexOf(step) + 1, steps.size(), step.title, COMMANDS.get(step));
          if (step == ChipRun.Step.GENERATE) {
            out.print(s.prompt());
          }
          out.flush();
        }
        // While text streams on stdout, a bar on the same terminal would tear it; the tokens are the progress.
        return common.progress(step.title, total, unit, step == ChipRun.Step.GENERATE && !common.json());
      }

      @Override
      public void text(String piece) {
        if (!common.json()) {
          out.print(piece);
          out.flush();
        }
      }
    });
    Path report = dir.resolve("ferrogen-report.html").toAbsolutePath();
    AtomicOutput.writeString(report, HtmlReport.render(data));
    if (common.json()) {
      common.printJson(Map.of("report", report.toString(), "seed", SEED, "text", data.text().generated(),
          "energy_per_token_j", data.energy().totalPerTokenJ()));
    } else {
      out.println();
      out.println();
      out.printf("TRNG: %.4f bits of min-entropy per raw bit; SP 800-22 %s. Chip: relative MVM error %.3g;"
          + " %s per token.%n", data.trng().hAssessed(), data.trng().sp80022Pass() ? "pass" : "FAIL",
          data.compute().relativeL2Error(), Plots.withPrefix(data.energy().totalPerTokenJ(), "J"));
      out.println("Report: " + report);
      out.flush();
    }
    return 0;
  }
}
