package org.ferrogen.randomness.sp80090b;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.ferrogen.randomness.sp80022.SpecialFunctions;

/**
 * The chi-square tests of SP 800-90B section 5.2 as NIST's {@code ea_iid} computes them:
 * independence (5.2.1 / 5.2.3 for binary data, m-bit tuples) and goodness of fit (5.2.2 / 5.2.4,
 * ten sub-sequences), with the tool's bin merging (pairs sorted by expectation, bins closed at an
 * expectation of 5, a short last bin merged into its predecessor). A test fails at p < 0.001.
 */
public final class ChiSquareTests {

  /** A test fails when its p-value is below this. */
  public static final double ALPHA = 0.001;

  /** One test's statistic, degrees of freedom and p-value. */
  public record Outcome(String name, double statistic, int degreesOfFreedom, double pValue) {
    public boolean passed() {
      return !(pValue < ALPHA);
    }
  }

  private ChiSquareTests() {}

  /** Both tests on the (translated) symbols. */
  public static List<Outcome> run(byte[] symbols, int alphabetSize) {
    List<Outcome> out = new ArrayList<>(2);
    out.add(alphabetSize == 2 ? binaryIndependence(symbols) : independence(symbols, alphabetSize));
    out.add(alphabetSize == 2 ? binaryGoodnessOfFit(symbols) : goodnessOfFit(symbols, alphabetSize));
    return out;
  }

  static Outcome binaryIndependence(byte[] data) {
    int n = data.length;
    double p1 = 0.0;
    for (byte b : data) {
      p1 += b;
    }
    p1 /= n;
    double p0 = 1.0 - p1;
    double minP = Math.min(p0, p1);
    int m = 11;
    while (m > 1) {
      if (Math.pow(minP, m) * (n / m) >= 5) {
        break;
      }
      m--;
    }
    if (m < 2) {
      return outcome("Chi square independence", 0.0, 0);
    }
    int[] occ = new int[1 << m];
    int blocks = n / m;
    for (int i = 0; i < blocks; i++) {
      int symbol = 0;
      for (int j = 0; j < m; j++) {
        symbol = (symbol << 1) | data[i * m + j];
      }
      occ[symbol]++;
    }
    double t = 0;
    for (int i = 0; i < occ.length; i++) {
      int w = Integer.bitCount(i);
      double e = Math.pow(p1, w) * Math.pow(p0, m - w) * blocks;
      t += Math.pow(occ[i] - e, 2) / e;
    }
    return outcome("Chi square independence", t, (1 << m) - 2);
  }

  static Outcome binaryGoodnessOfFit(byte[] data) {
    int n = data.length;
    int sub = n / 10;
    int ones = 0;
    for (byte b : data) {
      ones += b;
    }
    double p = (double) ones / (double) n;
    double e0 = (1.0 - p) * sub;
    double e1 = p * sub;
    double t = 0;
    for (int i = 0; i < 10; i++) {
      int o1 = 0;
      for (int j = 0; j < sub; j++) {
        o1 += data[i * sub + j];
      }
      int o0 = sub - o1;
      t += (Math.pow(o0 - e0, 2) / e0) + (Math.pow(o1 - e1, 2) / e1);
    }
    return outcome("Chi square goodness of fit", t, 9);
  }

  /** Proportions accumulated as the tool does (adding 1/n per occurrence). */
  private static double[] proportions(byte[] data, int k) {
    double[] p = new double[k];
    double step = 1.0 / data.length;
    for (byte b : data) {
      p[b & 0xFF] += step;
    }
    return p;
  }

  private record Cell(int tuple, double expectation) {}

  /** Bin index per tuple and the bin expectations. */
  private record Bins(int[] binOf, double[] expectations) {}

  private static Bins allocate(Cell[] cells, int tuples) {
    Cell[] sorted = cells.clone();
    Arrays.sort(
        sorted, Comparator.comparingDouble(Cell::expectation).thenComparingInt(Cell::tuple));
    int[] binOf = new int[tuples];
    List<Double> exps = new ArrayList<>();
    int bin = 0;
    double current = 0.0;
    for (Cell c : sorted) {
      if (current >= 5.0) {
        exps.add(current);
        bin++;
        current = 0.0;
      }
      binOf[c.tuple()] = bin;
      current += c.expectation();
    }
    if (bin != 0 && current < 5.0) {
      for (int i = sorted.length - 1; binOf[sorted[i].tuple()] == bin; i--) {
        binOf[sorted[i].tuple()] = bin - 1;
      }
      exps.set(bin - 1, exps.get(bin - 1) + current);
    } else {
      exps.add(current);
    }
    return new Bins(binOf, exps.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static double statistic(double[] expected, int[] observed) {
    double t = 0.0;
    for (int i = 0; i < expected.length; i++) {
      t += Math.pow(observed[i] - expected[i], 2) / expected[i];
    }
    return t;
  }

  static Outcome independence(byte[] data, int k) {
    int n = data.length;
    double[] p = proportions(data, k);
    Cell[] cells = new Cell[k * k];
    double pairs = Math.floor(n * 0.5);
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        cells[i * k + j] = new Cell(i * k + j, p[i] * p[j] * pairs);
      }
    }
    Bins bins = allocate(cells, k * k);
    int[] observed = new int[bins.expectations().length];
    for (int j = 0; j < n - 1; j += 2) {
      observed[bins.binOf()[(data[j] & 0xFF) * k + (data[j + 1] & 0xFF)]]++;
    }
    return outcome(
        "Chi square independence",
        statistic(bins.expectations(), observed),
        bins.expectations().length - k);
  }

  static Outcome goodnessOfFit(byte[] data, int k) {
    int n = data.length;
    double[] p = proportions(data, k);
    Cell[] cells = new Cell[k];
    for (int j = 0; j < k; j++) {
      cells[j] = new Cell(j, p[j] * Math.floor((double) n / 10.0));
    }
    Bins bins = allocate(cells, k);
    int block = n / 10;
    double t = 0.0;
    for (int j = 0; j < 10; j++) {
      int[] observed = new int[bins.expectations().length];
      for (int i = j * block; i < (j + 1) * block; i++) {
        observed[bins.binOf()[data[i] & 0xFF]]++;
      }
      t += statistic(bins.expectations(), observed);
    }
    return outcome(
        "Chi square goodness of fit", t, 9 * (bins.expectations().length - 1));
  }

  private static Outcome outcome(String name, double t, int df) {
    return new Outcome(name, t, df, SpecialFunctions.igamc(df / 2.0, t / 2.0));
  }
}
