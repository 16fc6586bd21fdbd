package org.ferrogen.sweep.workload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ferrogen.chip.Chip;
import org.ferrogen.chip.SynapseRegion;
import org.ferrogen.chip.spec.ChipSpec;
import org.ferrogen.chip.spec.ChipSpecs;
import org.ferrogen.device.config.Range;
import org.ferrogen.device.params.ParameterSets;
import org.ferrogen.learn.data.FashionMnist;
import org.ferrogen.learn.onchip.Devices;
import org.ferrogen.learn.onchip.OnChipConfig;
import org.ferrogen.learn.onchip.OnChipResult;
import org.ferrogen.learn.onchip.OnChipTrainer;
import org.ferrogen.learn.onchip.Readout;
import org.ferrogen.learn.onchip.Scheme;
import org.ferrogen.learn.onchip.TrainingListener;
import org.ferrogen.learn.onchip.Wear;
import org.ferrogen.sweep.spec.SweepSeeds;

/**
 * {@code train}: online training of an MLP on Fashion-MNIST with its weights in the chip's hybrid
 * FeCAP + memristor synapse array (Martemucci et al., Nature Electronics 8, 921, 2025), as {@code
 * ferrogen train} runs it: the k × p × σ_G design space of hybrid learning. The transfer interval
 * k is the chip's ({@code chip.synapseArrays[0].transferEvery}); the update probability p and the
 * memristor programming spread σ_G are training parameters. Each point trains a fresh chip (unworn
 * devices) and reports test accuracy, programming energy in the paper's convention (100 fJ per
 * FeCAP write, 1 pJ per memristor operation) and by the device model, and the most-cycled memristor
 * and FeCAP against their endurance.
 */
public final class TrainWorkload implements Workload {

  private static final long serialVersionUID = 1L;

  /** The CEA-Leti lines scaled to hold a whole MLP. */
  static final String DEFAULT_CHIP = "hybrid-learning";

  /**
   * Device physics per executor JVM, by parameter set, technology and programming costs: building
   * it simulates the charge-sharing transfer and the FeCAP operations (tens of seconds on a loaded
   * core), the same for every point of a sweep that keeps those fixed. Immutable once built.
   */
  private static final Map<String, Devices> DEVICES = new ConcurrentHashMap<>();

  /** Datasets per executor JVM: every point of a sweep reads the same images. */
  private static final Map<String, FashionMnist.Splits> DATASETS = new ConcurrentHashMap<>();

  /**
   * @param dataset fashion-mnist-subset (bundled: 8,000 training and 2,000 test images),
   *     fashion-mnist (Debian's dataset-fashion-mnist) or a folder of the four IDX files
   * @param net layer widths, input first
   * @param scheme hybrid, quantized, analog-sgd, mixed-precision or float (no devices)
   * @param epochs passes over the training images
   * @param trainSamples the first N training images
   * @param testSamples the first N test images the accuracy is measured on
   * @param updateProbability Bernoulli mask probability p of the hidden-weight updates (10 % in
   *     Martemucci 2025)
   * @param learningRate online SGD learning rate (0.01, the default of {@code ferrogen train}, chosen
   *     in docs/learn.md)
   * @param sigmaGSiemens memristor programming spread σ_G (cea-leti-2025: 8.7 µS)
   */
  public record Parameters(
      String dataset,
      String net,
      String scheme,
      @Range(min = 1, max = 1000) int epochs,
      @Range(min = 1, max = 60_000, unit = "images") int trainSamples,
      @Range(min = 1, max = 10_000, unit = "images") int testSamples,
      @Range(min = 1e-6, max = 1) double updateProbability,
      @Range(min = 1e-6, max = 10) double learningRate,
      @Range(min = 0, max = 1e-3, unit = "S") double sigmaGSiemens) {
    public Parameters {
      TrainWorkload.layerSizes(net);
      TrainWorkload.scheme(scheme);
    }
  }

  @Override
  public String name() {
    return "train";
  }

  @Override
  public String description() {
    return "hybrid FeCAP + memristor on-chip learning: test accuracy, programming energy and wear against endurance";
  }

  @Override
  public List<String> metrics() {
    return List.of("test_accuracy", "train_accuracy", "programming_energy_paper_joules", "programming_energy_joules",
        "transfer_energy_paper_joules", "transfer_energy_joules", "read_energy_joules", "max_memristor_cycles",
        "memristor_endurance_cycles", "max_memristor_cycles_over_endurance", "memristors_beyond_endurance",
        "max_fecap_cycles", "max_fecap_cycles_over_endurance", "train_seconds");
  }

  @Override
  public Class<? extends Record> parametersType() {
    return Parameters.class;
  }

  /**
   * 500 training and 500 test images of the bundled subset on a 784-100-10 network, one epoch: a
   * point takes seconds, so a sweep of tens of points runs in minutes on a laptop. Accuracies are
   * then those of a short run (docs/learn.md has full ones); raise the counts for a study.
   */
  @Override
  public Record defaultParameters() {
    // σ_G of the default chip's synapse devices (cea-leti-2025: 8.7 µS), written out so a grid can move it.
    String parameterSet = ChipSpecs.resolve(DEFAULT_CHIP).synapseArrays().get(0).parameterSet();
    double sigmaG = ParameterSets.resolve(parameterSet).requireMemristor().conductanceSigmaS();
    return new Parameters(FashionMnist.SUBSET, "784-100-10", "hybrid", 1, 500, 500, 0.1, 0.01, sigmaG);
  }

  @Override
  public ObjectNode defaultChip() {
    return ChipSpecTrees.load("base: " + DEFAULT_CHIP + "\nname: " + DEFAULT_CHIP, "chip preset " + DEFAULT_CHIP);
  }

  @Override
  public ObjectNode loadChip(String yaml, String source) {
    return ChipSpecTrees.load(yaml, source);
  }

  @Override
  public void check(PointConfig config) {
    ChipSpec spec = ChipSpecTrees.spec(config);
    Parameters p = config.parameters(Parameters.class);
    if (scheme(p.scheme()) != Scheme.FLOAT && spec.synapseArrays().isEmpty()) {
      throw new IllegalArgumentException("chip.synapseArrays: the chip has none; scheme " + p.scheme()
          + " keeps its weights in a synapse array (use the hybrid-learning preset)");
    }
  }

  @Override
  public LinkedHashMap<String, Double> run(PointConfig config, long seed) {
    Parameters p = config.parameters(Parameters.class);
    Scheme scheme = scheme(p.scheme());
    int[] sizes = layerSizes(p.net());
    FashionMnist.Splits data = data(p.dataset());
    // A fresh chip per point: training starts from unworn devices.
    Chip chip = ChipSpecTrees.chip(config, SweepSeeds.derive(seed, SweepSeeds.CHIP));
    long trainingSeed = SweepSeeds.derive(seed, SweepSeeds.WEIGHTS);
    OnChipTrainer trainer;
    Devices devices = null;
    if (scheme == Scheme.FLOAT) {
      trainer = new OnChipTrainer(sizes, config(p, scheme, 1, trainingSeed), null);
    } else {
      SynapseRegion region = chip.synapseRegion(null);
      ChipSpec.SynapseArray array = region.spec();
      String key = array.parameterSet() + "|" + chip.spec().technology() + "|" + array.fecapProgramJoules() + "|"
          + array.memristorProgramJoules();
      devices = DEVICES.computeIfAbsent(key, k -> Devices.of(region, chip.ledger().technology()));
      trainer = new OnChipTrainer(sizes, config(p, scheme, region.spec().transferEvery(), trainingSeed), region, devices);
    }
    OnChipResult r = trainer.train(data.train().head(Math.min(p.trainSamples(), data.train().count())),
        data.test().head(Math.min(p.testSamples(), data.test().count())), p.epochs(), new TrainingListener() {});
    Wear w = r.wear();
    double memristorEndurance = devices == null ? Double.NaN : devices.memristor().enduranceCycles();
    LinkedHashMap<String, Double> m = new LinkedHashMap<>();
    m.put("test_accuracy", r.testAccuracy());
    m.put("train_accuracy", r.epochs().get(r.epochs().size() - 1).trainAccuracy());
    m.put("programming_energy_paper_joules", w.paperEnergyJoules());
    m.put("programming_energy_joules", w.energyJoules());
    m.put("transfer_energy_paper_joules", w.paperTransferEnergyJoules());
    m.put("transfer_energy_joules", w.transferEnergyJoules());
    m.put("read_energy_joules", r.reads().totalEnergyJoules());
    m.put("max_memristor_cycles", (double) w.maxMemristorCycles());
    m.put("memristor_endurance_cycles", memristorEndurance);
    m.put("max_memristor_cycles_over_endurance", w.maxMemristorCycles() / memristorEndurance);
    m.put("memristors_beyond_endurance", (double) w.memristorsBeyondEndurance());
    m.put("max_fecap_cycles", (double) w.maxFecapCycles());
    m.put("max_fecap_cycles_over_endurance", w.maxFecapCycles() / Wear.FECAP_ENDURANCE);
    m.put("train_seconds", r.seconds());
    return m;
  }

  private static OnChipConfig config(Parameters p, Scheme scheme, int transferEvery, long seed) {
    // Weight range 4 He standard deviations: the ASSUMPTION of OnChipConfig, as ferrogen train uses.
    return new OnChipConfig(scheme, (float) p.learningRate(), p.updateProbability(), transferEvery, p.sigmaGSiemens(),
        true, Readout.aihwkitDefaults(), 4, seed);
  }

  private static FashionMnist.Splits data(String dataset) {
    return DATASETS.computeIfAbsent(dataset, name -> {
      try {
        return FashionMnist.load(name);
      } catch (IOException e) {
        throw new UncheckedIOException("dataset " + name + ": " + e.getMessage(), e);
      }
    });
  }

  static Scheme scheme(String name) {
    try {
      return Scheme.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("scheme: must be one of hybrid, quantized, analog-sgd, mixed-precision, float;"
          + " got " + name);
    }
  }

  static int[] layerSizes(String net) {
    try {
      int[] sizes = Arrays.stream(net.split("-")).mapToInt(Integer::parseInt).toArray();
      if (sizes.length >= 2 && Arrays.stream(sizes).allMatch(s -> s >= 1 && s <= 65_536)) {
        return sizes;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("net: expected layer widths like 784-100-10 (at least two, each 1..65536), got " + net);
  }
}
