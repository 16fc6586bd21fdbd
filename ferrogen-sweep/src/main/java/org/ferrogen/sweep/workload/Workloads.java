package org.ferrogen.sweep.workload;

import java.util.List;
import org.ferrogen.device.config.YamlConfig;

/** The workloads a sweep spec may name. */
public final class Workloads {

  private static final List<Workload> ALL =
      List.of(new TrngAssessWorkload(), new CimMvmWorkload(), new PufWorkload(), new TrainWorkload(),
          new PerplexityWorkload());

  private Workloads() {}

  /** The workloads' names, in listing order. */
  public static List<String> names() {
    return ALL.stream().map(Workload::name).toList();
  }

  public static List<Workload> all() {
    return ALL;
  }

  /** The workload called {@code name}; throws naming the known ones. */
  public static Workload byName(String name) {
    return ALL.stream().filter(w -> w.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown workload '" + name + "' (known: "
            + String.join(", ", names()) + ";" + YamlConfig.suggestion(name, names()) + ")"));
  }
}
