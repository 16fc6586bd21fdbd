package org.ferrogen.cli.genai;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ferrogen.chip.Chip;
import org.ferrogen.chip.ChipState;
import org.ferrogen.cli.options.ChipOption;
import org.ferrogen.cli.options.SeedOption;
import org.ferrogen.cli.options.ThreadsOption;
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
  public static final Path DEFAULT_MODEL = ShippedModel.RELATIVE;

  /** The linear-layer backends. */
  public enum Backend {
    /** The digital reference. */
    FLOAT,
    /** Every matrix on simulated FeFET crossbar tiles. */
    CHIP;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @Option(names = {"-m", "--model"}, paramLabel = "FILE.gguf",
      description = "GGUF model file (default: the shipped models/ferrogen-kjv.gguf, found next to the installation).")
  Path model = DEFAULT_MODEL;

  @Option(names = "--backend", paramLabel = "BACKEND", description = {"Linear-layer backend: ${COMPLETION-CANDIDATES}; float is"
      + " the digital reference, chip puts every matrix on simulated FeFET crossbar tiles (default: ${DEFAULT-VALUE})."})
  Backend backend = Backend.FLOAT;

  @Mixin ChipOption chip;

  @Option(names = "--state", paramLabel = "STATE", description = {"Boot a chip saved by `ferrogen chip program` (or `chip age`)"
      + " instead of programming one: implies --backend chip; the state holds the spec, the chip's seed and its ADC ranges."})
  Path state;

  @Mixin SeedOption seed;

  @Option(names = "--adc-calibration", paramLabel = "FILE", description = {"With --backend chip: calibrate every ADC's"
      + " full scale on the activations this UTF-8 text produces (the first --calibration-tokens tokens), as a"
      + " chip is calibrated on representative data. Default: the configured range (adc.range)."})
  Path adcCalibration;

  @Option(names = "--calibration-tokens", paramLabel = "N", description = "Tokens of --adc-calibration to run (default: ${DEFAULT-VALUE}).")
  int calibrationTokens = 256;

  // Assumption: 25 % above the largest calibration column sum leaves room for inputs the calibration
  // text did not produce while keeping the LSB within 1.25x of the finest range the data allow.
  @Option(names = "--adc-headroom", paramLabel = "X", description = "ADC full scale = X times the largest calibration column sum (default: ${DEFAULT-VALUE}).")
  double adcHeadroom = 1.25;

  @Mixin ThreadsOption threads;

  /** The shipped model (found next to the installation, see {@link ShippedModel}), or the relative path. */
  static Path resolveDefault() {
    return ShippedModel.locate().orElse(DEFAULT_MODEL);
  }

  /** The model file: --model, or the shipped model when it is not given. */
  public Path modelPath() {
    if (model.equals(DEFAULT_MODEL)) {
      model = resolveDefault();
    }
    return model;
  }

  /** Opens the model file, with an error naming it when it is missing. */
  public GgufFile open() throws IOException {
    boolean shipped = model.equals(DEFAULT_MODEL);
    modelPath();
    if (!Files.isRegularFile(model)) {
      throw new IllegalArgumentException("model file " + model + " does not exist"
          + (shipped ? " (no --model given and no shipped model next to the installation; pass -m FILE.gguf)" : ""));
    }
    return GgufFile.open(model);
  }

  public boolean onChip() {
    return backend == Backend.CHIP || state != null;
  }

  /** The --state file, if given. */
  public java.util.Optional<Path> state() {
    return java.util.Optional.ofNullable(state);
  }

  /** For commands that always program a new chip (`chip program`): --backend chip, and no --state. */
  public void requireChip() {
    if (state != null) {
      throw new IllegalArgumentException("--state: this command programs a new chip; use `chip age` to change a saved one");
    }
    backend = Backend.CHIP;
  }

  /** The seed option (the chip's own seed is its "chip" stream). */
  public SeedOption seed() {
    return seed;
  }

  /** The chip saved in --state, checked against --model and powered on without programming. */
  public Chip boot() throws IOException {
    ChipState saved = ChipState.read(state);
    saved.requireModel(ChipState.ModelIdentity.of(modelPath()));
    return saved.boot(threads.value());
  }

  /**
   * The backend named by --backend (a chip of --chip's spec, seeded by --seed's "chip" stream), or the
   * chip booted from --state.
   */
  public LinearBackend createBackend() throws IOException {
    if (state != null) {
      if (chip.value().isPresent()) {
        throw new IllegalArgumentException("--chip and --state: the state holds its chip's spec; give one of them");
      }
      if (adcCalibration != null) {
        throw new IllegalArgumentException(
            "--adc-calibration and --state: the state holds the ADC ranges set when it was programmed");
      }
      return new ChipBackend(boot());
    }
    if (chip.value().isPresent() && !onChip()) {
      throw new IllegalArgumentException("--chip " + chip.value().get() + " needs --backend chip");
    }
    if (adcCalibration != null && !onChip()) {
      throw new IllegalArgumentException("--adc-calibration " + adcCalibration + " needs --backend chip");
    }
    if (calibrationTokens < 1) {
      throw new IllegalArgumentException("--calibration-tokens must be at least 1, got " + calibrationTokens);
    }
    return switch (backend) {
      case FLOAT -> new FloatBackend(threads.value());
      case CHIP -> new ChipBackend(new Chip(chip.spec(), seed.derive("chip"), threads.value()));
    };
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
