package org.ferrogen.randomness.sp80022;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.IntStream;
import org.ferrogen.randomness.bits.BitSequence;

/**
 * Runs SP 800-22 tests over one or more streams and applies the STS final analysis. Every
 * (stream, test) pair is an independent task, run on the common ForkJoin pool so that all cores
 * work, whether there is one stream or many.
 */
public final class Sp80022Battery {

  private final Sp80022Parameters parameters;
  private final Set<Sp80022Test> tests;

  public Sp80022Battery(Sp80022Parameters parameters, Set<Sp80022Test> tests) {
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    if (tests.isEmpty()) {
      throw new IllegalArgumentException("no tests selected");
    }
    this.tests = EnumSet.copyOf(tests);
  }

  /** All 15 tests with the given parameters. */
  public Sp80022Battery(Sp80022Parameters parameters) {
    this(parameters, EnumSet.allOf(Sp80022Test.class));
  }

  public Sp80022Parameters parameters() {
    return parameters;
  }

  /** Runs the selected tests on one stream, one test after the other on the calling thread. */
  public List<TestResult> runSequential(BitSequence stream) {
    List<TestResult> out = new ArrayList<>(tests.size());
    for (Sp80022Test t : tests) {
      out.add(t.run(stream, parameters));
    }
    return out;
  }

  /** Runs the selected tests on every stream in parallel and summarises them as the STS does. */
  public BatteryReport run(List<BitSequence> streams) {
    return run(streams, n -> {});
  }

  /** Number of (stream, test) runs {@link #run(List, LongConsumer)} reports progress in. */
  public int progressUnits(int streams) {
    return streams * tests.size();
  }

  /**
   * As {@link #run(List)}, calling {@code progress} with 1 after each (stream, test) run, from the
   * worker threads.
   */
  public BatteryReport run(List<BitSequence> streams, LongConsumer progress) {
    if (streams.isEmpty()) {
      throw new IllegalArgumentException("no streams to test");
    }
    List<Sp80022Test> order = new ArrayList<>(tests);
    int perStream = order.size();
    TestResult[] flat = new TestResult[streams.size() * perStream];
    IntStream.range(0, flat.length).parallel().forEach(task -> {
      BitSequence s = streams.get(task / perStream);
      flat[task] = order.get(task % perStream).run(s, parameters);
      progress.accept(1);
    });
    List<List<TestResult>> perStreamResults = new ArrayList<>(streams.size());
    for (int i = 0; i < streams.size(); i++) {
      perStreamResults.add(List.of(flat).subList(i * perStream, (i + 1) * perStream));
    }
    return new BatteryReport(
        streams.get(0).length(), perStreamResults, FinalAnalysis.summarize(order, perStreamResults, parameters));
  }

  /**
   * Everything one battery run produced.
   *
   * @param streamLength bits per stream
   * @param results per stream, the results of the selected tests in STS order
   * @param summary the final analysis per (test, variant)
   */
  public record BatteryReport(int streamLength, List<List<TestResult>> results, List<FinalAnalysis.Summary> summary) {
    public BatteryReport {
      results = results.stream().map(List::copyOf).toList();
      summary = List.copyOf(summary);
    }

    /** Number of streams. */
    public int streams() {
      return results.size();
    }

    /** Distinct reasons why tests were skipped because the streams are too short, one per test. */
    public List<String> tooShort() {
      List<String> out = new ArrayList<>();
      for (TestResult r : results.get(0)) {
        if (r.status() == TestResult.Status.TOO_SHORT) {
          out.add(r.test().stsName() + " (" + r.detail() + ")");
        }
      }
      return out;
    }

    /** The flat list of (test, variant, stream, P-value) rows. */
    public List<Row> rows() {
      List<Row> out = new ArrayList<>();
      for (int s = 0; s < results.size(); s++) {
        for (TestResult r : results.get(s)) {
          for (TestResult.VariantPValue v : r.pValues()) {
            out.add(new Row(r.test(), v.variant(), s, v.pValue()));
          }
        }
      }
      return out;
    }
  }

  /** One P-value of one stream; empty where the test did not apply. */
  public record Row(Sp80022Test test, String variant, int stream, OptionalDouble pValue) {}
}
