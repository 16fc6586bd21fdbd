package org.ferrogen.sweep.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;
import org.ferrogen.device.config.Range;
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

  /** The point's coordinates and the x that fails. */
  public record Parameters(
      @Range(min = -1e6, max = 1e6) long x, @Range(min = -1e6, max = 1e6) double y, @Range(min = -1, max = 1e6) long failAt) {}

  @Override
  public Class<? extends Record> parametersType() {
    return Parameters.class;
  }

  @Override
  public Record defaultParameters() {
    return new Parameters(0, 0, -1);
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
  public void check(PointConfig config) {
    config.parameters(Parameters.class);
  }

  @Override
  public LinkedHashMap<String, Double> run(PointConfig config, long seed) {
    Parameters p = config.parameters(Parameters.class);
    long x = p.x();
    Long halt = haltAtX;
    if (halt != null && x == halt) {
      throw new Error("halting the job at x = " + x);
    }
    if (x == p.failAt()) {
      throw new IllegalStateException("x = " + x + " is the failing point");
    }
    double noise = new SplittableRandom(seed).nextGaussian();
    LinkedHashMap<String, Double> m = new LinkedHashMap<>();
    m.put("value", x * p.y() + noise);
    m.put("noise", noise);
    return m;
  }
}
