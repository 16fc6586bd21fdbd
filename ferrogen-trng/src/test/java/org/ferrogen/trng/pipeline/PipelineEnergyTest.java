package org.ferrogen.trng.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.ferrogen.device.cost.CostCategory;
import org.ferrogen.device.cost.CostItem;
import org.ferrogen.device.cost.TechnologyNode;
import org.ferrogen.randomness.drbg.DrbgMechanism;
import org.ferrogen.randomness.health.HealthState;
import org.ferrogen.trng.SourceInfo;
import org.junit.jupiter.api.Test;

/** The conditioner's and the DRBG's hardware energy, counted once for trng assess and the chip. */
class PipelineEnergyTest {

  private static final TechnologyNode N28 = TechnologyNode.preset("28nm");
  private static final SourceInfo SOURCE = new SourceInfo("test", 1, 0.8, 1e8, 1e-8,
      List.of(new CostItem(CostCategory.ENTROPY, "cell", 100e-15, "test")));

  @Test
  void theTechnologyCountsShaAndAesFromTheirOperations() {
    // 1184 add-equivalents of 32 bits at Horowitz's 0.1 pJ scaled to 28 nm, plus 64 x 768 flip-flop clocks.
    double add = 0.1e-12 / 32 * 28.0 / 45.0;
    double flipFlop = 2e-15 * 0.9 * 0.9;
    assertThat(N28.sha256CompressionJoules()).isCloseTo(1184 * 32 * add + 64 * 768 * flipFlop, within(1e-18));
    assertThat(N28.sha256CompressionJoules()).isBetween(100e-12, 200e-12);
    assertThat(N28.aesBlockJoules()).isBetween(50e-12, 150e-12);
    // one technology: a larger node spends more on both
    assertThat(TechnologyNode.preset("130nm").sha256CompressionJoules()).isGreaterThan(N28.sha256CompressionJoules());
  }

  @Test
  void theTwentyEightNanometrePeripheryKeepsTheFormerAssumedCapacitances() {
    assertThat(N28.flipFlopClockJoules()).isCloseTo(2e-15 * 0.81, within(1e-24));
    assertThat(N28.counterUpdateJoules()).isCloseTo(3e-15 * 0.81, within(1e-24));
    assertThat(N28.plateLinePulseJoules(2.0)).isCloseTo(1e-15 * 4, within(1e-24));
  }

  @Test
  void aFullEntropyBitCarriesItsRawBitsConditionerShareAndOneDrbgBit() {
    int samplesPerBlock = 352; // 256 bits at 0.8 bits per sample, plus the 64-bit margin of SP 800-90B 3.1.5
    List<CostItem> items = PipelineEnergy.perFullEntropyBit(SOURCE, samplesPerBlock, DrbgMechanism.CTR_AES256, N28);
    assertThat(items).extracting(CostItem::component)
        .containsExactly("raw: cell", "SHA-256 conditioner", "DRBG (CTR_DRBG/AES-256)");
    assertThat(items.get(0).joules()).isCloseTo(100e-15 * 352 / 256, within(1e-24));
    // 352 + 65 bits -> one 512-bit compression per 256 full-entropy bits
    assertThat(items.get(1).joules()).isCloseTo(N28.sha256CompressionJoules() / 256, within(1e-24));
    assertThat(items.get(2).joules()).isCloseTo(N28.aesBlockJoules() / 128, within(1e-24));
    assertThat(items).allSatisfy(i -> assertThat(i.category()).isEqualTo(CostCategory.ENTROPY));
  }

  @Test
  void drbgMechanismsCostTheirOwnBlocks() {
    double aes = PipelineEnergy.drbgWork(DrbgMechanism.CTR_AES256, N28).joulesPerOutputBit();
    double hash = PipelineEnergy.drbgWork(DrbgMechanism.HASH_SHA256, N28).joulesPerOutputBit();
    double hmac = PipelineEnergy.drbgWork(DrbgMechanism.HMAC_SHA256, N28).joulesPerOutputBit();
    assertThat(hash).isCloseTo(N28.sha256CompressionJoules() / 256, within(1e-24));
    assertThat(hmac).isCloseTo(4 * hash, within(1e-24));
    assertThat(aes).isCloseTo(N28.aesBlockJoules() / 128, within(1e-24));
  }

  @Test
  void aStretchedDrbgBitCostsLessThanAFullEntropyBit() {
    PipelineConfig config = PipelineConfig.defaults();
    double full = CostItem.total(PipelineEnergy.perFullEntropyBit(SOURCE, 352, config.drbg(), N28));
    double stretched = PipelineEnergy.perDrbgOutputBit(SOURCE, 352, config, N28);
    assertThat(stretched).isLessThan(full).isGreaterThan(N28.aesBlockJoules() / 128);
  }

  @Test
  void producedEnergyCountsEveryBlockOfThePipelinesStatus() {
    PipelineStatus status = new PipelineStatus(HealthState.STARTUP, 1000, 2, 1, 64, 0, 0, 0, 0, 0, 1, Optional.empty());
    List<CostItem> items = PipelineEnergy.produced(status, SOURCE, 352, DrbgMechanism.CTR_AES256, N28);
    assertThat(items.get(0).joules()).isCloseTo(1000 * 100e-15, within(1e-24));
    assertThat(items.get(1).joules()).isCloseTo(2 * N28.sha256CompressionJoules(), within(1e-24));
    assertThat(items.get(2).joules()).isCloseTo((4 + 3) * N28.aesBlockJoules(), within(1e-24));
  }
}
