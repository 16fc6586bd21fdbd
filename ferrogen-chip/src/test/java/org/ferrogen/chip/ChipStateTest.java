package org.ferrogen.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ferrogen.chip.ChipState.ModelIdentity;
import org.ferrogen.cim.Conductances;
import org.ferrogen.cim.TiledAnalogMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save, load, age and refuse: the non-volatile state file. */
class ChipStateTest {

  private static final ModelIdentity MODEL = new ModelIdentity("m.gguf", "100 bytes, crc32c 0000abcd");

  @TempDir Path dir;

  private static Chip programmed() {
    Chip chip = new Chip(ChipTest.small(), 3, 1);
    chip.program("blk.0.w", 100, 300, ChipTest.gaussian(100 * 300, 1));
    chip.program("blk.1.w", 40, 64, ChipTest.gaussian(40 * 64, 2));
    return chip;
  }

  @Test
  void conductancesAndProductsAreIdenticalAfterSaveAndLoad() throws IOException {
    Chip chip = programmed();
    Path file = dir.resolve("chip.state");
    ChipState.of(chip, MODEL).write(file);
    ChipState read = ChipState.read(file);
    assertThat(read.model()).isEqualTo(MODEL);
    assertThat(read.seed()).isEqualTo(3);
    assertThat(read.spec()).isEqualTo(chip.spec());
    Chip booted = read.boot(1);
    for (String name : chip.matrices().keySet()) {
      TiledAnalogMatrix a = chip.matrices().get(name);
      TiledAnalogMatrix b = booted.matrices().get(name);
      Conductances ga = a.conductances();
      Conductances gb = b.conductances();
      assertThat(gb.plus()).containsExactly(ga.plus());
      assertThat(gb.minus()).containsExactly(ga.minus());
      float[] x = ChipTest.gaussian(a.cols(), 9);
      float[] ya = new float[a.rows()];
      float[] yb = new float[a.rows()];
      a.multiply(x, ya);
      b.multiply(x, yb);
      assertThat(yb).as("same seeds, same read noise").containsExactly(ya);
    }
  }

  @Test
  void trainedSynapseArraysSurviveSaveAndLoad() throws IOException {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
    int rows = 7;
    int cols = 13;
    short[] hidden = new short[rows * cols];
    float[] plus = new float[rows * cols];
    float[] minus = new float[rows * cols];
    for (int i = 0; i < hidden.length; i++) {
      hidden[i] = (short) rng.nextInt(-511, 512);
      plus[i] = (float) (rng.nextDouble() * 60e-6);
      minus[i] = (float) (rng.nextDouble() * 60e-6);
    }
    ChipState.TrainedSynapses trained = new ChipState.TrainedSynapses("fine-tune", "output.weight", rows, cols, 1.5e-3,
        hidden, plus, minus);
    ChipState state = ChipState.of(programmed(), MODEL).withSynapses(java.util.List.of(trained));
    Path file = dir.resolve("trained.state");
    state.write(file);
    ChipState read = ChipState.read(file);
    assertThat(read.matrices()).hasSize(2);
    assertThat(read.synapses()).hasSize(1);
    ChipState.TrainedSynapses back = read.synapses().get(0);
    assertThat(back.region()).isEqualTo("fine-tune");
    assertThat(back.name()).isEqualTo("output.weight");
    assertThat(back.rows()).isEqualTo(rows);
    assertThat(back.cols()).isEqualTo(cols);
    assertThat(back.hiddenLsb()).isEqualTo(1.5e-3);
    assertThat(back.hidden()).containsExactly(hidden);
    assertThat(back.plus()).containsExactly(plus);
    assertThat(back.minus()).containsExactly(minus);
    assertThat(read.aged(new StorageHistory.Interval(86_400, 300)).synapses()).hasSize(1);

    byte[] bytes = Files.readAllBytes(file);
    Path cut = dir.resolve("cut.state");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 10));
    assertThatThrownBy(() -> ChipState.read(cut)).hasMessageContaining("checksum mismatch");
  }

  @Test
  void ageingShrinksTheStoredWeightsMonotonically() throws IOException {
    ChipState state = ChipState.of(programmed(), MODEL);
    double previous = Double.POSITIVE_INFINITY;
    for (double days : new double[] {0, 1, 30, 365, 3650}) {
      ChipState aged = days == 0 ? state : state.aged(new StorageHistory.Interval(days * 86_400, 358.15));
      float[] w = aged.boot(1).matrices().get("blk.0.w").effectiveWeights();
      double norm = 0;
      for (float v : w) {
        norm += v * (double) v;
      }
      if (days == 0) {
        previous = norm;
        continue;
      }
      // Strictly: at 85 °C the FeFET law takes 0.2 % (1 d) to 10 % (10 y) of each threshold shift.
      assertThat(norm).as("weight norm after %s days at 85 °C", days).isLessThan(previous);
      previous = norm;
    }
  }

  @Test
  void theAgeingLawsAtEightyFiveDegreesMoveEveryStepOfAge() {
    org.ferrogen.cim.CimConfig.Cell fefet = ChipTest.small().tiles().cell();
    double previousKept = 1;
    double previousImprint = 0;
    for (double seconds : new double[] {3600, 86_400, 30 * 86_400, 365.25 * 86_400, 3652.5 * 86_400}) {
      StorageHistory.Effects e = StorageHistory.none().plus(new StorageHistory.Interval(seconds, 358.15)).effects(fefet);
      assertThat(e.retainedPolarization()).isLessThan(previousKept);
      assertThat(e.imprintCoerciveShiftVolts()).isGreaterThan(previousImprint);
      previousKept = e.retainedPolarization();
      previousImprint = e.imprintCoerciveShiftVolts();
    }
    // The parameter set is built to keep 90 % after 10 years at 85 °C (the FeFET retention target).
    assertThat(previousKept).isCloseTo(0.90, org.assertj.core.api.Assertions.within(1e-3));
    // Imprint: 0.01 MV/cm per decade of storage time (assumption) across the 8 nm film,
    // log10(1 + 3.156e8 s) = 8.5 decades -> 0.085 MV/cm -> 68 mV.
    assertThat(previousImprint).isCloseTo(0.068, org.assertj.core.api.Assertions.within(0.002));
  }

  @Test
  void storageIsEquivalentAcrossTemperaturesByTheArrheniusFactor() {
    org.ferrogen.cim.CimConfig.Cell fefet = ChipTest.small().tiles().cell();
    StorageHistory.Effects cold = StorageHistory.none().plus(new StorageHistory.Interval(3652.5 * 86_400, 298.15))
        .effects(fefet);
    StorageHistory.Effects hot = StorageHistory.none().plus(new StorageHistory.Interval(3652.5 * 86_400, 358.15))
        .effects(fefet);
    // 1.0 eV between 25 and 85 °C: a factor of about 680, so 10 years at 25 °C lose far less.
    assertThat(1 - cold.retainedPolarization()).isLessThan((1 - hot.retainedPolarization()) / 10).isPositive();
    StorageHistory mixed = StorageHistory.none().plus(new StorageHistory.Interval(86_400, 298.15))
        .plus(new StorageHistory.Interval(86_400, 358.15));
    assertThat(mixed.equivalentSeconds(fefet)).isBetween(86_400.0, 86_400 * 1.01);
    StorageHistory.Effects memristor = StorageHistory.none().plus(new StorageHistory.Interval(86_400, 358.15))
        .effects(new org.ferrogen.cim.CimConfig.Cell("memristor-cea2025", "", 0, java.util.List.of(), 0, 0, 0.4, 1024));
    assertThat(memristor.imprintFieldVPerM()).isNaN();
  }

  @Test
  void truncatedCorruptedWrongVersionAndWrongModelAreRefusedInOneLine() throws IOException {
    Path file = dir.resolve("chip.state");
    ChipState.of(programmed(), MODEL).write(file);
    byte[] good = Files.readAllBytes(file);

    Path truncated = dir.resolve("truncated.state");
    Files.write(truncated, java.util.Arrays.copyOf(good, good.length / 2));
    assertThatThrownBy(() -> ChipState.read(truncated))
        .hasMessage("chip state " + truncated + ": checksum mismatch (file truncated or corrupted)");

    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 1;
    Path corrupted = dir.resolve("corrupted.state");
    Files.write(corrupted, flipped);
    assertThatThrownBy(() -> ChipState.read(corrupted)).hasMessageContaining("checksum mismatch");

    byte[] version = good.clone();
    version["FERROGEN-CHIP-STATE\n".length() + 3] = 9;
    Path other = dir.resolve("version.state");
    Files.write(other, version);
    assertThatThrownBy(() -> ChipState.read(other))
        .hasMessage("chip state " + other + ": format version 9, this FerroGen reads versions 1 and 2; program the chip again");

    Path text = dir.resolve("text.state");
    Files.writeString(text, "hello");
    assertThatThrownBy(() -> ChipState.read(text)).hasMessageContaining("not a FerroGen chip state");

    ChipState read = ChipState.read(file);
    assertThatThrownBy(() -> read.requireModel(new ModelIdentity("other.gguf", "100 bytes, crc32c 0000dcba")))
        .hasMessageContaining("holds model m.gguf").hasMessageContaining("not other.gguf").hasMessageNotContaining("\n");
  }

  /**
   * Found by ChipStateJazzerTest (issue 16): a state whose shapes disagree with its spec read, then
   * failed to boot with "programmed cells of a 12x20 matrix ... do not fit this 12x20 matrix" and no
   * file name. Every shape and value is now checked when the file is read.
   */
  @Test
  void shapesAndValuesThatCannotBootAreRefusedWhenReadNamingFileAndMatrix() throws IOException {
    ChipState good = ChipState.of(programmed(), MODEL);
    ChipState.Matrix first = good.matrices().get(0);
    org.ferrogen.cim.ProgrammedCells cells = first.cells();
    Conductances g = cells.conductances();

    ChipState.Matrix wrongAdc = new ChipState.Matrix(first.name(), new org.ferrogen.cim.ProgrammedCells(
        cells.outputScale(), g, java.util.Arrays.copyOf(cells.adcFullScale(), cells.adcFullScale().length - 1)));
    assertRefused(good, java.util.List.of(wrongAdc), "matrix 'blk.0.w' has", "ADC full scales");

    float[] nan = g.plus().clone();
    nan[7] = Float.NaN;
    ChipState.Matrix nanCell = new ChipState.Matrix(first.name(), new org.ferrogen.cim.ProgrammedCells(
        cells.outputScale(), new Conductances(g.rows(), g.cols(), g.slices(), nan, g.minus()), cells.adcFullScale()));
    assertRefused(good, java.util.List.of(nanCell), "matrix 'blk.0.w' G+: value 7 is NaN");

    assertRefused(good, java.util.List.of(first, first), "matrix 'blk.0.w' appears twice");

    ChipState.Matrix twoSlices = new ChipState.Matrix(first.name(), new org.ferrogen.cim.ProgrammedCells(
        cells.outputScale(), new Conductances(g.rows(), g.cols() / 2, 2, g.plus(), g.minus()), cells.adcFullScale()));
    assertRefused(good, java.util.List.of(twoSlices), "has 2 slices but the spec maps weights onto 1");
  }

  private void assertRefused(ChipState template, java.util.List<ChipState.Matrix> matrices, String... parts)
      throws IOException {
    Path file = dir.resolve("bad.state");
    new ChipState(template.spec(), template.seed(), MODEL, template.history(), matrices).write(file);
    var refusal = assertThatThrownBy(() -> ChipState.read(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("chip state " + file).hasMessageNotContaining("\n");
    for (String part : parts) {
      refusal.hasMessageContaining(part);
    }
  }

  @Test
  void aFailedSaveLeavesThePreviousFileIntact() throws IOException {
    Path file = dir.resolve("chip.state");
    ChipState.of(programmed(), MODEL).write(file);
    byte[] before = Files.readAllBytes(file);
    Chip broken = programmed();
    broken.allocate("never-programmed", 8, 8);
    assertThatThrownBy(() -> ChipState.of(broken, MODEL).write(file)).isInstanceOf(IllegalStateException.class);
    ChipState state = ChipState.of(programmed(), MODEL);
    // A state whose matrix data cannot be written: the failure comes mid-file, after the header.
    ChipState.Matrix bad = new ChipState.Matrix("bad", new org.ferrogen.cim.ProgrammedCells(
        new float[1], new Conductances(1, 1, 1, null, new float[1]), new float[1]));
    ChipState failing = new ChipState(state.spec(), state.seed(), MODEL, state.history(),
        java.util.List.of(state.matrices().get(0), bad));
    assertThatThrownBy(() -> failing.write(file)).isInstanceOf(NullPointerException.class);
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    try (var files = Files.list(dir)) {
      assertThat(files).as("no temporary file left behind").containsExactly(file);
    }
  }
}
