package org.ferrogen.sweep.workload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import org.ferrogen.chip.spec.ChipSpec;
import org.ferrogen.cim.CimConfig;
import org.ferrogen.device.config.Range;
import org.ferrogen.device.params.ParameterSets;
import org.ferrogen.trng.NoiseSeed;
import org.ferrogen.trng.puf.FefetPuf;
import org.ferrogen.trng.puf.PufAssessment;

/**
 * {@code puf}: uniformity, uniqueness and bit-error rate of simulated FeFET PUF chips, as {@code
 * ferrogen puf assess} measures them: the chip spec's FeFET cells, re-read at the chip's temperature
 * and a read-noise scale.
 */
public final class PufWorkload implements Workload {

  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "puf";
  }

  @Override
  public String description() {
    return "FeFET PUF: uniformity, uniqueness, masked fraction and bit-error rate at a temperature and read-noise scale";
  }

  @Override
  public List<String> metrics() {
    return List.of("uniformity", "uniqueness", "masked_fraction", "bit_error_rate", "masked_bit_error_rate");
  }

  /**
   * The PUF's own settings; its FeFETs are the chip's compute-tile cells ({@code chip.tiles.cell},
   * which must be a {@code fefet}, with its {@code parameterSet}) and it is re-read at the chip's
   * temperature ({@code chip.environment.celsius}) after enrolment at 25 °C.
   *
   * @param cells 2FeFET-1C cells per PUF
   * @param deviceSizeNm FeFET gate side
   * @param meanVthPerKelvin mean threshold temperature coefficient (assumption of FefetPuf: −1 mV/K)
   * @param vthPerKelvinSigma its device-to-device spread (assumption: 20 µV/K)
   * @param chips simulated chips (uniqueness compares every pair)
   * @param readNoiseScale read noise of the re-read relative to the parameter set's
   */
  public record Parameters(
      @Range(min = 1, max = 1 << 20, unit = "cells") int cells,
      @Range(min = 1, max = 100_000, unit = "nm") double deviceSizeNm,
      @Range(min = -0.1, max = 0.1, unit = "V/K") double meanVthPerKelvin,
      @Range(min = 0, max = 0.1, unit = "V/K") double vthPerKelvinSigma,
      @Range(min = 2, max = 10_000, reason = "uniqueness needs at least 2 chips") int chips,
      @Range(min = 0, max = 100) double readNoiseScale) {}

  @Override
  public Class<? extends Record> parametersType() {
    return Parameters.class;
  }

  @Override
  public Record defaultParameters() {
    FefetPuf.Config d = FefetPuf.Config.defaults();
    return new Parameters(d.cells(), d.deviceSizeNm(), d.meanVthPerKelvin(), d.vthPerKelvinSigma(), 20, 1.0);
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
    puf(ChipSpecTrees.spec(config), config.parameters(Parameters.class));
  }

  private static FefetPuf puf(ChipSpec chip, Parameters p) {
    CimConfig.Cell cell = chip.tiles().cell();
    if (!cell.type().equals("fefet")) {
      throw new IllegalArgumentException("chip.tiles.cell.type: the FeFET PUF is built of the chip's fefet cells, got "
          + cell.type());
    }
    String parameterSet = cell.parameterSet().isEmpty() ? ParameterSets.DENG_2020_FEFET : cell.parameterSet();
    return new FefetPuf(new FefetPuf.Config(parameterSet, p.cells(), p.deviceSizeNm(), p.meanVthPerKelvin(),
        p.vthPerKelvinSigma()));
  }

  @Override
  public LinkedHashMap<String, Double> run(PointConfig config, long seed) {
    ChipSpec chip = ChipSpecTrees.spec(config);
    Parameters p = config.parameters(Parameters.class);
    PufAssessment.Result r = PufAssessment.run(puf(chip, p), p.chips(),
        new double[] {chip.environment().celsius()}, new double[] {p.readNoiseScale()}, NoiseSeed.fromSeed(seed));
    PufAssessment.ReliabilityPoint reread = r.reliability().get(0);
    LinkedHashMap<String, Double> m = new LinkedHashMap<>();
    m.put("uniformity", r.uniformityMean());
    m.put("uniqueness", r.uniquenessMean());
    m.put("masked_fraction", r.maskedFraction());
    m.put("bit_error_rate", reread.bitErrorRate());
    m.put("masked_bit_error_rate", reread.maskedBitErrorRate());
    return m;
  }
}
