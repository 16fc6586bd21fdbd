package org.ferrogen.randomness.sp80090b;

import java.util.function.DoubleUnaryOperator;

/** Numerical helpers that reproduce the exact search and comparison rules of NIST's tool. */
final class Numerics {

  /** z_{1-alpha/2} for alpha = 0.01, the constant of SP 800-90B section 6.3. */
  static final double Z_ALPHA = 2.5758293035489008;

  /** Iteration cap of the tool's bisections (enough to exhaust double precision). */
  private static final int ITERATION_MAX = 1076;

  private static final double LN2 = Math.log(2.0);

  private Numerics() {}

  static double log2(double x) {
    return Math.log(x) / LN2;
  }

  /**
   * Closeness test used to stop the bisections: relative difference within machine epsilon, an
   * absolute test when a relative one is meaningless, else within {@code maxUlp} units in the last
   * place.
   */
  static boolean nearlyEqual(double a, double b, double maxAbs, double maxRel, long maxUlp) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return false;
    }
    if (a == b) {
      return true;
    }
    if (Double.isInfinite(a) || Double.isInfinite(b)) {
      return false;
    }
    double absA = Math.abs(a);
    double absB = Math.abs(b);
    if (absA > absB) {
      double t = b;
      b = a;
      a = t;
      t = absB;
      absB = absA;
      absA = t;
    }
    double diff = Math.abs(b - a);
    if (absA < Double.MIN_NORMAL
        || diff < Double.MIN_NORMAL
        || Double.isInfinite(diff)
        || absB * maxRel < Double.MIN_NORMAL) {
      return diff <= maxAbs;
    }
    if (diff <= absB * maxRel) {
      return true;
    }
    if ((Double.doubleToRawLongBits(a) < 0) != (Double.doubleToRawLongBits(b) < 0)) {
      return false;
    }
    return Double.doubleToLongBits(absB) - Double.doubleToLongBits(absA) <= maxUlp;
  }

  static boolean nearlyEqual(double a, double b) {
    return nearlyEqual(a, b, Double.MIN_NORMAL, Math.ulp(1.0), 4);
  }

  private static boolean inClosed(double x, double a, double b) {
    return a > b ? x >= b && x <= a : x >= a && x <= b;
  }

  private static boolean inOpen(double x, double a, double b) {
    return a > b ? x > b && x < a : x > a && x < b;
  }

  /** A function whose value can be bracketed at less cost than it is computed. */
  interface Bracketed {
    /**
     * Writes bounds out[0] <= f(p) <= out[1]; when {@code exact}, both are f(p) as the tool
     * computes it.
     */
    void bracket(double p, boolean exact, double[] out);
  }

  /**
   * Finds p in [low, high] with f(p) = target for a decreasing f by the tool's guarded bisection.
   * When the bracketing invariants fail the search returns {@code onFailure}, as the tool does
   * (the domain's low end for the compression estimate, the high end for P_local).
   */
  static double bisect(
      DoubleUnaryOperator f, double target, double low, double high, double onFailure) {
    return bisect(
        (p, exact, out) -> out[0] = out[1] = f.applyAsDouble(p), target, low, high, onFailure);
  }

  /**
   * The tool's bisection on a function known at each point within bounds: every comparison that
   * the bounds settle is taken from them, and f is computed exactly only where they do not, so the
   * search visits the same points and returns the same p as with exact values throughout.
   */
  static double bisect(Bracketed f, double target, double low, double high, double onFailure) {
    double lbound = low;
    double hbound = high;
    // Bounds on f at p, lbound and hbound, and whether they are exact.
    double[] value = new double[2];
    double[] lvalue = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    double[] hvalue = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    boolean lExact = true;
    boolean hExact = true;
    double p = (lbound + hbound) / 2.0;
    f.bracket(p, false, value);
    boolean valueExact = value[0] == value[1]; // bounds that meet are the value
    for (int j = 0; j < ITERATION_MAX; j++) {
      if (!valueExact && (mayBeNear(value, target) || !(target < value[0] || target >= value[1]))) {
        f.bracket(p, true, value);
        valueExact = true;
      }
      if (valueExact && nearlyEqual(value[0], target)) {
        break;
      }
      if (target < value[0]) {
        lbound = p;
        lvalue[0] = value[0];
        lvalue[1] = value[1];
        lExact = valueExact;
      } else {
        hbound = p;
        hvalue[0] = value[0];
        hvalue[1] = value[1];
        hExact = valueExact;
      }
      if (lbound >= hbound) {
        p = Math.min(Math.max(lbound, hbound), high);
        break;
      }
      if (!(inClosed(lbound, low, high) && inClosed(hbound, low, high))) {
        p = onFailure;
        break;
      }
      int targetInside = inClosed(target, target, lvalue, hvalue);
      if (targetInside < 0) {
        if (!lExact) {
          f.bracket(lbound, true, lvalue);
          lExact = true;
        }
        if (!hExact) {
          f.bracket(hbound, true, hvalue);
          hExact = true;
        }
        targetInside = inClosed(target, lvalue[0], hvalue[0]) ? 1 : 0;
      }
      if (targetInside == 0) {
        p = onFailure;
        break;
      }
      double lastP = p;
      p = (lbound + hbound) / 2.0;
      if (!inOpen(p, lbound, hbound)) {
        p = hbound;
        break;
      }
      if (lastP == p) {
        p = hbound;
        break;
      }
      f.bracket(p, false, value);
      valueExact = value[0] == value[1];
      int valueInside = inClosed(value[0], value[1], lvalue, hvalue);
      if (valueInside < 0) {
        if (!valueExact) {
          f.bracket(p, true, value);
          valueExact = true;
        }
        if (!lExact) {
          f.bracket(lbound, true, lvalue);
          lExact = true;
        }
        if (!hExact) {
          f.bracket(hbound, true, hvalue);
          hExact = true;
        }
        valueInside = inClosed(value[0], lvalue[0], hvalue[0]) ? 1 : 0;
      }
      if (valueInside == 0) {
        p = hbound;
        break;
      }
    }
    return p;
  }

  /** Whether some point of the bounds could be {@link #nearlyEqual} to target (true for NaN). */
  private static boolean mayBeNear(double[] bounds, double target) {
    double m = Math.max(Math.abs(target), Math.max(Math.abs(bounds[0]), Math.abs(bounds[1])));
    double w = 8 * Math.ulp(m) + Double.MIN_NORMAL;
    return !(target < bounds[0] - w) && !(target > bounds[1] + w);
  }

  /**
   * {@link #inClosed(double, double, double)} for x in [x0, x1] and a, b within their bounds: 1
   * when it holds for all of them, 0 when for none, -1 when that depends on where they lie (for
   * exact bounds, never).
   */
  private static int inClosed(double x0, double x1, double[] a, double[] b) {
    if (x0 == x1 && a[0] == a[1] && b[0] == b[1]) {
      return inClosed(x0, a[0], b[0]) ? 1 : 0;
    }
    if (a[0] > b[1]) { // a > b
      return x0 >= b[1] && x1 <= a[0] ? 1 : x1 < b[0] || x0 > a[1] ? 0 : -1;
    }
    if (a[1] <= b[0]) { // a <= b
      return x0 >= a[1] && x1 <= b[0] ? 1 : x1 < a[0] || x0 > b[1] ? 0 : -1;
    }
    return -1;
  }
}
