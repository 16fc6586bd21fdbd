package org.ferrogen.cli.genai;

import java.nio.file.Path;

/** Test access to where the commands look for the shipped model. */
public final class ModelOptionsAccess {
  private ModelOptionsAccess() {}

  public static Path resolveDefault() {
    return ModelOptions.resolveDefault();
  }
}
