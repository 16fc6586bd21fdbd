package org.ferrogen.sweep.workload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;
import org.ferrogen.cim.MvmExperiment;
import org.ferrogen.cim.TiledAnalogMatrix;
import org.ferrogen.device.cost.CostReport;
import org.ferrogen.sweep.spec.SweepSeeds;

/**
 * {@code cim-mvm}: accuracy and cost of analog matrix-vector products on the compute tiles of a
 * chip spec (ferrogen-chip), as {@code ferrogen cim mvm} measures them on a random normal matrix.
 */
public final class CimMvmWorkload implements Workload {

  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "cim-mvm";
  }

  @Override
  public String description() {
    return "analog MVM on crossbar tiles: error against the exact product, SNR, energy, latency, TOPS/W and area";
  }

  @Override
  public List<String> metrics() {
    return List.of("relative_l2_error", "snr_mean_db", "snr_min_db", "energy_per_mvm_joules",
        "latency_per_mvm_seconds", "tops", "macro_tops_per_watt", "tops_per_watt", "area_mm2",
        "programming_energy_joules");
  }

  @Override
  public ObjectNode defaultParameters() {
    ObjectNode p = Trees.JSON.createObjectNode();
    p.put("rows", 64);
    p.put("cols", 64);
    p.put("trials", 20);
    return p;
  }

  @Override
  public ObjectNode defaultChip() {
    return ChipSpecTrees.defaults();
  }

  @Override
  public ObjectNode loadChip(String yaml, String source) {
    return ChipSpecTrees.load(yaml, source);
  }

  @Override
  public void check(PointConfig config) {
    ChipSpecTrees.spec(config);
    int rows = config.integer("rows");
    int cols = config.integer("cols");
    if (rows < 1 || cols < 1 || (long) rows * cols > 16L * 1024 * 1024) {
      throw new IllegalArgumentException("rows " + rows + ", cols " + cols + ": each must be >= 1 and rows×cols <= 16777216");
    }
    if (config.integer("trials") < 1) {
      throw new IllegalArgumentException("trials = " + config.integer("trials") + ": must be >= 1");
    }
  }

  @Override
  public LinkedHashMap<String, Double> run(PointConfig config, long seed) {
    int rows = config.integer("rows");
    int cols = config.integer("cols");
    float[] weights = new float[rows * cols];
    SplittableRandom rng = new SplittableRandom(SweepSeeds.derive(seed, SweepSeeds.WEIGHTS));
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (float) rng.nextGaussian();
    }
    TiledAnalogMatrix analog = ChipSpecTrees.chip(config, SweepSeeds.derive(seed, SweepSeeds.CHIP))
        .allocate("sweep", rows, cols);
    MvmExperiment.Result r = MvmExperiment.run(analog, weights, config.integer("trials"), SweepSeeds.derive(seed, SweepSeeds.INPUTS));
    CostReport c = r.costPerMvm();
    LinkedHashMap<String, Double> m = new LinkedHashMap<>();
    m.put("relative_l2_error", r.relativeL2Error());
    m.put("snr_mean_db", r.meanSnrDb());
    m.put("snr_min_db", r.minSnrDb());
    m.put("energy_per_mvm_joules", c.computeEnergyJoules());
    m.put("latency_per_mvm_seconds", c.latencySeconds());
    m.put("tops", c.tops());
    m.put("macro_tops_per_watt", c.macroTopsPerWatt());
    m.put("tops_per_watt", c.topsPerWatt());
    m.put("area_mm2", r.area().totalSquareMillimetres());
    m.put("programming_energy_joules", r.programmingEnergyJoules());
    return m;
  }
}
