package org.ferrogen.sweep.workload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;
import org.ferrogen.cim.MvmExperiment;
import org.ferrogen.cim.TiledAnalogMatrix;
import org.ferrogen.device.config.Range;
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

  /**
   * @param rows rows of the random normal weight matrix
   * @param cols its columns
   * @param trials input vectors multiplied
   */
  public record Parameters(
      @Range(min = 1, max = 65_536) int rows,
      @Range(min = 1, max = 65_536) int cols,
      @Range(min = 1, max = 100_000, reason = "each trial is a full matrix-vector product") int trials) {
    public Parameters {
      if ((long) rows * cols > 16L * 1024 * 1024) {
        throw new IllegalArgumentException("rows × cols = " + (long) rows * cols + ": at most 16777216 weights");
      }
    }
  }

  @Override
  public Class<? extends Record> parametersType() {
    return Parameters.class;
  }

  @Override
  public Record defaultParameters() {
    return new Parameters(64, 64, 20);
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
    config.parameters(Parameters.class);
  }

  @Override
  public LinkedHashMap<String, Double> run(PointConfig config, long seed) {
    Parameters p = config.parameters(Parameters.class);
    int rows = p.rows();
    int cols = p.cols();
    float[] weights = new float[rows * cols];
    SplittableRandom rng = new SplittableRandom(SweepSeeds.derive(seed, SweepSeeds.WEIGHTS));
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (float) rng.nextGaussian();
    }
    TiledAnalogMatrix analog = ChipSpecTrees.chip(config, SweepSeeds.derive(seed, SweepSeeds.CHIP))
        .allocate("sweep", rows, cols);
    MvmExperiment.Result r = MvmExperiment.run(analog, weights, p.trials(), SweepSeeds.derive(seed, SweepSeeds.INPUTS));
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
