package org.ferrogen.sweep.workload;

import java.util.List;
import java.util.stream.Collectors;

/** The workloads a sweep spec may name. */
public final class Workloads {

  /**
   * Hybrid on-chip learning (FeCAP + memristor) is being built on its own branch; until it is on
   * main a spec naming it gets this one line.
   */
  static final String TRAIN_UNAVAILABLE = "workload 'train' (hybrid on-chip learning) is not available yet:"
      + " ferrogen-learn has no on-chip training entry point in this version";

  private static final List<Workload> ALL =
      List.of(new TrngAssessWorkload(), new CimMvmWorkload(), new PufWorkload(), new PerplexityWorkload());

  private Workloads() {}

  public static List<Workload> all() {
    return ALL;
  }

  /** The workload called {@code name}; throws naming the known ones. */
  public static Workload byName(String name) {
    if ("train".equals(name)) {
      throw new IllegalArgumentException(TRAIN_UNAVAILABLE);
    }
    return ALL.stream().filter(w -> w.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown workload '" + name + "' (known: "
            + ALL.stream().map(Workload::name).collect(Collectors.joining(", ")) + "; train once on-chip learning lands)"));
  }
}
