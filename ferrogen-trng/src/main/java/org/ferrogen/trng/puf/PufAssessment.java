package org.ferrogen.trng.puf;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The standard PUF figures over many simulated chips: uniformity (fraction of ones in a chip's
 * response), uniqueness (mean fractional Hamming distance between the responses of different chips
 * to the same challenge) and reliability (bit-error rate of a re-read against the enrolment read,
 * versus temperature and read noise), with Li et al., Nat. Commun. 2025 (28 nm 2FeFET-1C) as the
 * reference: 50.00 %, 49.98 %, 0.7 % at 85 °C.
 */
public final class PufAssessment {

  /** Li et al. 2025 uniformity, uniqueness and bit-error rate at 85 °C. */
  public static final double LI_2025_UNIFORMITY = 0.5000;
  public static final double LI_2025_UNIQUENESS = 0.4998;
  public static final double LI_2025_BER_85C = 0.007;

  /**
   * Bit-error rate at one condition: against a single-read enrolment, and against a majority-of-
   * {@link #ENROLMENT_READS} enrolment over the cells it found stable.
   */
  public record ReliabilityPoint(double celsius, double noiseScale, double bitErrorRate, double maskedBitErrorRate) {}

  /** Reads of the masked enrolment. */
  public static final int ENROLMENT_READS = 9;

  /**
   * @param chips simulated chips
   * @param cells cells per chip
   * @param uniformityMean mean over chips of the fraction of ones
   * @param uniformitySd its standard deviation over chips
   * @param uniquenessMean mean fractional Hamming distance over all chip pairs
   * @param uniquenessSd its standard deviation over the pairs
   * @param maskedFraction cells masked as unstable by the 9-read enrolment
   * @param reliability bit-error rates versus temperature and read noise
   */
  public record Result(
      int chips,
      int cells,
      double uniformityMean,
      double uniformitySd,
      double uniquenessMean,
      double uniquenessSd,
      double maskedFraction,
      List<ReliabilityPoint> reliability) {}

  private PufAssessment() {}

  /**
   * Fabricates {@code chips} chips, enrols each at 25 °C (one read with nominal read noise), then
   * re-reads at each temperature and read-noise scale.
   */
  public static Result run(
      FefetPuf puf, int chips, double[] celsius, double[] noiseScales, RandomGenerator.SplittableGenerator rng) {
    if (chips < 2) {
      throw new IllegalArgumentException("uniqueness needs at least 2 chips, got " + chips);
    }
    int n = puf.config().cells();
    boolean[][] enrolled = new boolean[chips][];
    FefetPuf.Enrolment[] masked = new FefetPuf.Enrolment[chips];
    double maskedFraction = 0;
    FefetPuf.Chip[] fabricated = new FefetPuf.Chip[chips];
    double[] ones = new double[chips];
    for (int c = 0; c < chips; c++) {
      fabricated[c] = puf.fabricate(rng.split());
      enrolled[c] = fabricated[c].read(FefetPuf.ENROLMENT_KELVIN, 1.0, rng);
      masked[c] = fabricated[c].enrol(FefetPuf.ENROLMENT_KELVIN, ENROLMENT_READS, rng);
      maskedFraction += masked[c].maskedFraction() / chips;
      int k = 0;
      for (boolean b : enrolled[c]) {
        k += b ? 1 : 0;
      }
      ones[c] = (double) k / n;
    }
    double uniformity = mean(ones);
    double uniformitySd = sd(ones, uniformity);
    double[] distances = new double[chips * (chips - 1) / 2];
    int p = 0;
    for (int a = 0; a < chips; a++) {
      for (int b = a + 1; b < chips; b++) {
        distances[p++] = (double) hamming(enrolled[a], enrolled[b]) / n;
      }
    }
    double uniqueness = mean(distances);
    List<ReliabilityPoint> points = new ArrayList<>();
    for (double t : celsius) {
      for (double s : noiseScales) {
        long errors = 0;
        long maskedErrors = 0;
        long stableCells = 0;
        for (int c = 0; c < chips; c++) {
          boolean[] reread = fabricated[c].read(t + 273.15, s, rng);
          errors += hamming(enrolled[c], reread);
          for (int i = 0; i < n; i++) {
            if (masked[c].stable()[i]) {
              stableCells++;
              maskedErrors += masked[c].reference()[i] != reread[i] ? 1 : 0;
            }
          }
        }
        points.add(new ReliabilityPoint(t, s, (double) errors / ((long) chips * n),
            stableCells == 0 ? Double.NaN : (double) maskedErrors / stableCells));
      }
    }
    return new Result(chips, n, uniformity, uniformitySd, uniqueness, sd(distances, uniqueness), maskedFraction, points);
  }

  private static int hamming(boolean[] a, boolean[] b) {
    int d = 0;
    for (int i = 0; i < a.length; i++) {
      d += a[i] != b[i] ? 1 : 0;
    }
    return d;
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  private static double sd(double[] x, double mean) {
    double s = 0;
    for (double v : x) {
      s += (v - mean) * (v - mean);
    }
    return x.length > 1 ? Math.sqrt(s / (x.length - 1)) : 0;
  }
}
