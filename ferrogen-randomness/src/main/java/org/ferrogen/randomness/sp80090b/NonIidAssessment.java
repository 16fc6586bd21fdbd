package org.ferrogen.randomness.sp80090b;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The non-IID track of SP 800-90B (section 6.3) as NIST's {@code ea_non_iid} runs it for an initial
 * entropy estimate: every estimator on the literal symbols (collision, Markov and compression only
 * when the alphabet is binary), the same set on the bitstring when the alphabet has more than two
 * symbols, then H_original, H_bitstring and min(H_original, k * H_bitstring, k).
 */
public final class NonIidAssessment {

  private NonIidAssessment() {}

  /**
   * The outcome.
   *
   * @param samples sample count
   * @param bitsPerSymbol k
   * @param alphabetSize distinct symbols observed
   * @param estimators every estimate in the tool's order
   * @param hOriginal min over the literal estimates (k when none ran)
   * @param hBitstring min over the bitstring estimates per bit, or NaN when the bitstring was not
   *     assessed (binary alphabet)
   * @param hAssessed the assessed min-entropy per sample
   * @param warnings conditions to show the user
   */
  public record Result(
      int samples,
      int bitsPerSymbol,
      int alphabetSize,
      boolean translated,
      List<EstimatorResult> estimators,
      double hOriginal,
      double hBitstring,
      double hAssessed,
      List<String> warnings) {
    public Result {
      // -log2(1) is -0.0; an entropy is never printed with a sign
      hOriginal += 0.0;
      hBitstring += 0.0;
      hAssessed += 0.0;
      estimators = List.copyOf(estimators);
      warnings = List.copyOf(warnings);
    }

    /** Whether the bitstring was assessed. */
    public boolean hasBitstring() {
      return !Double.isNaN(hBitstring);
    }
  }

  /** Runs the assessment, estimators in parallel on the common pool. */
  public static Result assess(Samples samples) {
    return assess(samples, true);
  }

  public static Result assess(Samples samples, boolean parallel) {
    return assess(samples, parallel, n -> {});
  }

  /**
   * Number of estimator runs {@link #assess(Samples, boolean, LongConsumer)} reports: nine on the
   * literal samples, and six more on the bitstring when the alphabet is larger than 2.
   */
  public static int estimatorRuns(int alphabetSize) {
    return alphabetSize > 2 ? 15 : 9;
  }

  /** As {@link #assess(Samples, boolean)}, calling {@code progress} with 1 after each estimator run. */
  public static Result assess(Samples samples, boolean parallel, LongConsumer progress) {
    return assess(samples, parallel ? Integer.MAX_VALUE : 1, progress);
  }

  /**
   * As {@link #assess(Samples, boolean, LongConsumer)} on at most {@code threads} threads (the
   * caller's and the common pool's). One thread takes the least CPU time on a cold JVM: threads
   * that start the same estimator code at once each run it interpreted until C1 has compiled it,
   * and share the caches (docs/performance.md); more threads take less wall time.
   */
  public static Result assess(Samples samples, int threads, LongConsumer progress) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    int alph = samples.alphabetSize();
    if (alph <= 1) {
      throw new IllegalArgumentException(
          samples.source() + ": the symbol alphabet consists of 1 symbol; no entropy awarded");
    }
    boolean bitTrack = alph > 2;
    byte[] lit = samples.symbols();
    byte[] bits = bitTrack ? samples.bits() : null;
    Domain b = Domain.BITSTRING;
    Domain l = Domain.LITERAL;
    // Roughly slowest first (measured on the reference files), so that handing tasks out in this
    // order to whichever thread is free gives a near-optimal schedule.
    List<Supplier<List<EstimatorResult>>> tasks = new ArrayList<>();
    tasks.add(() -> one(PredictionEstimators.multiMmc(lit, alph, l)));
    if (bitTrack) {
      tasks.add(() -> one(PredictionEstimators.multiMmc(bits, 2, b)));
      tasks.add(() -> one(PredictionEstimators.lz78y(bits, 2, b)));
      tasks.add(() -> tuple(bits, 2, b));
    }
    tasks.add(() -> one(PredictionEstimators.lz78y(lit, alph, l)));
    tasks.add(() -> tuple(lit, alph, l));
    if (bitTrack) {
      tasks.add(() -> one(PredictionEstimators.lag(bits, 2, b)));
      tasks.add(() -> one(PredictionEstimators.multiMcw(bits, 2, b)));
      tasks.add(() -> one(StatisticEstimators.compression(bits, b)));
      tasks.add(() -> one(StatisticEstimators.markov(bits, b)));
      tasks.add(() -> one(StatisticEstimators.collision(bits, b)));
      tasks.add(() -> one(StatisticEstimators.mostCommonValue(bits, 2, b)));
    } else {
      tasks.add(() -> one(StatisticEstimators.compression(lit, l)));
    }
    tasks.add(() -> one(PredictionEstimators.lag(lit, alph, l)));
    tasks.add(() -> one(PredictionEstimators.multiMcw(lit, alph, l)));
    if (!bitTrack) {
      tasks.add(() -> one(StatisticEstimators.markov(lit, l)));
      tasks.add(() -> one(StatisticEstimators.collision(lit, l)));
    }
    tasks.add(() -> one(StatisticEstimators.mostCommonValue(lit, alph, l)));
    assert tasks.size() == estimatorRuns(alph) : tasks.size();
    List<EstimatorResult> all = runAll(tasks, threads, progress);
    List<EstimatorResult> ordered = toolOrder(all);

    double hOriginal = samples.bitsPerSymbol();
    double hBitstring = 1.0;
    for (EstimatorResult e : ordered) {
      if (e.domain() == Domain.LITERAL) {
        hOriginal = Math.min(hOriginal, e.minEntropy());
      } else {
        hBitstring = Math.min(hBitstring, e.minEntropy());
      }
    }
    double assessed = samples.bitsPerSymbol();
    if (bitTrack) {
      assessed = Math.min(assessed, hBitstring * samples.bitsPerSymbol());
    }
    assessed = Math.min(assessed, hOriginal);
    List<String> warnings = new ArrayList<>(samples.warnings());
    return new Result(
        samples.length(),
        samples.bitsPerSymbol(),
        alph,
        samples.translated(),
        ordered,
        hOriginal,
        bitTrack ? hBitstring : Double.NaN,
        assessed,
        warnings);
  }

  /**
   * Runs the tasks on the calling thread and on up to {@code threads - 1} of the common pool's workers:
   * each thread takes the next task in list order when it is free (a greedy longest-first schedule;
   * splitting the list in halves, as a parallel stream does, left one core idle for most of the
   * run). The caller waits only for tasks a worker has taken, never for a worker to start, so it
   * cannot be held up by a busy pool.
   */
  private static List<EstimatorResult> runAll(List<Supplier<List<EstimatorResult>>> tasks, int threads,
      LongConsumer progress) {
    int count = tasks.size();
    @SuppressWarnings("unchecked")
    List<EstimatorResult>[] results = new List[count];
    AtomicInteger next = new AtomicInteger();
    CountDownLatch finished = new CountDownLatch(count);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable runner = () -> {
      int t;
      while ((t = next.getAndIncrement()) < count) {
        try {
          results[t] = tasks.get(t).get();
          progress.accept(1);
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        } finally {
          finished.countDown();
        }
      }
    };
    int helpers = Math.min(Math.min(count, threads), ForkJoinPool.getCommonPoolParallelism() + 1) - 1;
    for (int h = 0; h < helpers; h++) {
      ForkJoinPool.commonPool().execute(runner);
    }
    runner.run();
    try {
      finished.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the SP 800-90B estimators ran", e);
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
    List<EstimatorResult> all = new ArrayList<>();
    for (List<EstimatorResult> r : results) {
      all.addAll(r);
    }
    return all;
  }

  private static final List<String> ORDER =
      List.of(
          "Most Common Value",
          "Collision",
          "Markov",
          "Compression",
          "t-Tuple",
          "LRS",
          "MultiMCW Prediction",
          "Lag Prediction",
          "MultiMMC Prediction",
          "LZ78Y Prediction");

  /** The order ea_non_iid prints: per estimator bitstring then literal, t-tuple/LRS per domain. */
  private static List<EstimatorResult> toolOrder(List<EstimatorResult> all) {
    List<EstimatorResult> out = new ArrayList<>(all);
    out.sort(
        (x, y) -> {
          int kx = orderKey(x);
          int ky = orderKey(y);
          return Integer.compare(kx, ky);
        });
    return out;
  }

  private static int orderKey(EstimatorResult e) {
    int i = ORDER.indexOf(e.name());
    boolean tuple = e.name().equals("t-Tuple") || e.name().equals("LRS");
    int dom = e.domain() == Domain.BITSTRING ? 0 : 1;
    if (tuple) {
      // Bitstring t-tuple, bitstring LRS, literal t-tuple, literal LRS.
      return 4 * 10 + dom * 2 + (e.name().equals("LRS") ? 1 : 0);
    }
    return i * 10 + dom;
  }

  private static List<EstimatorResult> one(EstimatorResult r) {
    return r == null ? List.of() : List.of(r);
  }

  private static List<EstimatorResult> tuple(byte[] data, int k, Domain d) {
    TupleEstimators.Pair p = TupleEstimators.estimate(data, k, d);
    List<EstimatorResult> out = new ArrayList<>(2);
    if (p.tTuple() != null) {
      out.add(p.tTuple());
    }
    if (p.lrs() != null) {
      out.add(p.lrs());
    }
    return out.stream().filter(Objects::nonNull).toList();
  }
}
