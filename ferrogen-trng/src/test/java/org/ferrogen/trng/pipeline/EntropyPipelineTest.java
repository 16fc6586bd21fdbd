package org.ferrogen.trng.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ferrogen.randomness.drbg.DrbgMechanism;
import org.ferrogen.trng.IdealBinarySource;
import org.ferrogen.trng.NoiseSeed;
import org.ferrogen.trng.fault.Fault;
import org.ferrogen.trng.fault.FaultInjectingSource;
import org.junit.jupiter.api.Test;

class EntropyPipelineTest {

  private static EntropyPipeline ideal(long seed) {
    return new EntropyPipeline(IdealBinarySource.fair(NoiseSeed.fromSeed(seed)), PipelineConfig.defaults());
  }

  @Test
  void outputIsReproducibleForAFixedSeedAndDiffersAcrossSeeds() {
    byte[] a = new byte[4096];
    byte[] b = new byte[4096];
    byte[] c = new byte[4096];
    ideal(1).nextBytes(a, 0, a.length);
    ideal(1).nextBytes(b, 0, b.length);
    ideal(2).nextBytes(c, 0, c.length);
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
  }

  @Test
  void everyRawSampleGoesThroughTheHealthTestsAndConditioningIsSizedForFullEntropy() {
    EntropyPipeline p = ideal(3);
    // Claimed 1 bit/sample: 256 + 64 bits need 320 samples, omega's margin pushes it to 384.
    assertThat(p.samplesPerConditionedBlock()).isBetween(320, 400);
    long before = p.status().rawSamples();
    p.generateSeed(64);
    assertThat(p.status().rawSamples() - before).isEqualTo(2L * p.samplesPerConditionedBlock());
    assertThat(p.status().conditionedBlocks()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void reseedsFromTheSourceAfterTheConfiguredVolume() {
    EntropyPipeline p = new EntropyPipeline(IdealBinarySource.fair(NoiseSeed.fromSeed(4)),
        PipelineConfig.defaults().withReseedAfterBytes(1000));
    long reseeds = p.status().reseeds();
    p.nextBytes(new byte[10_000], 0, 10_000);
    assertThat(p.status().reseeds() - reseeds).isEqualTo(9);
  }

  @Test
  void aStuckSourceFailsTheStartUpTestAndNothingIsEmitted() {
    var stuck = new FaultInjectingSource(IdealBinarySource.fair(NoiseSeed.fromSeed(5)), new Fault.TotalFailure(0, 1), 6);
    assertThatThrownBy(() -> new EntropyPipeline(stuck, PipelineConfig.defaults()))
        .isInstanceOf(EntropySourceFailure.class)
        .hasMessageContaining("repetition count");
  }

  @Test
  void anAlarmStopsOutputUntilResetAndIsReported() {
    for (DrbgMechanism mechanism : DrbgMechanism.values()) {
      var source = new FaultInjectingSource(
          IdealBinarySource.fair(NoiseSeed.fromSeed(7)), new Fault.TotalFailure(50_000, 0), 8);
      EntropyPipeline p = new EntropyPipeline(source, PipelineConfig.defaults().withDrbg(mechanism).withReseedAfterBytes(256));
      byte[] out = new byte[256];
      EntropySourceFailure failure = null;
      for (int i = 0; i < 10_000 && failure == null; i++) {
        try {
          p.nextBytes(out, 0, out.length);
        } catch (EntropySourceFailure e) {
          failure = e;
        }
      }
      assertThat(failure).as(mechanism.toString()).isNotNull();
      assertThat(out).as("a failed request returns no data").containsOnly((byte) 0);
      assertThat(failure.alarm().sampleIndex()).isGreaterThanOrEqualTo(50_000);
      assertThat(p.isFailed()).isTrue();
      // The first alarm, then the start-up test rerun on fresh (still dead) samples: persistent.
      assertThat(p.status().repetitionCountAlarms()).isEqualTo(2);
      assertThat(p.status().persistentFailures()).isEqualTo(1);
      assertThatThrownBy(() -> p.nextBytes(new byte[1], 0, 1)).isSameAs(failure);
      assertThatThrownBy(() -> p.generateSeed(1)).isSameAs(failure);
      // The fault persists, so a reset fails its start-up test again.
      assertThatThrownBy(p::reset).isInstanceOf(EntropySourceFailure.class);
    }
  }
}
