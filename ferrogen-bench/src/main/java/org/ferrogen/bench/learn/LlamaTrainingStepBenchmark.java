package org.ferrogen.bench.learn;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.ferrogen.learn.MatMul;
import org.ferrogen.learn.Parallel;
import org.ferrogen.learn.llama.LlamaConfig;
import org.ferrogen.learn.llama.LlamaModel;
import org.ferrogen.learn.optim.AdamW;
import org.ferrogen.learn.optim.Gradients;
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
 * One full training step (forward, backward, clipping, AdamW) of the recommended shipped configuration
 * (docs/learn.md): dim 192, 6 layers, 6 heads, 2 kv heads, ffn 512, context 128, batch 32 (4096 tokens per
 * step). Tokens per second = 4096 / (seconds per op). Also the matrix-product kernel alone on a
 * feed-forward-sized product, whose GFLOP/s = 2·4096·512·192 / (seconds per op) / 1e9.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class LlamaTrainingStepBenchmark {

    @Param({"2"})
    public int threads;

    @Param({"256"})
    public int vocab;

    private Parallel parallel;
    private LlamaModel model;
    private AdamW optimiser;
    private int[] inputs;
    private int[] targets;
    private float[] x;
    private float[] w;
    private float[] y;

    private static final int BATCH = 32;
    private static final int CONTEXT = 128;

    @Setup(Level.Trial)
    public void setUp() {
        parallel = new Parallel(threads);
        model = new LlamaModel(LlamaConfig.of(vocab, 192, 6, 6, 2, 512, CONTEXT));
        model.initialise(1);
        optimiser = new AdamW(model.parameters(), 0.9f, 0.95f, 1e-8f, 0.1f);
        SplittableRandom random = new SplittableRandom(2);
        inputs = new int[BATCH * CONTEXT];
        targets = new int[BATCH * CONTEXT];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = random.nextInt(vocab);
            targets[i] = random.nextInt(vocab);
        }
        x = new float[4096 * 192];
        w = new float[192 * 512];
        y = new float[4096 * 512];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextGaussian();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        parallel.close();
    }

    @Benchmark
    public double trainingStep() {
        model.zeroGradients();
        double loss = model.lossAndGradients(parallel, inputs, targets, BATCH, CONTEXT, true);
        Gradients.clipGlobalNorm(model.parameters(), 1.0);
        optimiser.step(1e-4f);
        return loss;
    }

    @Benchmark
    public float[] feedForwardProduct() {
        MatMul.multiply(parallel, x, 0, w, 0, y, 0, 4096, 512, 192, false);
        return y;
    }
}
