package org.ferrogen.cli.options;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code -o/--output FILE}: the one file a command writes (written atomically through AtomicOutput). */
public final class OutputFileOption {

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file.")
  Path output;

  public Optional<Path> value() {
    return Optional.ofNullable(output);
  }

  /** The file, or an error naming the option when it is required here. */
  public Path required() {
    if (output == null) {
      throw new IllegalArgumentException("missing required option -o/--output FILE");
    }
    return output;
  }
}
