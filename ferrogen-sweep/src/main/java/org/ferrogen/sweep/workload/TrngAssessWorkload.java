package org.ferrogen.sweep.workload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ferrogen.randomness.sp80090b.NonIidAssessment;
import org.ferrogen.randomness.sp80090b.Samples;
import org.ferrogen.trng.NoiseSeed;
import org.ferrogen.trng.OperatingConditions;
import org.ferrogen.trng.SimulatedSource;
import org.ferrogen.trng.SourceInfo;
import org.ferrogen.trng.design.TrngDesign;

/**
 * {@code trng-assess}: a TRNG design's raw source at one operating point, as {@code ferrogen trng
 * sweep} measures it (fresh source, N raw samples, SP 800-90B non-IID assessment, bias, modelled
 * rate, latency and energy). The SP 800-22 battery on conditioned output is left to {@code trng
 * assess}: it tests the DRBG's output, which hides the design differences a sweep looks for.
 */
public final class TrngAssessWorkload implements Workload {

  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "trng-assess";
  }

  @Override
  public String description() {
    return "TRNG raw source: SP 800-90B min-entropy, bias, rate, latency and energy per bit of a design at an operating point";
  }

  @Override
  public List<String> metrics() {
    return List.of("min_entropy_per_bit", "ones_fraction", "lag1_autocorrelation", "raw_bit_rate_bps",
        "latency_seconds", "energy_per_raw_bit_joules", "energy_per_entropy_bit_joules");
  }

  @Override
  public ObjectNode defaultParameters() {
    OperatingConditions nominal = TrngDesign.CELL.nominalConditions();
    ObjectNode p = Trees.JSON.createObjectNode();
    p.put("design", TrngDesign.CELL.cliName());
    // 10^5 raw samples: a tenth of what SP 800-90B asks for a full assessment, so that a point
    // takes about a second; the non-IID estimators are then more conservative (lower) than at 10^6.
    p.put("samples", 100_000);
    p.setAll(Trees.tree(nominal));
    return p;
  }

  @Override
  public ObjectNode defaultChip() {
    return null;
  }

  @Override
  public ObjectNode loadChip(String yaml, String source) {
    throw new IllegalArgumentException("workload trng-assess takes no chip configuration: its circuit is set by "
        + "the parameters design, temperatureCelsius, supplyNoiseRelative, deviceSizeNm and ageCycles");
  }

  @Override
  public void check(PointConfig config) {
    TrngDesign.byName(config.text("design"));
    conditions(config);
    int samples = config.integer("samples");
    if (samples < 1000 || samples > 10_000_000) {
      throw new IllegalArgumentException("samples = " + samples + ": must be 1000..10000000");
    }
  }

  @Override
  public LinkedHashMap<String, Double> run(PointConfig config, long seed) {
    TrngDesign design = TrngDesign.byName(config.text("design"));
    int samples = config.integer("samples");
    RandomGenerator.SplittableGenerator noise = NoiseSeed.fromSeed(seed);
    SimulatedSource source = design.create(conditions(config), noise.split());
    byte[] raw = new byte[samples];
    source.read(raw, 0, samples);
    SourceInfo info = source.info();
    // One thread per point: the sweep's parallelism is Spark's, across points.
    double h = NonIidAssessment.assess(Samples.of(design.cliName(), raw, 1), false).hAssessed();
    LinkedHashMap<String, Double> m = new LinkedHashMap<>();
    m.put("min_entropy_per_bit", h);
    m.put("ones_fraction", onesFraction(raw));
    m.put("lag1_autocorrelation", lag1Autocorrelation(raw));
    m.put("raw_bit_rate_bps", info.rawBitRate());
    m.put("latency_seconds", info.latencySeconds());
    m.put("energy_per_raw_bit_joules", info.energyPerRawBitJoules());
    m.put("energy_per_entropy_bit_joules", info.energyPerRawBitJoules() / h);
    return m;
  }

  private static OperatingConditions conditions(PointConfig c) {
    return new OperatingConditions(c.number("temperatureCelsius"), c.number("supplyNoiseRelative"),
        c.number("deviceSizeNm"), c.number("ageCycles"));
  }

  private static double onesFraction(byte[] bits) {
    long ones = 0;
    for (byte b : bits) {
      ones += b;
    }
    return (double) ones / bits.length;
  }

  /** Pearson correlation of each bit with the next. */
  static double lag1Autocorrelation(byte[] bits) {
    double mean = onesFraction(bits);
    double num = 0;
    double den = 0;
    for (int i = 0; i < bits.length; i++) {
      double d = bits[i] - mean;
      den += d * d;
      if (i + 1 < bits.length) {
        num += d * (bits[i + 1] - mean);
      }
    }
    return den == 0 ? Double.NaN : num / den;
  }
}
