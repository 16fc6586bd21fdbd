package org.ferrogen.sweep.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.ferrogen.cli.AtomicOutput;
import org.ferrogen.sweep.spec.GridAxis;
import org.ferrogen.sweep.spec.SweepPoint;
import org.ferrogen.sweep.spec.SweepSpec;

/**
 * Runs a sweep on Spark: every point not yet in the output becomes part of a Spark task; the rows
 * are appended to the Parquet dataset {@code DIR/points.parquet}; then {@code DIR/points.csv} and
 * {@code DIR/summary.json} are rewritten from the whole dataset.
 *
 * <p><b>Resume and kills.</b> The dataset is written with Hadoop's file output committer, algorithm
 * 2: each task writes its file under {@code _temporary} and, when it finishes, renames it into the
 * dataset — a commit per task. A job killed midway leaves the finished tasks' files (each
 * complete) and a {@code _temporary} folder that readers ignore and the next run deletes. The next
 * run reads the point ids already present and runs only the others, so no finished point is lost
 * or computed twice. One run per output folder at a time.
 *
 * <p><b>Determinism.</b> A point's row depends only on the spec and the point's coordinates (its
 * seed is hashed from them), never on the partitioning, the executor or the order: only the {@code
 * seconds} column differs between runs.
 */
public final class SweepRunner {

  /** Parquet dataset, written by Spark. */
  public static final String PARQUET = "points.parquet";
  /** The same rows as CSV, in the spec's point order. */
  public static final String CSV = "points.csv";
  /** The identity of the sweep the folder holds: resume refuses a different one. */
  public static final String IDENTITY = "sweep.json";
  /** Counts and timing of the last run. */
  public static final String SUMMARY = "summary.json";

  /** Above this many points a task takes several, so that the dataset does not grow to 10^5 files. */
  static final int MAX_TASKS = 10_000;
  /** {@link #MAX_TASKS} for help texts. */
  public static final String MAX_TASKS_TEXT = "10000";

  /**
   * @param master Spark master URL ({@code local[*]}, {@code spark://…}, {@code yarn}, {@code k8s://…});
   *     null keeps the one spark-submit configured, else {@code local[*]}
   * @param outDir output folder (on a cluster: a path every executor sees at the same place)
   * @param pointsPerTask points per Spark task; 0 chooses 1, or more above {@value #MAX_TASKS} points
   */
  public record Options(String master, Path outDir, int pointsPerTask) {}

  /** Reports progress; called from Spark's listener thread. */
  public interface Progress {
    /** Before the job: all points of the spec, those already in the output, and those to run now. */
    void planned(long total, long alreadyDone, long toRun);

    /** {@code points} more points finished. */
    void done(long points);
  }

  /**
   * @param points points of the spec
   * @param alreadyDone points found in the output before this run
   * @param ran points this run computed
   * @param ok rows with status ok in the output (of this spec's points)
   * @param failed rows with status failed in the output
   * @param failures the first few failures as {@code point_id: message}
   * @param tasks Spark tasks this run started
   * @param seconds wall time of the Spark job
   * @param pointsPerSecond points this run computed per second of job wall time
   */
  public record Summary(long points, long alreadyDone, long ran, long ok, long failed, List<String> failures,
      int tasks, double seconds, double pointsPerSecond, String master) {}

  private SweepRunner() {}

  public static Summary run(SweepSpec spec, Options options, Progress progress) throws IOException {
    Path out = options.outDir();
    Files.createDirectories(out);
    checkIdentity(spec, out);
    Path dataset = out.resolve(PARQUET);
    StructType schema = SweepSchema.of(spec);
    List<SweepPoint> points = spec.points();
    SparkSession spark = session(spec, options.master());
    try {
      deleteRecursively(dataset.resolve("_temporary"));
      Set<String> done = new HashSet<>();
      if (hasParts(dataset)) {
        spark.read().schema(schema).parquet(dataset.toString()).select(SweepSchema.POINT_ID).distinct()
            .collectAsList().forEach(r -> done.add(r.getString(0)));
      }
      List<SweepPoint> todo = points.stream().filter(p -> !done.contains(p.pointId())).toList();
      long alreadyDone = points.size() - todo.size();
      progress.planned(points.size(), alreadyDone, todo.size());
      int tasks = 0;
      double seconds = 0;
      if (!todo.isEmpty()) {
        int perTask = options.pointsPerTask() > 0 ? options.pointsPerTask()
            : (int) Math.max(1, (todo.size() + MAX_TASKS - 1) / MAX_TASKS);
        tasks = (todo.size() + perTask - 1) / perTask;
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        TaskCounter counter = new TaskCounter(todo.size(), tasks, progress);
        spark.sparkContext().addSparkListener(counter);
        long t0 = System.nanoTime();
        try {
          JavaRDD<Row> rows = jsc.parallelize(todo, tasks).mapPartitions(new PointTask(spec));
          spark.createDataFrame(rows, schema).write().mode(SaveMode.Append).parquet(dataset.toString());
        } finally {
          seconds = (System.nanoTime() - t0) / 1e9;
          spark.sparkContext().removeSparkListener(counter);
        }
      }
      List<Row> all = spark.read().schema(schema).parquet(dataset.toString()).collectAsList();
      List<Row> ordered = order(all, points);
      writeCsv(out.resolve(CSV), schema, ordered);
      Set<String> ids = new HashSet<>();
      points.forEach(p -> ids.add(p.pointId()));
      long ok = 0;
      long failed = 0;
      List<String> failures = new ArrayList<>();
      for (Row r : ordered) {
        if (!ids.contains(r.getString(0))) {
          continue;
        }
        if (SweepSchema.OK.equals(r.getAs(SweepSchema.STATUS))) {
          ok++;
        } else {
          failed++;
          if (failures.size() < 5) {
            failures.add(r.getString(0) + ": " + r.getAs(SweepSchema.ERROR));
          }
        }
      }
      Summary summary = new Summary(points.size(), alreadyDone, todo.size(), ok, failed, failures, tasks, seconds,
          todo.isEmpty() || seconds == 0 ? 0 : todo.size() / seconds, spark.sparkContext().master());
      AtomicOutput.write(out.resolve(SUMMARY), o -> o.write(
          org.ferrogen.cli.Json.write(summary).getBytes(StandardCharsets.UTF_8)));
      return summary;
    } finally {
      spark.stop();
    }
  }

  /**
   * The first JDK on which this Spark cannot start: Spark 3.5's Hadoop client logs in through
   * {@code Subject.getSubject}, which JDK 23 and newer no longer support (checked on Temurin 25.0.3:
   * {@code UnsupportedOperationException: getSubject is not supported} while the SparkContext starts).
   * Spark 3.5 itself supports JDK 17 and 21.
   */
  static final int FIRST_UNSUPPORTED_JDK = 23;

  /** Refuses, with what to do, a JDK on which Spark cannot start (see {@link #FIRST_UNSUPPORTED_JDK}). */
  static void requireSparkJdk(int feature) {
    if (feature >= FIRST_UNSUPPORTED_JDK) {
      throw new IllegalStateException("sweeps run on Apache Spark 3.5, which cannot start on JDK " + feature
          + " (its Hadoop client needs Subject.getSubject, unsupported since JDK " + FIRST_UNSUPPORTED_JDK
          + "); run `ferrogen sweep` with JDK 17 or 21 first on the PATH");
    }
  }

  /** The Spark session: the given master, or spark-submit's, or local[*]. */
  static SparkSession session(SweepSpec spec, String master) {
    requireSparkJdk(Runtime.version().feature());
    SparkSession.Builder b = SparkSession.builder().appName("ferrogen-sweep " + spec.name())
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        // A commit per task: see the class comment.
        .config("spark.hadoop.mapreduce.fileoutputcommitter.algorithm.version", "2")
        .config("spark.sql.parquet.compression.codec", "snappy");
    String chosen = master != null ? master : System.getProperty("spark.master");
    if (chosen == null) {
      chosen = "local[*]";
    }
    b.master(chosen);
    if (chosen.startsWith("local")) {
      // Embedded: stay on the loopback interface (no firewall prompts, no DNS lookups).
      b.config("spark.driver.host", "localhost").config("spark.driver.bindAddress", "127.0.0.1");
    }
    return b.getOrCreate();
  }

  /** Refuses to mix two different sweeps in one folder; records the sweep's identity on first use. */
  static void checkIdentity(SweepSpec spec, Path out) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode built = json.createObjectNode();
    built.put("workload", spec.workload().name());
    built.set("chip", spec.chip());
    built.set("parameters", spec.parameters());
    built.put("seed", spec.seed());
    ArrayNode axes = built.putArray("axes");
    for (GridAxis a : spec.grid()) {
      axes.addObject().put("path", a.path()).put("type", a.type().name().toLowerCase(java.util.Locale.ROOT));
    }
    ArrayNode metrics = built.putArray("metrics");
    spec.metrics().forEach(metrics::add);
    Path file = out.resolve(IDENTITY);
    // Compared as read back from text, so that 3 stored as a long and 3 read as an int agree.
    ObjectNode id = (ObjectNode) json.readTree(json.writeValueAsString(built));
    if (Files.exists(file)) {
      ObjectNode existing = (ObjectNode) json.readTree(file.toFile());
      List<String> differ = new ArrayList<>();
      id.fieldNames().forEachRemaining(k -> {
        if (!id.get(k).equals(existing.get(k))) {
          differ.add(k);
        }
      });
      if (!differ.isEmpty()) {
        throw new IllegalArgumentException(out + " holds another sweep (it differs in " + String.join(", ", differ)
            + "); choose another --out-dir. Only the grid's values may change between runs into one folder");
      }
      return;
    }
    byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(id);
    AtomicOutput.write(file, o -> o.write(bytes));
  }

  /** Rows of the spec's points in spec order, then rows of points no longer in the grid. */
  static List<Row> order(List<Row> rows, List<SweepPoint> points) {
    Map<String, Long> index = new HashMap<>();
    points.forEach(p -> index.put(p.pointId(), p.index()));
    Map<String, Row> unique = new LinkedHashMap<>();
    for (Row r : rows) {
      unique.putIfAbsent(r.getString(0), r);
    }
    List<Row> out = new ArrayList<>(unique.values());
    out.sort(Comparator.comparing((Row r) -> index.getOrDefault(r.getString(0), Long.MAX_VALUE))
        .thenComparing(r -> r.getString(0)));
    return out;
  }

  static void writeCsv(Path file, StructType schema, List<Row> rows) throws IOException {
    StringBuilder sb = new StringBuilder();
    String[] names = schema.fieldNames();
    for (int i = 0; i < names.length; i++) {
      sb.append(i == 0 ? "" : ",").append(csvField(names[i]));
    }
    sb.append('\n');
    for (Row r : rows) {
      for (int i = 0; i < r.length(); i++) {
        sb.append(i == 0 ? "" : ",");
        Object v = r.get(i);
        sb.append(v == null ? "" : csvField(String.valueOf(v)));
      }
      sb.append('\n');
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    AtomicOutput.write(file, o -> o.write(bytes));
  }

  private static String csvField(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  static boolean hasParts(Path dataset) throws IOException {
    if (!Files.isDirectory(dataset)) {
      return false;
    }
    try (Stream<Path> files = Files.list(dataset)) {
      return files.anyMatch(f -> f.getFileName().toString().startsWith("part-"));
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * Counts finished points from Spark's task-end events: task i holds the points Spark's
   * {@code parallelize} slices into partition i ({@code [i·n/k, (i+1)·n/k)}).
   */
  private static final class TaskCounter extends SparkListener {
    private final long points;
    private final int tasks;
    private final Progress progress;

    TaskCounter(long points, int tasks, Progress progress) {
      this.points = points;
      this.tasks = tasks;
      this.progress = progress;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      if (end.taskInfo() != null && end.taskInfo().successful() && "ResultTask".equals(end.taskType())) {
        int i = end.taskInfo().index();
        progress.done((i + 1) * points / tasks - i * points / tasks);
      }
    }
  }
}
