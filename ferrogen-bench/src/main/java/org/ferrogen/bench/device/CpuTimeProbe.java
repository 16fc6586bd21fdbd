package org.ferrogen.bench.device;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import org.ferrogen.device.fefet.FeFetCell;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.ParameterSets;
import org.ferrogen.device.switching.DomainEnsemble;

/**
 * Per-core rates measured in thread CPU time rather than wall time, for shared, oversubscribed
 * machines where JMH's wall-clock throughput mostly measures the other tenants. Run with
 * {@code java --add-modules jdk.incubator.vector -cp ferrogen-bench/target/benchmarks.jar
 * org.ferrogen.bench.device.CpuTimeProbe}; prints one line per repetition.
 */
public final class CpuTimeProbe {
  private CpuTimeProbe() {}

  public static void main(String[] args) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    DeviceParams p = ParameterSets.byName("deng-2020-fefet");
    SplittableRandom rng = new SplittableRandom(1);
    int domains = SwitchingBench.DOMAINS;
    int segments = SwitchingBench.SEGMENTS;
    DomainEnsemble e = DomainEnsemble.sample(p.kinetics(), domains, rng);
    double t = p.film().thicknessM();
    double[] field = new double[segments];
    for (int s = 0; s < segments; s++) {
      double phase = (s + 0.5) / segments;
      double tri = phase < 0.25 ? 4 * phase : phase < 0.75 ? 2 - 4 * phase : 4 * phase - 4;
      field[s] = 1.2 * tri / t;
    }
    for (int rep = 0; rep < 5; rep++) {
      long c0 = mx.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      int flipped = 0;
      for (int k = 0; k < 200; k++) {
        for (int s = 0; s < segments; s++) {
          flipped += e.step(field[s], 1e-9, 300);
        }
      }
      double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
      double wall = (System.nanoTime() - w0) / 1e9;
      double n = 200.0 * segments * domains;
      System.out.printf(
          "domain-step updates: %.3g per CPU-second, %.3g per wall-second (%d flips)%n",
          n / cpu, n / wall, flipped);
    }
    FeFetCell cell = FeFetCell.multiLevel(p);
    for (int rep = 0; rep < 3; rep++) {
      long c0 = mx.getCurrentThreadCpuTime();
      int n = 100_000;
      for (int i = 0; i < n; i++) {
        cell.program(cell.levelConductance(rng.nextInt(cell.levels())), 0.02, 40, rng);
      }
      System.out.printf(
          "FeFET program-and-verify (32 levels, 2 %% tolerance): %.2f us per program per CPU%n",
          (mx.getCurrentThreadCpuTime() - c0) / 1e3 / n);
    }
  }
}
