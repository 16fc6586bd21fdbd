package org.ferrogen.cli.learn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.ferrogen.device.cost.CostCategory;
import org.ferrogen.device.cost.CostReport;
import org.ferrogen.cli.Json;
import org.ferrogen.learn.onchip.EpochResult;
import org.ferrogen.learn.onchip.OnChipResult;
import org.ferrogen.learn.onchip.Wear;

/** Text and JSON reports of on-chip training runs. */
public final class TrainReports {
  /** Memristor SET/RESET endurance ≈ 10^5 (Martemucci 2025). */
  static final double MEMRISTOR_ENDURANCE = 1e5;

  private TrainReports() {}

  static ObjectNode json(OnChipResult r) {
    ObjectNode o = Json.object();
    o.put("scheme", TrainOptions.name(r.config().scheme()));
    ArrayNode net = o.putArray("net");
    for (int s : r.layerSizes()) {
      net.add(s);
    }
    o.put("train_samples", r.trainSamples());
    o.put("learning_rate", r.config().learningRate());
    o.put("final_learning_rate", r.config().finalLearningRate());
    o.put("update_probability", r.config().updateProbability());
    o.put("transfer_every", r.config().transferEvery());
    o.put("seed", r.config().seed());
    o.put("test_accuracy", r.testAccuracy());
    ArrayNode epochs = o.putArray("epochs");
    for (EpochResult e : r.epochs()) {
      ObjectNode n = epochs.addObject();
      n.put("epoch", e.epoch());
      n.put("train_accuracy", e.trainAccuracy());
      n.put("test_accuracy", e.testAccuracy());
      n.put("mean_loss_nats", e.meanLoss());
      n.put("seconds", e.seconds());
    }
    wear(o, r.wear());
    readEnergy(o, r.reads());
    o.put("seconds", r.seconds());
    return o;
  }

  /** The "read_energy" object of a JSON report: the synapses' analog reads (cells, DACs, ADCs). */
  public static void readEnergy(ObjectNode o, CostReport reads) {
    ObjectNode n = o.putObject("read_energy");
    n.put("cells_j", reads.energy(CostCategory.CELL_READ));
    n.put("dac_j", reads.energy(CostCategory.DAC));
    n.put("adc_j", reads.energy(CostCategory.ADC));
    n.put("mvms", reads.mvms());
  }

  /** The synapses' read energy as one text line. */
  public static void readEnergyText(PrintWriter out, CostReport reads) {
    out.printf(Locale.ROOT, "read energy (cells + DAC + ADC, %,d products): %s%n", reads.mvms(),
        joules(reads.energy(CostCategory.CELL_READ) + reads.energy(CostCategory.DAC) + reads.energy(CostCategory.ADC)));
  }

  /** The "wear" and "programming_energy" objects of a JSON report. */
  public static void wear(ObjectNode o, Wear w) {
    ObjectNode wear = o.putObject("wear");
    wear.put("synapses", w.synapses());
    wear.put("hidden_updates", w.hiddenUpdates());
    wear.put("fecap_reads", w.fecapReads());
    wear.put("fecap_writes", w.fecapWrites());
    wear.put("max_fecap_cycles", w.maxFecapCycles());
    wear.put("fecap_endurance_cycles", Wear.FECAP_ENDURANCE);
    wear.put("synapse_transfers", w.synapseTransfers());
    wear.put("memristor_operations", w.memristorOperations());
    wear.put("max_memristor_cycles", w.maxMemristorCycles());
    wear.put("memristor_endurance_cycles", MEMRISTOR_ENDURANCE);
    wear.put("memristors_beyond_endurance", w.memristorsBeyondEndurance());
    ObjectNode energy = o.putObject("programming_energy");
    energy.put("paper_update_j", w.paperUpdateEnergyJoules());
    energy.put("paper_transfer_j", w.paperTransferEnergyJoules());
    energy.put("paper_total_j", w.paperEnergyJoules());
    energy.put("device_model_update_j", w.updateEnergyJoules());
    energy.put("device_model_transfer_j", w.transferEnergyJoules());
    energy.put("device_model_total_j", w.energyJoules());
  }

  static void text(PrintWriter out, OnChipResult r) {
    String lr = r.config().finalLearningRate() == r.config().learningRate()
        ? String.valueOf(r.config().learningRate())
        : r.config().learningRate() + " → " + r.config().finalLearningRate() + " (linear)";
    out.printf(Locale.ROOT, "scheme %s, net %s, %d training samples × %d epochs, lr %s, p %s, k %d, seed %d%n",
        TrainOptions.name(r.config().scheme()), net(r), r.trainSamples(), r.epochs().size(), lr,
        r.config().updateProbability(), r.config().transferEvery(), r.config().seed());
    out.println(" epoch   train %    test %   loss (nats)   seconds");
    for (EpochResult e : r.epochs()) {
      out.printf(Locale.ROOT, " %5d  %7.2f  %7.2f  %12.4f  %8.1f%n", e.epoch(), 100 * e.trainAccuracy(),
          100 * e.testAccuracy(), e.meanLoss(), e.seconds());
    }
    out.printf(Locale.ROOT, "test accuracy: %.2f %%%n", 100 * r.testAccuracy());
    Wear w = r.wear();
    if (w.synapses() > 0) {
      wearText(out, w);
      readEnergyText(out, r.reads());
    }
  }

  /** Writes against endurance, operation counts and programming energy (both conventions) as text. */
  public static void wearText(PrintWriter out, Wear w) {
    out.printf(Locale.ROOT, "writes vs endurance: FeCAP max %,d cycles of 1e7 (%.1e); memristor max %,d cycles of 1e5"
            + " (%.2f×), %,d devices beyond endurance%n", w.maxFecapCycles(), w.maxFecapCycles() / Wear.FECAP_ENDURANCE,
        w.maxMemristorCycles(), w.maxMemristorCycles() / MEMRISTOR_ENDURANCE, w.memristorsBeyondEndurance());
    out.printf(Locale.ROOT, "operations: %,d hidden-weight updates (%,d FeCAP reads, %,d writes), %,d synapse transfers,"
        + " %,d memristor RESET/SETs%n", w.hiddenUpdates(), w.fecapReads(), w.fecapWrites(), w.synapseTransfers(),
        w.memristorOperations());
    out.println("programming energy      paper (100 fJ/FeCAP, 1 pJ/memristor op)   device model");
    out.printf(Locale.ROOT, "  updates (FeCAPs)      %-40s  %s%n", joules(w.paperUpdateEnergyJoules()), joules(w.updateEnergyJoules()));
    out.printf(Locale.ROOT, "  transfers/pulses      %-40s  %s%n", joules(w.paperTransferEnergyJoules()), joules(w.transferEnergyJoules()));
    out.printf(Locale.ROOT, "  total                 %-40s  %s%n", joules(w.paperEnergyJoules()), joules(w.energyJoules()));
  }

  static String net(OnChipResult r) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < r.layerSizes().length; i++) {
      s.append(i == 0 ? "" : "-").append(r.layerSizes()[i]);
    }
    return s.toString();
  }

  public static String joules(double j) {
    if (j == 0) {
      return "0 J";
    }
    String[] units = {"J", "mJ", "µJ", "nJ", "pJ", "fJ"};
    int u = 0;
    double v = j;
    while (Math.abs(v) < 1 && u < units.length - 1) {
      v *= 1000;
      u++;
    }
    return String.format(Locale.ROOT, "%.3g %s", v, units[u]);
  }
}
