package org.ferrogen.bench.learn;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.ferrogen.device.params.ParameterSets;
import org.ferrogen.learn.data.FashionMnist;
import org.ferrogen.learn.data.ImageDataset;
import org.ferrogen.learn.onchip.Devices;
import org.ferrogen.learn.onchip.OnChipConfig;
import org.ferrogen.learn.onchip.OnChipTrainer;
import org.ferrogen.learn.onchip.Readout;
import org.ferrogen.learn.onchip.Scheme;
import org.ferrogen.learn.onchip.TrainingListener;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * WARM kernel figure (JIT compiled, data in memory): online training of the 784-200-100-100-10
 * Fashion-MNIST MLP on 2,000 samples of the bundled subset, float SGD against the hybrid FeCAP +
 * memristor scheme (masked 10-bit updates, transfer every 100, reads with DAC, read noise and ADC)
 * and the baselines, same code path (OnChipTrainer). The target: a hybrid epoch ≤ 3× the
 * float epoch. Per-sample time = score / 2000. Whole-command (cold JVM) timings are in docs/learn.md.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class OnChipEpochBenchmark {

  @Param({"FLOAT", "HYBRID"})
  public String scheme;

  private static final int SAMPLES = 2000;
  private ImageDataset train;
  private ImageDataset test;
  private Devices devices;
  private OnChipTrainer trainer;

  @Setup(Level.Trial)
  public void load() throws IOException {
    FashionMnist.Splits s = FashionMnist.bundledSubset();
    train = s.train().head(SAMPLES);
    test = s.test().head(1);
    devices = Devices.of(ParameterSets.byName(ParameterSets.CEA_LETI_2025));
  }

  @Setup(Level.Iteration)
  public void fresh() {
    OnChipConfig c = new OnChipConfig(Scheme.valueOf(scheme), 0.01f, 0.1, 100, Double.NaN, true,
        Readout.aihwkitDefaults(), 4, 1);
    trainer = new OnChipTrainer(new int[] {784, 200, 100, 100, 10}, c, devices);
  }

  @Benchmark
  public double trainSamples() {
    return trainer.train(train, test, 1, new TrainingListener() {}).testAccuracy();
  }
}
