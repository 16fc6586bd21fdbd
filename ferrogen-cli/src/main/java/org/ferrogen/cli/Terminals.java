package org.ferrogen.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the JVM's standard streams are terminals. */
public final class Terminals {
  private Terminals() {}

  /**
   * Whether file descriptor {@code fd} (0 stdin, 1 stdout, 2 stderr) is a terminal: on Linux, its
   * /proc link names a tty device; without /proc, whether a console is attached (stdin and stdout
   * both terminals).
   */
  public static boolean isTerminal(int fd) {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }
}
