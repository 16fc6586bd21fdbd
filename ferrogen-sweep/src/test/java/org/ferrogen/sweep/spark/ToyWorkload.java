package org.ferrogen.sweep.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;
import org.ferrogen.sweep.workload.PointConfig;
import org.ferrogen.sweep.workload.Workload;

/**
 * A fast workload for the runner's tests: {@code value = x·y + N(0,1)} from the point's seed. It
 * throws an exception at {@code x = failAt} (a failing point) and, while {@link #haltAtX} is set,
 * an {@link Error} at that x, which Spark does not catch: the job stops as if killed.
 */
public final class ToyWorkload implements Workload {
  private static final long serialVersionUID = 1L;

  /** x at which points halt the job (executors share the test's JVM in local mode); null: never. */
  static volatile Long haltAtX;

  @Override
  public String name() {
    return "toy";
  }

  @Override
  public String description() {
    return "x·y plus seeded noise";
  }

  @Override
  public List<String> metrics() {
    return List.of("value", "noise");
  }

  @Override
  public ObjectNode defaultParameters() {
    return new ObjectMapper().createObjectNode().put("x", 0L).put("y", 0.0).put("failAt", -1L);
  }

  @Override
  public ObjectNode defaultChip() {
    return null;
  }

  @Override
  public ObjectNode loadChip(String yaml, String source) {
    throw new IllegalArgumentException("toy takes no chip");
  }

  @Override
  public void check(PointConfig config) {}

  @Override
  public LinkedHashMap<String, Double> run(PointConfig config, long seed) {
    long x = config.integer("x");
    Long halt = haltAtX;
    if (halt != null && x == halt) {
      throw new Error("halting the job at x = " + x);
    }
    if (x == config.integer("failAt")) {
      throw new IllegalStateException("x = " + x + " is the failing point");
    }
    double noise = new SplittableRandom(seed).nextGaussian();
    LinkedHashMap<String, Double> m = new LinkedHashMap<>();
    m.put("value", x * config.number("y") + noise);
    m.put("noise", noise);
    return m;
  }
}
