package org.ferrogen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Input files of the command line, where {@code -} means standard input. */
public final class InputFiles {
  private InputFiles() {}

  /** The name to show for an input argument. */
  public static String name(String arg) {
    return "-".equals(arg) ? "(stdin)" : arg;
  }

  /**
   * All bytes of {@code arg} (a file, or {@code -} for stdin), refusing more than {@code maxBytes}
   * with an error naming the input.
   */
  public static byte[] readAll(String arg, long maxBytes) throws IOException {
    if ("-".equals(arg)) {
      try (InputStream in = System.in) {
        byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (data.length > maxBytes) {
          throw new IllegalArgumentException("standard input holds more than " + maxBytes + " bytes, the most this command reads");
        }
        return data;
      }
    }
    Path file = Path.of(arg);
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("no such file: " + arg);
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(arg + " is not a regular file");
    }
    long size = Files.size(file);
    if (size > maxBytes) {
      throw new IllegalArgumentException(arg + ": " + size + " bytes, more than the " + maxBytes + " this command reads");
    }
    return Files.readAllBytes(file);
  }
}
