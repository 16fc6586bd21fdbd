package org.ferrogen.trng.assess;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.ferrogen.randomness.sp80090b.NonIidAssessment;
import org.ferrogen.randomness.sp80090b.Samples;
import org.ferrogen.trng.OperatingConditions;
import org.ferrogen.trng.SimulatedSource;
import org.ferrogen.trng.SourceInfo;
import org.ferrogen.trng.design.TrngDesign;

/**
 * How a design's raw source moves with temperature, device size or age: at each point a fresh
 * source (same noise stream split per point) runs {@code samples} raw samples, and the SP 800-90B
 * non-IID assessment, bias, rate and energy are recorded.
 */
public final class TrngSweep {

  /** The swept quantity. */
  public enum Axis {
    TEMPERATURE, SIZE, AGE;

    /** Default points: −40…125 °C; 50…400 nm; 10^4…10^10 cycles. */
    public double[] defaultPoints() {
      switch (this) {
        case TEMPERATURE:
          return new double[] {-40, 0, 25, 85, 125};
        case SIZE:
          return new double[] {50, 100, 200, 400};
        default:
          return new double[] {1e4, 1e6, 1e8, 1e9, 1e10};
      }
    }

    public static Axis parse(String s) {
      return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** One point of the sweep. */
  public record Point(double value, double onesFraction, double hAssessed, double rawBitRate,
      double energyPerRawBit, Map<String, String> details) {}

  private TrngSweep() {}

  public static List<Point> run(TrngDesign design, OperatingConditions base, Axis axis, double[] points,
      int samples, RandomGenerator.SplittableGenerator noise) {
    List<Point> out = new ArrayList<>();
    for (double v : points) {
      OperatingConditions c;
      switch (axis) {
        case TEMPERATURE:
          c = base.withTemperatureCelsius(v);
          break;
        case SIZE:
          c = new OperatingConditions(base.temperatureCelsius(), base.supplyNoiseRelative(), v, base.ageCycles());
          break;
        default:
          c = base.withAgeCycles(v);
      }
      SimulatedSource source = design.create(c, noise.split());
      byte[] raw = new byte[samples];
      source.read(raw, 0, samples);
      long ones = 0;
      for (byte b : raw) {
        ones += b;
      }
      double h = NonIidAssessment.assess(Samples.of(design.cliName() + " " + axis + "=" + v, raw, 1)).hAssessed();
      SourceInfo info = source.info();
      out.add(new Point(v, (double) ones / samples, h, info.rawBitRate(), info.energyPerRawBitJoules(), source.details()));
    }
    return out;
  }
}
