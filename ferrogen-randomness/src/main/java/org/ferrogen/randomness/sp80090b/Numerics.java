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

  /**
   * Finds p in [low, high] with f(p) = target for a decreasing f by the tool's guarded bisection.
   * When the bracketing invariants fail the search returns {@code onFailure}, as the tool does
   * (the domain's low end for the compression estimate, the high end for P_local).
   */
  static double bisect(
      DoubleUnaryOperator f, double target, double low, double high, double onFailure) {
    double lbound = low;
    double hbound = high;
    double lvalue = Double.POSITIVE_INFINITY;
    double hvalue = Double.NEGATIVE_INFINITY;
    double p = (lbound + hbound) / 2.0;
    double value = f.applyAsDouble(p);
    for (int j = 0; j < ITERATION_MAX; j++) {
      if (nearlyEqual(value, target)) {
        break;
      }
      if (target < value) {
        lbound = p;
        lvalue = value;
      } else {
        hbound = p;
        hvalue = value;
      }
      if (lbound >= hbound) {
        p = Math.min(Math.max(lbound, hbound), high);
        break;
      }
      if (!(inClosed(lbound, low, high) && inClosed(hbound, low, high))) {
        p = onFailure;
        break;
      }
      if (!inClosed(target, lvalue, hvalue)) {
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
      value = f.applyAsDouble(p);
      if (!inClosed(value, lvalue, hvalue)) {
        p = hbound;
        break;
      }
    }
    return p;
  }
}
