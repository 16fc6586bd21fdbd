package org.ferrogen.sweep.spec;

import java.util.List;

/** A sweep spec with problems: every problem names its field path. */
public final class SweepSpecException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public SweepSpecException(String source, List<String> problems) {
    super(source + ": " + (problems.size() == 1 ? problems.get(0)
        : problems.size() + " problems:\n  " + String.join("\n  ", problems)));
    this.problems = List.copyOf(problems);
  }

  /** Each problem as {@code path: message}. */
  public List<String> problems() {
    return problems;
  }
}
