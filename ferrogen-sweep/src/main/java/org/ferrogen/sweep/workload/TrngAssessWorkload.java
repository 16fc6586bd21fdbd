package org.ferrogen.sweep.workload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ferrogen.chip.spec.ChipSpec;
import org.ferrogen.device.config.Range;
import org.ferrogen.randomness.sp80090b.NonIidAssessment;
import org.ferrogen.randomness.sp80090b.Samples;
import org.ferrogen.trng.NoiseSeed;
import org.ferrogen.trng.OperatingConditions;
import org.ferrogen.trng.SimulatedSource;
import org.ferrogen.trng.SourceInfo;
import org.ferrogen.trng.design.TrngDesign;

/**
 * {@code trng-assess}: the raw source of the chip spec's TRNG design ({@code chip.trng.design}) at
 * the chip's temperature ({@code chip.environment.celsius}), as {@code ferrogen trng sweep} measures it (fresh source, N raw samples, SP 800-90B non-IID assessment, bias, modelled
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

  /**
   * The circuit's conditions the chip spec does not hold (its {@code trng} section names the design,
   * its {@code environment} the temperature).
   *
   * @param samples raw samples assessed
   * @param supplyNoiseRelative supply noise, standard deviation relative to nominal
   * @param deviceSizeNm lateral size of one ferroelectric device
   * @param ageCycles program/read cycles the devices have seen
   */
  public record Parameters(
      @Range(min = 1000, max = 10_000_000, reason = "SP 800-90B asks 10^6 for a full assessment") int samples,
      @Range(min = 0, max = 0.49) double supplyNoiseRelative,
      @Range(min = 1, max = 100_000, unit = "nm") double deviceSizeNm,
      @Range(min = 0, max = 1e15, unit = "cycles") double ageCycles) {}

  @Override
  public Class<? extends Record> parametersType() {
    return Parameters.class;
  }

  @Override
  public Record defaultParameters() {
    OperatingConditions nominal = TrngDesign.CELL.nominalConditions();
    // 10^5 raw samples: a tenth of what SP 800-90B asks for a full assessment, so that a point
    // takes about a second; the non-IID estimators are then more conservative (lower) than at 10^6.
    return new Parameters(100_000, nominal.supplyNoiseRelative(), nominal.deviceSizeNm(), nominal.ageCycles());
  }

  /** The chip spec's {@code trng.design} and {@code environment.celsius} are the swept circuit and temperature. */
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
    ChipSpec chip = ChipSpecTrees.spec(config);
    conditions(chip, config.parameters(Parameters.class));
  }

  @Override
  public LinkedHashMap<String, Double> run(PointConfig config, long seed) {
    ChipSpec chip = ChipSpecTrees.spec(config);
    Parameters p = config.parameters(Parameters.class);
    TrngDesign design = TrngDesign.byName(chip.trng().design());
    int samples = p.samples();
    RandomGenerator.SplittableGenerator noise = NoiseSeed.fromSeed(seed);
    SimulatedSource source = design.create(conditions(chip, p), noise.split());
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

  private static OperatingConditions conditions(ChipSpec chip, Parameters p) {
    return new OperatingConditions(chip.environment().celsius(), p.supplyNoiseRelative(), p.deviceSizeNm(), p.ageCycles());
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
