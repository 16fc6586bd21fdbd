package org.ferrogen.sweep.workload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import org.ferrogen.trng.NoiseSeed;
import org.ferrogen.trng.puf.FefetPuf;
import org.ferrogen.trng.puf.PufAssessment;

/**
 * {@code puf}: uniformity, uniqueness and bit-error rate of simulated FeFET PUF chips, as {@code
 * ferrogen puf assess} measures them, with the re-read at one temperature and read-noise scale.
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

  @Override
  public ObjectNode defaultParameters() {
    ObjectNode p = Trees.tree(FefetPuf.Config.defaults());
    p.put("chips", 20);
    p.put("temperatureCelsius", 85.0);
    p.put("readNoiseScale", 1.0);
    return p;
  }

  @Override
  public ObjectNode defaultChip() {
    return null;
  }

  @Override
  public ObjectNode loadChip(String yaml, String source) {
    throw new IllegalArgumentException("workload puf takes no chip configuration: its FeFETs are set by the "
        + "parameters parameterSet, cells, deviceSizeNm, meanVthPerKelvin and vthPerKelvinSigma");
  }

  @Override
  public void check(PointConfig config) {
    puf(config);
    if (config.integer("chips") < 2) {
      throw new IllegalArgumentException("chips = " + config.integer("chips") + ": uniqueness needs at least 2");
    }
    double celsius = config.number("temperatureCelsius");
    if (!(celsius > -273.15 && celsius < 1000)) {
      throw new IllegalArgumentException("temperatureCelsius = " + celsius + ": must be in (-273.15, 1000)");
    }
    if (!(config.number("readNoiseScale") >= 0)) {
      throw new IllegalArgumentException("readNoiseScale = " + config.number("readNoiseScale") + ": must be >= 0");
    }
  }

  private static FefetPuf puf(PointConfig c) {
    return new FefetPuf(new FefetPuf.Config(c.text("parameterSet"), c.integer("cells"), c.number("deviceSizeNm"),
        c.number("meanVthPerKelvin"), c.number("vthPerKelvinSigma")));
  }

  @Override
  public LinkedHashMap<String, Double> run(PointConfig config, long seed) {
    PufAssessment.Result r = PufAssessment.run(puf(config), config.integer("chips"),
        new double[] {config.number("temperatureCelsius")}, new double[] {config.number("readNoiseScale")},
        NoiseSeed.fromSeed(seed));
    PufAssessment.ReliabilityPoint p = r.reliability().get(0);
    LinkedHashMap<String, Double> m = new LinkedHashMap<>();
    m.put("uniformity", r.uniformityMean());
    m.put("uniqueness", r.uniquenessMean());
    m.put("masked_fraction", r.maskedFraction());
    m.put("bit_error_rate", p.bitErrorRate());
    m.put("masked_bit_error_rate", p.maskedBitErrorRate());
    return m;
  }
}
