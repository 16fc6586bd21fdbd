package org.ferrogen.cli.report;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ferrogen.cli.AtomicOutput;
import org.ferrogen.cli.ProgressBars;
import org.ferrogen.cli.genai.ShippedModel;
import org.ferrogen.cli.options.ChipOption;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.cli.options.SeedOption;
import org.ferrogen.cli.options.TrngDesignOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferrogen report}: one chip run, end to end, as a self-contained HTML file. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Run one chip end to end and write a self-contained HTML report (no network, no scripts; plots as"
        + " embedded SVG): the spec, device curves, the TRNG (SP 800-90B estimators, health tests, SP 800-22 P-values),"
        + " compute accuracy, energy per token beside measured GPU figures, and the generated text."},
    footer = {"%nExample:%n  ferrogen report -o chip.html --chip my-chip.yaml --trng-design pair --seed 7"})
public final class ReportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE.html", description = "Report file (default: ${DEFAULT-VALUE}).")
  Path output = Path.of("ferrogen-report.html");

  @Mixin ChipOption chip;

  @Mixin TrngDesignOption trngDesign;

  @Mixin SeedOption seed;

  @Mixin CommonOptions common;

  @Option(names = "--device-params", paramLabel = "NAME|FILE.yaml", description = "Device parameter set for the device curves (default: ${DEFAULT-VALUE}).")
  String deviceParams = "deng-2020-fefet";

  @Option(names = {"-m", "--model"}, paramLabel = "FILE.gguf", description = "Model to run on the chip (default: the shipped model).")
  Path model;

  @Option(names = {"-p", "--prompt"}, paramLabel = "TEXT", description = "Prompt (default: ${DEFAULT-VALUE}).")
  String prompt = "And God said";

  @Option(names = {"-n", "--max-tokens"}, paramLabel = "N", description = "Tokens to generate on the chip (default: ${DEFAULT-VALUE}).")
  int tokens = 48;

  @Option(names = "--trng-samples", paramLabel = "N", description = "Raw TRNG samples for SP 800-90B (default: ${DEFAULT-VALUE}; 10^6 for a full assessment).")
  int trngSamples = 100_000;

  @Option(names = "--streams", paramLabel = "M", description = "SP 800-22 streams of conditioned output (default: ${DEFAULT-VALUE}).")
  int streams = 20;

  @Option(names = "--stream-length", paramLabel = "BITS", description = "Bits per SP 800-22 stream, a multiple of 8 (default: ${DEFAULT-VALUE}).")
  int streamLength = 100_000;

  /** The run's settings from the options, with the model found next to the installation when not given. */
  ChipRun.Settings settings() throws java.io.IOException {
    Path m = model != null ? model : ShippedModel.locate().orElseThrow(() -> new IllegalArgumentException(
        "no shipped model (models/ferrogen-kjv.gguf) next to the installation; pass -m FILE.gguf"));
    if (!java.nio.file.Files.isRegularFile(m)) {
      throw new IllegalArgumentException("model file " + m + " does not exist");
    }
    if (tokens < 1 || trngSamples < 1000 || streams < 1 || streamLength < 1000 || streamLength % 8 != 0) {
      throw new IllegalArgumentException("need --max-tokens >= 1, --trng-samples >= 1000, --streams >= 1 and"
          + " --stream-length >= 1000, a multiple of 8");
    }
    return new ChipRun.Settings(chip.spec(), deviceParams, trngDesign.value(),
        seed.value(), m, prompt, tokens, trngSamples, streams, streamLength, 128);
  }

  @Override
  public Integer call() throws Exception {
    ChipRun.Settings s = settings();
    PrintWriter out = spec.commandLine().getOut();
    String command = "ferrogen " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    ReportData data = ChipRun.run(s, command, new ChipRun.Listener() {
      @Override
      public ProgressBars.Progress start(ChipRun.Step step, long total, String unit) {
        return common.progress(step.title, total, unit);
      }

      @Override
      public void text(String piece) {}
    });
    write(output, data);
    if (common.json()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("report", output.toAbsolutePath().toString());
      doc.put("seed", s.seed());
      doc.put("energy_per_token_j", data.energy().totalPerTokenJ());
      doc.put("trng_h_assessed_bits", data.trng().hAssessed());
      doc.put("sp800_22_pass", data.trng().sp80022Pass());
      doc.put("mvm_relative_l2_error", data.compute().relativeL2Error());
      doc.put("text", data.text().generated());
      common.printJson(doc);
    } else {
      out.println("wrote " + output.toAbsolutePath() + " (seed " + s.seed() + ")");
      out.flush();
    }
    return 0;
  }

  /** Writes the HTML atomically. */
  static void write(Path file, ReportData data) throws java.io.IOException {
    AtomicOutput.writeString(file, HtmlReport.render(data));
  }
}
