package org.ferrogen.bench.randomness;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ferrogen.randomness.drbg.Drbg;
import org.ferrogen.randomness.drbg.DrbgMechanism;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Generate throughput of each SP 800-90A DRBG in 4 KiB requests (no additional input, no prediction
 * resistance). MB/s = 4096 / (ns per op) * 1000. Run:
 * {@code java -jar ferrogen-bench/target/benchmarks.jar DrbgBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DrbgBenchmark {

    private static final int REQUEST = 4096;

    @Param({"HMAC_DRBG/SHA-256", "HMAC_DRBG/SHA-512", "Hash_DRBG/SHA-256", "CTR_DRBG/AES-256"})
    public String mechanism;

    private Drbg drbg;
    private final byte[] output = new byte[REQUEST];

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        byte[] entropy = new byte[32];
        byte[] nonce = new byte[16];
        random.nextBytes(entropy);
        random.nextBytes(nonce);
        drbg = DrbgMechanism.byName(mechanism).create();
        drbg.instantiate(entropy, nonce, null);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        drbg.uninstantiate();
    }

    @Benchmark
    public byte[] generate4KiB() {
        drbg.generate(output);
        return output;
    }
}
