package org.ferrogen.trng.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ferrogen.trng.EntropySource;
import org.ferrogen.trng.IdealBinarySource;
import org.ferrogen.trng.NoiseSeed;
import org.ferrogen.trng.SourceInfo;
import org.ferrogen.trng.design.FefetRingOscillator;
import org.ferrogen.trng.design.RacePairArray;
import org.ferrogen.trng.design.StochasticCellArray;
import org.ferrogen.trng.design.TrngDesign;
import org.ferrogen.trng.fault.Fault;
import org.ferrogen.trng.fault.FaultInjectingSource;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's alarm policy: intermittent alarms rerun the start-up test on fresh samples before
 * output resumes, persistent faults close it for good, and every injected fault class is caught.
 *
 * <p>False-failure rates: the glitch tests run at α = 2^-40, where a chance alarm among their ≈ 10^6
 * samples has probability ≈ 5e-7. Elsewhere healthy stretches are at most 10^6 samples at α = 2^-20 with lane tests
 * (predicted false-alarm rate ≤ 2·2^-21 per sample for the ideal coin, 2^-25 for H = 0.8 claims
 * on a fair source), so an unexpected extra alarm has probability ≤ 1e-6·10^6·2^-20 ≈ 1e-6 per test;
 * faults are injected far above the tests' detection thresholds (detection probabilities > 1 − 1e-9
 * within the samples drawn; the correlation case: a run of 26 with P(repeat) = 0.75 has mean wait
 * ≈ 5,300 samples against the 65,536-sample recovery test, P(miss) ≈ e^-12).
 */
class AlarmPolicyTest {

  private static final long ONSET = 200_000;

  /** A healthy source with a run of {@code length} zeros from sample {@code at} (a transient glitch). */
  private static final class Glitch implements EntropySource {
    final EntropySource healthy;
    final long at;
    final long length;
    long position;

    Glitch(EntropySource healthy, long at, long length) {
      this.healthy = healthy;
      this.at = at;
      this.length = length;
    }

    @Override
    public SourceInfo info() {
      return healthy.info();
    }

    @Override
    public void read(byte[] samples, int offset, int len) {
      healthy.read(samples, offset, len);
      for (int i = 0; i < len; i++) {
        long k = position + i;
        if (k >= at && k < at + length) {
          samples[offset + i] = 0;
        }
      }
      position += len;
    }
  }

  private static EntropyPipeline ideal(Fault fault, long seed) {
    return new EntropyPipeline(
        new FaultInjectingSource(IdealBinarySource.fair(NoiseSeed.fromSeed(seed)), fault, seed + 1000),
        PipelineConfig.defaults().withReseedAfterBytes(4096));
  }

  /** Draws output until the pipeline closes; returns the raw sample count at closing. */
  private static long runUntilClosed(EntropyPipeline p, long maxBytes) {
    byte[] buf = new byte[4096];
    long out = 0;
    while (out < maxBytes) {
      try {
        p.nextBytes(buf, 0, buf.length);
      } catch (EntropySourceFailure e) {
        for (byte b : buf) {
          assertThat(b).isZero();
        }
        return p.status().rawSamples();
      }
      out += buf.length;
    }
    throw new AssertionError("fault not detected within " + maxBytes + " output bytes");
  }

  @Test
  void aTransientGlitchIsIntermittentAndOutputResumesAfterAFreshStartupTest() {
    // α = 2^-40 (RCT cutoff 41) so that chance alarms (2^-41 per sample) cannot add to the count.
    EntropyPipeline p = new EntropyPipeline(new Glitch(IdealBinarySource.fair(NoiseSeed.fromSeed(1)), 50_000, 60),
        PipelineConfig.defaults().withAlpha(0x1p-40).withReseedAfterBytes(1024));
    byte[] buf = new byte[1 << 16];
    for (int i = 0; i < 100; i++) {
      p.nextBytes(buf, 0, buf.length);
    }
    PipelineStatus s = p.status();
    assertThat(s.intermittentAlarms()).isEqualTo(1);
    assertThat(s.persistentFailures()).isZero();
    assertThat(s.startupTests()).isEqualTo(2);
    assertThat(s.outputBytes()).isEqualTo(100L << 16);
    assertThat(p.isFailed()).isFalse();
  }

  @Test
  void aFaultStillPresentAtTheRestartIsPersistentAndResetStaysClosedUntilItIsGone() {
    // 3,000 stuck samples: the start-up test after the first alarm sees the fault.
    Glitch glitch = new Glitch(IdealBinarySource.fair(NoiseSeed.fromSeed(2)), 50_000, 3_000);
    EntropyPipeline p = new EntropyPipeline(glitch, PipelineConfig.defaults().withAlpha(0x1p-40).withReseedAfterBytes(1024));
    runUntilClosed(p, 1L << 26);
    assertThat(p.isFailed()).isTrue();
    assertThat(p.status().persistentFailures()).isEqualTo(1);
    long closedAt = p.status().outputBytes();
    assertThatThrownBy(() -> p.nextBytes(new byte[16], 0, 16)).isInstanceOf(EntropySourceFailure.class);
    assertThatThrownBy(() -> p.generateSeed(32)).isInstanceOf(EntropySourceFailure.class);
    assertThatThrownBy(() -> p.rawSamples(new byte[16], 0, 16)).isInstanceOf(EntropySourceFailure.class);
    assertThat(p.status().outputBytes()).isEqualTo(closedAt);
    // While the fault lasts, reset fails its recovery test; once it is over, reset reopens.
    assertThatThrownBy(p::reset).isInstanceOf(EntropySourceFailure.class);
    glitch.position += 100_000;
    p.reset();
    assertThat(p.isFailed()).isFalse();
    p.nextBytes(new byte[4096], 0, 4096);
  }

  @Test
  void persistentFaultsNeverReopen() {
    // The two cases of the issue where reset() resumed output with the fault present.
    EntropyPipeline lane = ideal(new Fault.StuckCell(ONSET, 2, 4, 1), 3);
    EntropyPipeline correlated = new EntropyPipeline(new FaultInjectingSource(
        new StochasticCellArray(StochasticCellArray.Config.defaults().withCells(4),
            TrngDesign.CELL.nominalConditions(), NoiseSeed.fromSeed(4)),
        new Fault.CorrelatedOutput(ONSET, 0.5), 5), PipelineConfig.defaults().withReseedAfterBytes(4096));
    for (EntropyPipeline p : new EntropyPipeline[] {lane, correlated}) {
      runUntilClosed(p, 1L << 30);
      long out = p.status().outputBytes();
      for (int attempt = 0; attempt < 5; attempt++) {
        assertThatThrownBy(p::reset).isInstanceOf(EntropySourceFailure.class);
        assertThatThrownBy(() -> p.nextBytes(new byte[16], 0, 16)).isInstanceOf(EntropySourceFailure.class);
      }
      assertThat(p.status().outputBytes()).isEqualTo(out);
      assertThat(p.isFailed()).isTrue();
    }
  }

  @Test
  void everyFaultClassIsDetectedIncludingOneStuckCellAmong64() {
    Fault[] faults = {
      new Fault.TotalFailure(ONSET, 0),
      new Fault.StuckCell(ONSET, 17, 64, 1),
      new Fault.BiasDrift(ONSET, 1e-5, 1),
      new Fault.CorrelatedOutput(ONSET, 0.6),
    };
    long seed = 10;
    for (Fault f : faults) {
      EntropyPipeline p = ideal(f, seed++);
      long closedAt = runUntilClosed(p, 1L << 30);
      assertThat(closedAt).as("%s", f).isGreaterThan(ONSET);
      assertThat(p.isFailed()).isTrue();
    }
    // One stuck cell of the 4 of a cell array (the issue: never detected on the interleaved stream).
    EntropyPipeline cell = new EntropyPipeline(new FaultInjectingSource(
        new StochasticCellArray(StochasticCellArray.Config.defaults().withCells(4),
            TrngDesign.CELL.nominalConditions(), NoiseSeed.fromSeed(20)),
        new Fault.StuckCell(ONSET, 1, 4, 0), 21), PipelineConfig.defaults().withReseedAfterBytes(4096));
    assertThat(cell.testedLanes()).isEqualTo(4);
    assertThat(runUntilClosed(cell, 1L << 30)).isGreaterThan(ONSET);
    assertThat(cell.status().laneAlarms()).isPositive();
    // The same for one stuck pair of 8 and one stuck ring of 8: those designs read their units
    // round-robin too, and a unit stuck at 1 moves the interleaved stream's P(1) by only 1/16.
    EntropyPipeline pair = new EntropyPipeline(new FaultInjectingSource(
        new RacePairArray(RacePairArray.Config.defaults().withPairs(8), TrngDesign.PAIR.nominalConditions(),
            NoiseSeed.fromSeed(22)),
        new Fault.StuckCell(ONSET, 5, 8, 1), 23), PipelineConfig.defaults().withReseedAfterBytes(4096));
    EntropyPipeline ring = new EntropyPipeline(new FaultInjectingSource(
        new FefetRingOscillator(FefetRingOscillator.Config.defaults().withRings(8), TrngDesign.RING.nominalConditions(),
            NoiseSeed.fromSeed(24)),
        new Fault.StuckCell(ONSET, 3, 8, 1), 25), PipelineConfig.defaults().withReseedAfterBytes(4096));
    // Without a fault the designs themselves report their units, so the pipeline tests each one.
    for (TrngDesign d : TrngDesign.values()) {
      try (EntropyPipeline healthy = new EntropyPipeline(d.create(d.nominalConditions(), NoiseSeed.fromSeed(26)),
          PipelineConfig.defaults())) {
        assertThat(healthy.testedLanes()).as("%s", d).isEqualTo(d == TrngDesign.RING ? 256 : 52);
      }
    }
    for (EntropyPipeline p : new EntropyPipeline[] {pair, ring}) {
      assertThat(p.testedLanes()).isEqualTo(8);
      assertThat(runUntilClosed(p, 1L << 30)).isGreaterThan(ONSET);
      assertThat(p.status().laneAlarms()).isPositive();
    }
  }

  @Test
  void alphaOutsideTheSp80090bRangeIsRejected() {
    assertThatThrownBy(() -> PipelineConfig.defaults().withAlpha(0x1p-19))
        .hasMessageContaining("2^-40 and 2^-20");
    assertThatThrownBy(() -> PipelineConfig.defaults().withAlpha(0x1p-41))
        .hasMessageContaining("2^-40 and 2^-20");
    assertThat(PipelineConfig.defaults().withAlpha(0x1p-40).alpha()).isEqualTo(0x1p-40);
  }

  @Test
  void persistenceCountComesFromThePoissonTail() {
    // mean 0 → 2 (one alarm never closes on its own); large means grow the count.
    assertThat(EntropyPipeline.poissonCritical(1e-9, 0x1p-40)).isEqualTo(2);
    assertThat(EntropyPipeline.poissonCritical(16, 0x1p-40)).isBetween(50, 60);
  }
}
