package org.ferrogen.learn.onchip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ferrogen.chip.Chip;
import org.ferrogen.chip.SynapseRegion;
import org.ferrogen.chip.spec.ChipSpecs;
import org.ferrogen.device.cost.CostCategory;
import org.ferrogen.device.cost.TechnologyNode;
import org.ferrogen.device.hybrid.HybridSynapseArray;
import org.ferrogen.device.params.ParameterSets;
import org.ferrogen.learn.data.ImageDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OnChipTest {

  static Devices devices;

  @BeforeAll
  static void setUp() {
    devices = Devices.of(ParameterSets.byName(ParameterSets.CEA_LETI_2025));
  }

  /** 200,000 draws at p = 0.1: the count's sd is 134, so ±700 is a 5σ bound (false failure < 1e-6). */
  @Test
  void geometricSkipsSelectAFractionP() {
    GeometricSkips skips = new GeometricSkips(0.1, new SplittableRandom(3));
    int n = 200_000;
    int selected = 0;
    for (long i = skips.next(); i < n; i += skips.next() + 1) {
      selected++;
    }
    assertThat(selected).isBetween(20_000 - 700, 20_000 + 700);
    GeometricSkips all = new GeometricSkips(1, new SplittableRandom(3));
    assertThat(all.next()).isZero();
  }

  private static MemristorCrossbar crossbar(Readout readout, double noise) {
    return new MemristorCrossbar(3, 4, 2f, 100e-6, 0, 0.4, noise, readout, TechnologyNode.preset("130nm"), 9);
  }

  @Test
  void idealCrossbarComputesBothDirectionsExactly() {
    MemristorCrossbar m = crossbar(Readout.ideal(), 0);
    float[] w = {0.5f, -1f, 2f, 0f, 1.5f, 0.25f, -2f, 1f, 0f, 0f, -0.5f, 0.75f};
    m.program(w);
    assertThat(m.effectiveWeights()).containsExactly(w, within(1e-6f));
    float[] x = {1f, -2f, 0.5f, 3f};
    float[] y = new float[3];
    m.multiply(x, y);
    for (int o = 0; o < 3; o++) {
      double expected = 0;
      for (int i = 0; i < 4; i++) {
        expected += w[o * 4 + i] * x[i];
      }
      assertThat((double) y[o]).isCloseTo(expected, within(1e-5));
    }
    float[] d = {1f, -1f, 2f};
    float[] g = new float[4];
    m.multiplyTransposed(d, g);
    for (int i = 0; i < 4; i++) {
      double expected = 0;
      for (int o = 0; o < 3; o++) {
        expected += w[o * 4 + i] * d[o];
      }
      assertThat((double) g[i]).isCloseTo(expected, within(1e-5));
    }
    assertThat(m.ledger().snapshot().mvms()).isEqualTo(2);
  }

  @Test
  void convertersRoundInputsAndOutputsToTheirSteps() {
    MemristorCrossbar m = crossbar(new Readout(7, 9, 12, false), 0);
    float[] w = new float[12];
    w[0] = 2f; // normalised 1
    m.program(w);
    float[] y = new float[3];
    // x0/max|x| = 0.3 → DAC code round(0.3·63) = 19 → 19/63; ADC step 24/510.
    m.multiply(new float[] {0.3f, 1f, 0f, 0f}, y);
    double step = 24.0 / 510;
    double expected = Math.rint(19.0 / 63 / step) * step * 2;
    assertThat((double) y[0]).isCloseTo(expected, within(1e-6));
  }

  /** Read noise of one cell at G = 100 µS with 1 % relative noise: 4,000 reads, sd within ±10 % (> 6σ). */
  @Test
  void readNoiseHasTheDevicesSpread() {
    MemristorCrossbar m = crossbar(new Readout(0, 0, 1e9, true), 0.01);
    float[] w = new float[12];
    w[0] = 2f;
    m.program(w);
    float[] y = new float[3];
    double sum = 0;
    double sq = 0;
    int n = 4000;
    for (int r = 0; r < n; r++) {
      m.multiply(new float[] {1f, 0f, 0f, 0f}, y);
      sum += y[0];
      sq += y[0] * y[0];
    }
    double mean = sum / n;
    double sd = Math.sqrt(sq / n - mean * mean);
    assertThat(mean).isCloseTo(2.0, within(0.002));
    assertThat(sd).isCloseTo(0.02, within(0.002));
  }

  private static OnChipConfig config(Scheme scheme, double p, int k, float lr) {
    return new OnChipConfig(scheme, lr, p, k, Double.NaN, true, Readout.aihwkitDefaults(), 4, 5);
  }

  @Test
  void quantisedMatrixReadsTheSignAndThreeMsbsOfTheHiddenWeights() {
    float range = 1f;
    float lsb = range / 511;
    float[] init = {200 * lsb, -70 * lsb, 63 * lsb, 511 * lsb};
    HybridMatrix m = new HybridMatrix(1, 4, init, range, devices, config(Scheme.QUANTIZED, 1, 1, 0.1f), true,
        1L);
    float[] w = m.reads().effectiveWeights();
    float code = 64 * lsb;
    assertThat(w).containsExactly(new float[] {3 * code, -code, 0, 7 * code}, within(1e-6f));
  }

  @Test
  void hiddenUpdatesReachTheAnalogWeightsOnlyAtTransfers() {
    float range = 1f;
    float lsb = range / 511;
    HybridMatrix m = new HybridMatrix(1, 2, new float[] {60 * lsb, 0}, range, devices,
        config(Scheme.QUANTIZED, 1, 3, 1f), true, 1L);
    // lr·d·x = 1·(−1)·(2·lsb) → +2 LSBs to weight 0, the other input is 0.
    float[] d = {-1f};
    float[] x = {2 * lsb, 0f};
    m.update(d, x);
    m.update(d, x);
    assertThat(m.hidden(0, 0)).isCloseTo(64 * lsb, within(1e-6f));
    assertThat(m.reads().effectiveWeights()[0]).isZero(); // not transferred yet
    m.update(d, x);
    assertThat(m.hidden(0, 0)).isCloseTo(66 * lsb, within(1e-6f));
    assertThat(m.reads().effectiveWeights()[0]).isCloseTo(64 * lsb, within(1e-6f));
    assertThat(m.hidden(0, 1)).isZero();
    Wear wear = m.wear();
    assertThat(wear.hiddenUpdates()).isEqualTo(3);
    // Training only (the initial programming is left out): 3 word reads, one transfer of weight 0.
    assertThat(wear.fecapReads()).isEqualTo(3 * 10 + HybridSynapseArray.TRANSFER_READS);
    assertThat(wear.synapseTransfers()).isEqualTo(1);
  }

  @Test
  void aDecayingLearningRateScalesTheHiddenWeightSteps() {
    OnChipConfig decaying = config(Scheme.QUANTIZED, 1, 100, 1f).withFinalLearningRate(0.25f);
    assertThat(decaying.learningRateAt(0, 101)).isEqualTo(1f);
    assertThat(decaying.learningRateAt(50, 101)).isCloseTo(0.625f, within(1e-6f));
    assertThat(decaying.learningRateAt(100, 101)).isCloseTo(0.25f, within(1e-6f));
    assertThat(config(Scheme.QUANTIZED, 1, 100, 1f).learningRateAt(77, 101)).isEqualTo(1f);
    assertThatThrownBy(() -> config(Scheme.QUANTIZED, 1, 100, 1f).withFinalLearningRate(2f))
        .hasMessageContaining("final learning rate must be in (0, 1.0], got 2.0");

    float lsb = 1f / 511;
    HybridMatrix m = new HybridMatrix(1, 1, new float[] {0}, 1f, devices, decaying, true, 1L);
    AnalogLinear layer = new AnalogLinear(m);
    layer.forward(new float[] {8 * lsb}, 1);
    layer.backward(new float[] {-1f});
    layer.applyUpdate(0.25f); // a quarter of lr·δ·x = 8 LSBs
    assertThat(m.hidden(0, 0)).isCloseTo(2 * lsb, within(1e-6f));
  }

  @Test
  void hybridWeightsFollowTheMeasuredLevelsWithSpread() {
    int n = 2000;
    float range = 1f;
    float[] init = new float[n];
    java.util.Arrays.fill(init, 4 * 64 / 511f); // code 4
    HybridMatrix m = new HybridMatrix(1, n, init, range, devices, config(Scheme.HYBRID, 1, 1, 0.1f), false,
        2L);
    var g = m.reads().conductances();
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += g.plus()[i];
    }
    // Level 4 of the CEA device: 73.9 µS ± 8.7 µS/√2000 (5σ: 1 µS), plus the line-voltage spread.
    assertThat(sum / n).isCloseTo(73.9e-6, within(1.5e-6));
  }

  /** Four separable classes in 16 "pixels"; every scheme must learn them (≥ 90 % held out). */
  @Test
  void everySchemeLearnsASeparableProblem() {
    ImageDataset train = clusters(4000, 7);
    ImageDataset test = clusters(1000, 8);
    for (Scheme s : Scheme.values()) {
      OnChipTrainer t = new OnChipTrainer(new int[] {16, 24, 4}, config(s, s == Scheme.FLOAT ? 1 : 0.5, 10, 0.02f)
          .withScheme(s), devices);
      OnChipResult r = t.train(train, test, 2, new TrainingListener() {});
      assertThat(r.testAccuracy()).as(s.name()).isGreaterThanOrEqualTo(0.9);
      if (s == Scheme.HYBRID) {
        assertThat(r.wear().synapseTransfers()).isPositive();
        assertThat(r.wear().maxFecapCycles()).isPositive();
        assertThat(r.reads().mvms()).isPositive();
      }
    }
  }

  @Test
  void weightsLiveOnTheChipsSynapseRegionAndCostsReachItsLedger() {
    Chip chip = new Chip(ChipSpecs.preset("hybrid-learning"), 11, 1);
    SynapseRegion region = chip.synapseRegion(null);
    Devices d = Devices.of(region, chip.ledger().technology());
    OnChipTrainer t = new OnChipTrainer(new int[] {16, 24, 4}, config(Scheme.HYBRID, 0.5, 10, 0.02f), region, d);
    assertThat(region.synapsesUsed()).isEqualTo(16 * 24 + 24 * 4);
    t.train(clusters(300, 7), clusters(100, 8), 1, new TrainingListener() {});
    var ledger = chip.ledger().snapshot();
    assertThat(ledger.energy(CostCategory.PROGRAMMING)).isPositive();
    assertThat(ledger.energy(CostCategory.CELL_READ)).isPositive();
    assertThat(ledger.mvms()).isEqualTo(t.reads().mvms());
  }

  @Test
  void aNetworkTooLargeForTheRegionIsRefusedWithBothNumbers() {
    Chip chip = new Chip(ChipSpecs.preset("cea-leti-hybrid"), 11, 1);
    SynapseRegion region = chip.synapseRegion(null);
    assertThatThrownBy(() -> new OnChipTrainer(new int[] {784, 200, 10}, config(Scheme.HYBRID, 0.1, 100, 0.01f),
        region, devices))
        .hasMessageContaining("156800 synapses")
        .hasMessageContaining("1024");
  }

  private static ImageDataset clusters(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] images = new byte[n * 16];
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      int c = random.nextInt(4);
      labels[i] = (byte) c;
      for (int p = 0; p < 16; p++) {
        // Class c lights pixels 4c…4c+3; noise everywhere.
        double v = (p / 4 == c ? 180 : 40) + 30 * random.nextGaussian();
        images[i * 16 + p] = (byte) Math.max(0, Math.min(255, Math.round(v)));
      }
    }
    return new ImageDataset("clusters", 16, 4, images, labels);
  }
}
