package org.ferrogen.sweep.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ferrogen.cli.ExitCode;
import org.ferrogen.cli.ProgressBars;
import org.ferrogen.cli.options.CommonOptions;
import org.ferrogen.sweep.spark.SweepRunner;
import org.ferrogen.sweep.spec.SweepSpec;
import org.ferrogen.sweep.spec.SweepSpecReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ferrogen sweep run SPEC --out-dir DIR [--master M]}. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run every point of a sweep spec as Spark tasks, into DIR/points.parquet and DIR/points.csv.",
        "Resumable: points already in DIR are skipped. A point that fails is recorded with its message."})
public final class SweepRunCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "SPEC.yaml", description = "Sweep spec.")
  Path specFile;

  @Option(names = "--out-dir", required = true, paramLabel = "DIR",
      description = "Output folder (created; re-running into it resumes). On a cluster: a path every node sees.")
  Path outDir;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master: local[*] (default, embedded), local[N], spark://HOST:PORT, yarn, k8s://…; under spark-submit its --master.")
  String master;

  @Option(names = "--points-per-task", paramLabel = "N", defaultValue = "0",
      description = "Points per Spark task (default: 1, or more above " + SweepRunner.MAX_TASKS_TEXT + " points).")
  int pointsPerTask;

  @Override
  public Integer call() throws Exception {
    SweepSpec spec = new SweepSpecReader().read(specFile);
    if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
      throw new IllegalArgumentException("--out-dir " + outDir + " is a file, not a folder");
    }
    if (pointsPerTask < 0) {
      throw new IllegalArgumentException("--points-per-task must be >= 0, got " + pointsPerTask);
    }
    ProgressBars.Progress[] bar = new ProgressBars.Progress[1];
    SweepRunner.Summary s;
    try {
      s = SweepRunner.run(spec, new SweepRunner.Options(master, outDir, pointsPerTask), new SweepRunner.Progress() {
        @Override
        public void planned(long total, long alreadyDone, long toRun) {
          if (alreadyDone > 0) {
            common.err().printf("sweep: %d of %d points already in %s; running the other %d%n", alreadyDone, total,
                outDir, toRun);
            common.err().flush();
          }
          bar[0] = common.progress("sweep " + spec.name(), toRun, "point");
        }

        @Override
        public void done(long points) {
          bar[0].accept(points);
        }
      });
    } finally {
      if (bar[0] != null) {
        bar[0].close();
      }
    }
    if (common.json()) {
      common.printJson(s);
    } else {
      common.out().printf("sweep %s: %d points, %d ok, %d failed; this run computed %d in %.1f s (%.3g points/s, %d tasks, %s)%n",
          spec.name(), s.points(), s.ok(), s.failed(), s.ran(), s.seconds(), s.pointsPerSecond(), s.tasks(), s.master());
      for (String f : s.failures()) {
        common.out().println("  failed " + f);
      }
      common.out().printf("output: %s, %s%n", outDir.resolve(SweepRunner.PARQUET), outDir.resolve(SweepRunner.CSV));
    }
    return ExitCode.OK;
  }
}
