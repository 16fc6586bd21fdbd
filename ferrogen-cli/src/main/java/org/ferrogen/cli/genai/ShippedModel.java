package org.ferrogen.cli.genai;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the model shipped with FerroGen ({@code models/ferrogen-kjv.gguf}) from wherever the
 * command runs: next to the installation (the folder above the jar or class folder, found from the
 * code's own location), under {@code $FERROGEN_HOME}, and only then above the working folder.
 */
public final class ShippedModel {
  /** The shipped model's path inside an installation. */
  public static final Path RELATIVE = Path.of("models", "ferrogen-kjv.gguf");

  private ShippedModel() {}

  /** The shipped model, if an installation holds one. */
  public static Optional<Path> locate() {
    for (Path dir : roots()) {
      for (Path d = dir; d != null; d = d.getParent()) {
        Path candidate = d.resolve(RELATIVE);
        if (Files.isRegularFile(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static List<Path> roots() {
    List<Path> roots = new ArrayList<>();
    String home = System.getenv("FERROGEN_HOME");
    if (home != null && !home.isBlank()) {
      roots.add(Path.of(home).toAbsolutePath());
    }
    try {
      var source = ShippedModel.class.getProtectionDomain().getCodeSource();
      if (source != null) {
        roots.add(Path.of(source.getLocation().toURI()).toAbsolutePath());
      }
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      // No usable code location (an unusual class loader): fall back to the working folder.
    }
    roots.add(Path.of("").toAbsolutePath());
    return roots;
  }
}
