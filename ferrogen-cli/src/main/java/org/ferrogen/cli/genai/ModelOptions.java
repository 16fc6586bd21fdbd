package org.ferrogen.cli.genai;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ferrogen.cim.CimConfig;
import org.ferrogen.cim.CimConfigLoader;
import org.ferrogen.genai.backend.ChipBackend;
import org.ferrogen.genai.backend.FloatBackend;
import org.ferrogen.genai.backend.LinearBackend;
import org.ferrogen.genai.gguf.GgufFile;
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

  @Option(names = "--chip", paramLabel = "FILE.yaml", description = {"Chip configuration for --backend chip, overlaid on",
      "the defaults (the same YAML as `ferrogen cim mvm --config`)."})
  Path chip;

  @Option(names = "--chip-seed", paramLabel = "S", description = "Seed of the chip's programming and read noise (default: ${DEFAULT-VALUE}).")
  long chipSeed = 1;

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
  GgufFile open() throws IOException {
    if (model.equals(DEFAULT_MODEL)) {
      model = resolveDefault(Path.of(""));
    }
    if (!Files.isRegularFile(model)) {
      throw new IllegalArgumentException("model file " + model + " does not exist"
          + (model.equals(DEFAULT_MODEL) ? " (no --model given; run from the FerroGen folder or pass --model)" : ""));
    }
    return GgufFile.open(model);
  }

  /** The backend named by --backend. */
  LinearBackend createBackend() throws IOException {
    if (chip != null && !"chip".equals(backend)) {
      throw new IllegalArgumentException("--chip " + chip + " needs --backend chip");
    }
    return switch (backend) {
      case "float" -> new FloatBackend(threads);
      case "chip" -> new ChipBackend(chip != null ? CimConfigLoader.load(chip) : CimConfig.defaults(), chipSeed);
      default -> throw new IllegalArgumentException("unknown backend '" + backend + "' (available: float, chip)");
    };
  }
}
