package org.ferrogen.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;

/**
 * Writes a file through a temporary sibling and moves it into place only when the writer finished,
 * so a failure never leaves a half-written output behind.
 */
public final class AtomicOutput {

  /** Body of a write that may fail. */
  @FunctionalInterface
  public interface Writer {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicOutput() {}

  public static void write(Path target, Writer writer) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    removeStaleTemporaries(dir, absolute.getFileName().toString());
    // The writer's process id in the name lets a later run tell an abandoned file from a live one.
    Path tmp = Files.createTempFile(dir, tempPrefix(absolute.getFileName().toString()), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        writer.writeTo(out);
      }
      // createTempFile makes the file private (0600); an output file gets the usual rw-r--r--.
      if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      try {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String tempPrefix(String name) {
    return "." + name + "." + ProcessHandle.current().pid() + ".";
  }

  /**
   * Deletes {@code .NAME.PID.*.tmp} files left in {@code dir} by writers of NAME that died without
   * cleaning up ({@code kill -9}, power loss): those whose process no longer runs. A file of an
   * older naming without a process id is deleted once it is an hour old.
   */
  static void removeStaleTemporaries(Path dir, String name) throws IOException {
    if (dir == null || !Files.isDirectory(dir)) {
      return;
    }
    String prefix = "." + name + ".";
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, p -> {
      String n = p.getFileName().toString();
      return n.startsWith("." + name) && n.endsWith(".tmp");
    })) {
      for (Path entry : entries) {
        String n = entry.getFileName().toString();
        String rest = n.startsWith(prefix) ? n.substring(prefix.length()) : "";
        int dot = rest.indexOf('.');
        boolean stale;
        try {
          long pid = Long.parseLong(dot < 0 ? "" : rest.substring(0, dot));
          stale = ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
          stale = Files.getLastModifiedTime(entry).toInstant().isBefore(Instant.now().minus(Duration.ofHours(1)));
        }
        if (stale) {
          Files.deleteIfExists(entry);
        }
      }
    }
  }

  public static void writeString(Path target, String text) throws IOException {
    write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
