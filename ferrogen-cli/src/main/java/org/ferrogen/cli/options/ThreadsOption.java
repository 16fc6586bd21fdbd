package org.ferrogen.cli.options;

import picocli.CommandLine.Option;

/** {@code -t/--threads N} (llama.cpp's {@code -t}); default: all processors. */
public final class ThreadsOption {

  @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Worker threads (default: all processors).")
  Integer threads;

  /** The thread count, checked to be at least 1. */
  public int value() {
    if (threads == null) {
      return Runtime.getRuntime().availableProcessors();
    }
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
    }
    return threads;
  }
}
