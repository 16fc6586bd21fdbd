package org.ferrogen.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.ferrogen.chip.spec.ChipSpec;
import org.ferrogen.chip.spec.ChipSpecs;
import org.ferrogen.cim.TiledAnalogMatrix;
import org.ferrogen.device.cost.CostCategory;
import org.ferrogen.device.cost.CostReport;
import org.junit.jupiter.api.Test;

/** Fitting, the one ledger, seeds and the TRNG of a chip. */
class ChipTest {

  static float[] gaussian(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return v;
  }

  static ChipSpec small() {
    return ChipSpecs.parse("tiles: {count: 4, programOutcomeSamples: 256}", "edge");
  }

  @Test
  void aModelThatDoesNotFitIsRefusedWithTilesNeededAndFree() {
    Chip chip = new Chip(small(), 1, 1);
    chip.program("a", 256, 512, gaussian(256 * 512, 1));
    assertThat(chip.tilesUsed()).isEqualTo(2);
    assertThatThrownBy(() -> chip.program("b", 300, 300, gaussian(300 * 300, 2)))
        .hasMessage("matrix b (300x300) needs 4 tiles of 256x256 but only 2 of the chip's 4 are free (edge: tiles.count)");
    assertThatThrownBy(() -> chip.allocate("a", 2, 2)).hasMessageContaining("already on the chip");
  }

  @Test
  void oneLedgerHoldsProgrammingProductsDigitalWorkAndEntropy() {
    Chip chip = new Chip(small(), 1, 1);
    TiledAnalogMatrix m = chip.program("a", 64, 64, gaussian(64 * 64, 1));
    CostReport programmed = chip.ledger().snapshot();
    assertThat(programmed.energy(CostCategory.PROGRAMMING)).isPositive();
    m.multiply(gaussian(64, 2), new float[64]);
    chip.ledger().chargeDigital(1000, 10, 1, 4096);
    ChipTrng trng = chip.trng(OptionalLong.of(7));
    for (int i = 0; i < 100; i++) {
      trng.nextDouble();
    }
    CostReport after = chip.ledger().snapshot().minus(programmed);
    assertThat(after.energy(CostCategory.ADC)).isPositive();
    // 1000 + 10·8 + 1·8 multiply-adds at the 28 nm node's fp32 multiply + add.
    assertThat(after.energy(CostCategory.DIGITAL))
        .isCloseTo(1088 * chip.ledger().technology().floatMultiplyAddJoules(), org.assertj.core.data.Offset.offset(1e-20));
    assertThat(after.energy(CostCategory.ENTROPY)).isPositive();
    assertThat(trng.consumedBits()).isEqualTo(6400);
    assertThat(after.energy(CostCategory.PROGRAMMING)).isZero();
  }

  @Test
  void theSameSeedIsTheSameChipAndMatricesDrawDifferentNoise() {
    float[] w = gaussian(64 * 64, 1);
    float[] x = gaussian(64, 2);
    float[] y1 = new float[64];
    float[] y2 = new float[64];
    float[] y3 = new float[64];
    new Chip(small(), 5, 1).program("a", 64, 64, w).multiply(x, y1);
    new Chip(small(), 5, 2).program("a", 64, 64, w).multiply(x, y2);
    assertThat(y2).containsExactly(y1);
    Chip chip = new Chip(small(), 5, 1);
    chip.program("a", 64, 64, w);
    chip.program("b", 64, 64, w).multiply(x, y3);
    assertThat(y3).isNotEqualTo(y1);
  }

  @Test
  void trngLifetimeScalesWithDemand() {
    ChipTrng trng = new Chip(small(), 1, 1).trng(OptionalLong.of(1));
    double full = trng.rawBitRate();
    assertThat(trng.enduranceLifetimeSeconds(full)).isCloseTo(trng.fullRateLifetimeSeconds(), org.assertj.core.data.Offset.offset(1e-9 * trng.fullRateLifetimeSeconds()));
    assertThat(trng.enduranceLifetimeSeconds(full / 1000)).isCloseTo(1000 * trng.fullRateLifetimeSeconds(), org.assertj.core.data.Percentage.withPercentage(1e-6));
  }
}
