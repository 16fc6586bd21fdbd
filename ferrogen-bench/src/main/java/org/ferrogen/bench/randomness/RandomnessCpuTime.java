package org.ferrogen.bench.randomness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import org.ferrogen.randomness.drbg.Drbg;
import org.ferrogen.randomness.drbg.DrbgMechanism;
import org.ferrogen.randomness.health.HealthMonitor;
import org.ferrogen.randomness.health.HealthTestConfig;
import org.ferrogen.randomness.health.HealthTestFailure;

/**
 * The same workloads as {@link HealthMonitorBenchmark} and {@link DrbgBenchmark}, timed by the thread's
 * CPU time instead of wall-clock time: on a machine shared with other busy processes, JMH's wall-clock
 * scores include the time the thread waited for a core, CPU time does not. Run:
 * {@code java --add-modules jdk.incubator.vector -cp ferrogen-bench/target/benchmarks.jar
 * org.ferrogen.bench.randomness.RandomnessCpuTime}.
 */
public final class RandomnessCpuTime {

    private static final int BLOCK = 1 << 16;
    private static final int ROUNDS = 5;

    private RandomnessCpuTime() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int bits : new int[] {1, 8}) {
            byte[] samples = passingBlock(bits);
            HealthMonitor monitor = new HealthMonitor(HealthTestConfig.of(bits, bits));
            int repeats = 3000;
            for (int round = 0; round <= ROUNDS; round++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int k = 0; k < repeats; k++) {
                    monitor.check(samples);
                }
                long cpu = threads.getCurrentThreadCpuTime() - start;
                if (round > 0) { // round 0 is warm-up
                    System.out.printf("HealthMonitor %d-bit samples: %.3f ns/sample (CPU time)%n", bits,
                            cpu / (double) repeats / samples.length);
                }
            }
        }
        byte[] output = new byte[4096];
        for (DrbgMechanism mechanism : DrbgMechanism.values()) {
            Drbg drbg = mechanism.create();
            drbg.instantiate(new byte[32], new byte[16], null);
            int requests = 20_000;
            for (int round = 0; round <= ROUNDS; round++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int k = 0; k < requests; k++) {
                    drbg.generate(output);
                }
                long cpu = threads.getCurrentThreadCpuTime() - start;
                if (round > 0) {
                    System.out.printf("%s 4 KiB requests: %.1f MB/s (CPU time)%n", mechanism,
                            requests * 4096.0 / (cpu / 1e9) / 1e6);
                }
            }
            drbg.uninstantiate();
        }
    }

    /** An ideal block that passes the health tests even when checked over and over (see the JMH benchmark). */
    private static byte[] passingBlock(int bits) {
        for (long seed = 1; ; seed++) {
            byte[] block = new byte[BLOCK];
            new SplittableRandom(seed).nextBytes(block);
            if (bits < 8) {
                for (int i = 0; i < block.length; i++) {
                    block[i] &= (byte) ((1 << bits) - 1);
                }
            }
            HealthMonitor monitor = new HealthMonitor(HealthTestConfig.of(bits, bits));
            try {
                for (int pass = 0; pass < 4; pass++) {
                    monitor.check(block);
                }
                return block;
            } catch (HealthTestFailure alarm) {
                // next seed
            }
        }
    }
}
