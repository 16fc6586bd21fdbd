package org.ferrogen.trng.design;

import static org.assertj.core.api.Assertions.assertThat;

import org.ferrogen.device.cost.CostCategory;
import org.ferrogen.device.cost.CostItem;
import org.ferrogen.trng.NoiseSeed;
import org.ferrogen.trng.OperatingConditions;
import org.ferrogen.trng.SourceInfo;
import org.junit.jupiter.api.Test;

/**
 * Physics-level behaviour of the three designs. Fixed seeds; each bias bound is at least five
 * binomial standard deviations of its window, so the false-failure probability per assertion is
 * below 1e-6 for a source that really has the asserted bias.
 */
class DesignPhysicsTest {

  private static final OperatingConditions NOMINAL = TrngDesign.CELL.nominalConditions();

  private static double ones(byte[] b, int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      n += b[i];
    }
    return (double) n / (to - from);
  }

  @Test
  void cellControllerHoldsTheBiasWhileTheDieHeatsUp() {
    // 4 cells; temperature rises 25 → 85 °C in 60 steps of 5,000 samples.
    StochasticCellArray closed = new StochasticCellArray(
        StochasticCellArray.Config.defaults().withCells(4), NOMINAL, NoiseSeed.fromSeed(21));
    StochasticCellArray open = new StochasticCellArray(
        StochasticCellArray.Config.defaults().withCells(4), NOMINAL, NoiseSeed.fromSeed(21));
    open.setControlEnabled(false);
    byte[] a = new byte[5000];
    byte[] b = new byte[5000];
    double worstClosed = 0;
    double lastOpen = 0;
    double startVolts = closed.meanWriteVolts();
    for (int step = 1; step <= 60; step++) {
      double celsius = 25 + step;
      closed.setConditions(NOMINAL.withTemperatureCelsius(celsius));
      open.setConditions(NOMINAL.withTemperatureCelsius(celsius));
      closed.read(a, 0, a.length);
      open.read(b, 0, b.length);
      worstClosed = Math.max(worstClosed, Math.abs(ones(a, 0, a.length) - 0.5));
      lastOpen = ones(b, 0, b.length);
    }
    // 5 sigma of a 5,000-sample window is 0.035; the loop's own lag adds a little.
    assertThat(worstClosed).isLessThan(0.05);
    // Without the loop the hotter film switches more easily and the bias runs away.
    assertThat(lastOpen).isGreaterThan(0.6);
    // The loop compensated by lowering the write amplitude.
    assertThat(closed.meanWriteVolts()).isLessThan(startVolts - 0.02);
  }

  @Test
  void smallerCellsAreMoreStochasticLargerOnesNeedTheLoopMore() {
    StochasticCellArray small = new StochasticCellArray(
        StochasticCellArray.Config.defaults().withCells(2), new OperatingConditions(25, 0, 50, 1e4), NoiseSeed.fromSeed(1));
    StochasticCellArray large = new StochasticCellArray(
        StochasticCellArray.Config.defaults().withCells(2), new OperatingConditions(25, 0, 400, 1e4), NoiseSeed.fromSeed(1));
    assertThat(small.domainsPerCell()).isLessThan(10);
    assertThat(large.domainsPerCell()).isGreaterThan(250);
    // With 5 domains a cell's signal comes in 4 mV steps against a 10 mV sense offset: its loop
    // needs longer to settle than the power-up search gives it, so judge after 40,000 bits.
    byte[] b = new byte[40_000];
    small.read(b, 0, b.length);
    small.read(b, 0, b.length);
    assertThat(ones(b, 0, b.length)).isBetween(0.47, 0.53);
    large.read(b, 0, b.length);
    large.read(b, 0, b.length);
    assertThat(ones(b, 0, b.length)).isBetween(0.47, 0.53);
  }

  @Test
  void fatigueShrinksTheSignalAndTheLoopRaisesTheWritePulse() {
    StochasticCellArray young = new StochasticCellArray(
        StochasticCellArray.Config.defaults().withCells(4), NOMINAL, NoiseSeed.fromSeed(3));
    StochasticCellArray old = new StochasticCellArray(
        StochasticCellArray.Config.defaults().withCells(4), NOMINAL.withAgeCycles(1e10), NoiseSeed.fromSeed(3));
    // CEA endurance 10^7 cycles, 20 % of Pr lost per decade beyond: 40 % lost at 10^9... fully
    // fatigued at 10^12; at 10^10 the signal is 40 % of nominal, below the half-switch reference.
    byte[] b = new byte[20_000];
    old.read(b, 0, b.length);
    assertThat(ones(b, 0, b.length)).as("a fatigued cell cannot reach the reference").isLessThan(0.2);
    young.read(b, 0, b.length);
    assertThat(ones(b, 0, b.length)).isBetween(0.45, 0.55);
    assertThat(old.meanWriteVolts()).as("the loop pushes the write pulse up").isGreaterThan(young.meanWriteVolts() + 0.1);
  }

  @Test
  void pairRaceCancelsTemperatureButMustTrimMismatch() {
    RacePairArray pair = new RacePairArray(RacePairArray.Config.defaults().withPairs(4), NOMINAL, NoiseSeed.fromSeed(5));
    assertThat(pair.meanAbsoluteTrimVolts()).as("mismatch needs a trim").isGreaterThan(0.004);
    pair.setControlEnabled(false);
    pair.setConditions(NOMINAL.withTemperatureCelsius(125));
    byte[] b = new byte[40_000];
    pair.read(b, 0, b.length);
    assertThat(ones(b, 0, b.length)).as("open loop at 125 °C").isBetween(0.45, 0.55);
  }

  @Test
  void ringJitterComesFromCycleToCycleThresholdVariationScaledByDomainCount() {
    FefetRingOscillator small = new FefetRingOscillator(FefetRingOscillator.Config.defaults().withRings(4),
        new OperatingConditions(25, 0, 100, 1e4), NoiseSeed.fromSeed(7));
    FefetRingOscillator large = new FefetRingOscillator(FefetRingOscillator.Config.defaults().withRings(4),
        new OperatingConditions(25, 0, 400, 1e4), NoiseSeed.fromSeed(7));
    assertThat(large.cycleSigmaVolts()).isCloseTo(small.cycleSigmaVolts() / 4, org.assertj.core.data.Percentage.withPercentage(5));
    byte[] b = new byte[40_000];
    small.read(b, 0, b.length);
    assertThat(ones(b, 0, b.length)).isBetween(0.47, 0.53);
  }

  @Test
  void reportedFiguresComeFromTheSimulatedCircuit() {
    for (TrngDesign d : TrngDesign.values()) {
      var source = d.create(d.nominalConditions(), NoiseSeed.fromSeed(9));
      source.read(new byte[2000], 0, 2000);
      SourceInfo info = source.info();
      assertThat(info.rawBitRate()).as(d + " rate").isBetween(1e6, 1e10);
      assertThat(info.latencySeconds()).as(d + " latency").isBetween(1e-9, 1e-5);
      double sum = info.energy().stream().mapToDouble(CostItem::joules).sum();
      assertThat(info.energy()).allSatisfy(e -> {
        assertThat(e.basis()).isNotBlank();
        assertThat(e.category()).isEqualTo(CostCategory.ENTROPY);
      });
      assertThat(info.energyPerSampleJoules()).isEqualTo(sum).isBetween(1e-15, 1e-11);
      assertThat(source.enduranceLifetimeSeconds()).isPositive();
    }
  }
}
