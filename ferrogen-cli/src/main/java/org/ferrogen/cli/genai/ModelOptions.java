package org.ferrogen.cli.genai;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  @Option(names = "--backend", paramLabel = "NAME", description = "Linear-layer backend: float (default: ${DEFAULT-VALUE}).")
  String backend = "float";

  @Option(names = "--threads", paramLabel = "N", description = "Threads of the float backend (default: all processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  /** Opens the model file, with an error naming it when it is missing. */
  GgufFile open() throws IOException {
    if (!Files.isRegularFile(model)) {
      throw new IllegalArgumentException("model file " + model + " does not exist"
          + (model.equals(DEFAULT_MODEL) ? " (no --model given)" : ""));
    }
    return GgufFile.open(model);
  }

  /** The backend named by --backend. */
  LinearBackend createBackend() {
    return switch (backend) {
      case "float" -> new FloatBackend(threads);
      default -> throw new IllegalArgumentException("unknown backend '" + backend + "' (available: float)");
    };
  }
}
