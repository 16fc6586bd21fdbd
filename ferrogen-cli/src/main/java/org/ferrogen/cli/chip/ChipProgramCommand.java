package org.ferrogen.cli.chip;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ferrogen.chip.ChipState;
import org.ferrogen.cli.Json;
import org.ferrogen.cli.ProgressBars;
import org.ferrogen.cli.genai.ModelOptions;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.cli.options.OutputFileOption;
import org.ferrogen.device.cost.CostCategory;
import org.ferrogen.genai.backend.ChipBackend;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.model.LlamaModel;
import org.ferrogen.genai.tokenizer.Tokenizers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ferrogen chip program}: programs a model onto a chip and saves the chip's state. */
@Command(footer = {"%nExample:%n  ferrogen chip program --chip edge --seed 1 -o kjv.state"},
    name = "program", mixinStandardHelpOptions = true,
    description = {"Program every weight matrix of a GGUF model onto a chip (program-and-verify, optional ADC"
        + " calibration) and save the chip's non-volatile state; `generate --state` and `perplexity --state` boot it."})
public final class ChipProgramCommand implements Callable<Integer> {
  @Mixin CommonOptions common = new CommonOptions();
  @Mixin OutputFileOption output = new OutputFileOption();
  @Mixin ModelOptions modelOptions = new ModelOptions();

  @Override
  public Integer call() throws Exception {
    Path out = output.required();
    modelOptions.requireChip();
    long t0 = System.nanoTime();
    GgufFile gguf = modelOptions.open();
    long weights = gguf.tensors().values().stream()
        .filter(t -> t.dimensions().length == 2 && !t.name().equals("token_embd.weight"))
        .mapToLong(t -> t.dimensions()[0] * t.dimensions()[1]).sum();
    try (ChipBackend backend = (ChipBackend) modelOptions.createBackend();
        ProgressBars.Progress bar = common.progress("programming", weights, "weights")) {
      backend.chip().onProgrammed(bar);
      LlamaModel model = LlamaModel.load(gguf, backend);
      int calibrated = modelOptions.calibrate(model, Tokenizers.fromGguf(gguf));
      ChipState state = ChipState.of(backend.chip(), ChipState.ModelIdentity.of(modelOptions.modelPath()));
      state.write(out);
      double seconds = (System.nanoTime() - t0) / 1e9;
      double programming = backend.cost().energy(CostCategory.PROGRAMMING);
      int tiles = backend.chip().tilesUsed();
      if (common.json()) {
        common.printJson(Json.object().put("state", out.toString()).put("spec", backend.chip().spec().name())
            .put("chip_seed", backend.chip().seed()).put("matrices", state.matrices().size()).put("tiles_used", tiles)
            .put("tiles_available", backend.chip().tilesAvailable()).put("programming_energy_j", programming)
            .put("calibration_tokens", calibrated).put("seconds", seconds));
      } else {
        common.out().printf(Locale.ROOT, "programmed %d matrices on %d of %d tiles of chip %s (seed %d): %.4g J of"
                + " programming%s; state -> %s (%.1f s)%n", state.matrices().size(), tiles,
            backend.chip().tilesAvailable(), backend.chip().spec().name(), backend.chip().seed(), programming,
            calibrated > 0 ? ", ADC ranges calibrated on " + calibrated + " tokens" : "", out, seconds);
        common.out().flush();
      }
    }
    return 0;
  }
}
