package org.ferrogen.sweep.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.ferrogen.sweep.report.SweepReport;
import org.ferrogen.sweep.report.SweepTable;
import org.ferrogen.sweep.spec.SweepSpec;
import org.ferrogen.sweep.spec.SweepSpecReader;
import org.ferrogen.sweep.workload.Workloads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps on embedded Spark: determinism across partitionings, failures, resume after a kill, Parquet. */
class SweepRunnerTest {

  private static final SweepRunner.Progress SILENT = new SweepRunner.Progress() {
    @Override
    public void planned(long total, long alreadyDone, long toRun) {}

    @Override
    public void done(long points) {}
  };

  @TempDir Path tmp;

  @AfterEach
  void noHalt() {
    ToyWorkload.haltAtX = null;
  }

  /** Spark cannot start on this JDK (see SweepRunner.FIRST_UNSUPPORTED_JDK): its tests are skipped, saying why. */
  @org.junit.jupiter.api.BeforeEach
  void sparkStartsOnThisJdk() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() < SweepRunner.FIRST_UNSUPPORTED_JDK,
        "Apache Spark 3.5 cannot start on JDK " + Runtime.version().feature() + "; these tests need JDK 17 or 21");
  }

  @Test
  void aJdkOnWhichSparkCannotStartIsRefusedWithWhatToDo() {
    SweepRunner.requireSparkJdk(17);
    SweepRunner.requireSparkJdk(21);
    assertThatThrownBy(() -> SweepRunner.requireSparkJdk(25))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("JDK 25").hasMessageContaining("JDK 17 or 21");
  }

  private static SweepSpec toy(String yaml) {
    return new SweepSpecReader(name -> name.equals("toy") ? new ToyWorkload() : Workloads.byName(name))
        .parse(yaml, "test", null, "toy");
  }

  private static final String TOY = """
      workload: toy
      parameters: {failAt: 3}
      grid:
        x: {from: 0, to: 7, step: 1}
        y: [0.5, 2.0]
      repeats: 2
      seed: 11
      """;

  /** Every row without the wall-time column, in the spec's order. */
  private static List<String> rows(Path out) throws IOException {
    List<String> lines = Files.readAllLines(out.resolve(SweepRunner.CSV));
    List<String> rows = new ArrayList<>();
    for (String l : lines) {
      rows.add(l.substring(0, l.lastIndexOf(',')));
    }
    return rows;
  }

  @Test
  void aRealWorkloadGivesTheSameRowsOnOneOrTwoExecutorThreadsAndAnyTaskSize() throws IOException {
    SweepSpec spec = new SweepSpecReader().parse("""
        workload: cim-mvm
        parameters: {rows: 8, cols: 8, trials: 3}
        grid:
          chip.tiles.adc.bits: [4, 8]
          chip.tiles.nonIdealities.readNoise.scale: [0.5, 2]
        repeats: 2
        seed: 5
        """, "test", null, "tile");
    SweepRunner.Summary one = SweepRunner.run(spec, new SweepRunner.Options("local[1]", tmp.resolve("one"), 1), SILENT);
    SweepRunner.Summary two = SweepRunner.run(spec, new SweepRunner.Options("local[2]", tmp.resolve("two"), 3), SILENT);
    assertThat(one.ok()).isEqualTo(8);
    assertThat(two.ok()).isEqualTo(8);
    assertThat(one.tasks()).isEqualTo(8);
    assertThat(two.tasks()).isEqualTo(3);
    assertThat(rows(tmp.resolve("two"))).isEqualTo(rows(tmp.resolve("one"))).hasSize(9);
    // Repeats differ (own seeds), so the rows are not all equal by accident.
    assertThat(new HashSet<>(rows(tmp.resolve("one")))).hasSize(9);

    // The report reads the Parquet dataset back without Spark and draws every plot kind.
    SweepTable table = SweepTable.read(tmp.resolve("two"));
    assertThat(table.rows()).hasSize(8);
    SweepReport.Written report = SweepReport.write(table, tmp.resolve("report"));
    assertThat(report.files()).extracting(p -> p.getFileName().toString()).contains(
        "heatmap-relative_l2_error-chip_tiles_nonIdealities_readNoise_scale-vs-chip_tiles_adc_bits.svg",
        "heatmap-relative_l2_error-chip_tiles_nonIdealities_readNoise_scale-vs-chip_tiles_adc_bits.png",
        "pareto-relative_l2_error-vs-energy_per_mvm_joules.svg", "pareto-relative_l2_error-vs-energy_per_mvm_joules.csv",
        "grid-means.csv", "summary.md");
    assertThat(report.summaryMarkdown()).contains("8 points: 8 ok, 0 failed; 4 grid points");
    for (Path f : report.files()) {
      assertThat(Files.size(f)).as(f.toString()).isPositive();
    }
  }

  @Test
  void aFailingPointIsRecordedWithItsMessageAndTheOthersRun() throws IOException {
    SweepRunner.Summary s = SweepRunner.run(toy(TOY), new SweepRunner.Options("local[2]", tmp, 0), SILENT);
    assertThat(s.points()).isEqualTo(32);
    assertThat(s.failed()).isEqualTo(4); // x = 3: two y values × two repeats
    assertThat(s.ok()).isEqualTo(28);
    assertThat(s.failures()).allMatch(f -> f.contains("IllegalStateException: x = 3 is the failing point"));
    assertThat(Files.readAllLines(tmp.resolve(SweepRunner.CSV)))
        .filteredOn(l -> l.contains(",failed,")).hasSize(4);
  }

  @Test
  void aSweepKilledMidwayResumesWithoutLosingOrRepeatingPoints() throws IOException {
    SweepSpec spec = toy(TOY);
    // local[1], one point per task: tasks run in order, so points with x < 5 finish and commit
    // before the first point with x = 5 stops the job.
    ToyWorkload.haltAtX = 5L;
    assertThatThrownBy(() -> SweepRunner.run(spec, new SweepRunner.Options("local[1]", tmp, 1), SILENT))
        .hasStackTraceContaining("halting the job at x = 5");
    assertThat(partFiles(tmp)).hasSize(20); // x = 0..4 × 2 × 2
    ToyWorkload.haltAtX = null;

    List<String> ids = new ArrayList<>();
    SweepRunner.Summary resumed = SweepRunner.run(spec, new SweepRunner.Options("local[2]", tmp, 1), new SweepRunner.Progress() {
      @Override
      public void planned(long total, long alreadyDone, long toRun) {
        ids.add(total + "/" + alreadyDone + "/" + toRun);
      }

      @Override
      public void done(long points) {}
    });
    assertThat(ids).containsExactly("32/20/12");
    assertThat(resumed.ran()).isEqualTo(12);
    assertThat(resumed.ok() + resumed.failed()).isEqualTo(32);

    // The dataset, read with a plain Parquet reader (not Spark): every point exactly once, and the
    // same rows as an uninterrupted run.
    List<String> pointIds = new ArrayList<>();
    for (Path part : partFiles(tmp)) {
      try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
          new org.apache.hadoop.fs.Path(part.toUri())).withConf(new Configuration()).build()) {
        for (Group g = reader.read(); g != null; g = reader.read()) {
          pointIds.add(g.getString(SweepSchema.POINT_ID, 0));
          assertThat(g.getType().getFieldName(3)).isEqualTo("x");
        }
      }
    }
    assertThat(pointIds).hasSize(32).doesNotHaveDuplicates();
    SweepRunner.run(spec, new SweepRunner.Options("local[2]", tmp.resolve("whole"), 0), SILENT);
    assertThat(rows(tmp)).isEqualTo(rows(tmp.resolve("whole")));

    // A third run finds everything done and computes nothing.
    assertThat(SweepRunner.run(spec, new SweepRunner.Options("local[1]", tmp, 0), SILENT).ran()).isZero();
  }

  @Test
  void aFolderOfAnotherSweepIsRefused() throws IOException {
    SweepRunner.run(toy(TOY), new SweepRunner.Options("local[1]", tmp, 0), SILENT);
    SweepSpec other = toy(TOY.replace("seed: 11", "seed: 12"));
    assertThatThrownBy(() -> SweepRunner.run(other, new SweepRunner.Options("local[1]", tmp, 0), SILENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holds another sweep (it differs in seed)");
  }

  private static List<Path> partFiles(Path out) throws IOException {
    try (Stream<Path> s = Files.list(out.resolve(SweepRunner.PARQUET))) {
      return s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
    }
  }

}
