package org.ferrogen.randomness.sp80022;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ferrogen.randomness.bits.BitFormat;
import org.ferrogen.randomness.bits.BitSequence;

/** The STS data files under {@code ${ferrogen.shared}/reference/sp800-22}; tests skip without them. */
final class ReferenceData {

  private static final Map<String, BitSequence> CACHE = new ConcurrentHashMap<>();

  private ReferenceData() {}

  static Path folder() {
    String shared = System.getProperty("ferrogen.shared", "../shared");
    return Path.of(shared, "reference", "sp800-22");
  }

  static Path require(String name) {
    Path file = folder().resolve(name);
    assumeTrue(Files.isReadable(file),
        "SP 800-22 reference data absent (" + file + "): set -Dferrogen.shared to the shared folder");
    return file;
  }

  /** The first 10^6 bits of an STS data file (ASCII, or MSB-first binary for data.sha1). */
  static BitSequence million(String name) {
    Path file = require(name);
    return CACHE.computeIfAbsent(name, n -> {
      try {
        BitSequence all = BitSequence.read(file, n.equals("data.sha1") ? BitFormat.MSB : BitFormat.ASCII);
        return all.slice(0, 1_000_000);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
