package org.ferrogen.cli.diffusion;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a model file shipped in the installation's {@code models/} folder when no path is given. */
final class ShippedModels {
  private ShippedModels() {}

  static Path resolve(Path given, String fileName) {
    if (given != null) {
      if (!Files.isRegularFile(given)) {
        throw new IllegalArgumentException("model file " + given + " does not exist");
      }
      return given;
    }
    try {
      // The jar lives in INSTALL/ferrogen-cli/target/; the shipped models in INSTALL/models/.
      Path jar = Path.of(ShippedModels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path dir = jar.getParent(); dir != null; dir = dir.getParent()) {
        Path candidate = dir.resolve("models").resolve(fileName);
        if (Files.isRegularFile(candidate)) {
          return candidate;
        }
      }
    } catch (java.net.URISyntaxException | SecurityException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException("shipped model models/" + fileName + " not found next to this installation;"
        + " pass the file with --model/--classifier");
  }
}
