package org.ferrogen.cli.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --out-dir DIR}: where a command writes its several files (plots, CSV); created when missing. */
public final class OutDirOption {

  @Option(names = "--out-dir", paramLabel = "DIR", description = "Folder for the files this command writes (plots as SVG and PNG, CSV); created if missing.")
  Path outDir;

  public Optional<Path> value() {
    return Optional.ofNullable(outDir);
  }

  /** The folder (or {@code fallback}), created. */
  public Path create(Path fallback) throws IOException {
    Path dir = outDir != null ? outDir : fallback;
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--out-dir " + dir + " is a file, not a folder");
    }
    return Files.createDirectories(dir);
  }
}
