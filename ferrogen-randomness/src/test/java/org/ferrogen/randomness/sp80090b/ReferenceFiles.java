package org.ferrogen.randomness.sp80090b;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared SP 800-90B reference data; tests skip when it is absent. */
final class ReferenceFiles {
  private ReferenceFiles() {}

  static Path dir() {
    String shared = System.getProperty("ferrogen.shared");
    Path d = shared == null ? null : Path.of(shared, "reference", "sp800-90b");
    assumeTrue(
        d != null && Files.isDirectory(d),
        "SP 800-90B reference data not found (system property ferrogen.shared = " + shared + ")");
    return d;
  }

  static Path bin(String name) {
    return dir().resolve("bin").resolve(name);
  }

  static Path expected(String name) {
    return dir().resolve("expected").resolve(name);
  }
}
