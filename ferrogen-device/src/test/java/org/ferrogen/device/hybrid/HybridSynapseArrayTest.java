package org.ferrogen.device.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ferrogen.device.params.DeviceParams;
import org.ferrogen.device.params.ParameterSets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HybridSynapseArrayTest {

  static DeviceParams cea;
  static ChargeSharingTransfer transfer;
  static FeCapOperationEnergy energies;

  @BeforeAll
  static void setUp() {
    cea = ParameterSets.byName(ParameterSets.CEA_LETI_2025);
    transfer = new ChargeSharingTransfer(cea);
    energies = FeCapOperationEnergy.of(cea);
  }

  @Test
  void chargeSharingRisesWithTheCodeFromTheDielectricFloor() {
    // Code 0 switches nothing: V_TL = C_D,tot·V / (C_D,tot + C_TL) with 7 unit capacitors.
    double cd = 7 * cea.film().dielectricCapacitanceF();
    double floor = cd * ChargeSharingTransfer.PLATE_VOLTS / (cd + cea.fecap().bitLineCapacitanceF());
    assertThat(transfer.meanLineVolts(0)).isCloseTo(floor, within(1e-3));
    for (int m = 1; m < 8; m++) {
      assertThat(transfer.meanLineVolts(m)).isGreaterThan(transfer.meanLineVolts(m - 1));
      // Never above the plate: the line cannot charge past the source.
      assertThat(transfer.meanLineVolts(m)).isLessThan(ChargeSharingTransfer.PLATE_VOLTS);
    }
    // The back-action compresses the top codes: the step 6 → 7 is smaller than 0 → 1.
    assertThat(transfer.meanLineVolts(7) - transfer.meanLineVolts(6))
        .isLessThan(transfer.meanLineVolts(1) - transfer.meanLineVolts(0));
  }

  @Test
  void nominalTransferLandsOnTheMeasuredLevels() {
    var levels = cea.requireMemristor().levelMeansS();
    double vc = cea.requireMemristor().complianceVoltageV();
    for (int m = 0; m < 8; m++) {
      assertThat(transfer.complianceAt(transfer.meanLineVolts(m)) / vc).isCloseTo(levels.get(m), within(1e-9));
    }
  }

  private static HybridSynapseArray array(double sigma, int n, long seed) {
    return new HybridSynapseArray(cea, 1, n, sigma, false, transfer, energies, new SplittableRandom(seed));
  }

  @Test
  void transferProgramsTheSignSideToTheLevelOfTheMsbs() {
    HybridSynapseArray a = array(0, 3, 1);
    a.write(0, 5 << 6 | 17); // code +5
    a.write(1, -(3 << 6)); // code −3
    a.write(2, 40); // code 0
    List<Integer> seen = new ArrayList<>();
    a.flagAll();
    assertThat(a.transfer(seen::add)).isEqualTo(3);
    assertThat(seen).containsExactly(0, 1, 2);
    assertThat(a.conductancePlus(0)).isCloseTo(85.5e-6, within(1e-9));
    assertThat(a.conductanceMinus(0)).isLessThan(11.9e-6);
    assertThat(a.conductanceMinus(1)).isCloseTo(58.3e-6, within(1e-9));
    assertThat(a.conductancePlus(2)).isLessThan(11.9e-6);
    assertThat(a.conductanceMinus(2)).isLessThan(11.9e-6);
    assertThat(a.pending()).isZero();
    // 2 ops (RESET + SET) each for the two non-zero codes; code 0 needs none.
    assertThat(a.memristorOperations()).isEqualTo(4);
  }

  @Test
  void onlyCarriesIntoTheMsbsFlagATransferAndSignChangesResetTheOldSide() {
    HybridSynapseArray a = array(0, 1, 2);
    a.write(0, 63);
    a.flagAll();
    a.transfer(i -> {});
    assertThat(a.add(0, -10)).isFalse();
    assertThat(a.pending()).isZero();
    assertThat(a.add(0, 20)).isTrue(); // 53 + 20 = 73: code 1
    assertThat(a.pending()).isEqualTo(1);
    a.transfer(i -> {});
    assertThat(a.conductancePlus(0)).isCloseTo(11.9e-6, within(1e-9));
    assertThat(a.add(0, -200)).isTrue(); // −127: code −1
    a.transfer(i -> {});
    assertThat(a.conductancePlus(0)).isLessThan(11.9e-6); // RESET by the sign change
    assertThat(a.conductanceMinus(0)).isCloseTo(11.9e-6, within(1e-9));
    assertThat(a.value(0)).isEqualTo(-127);
  }

  @Test
  void hiddenWeightsSaturateAtTenBits() {
    HybridSynapseArray a = array(0, 1, 3);
    a.add(0, 10_000);
    assertThat(a.value(0)).isEqualTo(511);
    a.add(0, -10_000);
    assertThat(a.value(0)).isEqualTo(-511);
    assertThat(HybridSynapseArray.code(-511)).isEqualTo(-7);
  }

  @Test
  void cycleCountsFollowReadsWritesAndTransfers() {
    HybridSynapseArray a = array(0, 1, 4);
    a.add(0, 1); // read all 10 cells, write bit 0
    a.add(0, 1); // read, write bits 0 and 1
    assertThat(a.cellCycles(0, 0)).isEqualTo(4);
    assertThat(a.cellCycles(0, 1)).isEqualTo(3);
    assertThat(a.cellCycles(0, 5)).isEqualTo(2);
    assertThat(a.fecapReads()).isEqualTo(20);
    assertThat(a.fecapWrites()).isEqualTo(3);
    a.flagAll();
    a.transfer(i -> {});
    assertThat(a.cellCycles(0, 8)).isEqualTo(3); // an MSB cell is read by the transfer
    assertThat(a.cellCycles(0, 5)).isEqualTo(2); // an LSB cell is not
    assertThat(a.maxFecapCycles()).isEqualTo(4);
  }

  /** σ_G = 8.7 µS at every level (Martemucci 2025); 4,000 draws: 5σ bounds on mean and sd. */
  @Test
  void programmingSpreadIsTheMemristorSigma() {
    int n = 4000;
    HybridSynapseArray a = array(8.7e-6, n, 5);
    for (int i = 0; i < n; i++) {
      a.write(i, 4 << 6);
    }
    a.flagAll();
    a.transfer(i -> {});
    double sum = 0;
    double sq = 0;
    for (int i = 0; i < n; i++) {
      sum += a.conductancePlus(i);
      sq += a.conductancePlus(i) * a.conductancePlus(i);
    }
    double mean = sum / n;
    double sd = Math.sqrt(sq / n - mean * mean);
    assertThat(mean).isCloseTo(73.9e-6, within(5 * 8.7e-6 / Math.sqrt(n)));
    assertThat(sd).isCloseTo(8.7e-6, within(5 * 8.7e-6 / Math.sqrt(2.0 * n)));
  }

  @Test
  void deviceEnergiesAreOrdered() {
    for (int a = 0; a < 3; a++) {
      assertThat(energies.readOneJ()[a]).isGreaterThan(energies.readZeroJ()[a]);
      assertThat(energies.writeFlipJ()[a]).isPositive();
    }
    assertThat(energies.writeFlipJ()[2]).isGreaterThan(energies.writeFlipJ()[0]);
  }
}
