package org.ferrogen.bench.randomness;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import org.ferrogen.randomness.bits.BitSequence;
import org.ferrogen.randomness.sp80022.Sp80022Battery;
import org.ferrogen.randomness.sp80022.Sp80022Parameters;
import org.ferrogen.randomness.sp80022.Sp80022Test;

/**
 * CPU-time companion to {@link Sp80022Bench} for shared, overloaded machines where wall-clock
 * JMH figures mostly measure other people's work: the thread CPU time of the battery and of each
 * test on one 10^6-bit stream (best of {@code REPS} after warm-up), and the process CPU time of
 * 100 streams in parallel (which bounds the wall time on idle cores from below: CPU / cores).
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp ferrogen-bench/target/benchmarks.jar
 * org.ferrogen.bench.randomness.Sp80022CpuTime}
 */
public final class Sp80022CpuTime {

  private static final int REPS = 30;

  private Sp80022CpuTime() {}

  public static void main(String[] args) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    BitSequence stream = Sp80022Bench.randomBits(2026, Sp80022Bench.STREAM_BITS);
    Sp80022Parameters parameters = Sp80022Parameters.defaults();
    Sp80022Battery battery = new Sp80022Battery(parameters);
    for (int i = 0; i < 10; i++) {
      battery.runSequential(stream);
    }
    long best = Long.MAX_VALUE;
    for (int i = 0; i < REPS; i++) {
      long t0 = threads.getCurrentThreadCpuTime();
      battery.runSequential(stream);
      best = Math.min(best, threads.getCurrentThreadCpuTime() - t0);
    }
    System.out.printf(Locale.ROOT, "battery, one 10^6-bit stream, one thread: best CPU %.1f ms of %d runs%n",
        best / 1e6, REPS);
    for (Sp80022Test test : Sp80022Test.values()) {
      long bestTest = Long.MAX_VALUE;
      for (int i = 0; i < REPS; i++) {
        long t0 = threads.getCurrentThreadCpuTime();
        test.run(stream, parameters);
        bestTest = Math.min(bestTest, threads.getCurrentThreadCpuTime() - t0);
      }
      System.out.printf(Locale.ROOT, "  %-24s %7.2f ms%n", test.stsName(), bestTest / 1e6);
    }
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    List<BitSequence> streams = Sp80022Bench.randomBits(7, 100 * Sp80022Bench.STREAM_BITS)
        .streams(Sp80022Bench.STREAM_BITS, 100);
    battery.run(streams);
    long cpu0 = os.getProcessCpuTime();
    long wall0 = System.nanoTime();
    battery.run(streams);
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    double wall = (System.nanoTime() - wall0) / 1e9;
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(Locale.ROOT,
        "100 streams x 10^6 bits, all %d cores: wall %.2f s, process CPU %.2f s (idle-machine bound %.2f s)%n",
        cores, wall, cpu, cpu / cores);
  }
}
