package org.ferrogen.sweep.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.ferrogen.sweep.spec.GridAxis;
import org.ferrogen.sweep.spec.SweepPoint;
import org.ferrogen.sweep.spec.SweepSpec;

/**
 * What a Spark task runs: the points of its partition, one after the other, each to one output row.
 * A point whose workload throws an exception becomes a row with status {@code failed} and the
 * message, and the task goes on. The spec travels as JSON text (paths and trees rebuilt on the
 * executor), the workload as the serializable object it is.
 */
final class PointTask implements FlatMapFunction<Iterator<SweepPoint>, Row> {

  private static final long serialVersionUID = 1L;
  private static final int MAX_MESSAGE = 2000;

  private final String name;
  private final org.ferrogen.sweep.workload.Workload workload;
  private final String chipJson;
  private final String parametersJson;
  private final String baseDirectory;
  private final List<GridAxis> grid;
  private final int repeats;
  private final long seed;
  private final List<String> metrics;

  PointTask(SweepSpec spec) {
    this.name = spec.name();
    this.workload = spec.workload();
    this.chipJson = spec.chip() == null ? null : spec.chip().toString();
    this.parametersJson = spec.parameters().toString();
    this.baseDirectory = spec.baseDirectory() == null ? null : spec.baseDirectory().toString();
    this.grid = spec.grid();
    this.repeats = spec.repeats();
    this.seed = spec.seed();
    this.metrics = spec.metrics();
  }

  @Override
  public Iterator<Row> call(Iterator<SweepPoint> points) {
    SweepSpec spec = spec();
    List<Row> rows = new ArrayList<>();
    while (points.hasNext()) {
      rows.add(run(spec, points.next()));
    }
    return rows.iterator();
  }

  /** Runs one point to its output row (the column order of {@link SweepSchema#of}). */
  static Row run(SweepSpec spec, SweepPoint point) {
    long t0 = System.nanoTime();
    LinkedHashMap<String, Double> values = null;
    String error = null;
    try {
      values = spec.workload().run(spec.configFor(point.values()), point.seed());
    } catch (Exception e) {
      error = describe(e);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    Object[] cells = new Object[SweepSchema.FIXED_LEADING + spec.grid().size() + 2 + spec.metrics().size() + 1];
    int i = 0;
    cells[i++] = point.pointId();
    cells[i++] = point.repeat();
    cells[i++] = point.seed();
    for (int a = 0; a < spec.grid().size(); a++) {
      cells[i++] = point.values().get(a);
    }
    cells[i++] = error == null ? SweepSchema.OK : SweepSchema.FAILED;
    cells[i++] = error;
    for (String m : spec.metrics()) {
      cells[i++] = values == null ? null : values.get(m);
    }
    cells[i] = seconds;
    return RowFactory.create(cells);
  }

  private static String describe(Exception e) {
    String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
    return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message;
  }

  private SweepSpec spec() {
    ObjectMapper json = new ObjectMapper();
    try {
      return new SweepSpec(name, workload, chipJson == null ? null : (ObjectNode) json.readTree(chipJson),
          (ObjectNode) json.readTree(parametersJson), baseDirectory == null ? null : Path.of(baseDirectory),
          grid, repeats, seed, metrics);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rebuild the sweep spec on the executor", e);
    }
  }
}
