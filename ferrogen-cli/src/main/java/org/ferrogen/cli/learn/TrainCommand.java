package org.ferrogen.cli.learn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ferrogen.chip.Chip;
import org.ferrogen.chip.ChipState;
import org.ferrogen.chip.SynapseRegion;
import org.ferrogen.cli.Json;
import org.ferrogen.cli.Plots;
import org.ferrogen.cli.ProgressBars;
import org.ferrogen.learn.data.FashionMnist;
import org.ferrogen.learn.onchip.Devices;
import org.ferrogen.learn.onchip.EpochResult;
import org.ferrogen.learn.onchip.HybridMatrix;
import org.ferrogen.learn.onchip.SynapticMatrix;
import org.ferrogen.learn.onchip.OnChipResult;
import org.ferrogen.learn.onchip.OnChipTrainer;
import org.ferrogen.learn.onchip.Scheme;
import org.ferrogen.learn.onchip.TrainingListener;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ferrogen train}: online training of an MLP on Fashion-MNIST with its weights in the hybrid
 * FeCAP + memristor memory (or a baseline scheme); reports accuracy per epoch, writes against
 * endurance and programming energy, and plots the curve.
 */
@Command(footer = {"%nExample:%n  ferrogen train --dataset fashion-mnist-subset --scheme hybrid --epochs 1 --seed 1 -o mlp.state"},
    name = "train", mixinStandardHelpOptions = true,
    description = {"Train an MLP online on Fashion-MNIST with on-chip weights (CEA-Leti hybrid FeCAP + memristor"
        + " synapses, or a baseline) and report accuracy, writes against endurance and programming energy."},
    subcommands = TrainCommand.Sweep.class)
public final class TrainCommand implements Callable<Integer> {

  @Mixin TrainOptions options;

  @Option(names = "--transfer-every", paramLabel = "K",
      description = "Samples between FeCAP → memristor transfers (default: the chip's synapse array, 100 for the CEA presets).")
  Integer transferEvery;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE.state", description = {"Save the trained synapse arrays (hidden weights"
      + " and memristor conductances, schemes hybrid and quantized) in a chip state file (`ferrogen chip program`'s format)."})
  Path state;

  @Override
  public Integer call() throws Exception {
    options.validate();
    int[] sizes = options.layerSizes();
    FashionMnist.Splits data = options.data();
    long seed = options.seed.value();
    Chip chip = options.chip(seed);
    SynapseRegion region = chip.synapseRegion(null);
    int k = transferEvery == null ? region.spec().transferEvery() : transferEvery;
    if (k < 1) {
      throw new IllegalArgumentException("--transfer-every must be >= 1, got " + k);
    }
    OnChipTrainer trainer = options.scheme == Scheme.FLOAT
        ? new OnChipTrainer(sizes, options.config(options.scheme, k, seed), null)
        : new OnChipTrainer(sizes, options.config(options.scheme, k, seed), region,
            Devices.of(region, chip.ledger().technology()));
    if (state != null && options.scheme != Scheme.HYBRID && options.scheme != Scheme.QUANTIZED) {
      throw new IllegalArgumentException("-o " + state + ": scheme " + TrainOptions.name(options.scheme)
          + " keeps no hybrid synapse arrays to save; use --scheme hybrid or quantized");
    }
    OnChipResult result;
    try (ProgressBars.Progress bar = options.common.progress(
        "train " + TrainOptions.name(options.scheme), (long) data.train().count() * options.epochs, "samples")) {
      result = trainer.train(data.train(), data.test(), options.epochs, listener(bar, options));
    }
    if (state != null) {
      saveState(chip, region, trainer, sizes, seed);
    }
    PrintWriter out = options.common.out();
    if (options.common.json()) {
      options.common.printJson(TrainReports.json(result));
    } else {
      TrainReports.text(out, result);
    }
    if (options.outDir.value().isPresent()) {
      Path outDir = options.outDir.create(Path.of("."));
      Plots.headless();
      StringBuilder csv = new StringBuilder("epoch,train_accuracy,test_accuracy,mean_loss_nats,seconds\n");
      for (EpochResult e : result.epochs()) {
        csv.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.3f%n", e.epoch(), e.trainAccuracy(), e.testAccuracy(),
            e.meanLoss(), e.seconds()));
      }
      Plots.csv(outDir.resolve("train-curve.csv"), csv);
      Plots.csv(outDir.resolve("train.json"), Json.write(TrainReports.json(result)) + "\n");
      Plots.write(outDir.resolve("train-curve"), List.of(curve(List.of(result))));
      if (!options.common.json()) {
        out.println("wrote " + outDir.resolve("train-curve.png") + " (and .svg), train-curve.csv, train.json");
      }
    }
    out.flush();
    return 0;
  }

  /**
   * Writes the chip's state with the trained arrays (fc1, fc2, ... on the synapse region). The chip
   * holds no model file: its identity names the network, scheme and seed instead.
   */
  private void saveState(Chip chip, SynapseRegion region, OnChipTrainer trainer, int[] sizes, long seed)
      throws java.io.IOException {
    List<ChipState.TrainedSynapses> trained = new ArrayList<>();
    List<SynapticMatrix> matrices = trainer.matrices();
    for (int i = 0; i < matrices.size(); i++) {
      trained.add(((HybridMatrix) matrices.get(i)).saved(region.spec().name(), "fc" + (i + 1)));
    }
    String net = java.util.Arrays.stream(sizes).mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining("-"));
    ChipState.ModelIdentity identity = new ChipState.ModelIdentity("net " + net,
        "ferrogen train --scheme " + TrainOptions.name(options.scheme) + " --seed " + seed);
    ChipState.of(chip, identity).withSynapses(trained).write(state);
  }

  /** Feeds the bar and shows the running accuracy; prints each epoch's result unless quiet. */
  static TrainingListener listener(ProgressBars.Progress bar, TrainOptions options) {
    return new TrainingListener() {
      private long last;

      @Override
      public void progress(long done, long total, double runningAccuracy) {
        bar.accept(done - last);
        last = done;
        bar.message(String.format(Locale.ROOT, "running accuracy %.1f %%", 100 * runningAccuracy));
      }

      @Override
      public void epoch(EpochResult r) {
        if (!options.common.quiet() && !options.common.json()) {
          options.common.err().printf(Locale.ROOT, "epoch %d: train %.2f %%, test %.2f %% (%.0f s)%n", r.epoch(),
              100 * r.trainAccuracy(), 100 * r.testAccuracy(), r.seconds());
          options.common.err().flush();
        }
      }
    };
  }

  /** Test accuracy per epoch, one series per run. */
  static XYChart curve(List<OnChipResult> runs) {
    XYChart chart = new XYChartBuilder().width(720).height(480).title("Fashion-MNIST test accuracy")
        .xAxisTitle("epoch").yAxisTitle("test accuracy (%)").build();
    for (OnChipResult r : runs) {
      List<Integer> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (EpochResult e : r.epochs()) {
        x.add(e.epoch());
        y.add(100 * e.testAccuracy());
      }
      chart.addSeries(TrainOptions.name(r.config().scheme()) + " k=" + r.config().transferEvery() + " seed "
          + r.config().seed(), x, y);
    }
    return chart;
  }

  /** {@code ferrogen train sweep}: the accuracy–energy–endurance trade-off of the transfer interval k. */
  @Command(footer = {"%nExample:%n  ferrogen train sweep --dataset fashion-mnist-subset --transfer-every 1,10,100,1000 --seed 1"},
    name = "sweep", mixinStandardHelpOptions = true,
      description = "Train once per transfer interval k and tabulate accuracy, programming energy and memristor wear.")
  static final class Sweep implements Callable<Integer> {

    @Mixin TrainOptions options;

    @Option(names = "--transfer-every", split = ",", paramLabel = "K",
        description = "Transfer intervals (default: 1,10,100,1000).")
    List<Integer> ks = List.of(1, 10, 100, 1000);

    @Override
    public Integer call() throws Exception {
      options.validate();
      for (int k : ks) {
        if (k < 1) {
          throw new IllegalArgumentException("--transfer-every " + k + ": every interval must be >= 1");
        }
      }
      int[] sizes = options.layerSizes();
      FashionMnist.Splits data = options.data();
      long seed = options.seed.value();
      Devices devices = null;
      List<OnChipResult> runs = new ArrayList<>();
      try (ProgressBars.Progress bar = options.common.progress(
          "sweep k", (long) data.train().count() * options.epochs * ks.size(), "samples")) {
        for (int k : ks) {
          // One fresh chip per k: each run starts from unworn devices.
          Chip chip = options.chip(seed);
          SynapseRegion region = chip.synapseRegion(null);
          if (devices == null) {
            devices = Devices.of(region, chip.ledger().technology());
          }
          OnChipTrainer trainer = new OnChipTrainer(sizes, options.config(options.scheme, k, seed), region, devices);
          runs.add(trainer.train(data.train(), data.test(), options.epochs, listener(bar, options)));
        }
      }
      PrintWriter out = options.common.out();
      ObjectNode document = Json.object();
      ArrayNode array = document.putArray("runs");
      runs.forEach(r -> array.add(TrainReports.json(r)));
      if (options.common.json()) {
        options.common.printJson(document);
      } else {
        out.print(table(runs));
      }
      if (options.outDir.value().isPresent()) {
        Path outDir = options.outDir.create(Path.of("."));
        Plots.headless();
        Plots.csv(outDir.resolve("sweep.csv"), csv(runs));
        Plots.csv(outDir.resolve("sweep.json"), Json.write(document) + "\n");
        Plots.write(outDir.resolve("sweep"), List.of(tradeOff(runs), curve(runs)));
      }
      out.flush();
      return 0;
    }

    static String table(List<OnChipResult> runs) {
      StringBuilder s = new StringBuilder();
      double reference = runs.get(0).wear().paperTransferEnergyJoules();
      s.append(String.format(Locale.ROOT, "%6s %8s %16s %10s %16s %14s %12s%n", "k", "test %", "transfer (paper)",
          "ratio", "transfer (model)", "max memr. cyc", "beyond 1e5"));
      for (OnChipResult r : runs) {
        var w = r.wear();
        s.append(String.format(Locale.ROOT, "%6d %8.2f %16s %10.1f %16s %14d %12d%n", r.config().transferEvery(),
            100 * r.testAccuracy(), TrainReports.joules(w.paperTransferEnergyJoules()),
            reference / w.paperTransferEnergyJoules(), TrainReports.joules(w.transferEnergyJoules()),
            w.maxMemristorCycles(), w.memristorsBeyondEndurance()));
      }
      s.append("ratio: transfer energy of the first k over this k (paper convention)\n");
      return s.toString();
    }

    static String csv(List<OnChipResult> runs) {
      StringBuilder s = new StringBuilder("k,test_accuracy,paper_transfer_j,device_model_transfer_j,paper_update_j,"
          + "max_memristor_cycles,memristors_beyond_endurance,max_fecap_cycles\n");
      for (OnChipResult r : runs) {
        var w = r.wear();
        s.append(String.format(Locale.ROOT, "%d,%.6f,%.6e,%.6e,%.6e,%d,%d,%d%n", r.config().transferEvery(),
            r.testAccuracy(), w.paperTransferEnergyJoules(), w.transferEnergyJoules(), w.paperUpdateEnergyJoules(),
            w.maxMemristorCycles(), w.memristorsBeyondEndurance(), w.maxFecapCycles()));
      }
      return s.toString();
    }

    static XYChart tradeOff(List<OnChipResult> runs) {
      XYChart chart = new XYChartBuilder().width(720).height(480).title("Transfer interval k")
          .xAxisTitle("k (samples)").yAxisTitle("value").build();
      chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
      List<Double> k = new ArrayList<>();
      List<Double> energy = new ArrayList<>();
      List<Double> cycles = new ArrayList<>();
      List<Double> accuracy = new ArrayList<>();
      for (OnChipResult r : runs) {
        k.add((double) r.config().transferEvery());
        energy.add(Math.max(1e-3, r.wear().paperTransferEnergyJoules() * 1e9));
        cycles.add(Math.max(1.0, r.wear().maxMemristorCycles()));
        accuracy.add(100 * r.testAccuracy());
      }
      chart.addSeries("transfer energy (nJ, paper convention)", k, energy);
      chart.addSeries("max memristor cycles", k, cycles);
      chart.addSeries("test accuracy (%)", k, accuracy);
      chart.addSeries("memristor endurance 1e5", k, k.stream().map(x -> 1e5).toList());
      return chart;
    }
  }
}
