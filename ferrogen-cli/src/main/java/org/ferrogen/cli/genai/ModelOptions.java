package org.ferrogen.cli.genai;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ferrogen.chip.Chip;
import org.ferrogen.chip.ChipState;
import org.ferrogen.cli.options.ChipOption;
import org.ferrogen.genai.backend.ChipBackend;
import org.ferrogen.genai.backend.FloatBackend;
import org.ferrogen.genai.backend.LinearBackend;
import org.ferrogen.genai.gguf.GgufFile;
import org.ferrogen.genai.model.LlamaModel;
import org.ferrogen.genai.model.LlamaSession;
import org.ferrogen.genai.tokenizer.Tokenizer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by the commands that run a model: which GGUF file and which linear backend. */
public final class ModelOptions {
  /** Where generate looks for the shipped model when --model is not given. */
  public static final Path DEFAULT_MODEL = Path.of("models", "ferrogen-kjv.gguf");

  @Option(names = "--model", paramLabel = "FILE.gguf", description = "GGUF model file (default: ${DEFAULT-VALUE}).")
  Path model = DEFAULT_MODEL;

  @Option(names = "--backend", paramLabel = "NAME", description = {"Linear-layer backend: float (the digital reference)",
      "or chip (every matrix on simulated FeFET crossbar tiles) (default: ${DEFAULT-VALUE})."})
  String backend = "float";

  @Mixin ChipOption chip = new ChipOption();

  @Option(names = "--state", paramLabel = "STATE", description = {"Boot a chip saved by `ferrogen chip program` (or `chip age`)",
      "instead of programming one: implies --backend chip; the state holds the spec, seed and ADC ranges."})
  Path state;

  @Option(names = "--chip-seed", paramLabel = "S", description = "Seed of the chip's programming and read noise (default: ${DEFAULT-VALUE}).")
  long chipSeed = 1;

  @Option(names = "--adc-calibration", paramLabel = "FILE", description = {"With --backend chip: calibrate every ADC's",
      "full scale on the activations this UTF-8 text produces (the first --calibration-tokens tokens), as a",
      "chip is calibrated on representative data. Default: the configured range (adc.range)."})
  Path adcCalibration;

  @Option(names = "--calibration-tokens", paramLabel = "N", description = "Tokens of --adc-calibration to run (default: ${DEFAULT-VALUE}).")
  int calibrationTokens = 256;

  // Assumption: 25 % above the largest calibration column sum leaves room for inputs the calibration
  // text did not produce while keeping the LSB within 1.25x of the finest range the data allow.
  @Option(names = "--adc-headroom", paramLabel = "X", description = "ADC full scale = X times the largest calibration column sum (default: ${DEFAULT-VALUE}).")
  double adcHeadroom = 1.25;

  @Option(names = "--threads", paramLabel = "N", description = "Threads of the float backend (default: all processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  /**
   * The shipped model when --model is not given: {@code models/ferrogen-kjv.gguf} in the working
   * folder or the nearest folder above it that has one (so it is found from inside the checkout).
   */
  static Path resolveDefault(Path start) {
    for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(DEFAULT_MODEL);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return DEFAULT_MODEL;
  }

  /** Opens the model file, with an error naming it when it is missing. */
  public GgufFile open() throws IOException {
    modelPath();
    if (!Files.isRegularFile(model)) {
      throw new IllegalArgumentException("model file " + model + " does not exist"
          + (model.equals(DEFAULT_MODEL) ? " (no --model given; run from the FerroGen folder or pass --model)" : ""));
    }
    return GgufFile.open(model);
  }

  /** The backend named by --backend, or the chip booted from --state. */
  public LinearBackend createBackend() throws IOException {
    if (state != null) {
      if (chip.value().isPresent()) {
        throw new IllegalArgumentException("--chip and --state: the state holds its chip's spec; give one of them");
      }
      if (adcCalibration != null) {
        throw new IllegalArgumentException(
            "--adc-calibration and --state: the state holds the ADC ranges set when it was programmed");
      }
      backend = "chip";
      return new ChipBackend(boot());
    }
    if (chip.value().isPresent() && !"chip".equals(backend)) {
      throw new IllegalArgumentException("--chip " + chip.value().get() + " needs --backend chip");
    }
    if (adcCalibration != null && !"chip".equals(backend)) {
      throw new IllegalArgumentException("--adc-calibration " + adcCalibration + " needs --backend chip");
    }
    if (calibrationTokens < 1) {
      throw new IllegalArgumentException("--calibration-tokens must be at least 1, got " + calibrationTokens);
    }
    return switch (backend) {
      case "float" -> new FloatBackend(threads);
      case "chip" -> new ChipBackend(new Chip(chip.spec(), chipSeed, threads));
      default -> throw new IllegalArgumentException("unknown backend '" + backend + "' (available: float, chip)");
    };
  }

  /** For commands that always run on a chip (`chip program`): --backend chip, and no --state. */
  public void requireChip() {
    if (state != null) {
      throw new IllegalArgumentException("--state: this command programs a new chip; use `chip age` to change a saved one");
    }
    backend = "chip";
  }

  /** Sets --state as if given (`chip retention` boots its own states). */
  public void state(Path file) {
    state = file;
  }

  /** The chip saved in --state, checked against --model and powered on without programming. */
  public Chip boot() throws IOException {
    ChipState saved = ChipState.read(state);
    saved.requireModel(ChipState.ModelIdentity.of(modelPath()));
    return saved.boot(threads);
  }

  /** The model file (the shipped one when --model is not given). */
  public Path modelPath() {
    if (model.equals(DEFAULT_MODEL)) {
      model = resolveDefault(Path.of(""));
    }
    return model;
  }

  /**
   * Runs --adc-calibration's text through {@code model} with the chip in calibration mode (exact
   * products, inputs recorded), then sets the ADC ranges; a no-op without --adc-calibration. Returns
   * the number of calibration tokens run.
   */
  public int calibrate(LlamaModel model, Tokenizer tokenizer) throws IOException {
    if (adcCalibration == null || !(model.backend() instanceof ChipBackend chipBackend)) {
      return 0;
    }
    if (!Files.isRegularFile(adcCalibration)) {
      throw new IllegalArgumentException("calibration text " + adcCalibration + " does not exist");
    }
    int[] tokens = tokenizer.encode(Files.readString(adcCalibration, StandardCharsets.UTF_8));
    int n = Math.min(tokens.length, calibrationTokens);
    if (n < 1) {
      throw new IllegalArgumentException("calibration text " + adcCalibration + " holds no tokens");
    }
    chipBackend.beginCalibration(n);
    LlamaSession session = model.newSession();
    for (int i = 0; i < n; i++) {
      if (session.position() == session.capacity()) {
        session.reset();
      }
      session.forward(tokens[i]);
    }
    chipBackend.endCalibration(adcHeadroom);
    return n;
  }
}
