package org.ferrogen.bench.device;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ferrogen.device.AnalogCell;
import org.ferrogen.device.fefet.FeFetCell;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.ParameterSets;
import org.ferrogen.device.switching.DomainEnsemble;
import org.ferrogen.device.switching.SwitchingCurve;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the switching engine's inner loop (domain-step updates per second: one domain
 * advanced through one constant-field segment) and of the FeFET multi-level program-and-verify.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SwitchingBench {
  /** Domain-steps per benchmark invocation: DOMAINS × SEGMENTS. */
  static final int DOMAINS = 4096;
  static final int SEGMENTS = 256;

  @Param({"deng-2020-fefet"})
  public String params;

  private DomainEnsemble ensemble;
  private double thickness;
  private double[] field;
  private FeFetCell cell;
  private SplittableRandom rng;
  private SwitchingCurve curve;

  @Setup
  public void setup() {
    DeviceParams p = ParameterSets.byName(params);
    rng = new SplittableRandom(1);
    ensemble = DomainEnsemble.sample(p.kinetics(), DOMAINS, rng);
    thickness = p.film().thicknessM();
    // A slow sub-coercive triangle (0 → 1.2 V → −1.2 V) that keeps most domains switching-eligible
    // and changes the field every segment, the worst case for the inner loop.
    field = new double[SEGMENTS];
    for (int s = 0; s < SEGMENTS; s++) {
      double phase = (s + 0.5) / SEGMENTS;
      double tri = phase < 0.25 ? 4 * phase : phase < 0.75 ? 2 - 4 * phase : 4 * phase - 4;
      field[s] = 1.2 * tri / thickness;
    }
    cell = FeFetCell.multiLevel(p);
    curve =
        SwitchingCurve.overAmplitude(
            DomainEnsemble.sample(p.kinetics(), 16, rng), thickness, 75e-9, 300, 1.0, 3.5, 64);
  }

  @Benchmark
  @OperationsPerInvocation(DOMAINS * SEGMENTS)
  public int domainSteps() {
    int flipped = 0;
    for (int s = 0; s < SEGMENTS; s++) {
      flipped += ensemble.step(field[s], 1e-9, 300);
    }
    return flipped;
  }

  @Benchmark
  public AnalogCell.ProgramResult fefetProgramAndVerify() {
    double target = cell.levelConductance(rng.nextInt(cell.levels()));
    return cell.program(target, 0.02, 40, rng);
  }

  @Benchmark
  public boolean precomputedCurveTrial() {
    return rng.nextDouble() < curve.majorityProbabilityAt(2.0);
  }
}
